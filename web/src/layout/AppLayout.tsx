/**
 * The frame of every page after login: the header (platform, user, logout), the menu and the organization tree on the
 * left (as in 全国党员管理信息系统), the page on the right. The tree collapses on narrow screens (tablets).
 */
import { Button, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useState } from 'react';
import { isBranchUser, useAuth } from '../lib/auth';
import { OrgScopeProvider, useOrgScope } from '../lib/org-scope';
import { OrgTree } from './OrgTree';
import { MENU } from './menu';

const { Header, Sider, Content } = Layout;

function ScopedLink({ to, children }: { to: string; children: string }) {
  const { org } = useOrgScope();
  return <Link to={org ? `${to}?org=${encodeURIComponent(org)}` : to}>{children}</Link>;
}

function Frame() {
  const { user, logout } = useAuth();
  const { orgName } = useOrgScope();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const items = MENU.filter((m) => !m.roles || m.roles.some((r) => user?.roles.includes(r))).map((m) => ({
    key: m.path,
    icon: m.icon,
    label: <ScopedLink to={m.path}>{m.label}</ScopedLink>,
  }));
  const selected = MENU.map((m) => m.path).filter((p) => location.pathname.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#a40000', paddingInline: 16 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          党建工作平台
        </Typography.Title>
        <Typography.Text style={{ color: '#ffe7ba', flex: 1, minWidth: 0 }} ellipsis={{ tooltip: orgName }}>
          {orgName}
        </Typography.Text>
        <Dropdown
          menu={{
            items: [{ key: 'logout', icon: <LogoutOutlined />, label: '退出登录' }],
            onClick: () => void logout().then(() => navigate('/login')),
          }}
        >
          <Button type="text" style={{ color: '#fff' }} icon={<UserOutlined />} aria-label="当前用户">
            <Space>
              {user?.displayName}
              {screens.md ? <span style={{ opacity: 0.8 }}>（{user?.orgName ?? '系统管理员'}）</span> : null}
            </Space>
          </Button>
        </Dropdown>
      </Header>
      <Layout>
        {/* The white column runs the whole page's height; the menu and tree inside stay in view while it scrolls. */}
        <div style={{ background: '#fff', borderRight: '1px solid #f0f0f0' }}>
          <Sider
            width={300}
            theme="light"
            breakpoint="lg"
            collapsedWidth={0}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            style={{ overflow: 'auto', height: 'calc(100vh - 64px)', position: 'sticky', top: 0 }}
          >
            <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} style={{ borderInlineEnd: 0 }} />
            <OrgTree />
          </Sider>
        </div>
        <Content style={{ padding: 16, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}

export function AppLayout() {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return null;
  if (!user) return <Navigate to="/login" state={{ from: location.pathname + location.search }} replace />;
  return (
    <OrgScopeProvider>
      <Frame />
    </OrgScopeProvider>
  );
}

/** The home page by role: the branch secretary's desk, or the dashboard for the county and townships. */
export function HomeRedirect() {
  const { user } = useAuth();
  const location = useLocation();
  return <Navigate to={(isBranchUser(user) ? '/desk' : '/dashboard') + location.search} replace />;
}
