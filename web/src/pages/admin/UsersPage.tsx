/**
 * 用户和角色: the accounts in the caller's scope (a system administrator sees all, an organization administrator its
 * subtree's), creating one, changing its name and roles, disabling and enabling it, and resetting its password to a
 * one-time password shown once. Offered only where the server answers 'manageUsers' for the chosen organization.
 */
import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  Modal,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ApiError, errorMessage, get, patch, post, type FieldIssue } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { useOrgScope } from '../../lib/org-scope';
import { useApi } from '../../lib/use-api';
import type { OrgTreeNode, Page, Role, UserInput, UserView } from '../../lib/types';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useOrgActions } from './use-org-actions';
import { ROLE_OPTIONS, accountState, fieldErrors, generatePassword, otherIssues, roleNames } from './users-logic';

const PAGE_SIZE = 20;

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

function treeOptions(nodes: OrgTreeNode[]): TreeOption[] {
  return nodes.map((n) => ({ value: n.code, title: n.name, children: treeOptions(n.children) }));
}

/** Puts the server's field issues under their fields; returns the issues no field of the form shows. */
function showIssues<T>(form: FormInstance<T>, err: unknown, fields: readonly string[]): FieldIssue[] | null {
  if (!(err instanceof ApiError) || err.issues.length === 0) return null;
  const mapped = fieldErrors(err.issues, fields);
  form.setFields(mapped as Parameters<FormInstance<T>['setFields']>[0]);
  const rest = otherIssues(err.issues, fields);
  return mapped.length === 0 || rest.length > 0 ? rest : [];
}

const CREATE_FIELDS = ['username', 'displayName', 'orgCode', 'roles', 'password', 'mustChangePassword'] as const;

