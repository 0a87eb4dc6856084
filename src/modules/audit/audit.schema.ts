import { z } from 'zod';
import { isoDate } from '../../shared/validation.js';
import { AUDIT_ACTIONS } from './append-audit.js';

export const AUDIT_LABELS: Record<string, string> = {
  user: '用户名',
  recordType: '记录类型',
  recordId: '记录编号',
  action: '操作',
  from: '起始日期',
  to: '截止日期',
  limit: '条数',
  offset: '跳过条数',
};

export const ACTION_LABELS: Record<(typeof AUDIT_ACTIONS)[number], string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  move: '调整隶属关系',
  transfer: '组织关系转接',
  leave: '离开',
  import: '导入',
  login: '登录',
  login_failed: '登录失败',
  logout: '退出登录',
  permission_change: '权限变更',
  password_change: '修改密码',
  token_create: '创建接口令牌',
  token_revoke: '吊销接口令牌',
  view_personal_data: '查看完整个人信息',
  account_locked: '账号锁定',
};

export const auditQuery = z.object({
  user: z.string().trim().min(1).max(64).optional(),
  recordType: z.string().trim().min(1).max(32).optional(),
  recordId: z.string().trim().min(1).max(64).optional(),
  action: z.enum(AUDIT_ACTIONS, { message: `应为以下之一：${AUDIT_ACTIONS.join('、')}` }).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AuditQuery = z.input<typeof auditQuery>;

export const auditEntryView = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorName: z.string(),
  ip: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  orgId: z.number().int().nullable(),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
  note: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;
