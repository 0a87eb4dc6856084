import {
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FileTextOutlined,
  HomeOutlined,
  ImportOutlined,
  TeamOutlined,
  UserAddOutlined,
  UsergroupAddOutlined,
  WarningOutlined,
  DatabaseOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../lib/types';

export interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  /** Shown only to these roles (the server still decides what each may do). */
  roles?: Role[];
}

export const MENU: MenuEntry[] = [
  { path: '/dashboard', label: '党建驾驶舱', icon: <BarChartOutlined /> },
  { path: '/desk', label: '工作台（待办）', icon: <HomeOutlined /> },
  { path: '/compliance', label: '监测通报', icon: <CheckSquareOutlined /> },
  { path: '/meetings', label: '组织生活', icon: <CalendarOutlined /> },
  { path: '/members', label: '党员', icon: <TeamOutlined /> },
  { path: '/development', label: '发展党员', icon: <UserAddOutlined /> },
  { path: '/problems', label: '整改台账', icon: <WarningOutlined /> },
  { path: '/records', label: '工作台账', icon: <DatabaseOutlined /> },
  { path: '/reports', label: '报告', icon: <FileTextOutlined /> },
  { path: '/import', label: '导入导出', icon: <ImportOutlined />, roles: ['admin', 'org_admin', 'secretary'] },
  { path: '/users', label: '用户和角色', icon: <UsergroupAddOutlined />, roles: ['admin', 'org_admin'] },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, roles: ['admin'] },
];