function CreateUserModal({ open, defaultOrg, onClose, onCreated }: { open: boolean; defaultOrg: string | null; onClose: () => void; onCreated: (u: UserView) => void }) {
  const [form] = Form.useForm<UserInput>();
  const { tree } = useOrgScope();
  const options = useMemo(() => treeOptions(tree), [tree]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(values: UserInput) {
    setSaving(true);
    setError(null);
    try {
      const created = await post<UserView>('/users', { ...values, orgCode: values.orgCode || null });
      form.resetFields();
      onCreated(created);
    } catch (e) {
      const rest = showIssues(form, e, CREATE_FIELDS);
      if (rest === null || rest.length > 0) setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title="新建用户"
      open={open}
      onCancel={onClose}
      okText="创建"
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      destroyOnHidden
      width={560}
    >
      <ErrorAlert error={error} />
      <Form<UserInput>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ orgCode: defaultOrg ?? undefined, roles: ['secretary'], mustChangePassword: true }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="username" label="用户名" extra="3–32个字符：字母、数字、下划线、点或连字符，用于登录" rules={[{ required: true, message: '请填写用户名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="orgCode" label="所属组织" extra="用户管理和查看本组织及下级组织的数据">
          <TreeSelect
            treeData={options}
            showSearch
            treeNodeFilterProp="title"
            allowClear
            treeDefaultExpandedKeys={defaultOrg ? [defaultOrg] : []}
            placeholder="选择组织"
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        <Form.Item name="roles" label="角色" rules={[{ required: true, message: '至少选择一个角色' }]}>
          <Checkbox.Group options={ROLE_OPTIONS} />
        </Form.Item>
        <Form.Item
          name="password"
          label="密码"
          extra="至少10个字符，包含小写字母、大写字母、数字、符号中的至少三类，不能包含用户名"
          rules={[{ required: true, message: '请填写初始密码' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="mustChangePassword" valuePropName="checked">
          <Checkbox>首次登录须修改密码</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

const EDIT_FIELDS = ['displayName', 'roles'] as const;

function EditUserModal({ user, onClose, onSaved }: { user: UserView | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ displayName: string; roles: Role[] }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(values: { displayName: string; roles: Role[] }) {
    if (!user) return;
    setSaving(true);
    setError(null);
    try {
      await patch<UserView>(`/users/${user.id}`, values);
      onSaved();
    } catch (e) {
      const rest = showIssues(form, e, EDIT_FIELDS);
      if (rest === null || rest.length > 0) setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={user ? `修改用户：${user.username}` : ''}
      open={!!user}
      onCancel={onClose}
      okText="保存"
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      {user ? (
        <Form form={form} layout="vertical" preserve={false} initialValues={{ displayName: user.displayName, roles: user.roles }} onFinish={(v) => void submit(v)}>
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="roles" label="角色" extra="取消全部角色即收回权限（账号保留，可查看本人信息）">
            <Checkbox.Group options={ROLE_OPTIONS} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}

export function UsersPage() {
  const { user: me } = useAuth();
  const { org, orgName } = useOrgScope();
  const { actions, loading: actionsLoading, error: actionsError } = useOrgActions(org);
  const allowed = actions?.includes('manageUsers') ?? false;
  const { message, modal } = App.useApp();
  const [page, setPage] = useState(1);
  const list = useApi<Page<UserView> | null>(
    () => (allowed ? get<Page<UserView>>('/users', { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }) : Promise.resolve(null)),
    [allowed, page],
  );
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserView | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const nowIso = new Date().toISOString();

  async function setDisabled(u: UserView, disabled: boolean) {
    setBusyId(u.id);
    try {
      await patch<UserView>(`/users/${u.id}`, { disabled });
      void message.success(disabled ? `已停用“${u.displayName}”，其登录会话已结束` : `已启用“${u.displayName}”`);
      list.reload();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusyId(null);
    }
  }

  async function resetPassword(u: UserView) {
    setBusyId(u.id);
    const password = generatePassword(u.username);
    try {
      await post<UserView>(`/users/${u.id}/password`, { password });
      list.reload();
      modal.success({
        title: `已重置“${u.displayName}”的密码`,
        width: 480,
        content: (
          <div>
            <Typography.Paragraph>新的一次性密码（只显示这一次，关闭后无法再查看）：</Typography.Paragraph>
            <Typography.Paragraph copyable={{ text: password, tooltips: ['复制', '已复制'] }} code style={{ fontSize: 18 }} aria-label="一次性密码">
              {password}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">请当面或通过安全渠道告知本人。该用户下次登录时须修改密码，原有登录会话已全部结束。</Typography.Paragraph>
          </div>
        ),
        okText: '我已记下',
      });
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusyId(null);
    }
  }

  if (actionsLoading && !actions) return <Skeleton active />;
  if (actionsError) return <ErrorAlert error={actionsError} />;
  if (!allowed) {
    return (
      <Result
        status="403"
        title="无权访问“用户和角色”"
        subTitle={`您在“${orgName}”没有管理用户和角色的权限。如需开通账号或调整角色，请联系本组织或上级组织的管理员。`}
      />
    );
  }

  return (
    <div>
      <PageHeader
        title="用户和角色"
        subtitle={me?.roles.includes('admin') ? '全部用户' : `${me?.orgName ?? orgName}及下级组织的用户`}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建用户
          </Button>
        }
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<UserView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        aria-label="用户列表"
        locale={{ emptyText: '还没有用户，点击“新建用户”开始' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (t) => `共${t}个用户`,
          onChange: setPage,
        }}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 130 },
          { title: '姓名', dataIndex: 'displayName', width: 140 },
          {
            title: '所属组织',
            dataIndex: 'orgName',
            width: 240,
            ellipsis: { showTitle: true },
            render: (v: string | null) => v ?? <Typography.Text type="secondary">（不属于任何组织）</Typography.Text>,
          },
          {
            title: '角色',
            dataIndex: 'roles',
            width: 200,
            render: (roles: Role[]) =>
              roles.length === 0 ? <Typography.Text type="secondary">无角色</Typography.Text> : roleNames(roles).map((r) => <Tag key={r}>{r}</Tag>),
          },
          {
            title: '状态',
            key: 'state',
            width: 110,
            render: (_: unknown, u) => {
              const s = accountState(u, nowIso);
              return <Tag color={s.color}>{s.label}</Tag>;
            },
          },
          {
            title: '操作',
            key: 'actions',
            width: 190,
            fixed: 'right',
            render: (_: unknown, u) => {
              const self = u.id === me?.id;
              return (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setEditing(u)}>
                    修改角色
                  </Button>
                  <Popconfirm
                    title={`重置“${u.displayName}”的密码？`}
                    description="将生成一次性密码，该用户的登录会话全部结束。"
                    okText="重置"
                    cancelText="取消"
                    onConfirm={() => resetPassword(u)}
                  >
                    <Button type="link" size="small" loading={busyId === u.id} disabled={self}>
                      重置密码
                    </Button>
                  </Popconfirm>
                  {u.disabled ? (
                    <Button type="link" size="small" disabled={self} onClick={() => void setDisabled(u, false)}>
                      启用
                    </Button>
                  ) : (
                    <Popconfirm
                      title={`停用“${u.displayName}”？`}
                      description="停用后不能登录，现有会话立即结束；可以随时启用。"
                      okText="停用"
                      okButtonProps={{ danger: true }}
                      cancelText="取消"
                      onConfirm={() => setDisabled(u, true)}
                    >
                      <Button type="link" size="small" danger disabled={self}>
                        停用
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      {list.data && list.data.items.length > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 16 }}
          message="角色说明：系统管理员管理全部；组织管理员管理本组织及下级组织的数据和用户；支部书记/党务工作者登记本组织的记录；查看只能查看（个人信息脱敏）。"
        />
      ) : null}
      <CreateUserModal
        open={creating}
        defaultOrg={org}
        onClose={() => setCreating(false)}
        onCreated={(u) => {
          setCreating(false);
          void message.success(`已创建用户“${u.username}”`);
          list.reload();
        }}
      />
      <EditUserModal
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void message.success('已保存');
          list.reload();
        }}
      />
    </div>
  );
}
