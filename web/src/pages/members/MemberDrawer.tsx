/**
 * A member's record: the person, the membership, transfers, this year's study hours and the dues of the year, each
 * from its own endpoint; correcting, transferring within the county and leaving where the server lists the action in
 * the member's `actions`.
 */
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Empty, Form, Input, Modal, Progress, Select, Skeleton, Space, Table, Tabs, Tag, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { LEAVE_REASONS } from '../../../../src/shared/vocab.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError, get, post } from '../../lib/api';
import { chineseDate, chineseMonth, DATE_FORMATS } from '../../lib/format';
import { useOrgScope } from '../../lib/org-scope';
import type { DuesMemberView, LeaveInput, MemberDetail, MemberStudyView, OrgTreeNode, TransferInput, WithActions } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { showFieldErrors } from './form-errors';
import { StatusTag } from './MembersPage';
import { anyButton, memberButtons } from './record-actions';

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');
/** Two columns in the drawer (never wider than 720 px) whatever the screen; one on a phone. */
const TWO = { xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 };
const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

export function MemberDrawer({ id, onClose, onEdit, onChanged, version = 0 }: { id: number; onClose: () => void; onEdit: () => void; onChanged: () => void; version?: number }) {
  const { data, loading, error, reload } = useApi(() => get<WithActions<MemberDetail>>(`/members/${id}`), [id, version]);
  const [acting, setActing] = useState<'transfer' | 'leave' | null>(null);
  const buttons = memberButtons(data);
  const changed = () => {
    setActing(null);
    reload();
    onChanged();
  };
  return (
    <Drawer
      open
      onClose={onClose}
      width={Math.min(720, typeof window === 'undefined' ? 720 : window.innerWidth - 24)}
      title={data ? `${data.name}的党员信息` : '党员信息'}
      extra={
        anyButton(buttons) ? (
          <Space wrap>
            {buttons.edit ? <Button onClick={onEdit}>编辑</Button> : null}
            {buttons.transfer ? <Button onClick={() => setActing('transfer')}>组织关系转接</Button> : null}
            {buttons.leave ? (
              <Button danger onClick={() => setActing('leave')}>
                离开
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {error instanceof ApiError && error.status === 404 ? (
        <Empty description="未找到此党员，或不在您的管理范围内" />
      ) : !data ? (
        loading ? <Skeleton active /> : <ErrorAlert error={error} onRetry={reload} />
      ) : (
        <Tabs
          items={[
            { key: 'record', label: '基本信息', children: <RecordTab m={data} /> },
            { key: 'study', label: '学习培训', children: <StudyTab id={id} /> },
            { key: 'dues', label: '党费', children: <DuesTab id={id} /> },
          ]}
        />
      )}
      {data && buttons.transfer && acting === 'transfer' ? <TransferForm m={data} onClose={() => setActing(null)} onSaved={changed} /> : null}
      {data && buttons.leave && acting === 'leave' ? <LeaveForm m={data} onClose={() => setActing(null)} onSaved={changed} /> : null}
    </Drawer>
  );
}

function RecordTab({ m }: { m: MemberDetail }) {
  const { find } = useOrgScope();
  const orgName = (code: string) => find(code)?.name ?? code;
  return (
    <>
      {m.leftOn ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`已于${chineseDate(m.leftOn)}离开（${m.leaveReason ?? ''}）${m.leaveNote ? `：${m.leaveNote}` : ''}，记录保留`} /> : null}
      <Descriptions size="small" bordered column={TWO}>
        <Descriptions.Item label="姓名">{m.name}</Descriptions.Item>
        <Descriptions.Item label="性别">{m.gender}</Descriptions.Item>
        <Descriptions.Item label="公民身份号码">
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{m.idNumber}</span>
        </Descriptions.Item>
        <Descriptions.Item label="手机号码">{m.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="民族">{m.ethnicity}</Descriptions.Item>
        <Descriptions.Item label="出生日期">{chineseDate(m.birthDate)}</Descriptions.Item>
        <Descriptions.Item label="学历">{m.education ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="人员类别">{m.occupation ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="所在组织" span={TWO}>
          {m.orgName}
        </Descriptions.Item>
        <Descriptions.Item label="党员类别">
          <StatusTag m={m} />
        </Descriptions.Item>
        <Descriptions.Item label="党内职务">{m.partyPost ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="入党日期">{chineseDate(m.joinedOn)}</Descriptions.Item>
        <Descriptions.Item label="转正日期">{m.confirmedOn ? chineseDate(m.confirmedOn) : '—'}</Descriptions.Item>
        <Descriptions.Item label="进入方式">{m.entryKind ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="进入日期">{m.entryOn ? chineseDate(m.entryOn) : '—'}</Descriptions.Item>
        <Descriptions.Item label="流动党员">{m.isMobile ? `是${m.mobileDestination ? `（外出流向：${m.mobileDestination}）` : ''}` : '否'}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        组织关系转接
      </Typography.Title>
      {m.transfers.length === 0 ? (
        <Typography.Text type="secondary">没有县内组织关系转接记录。</Typography.Text>
      ) : (
        <Table
          size="small"
          rowKey={(t) => `${t.transferredOn}-${t.toOrgCode}`}
          pagination={false}
          scroll={{ x: true }}
          dataSource={m.transfers}
          columns={[
            { title: '转接日期', dataIndex: 'transferredOn', render: (v: string) => chineseDate(v) },
            { title: '转出组织', dataIndex: 'fromOrgCode', render: orgName },
            { title: '转入组织', dataIndex: 'toOrgCode', render: orgName },
            { title: '备注', dataIndex: 'note', render: (v: string | null) => v ?? '' },
          ]}
        />
      )}
    </>
  );
}

function StudyTab({ id }: { id: number }) {
  const { data, loading, error, reload } = useApi(() => get<MemberStudyView>(`/members/${id}/study`), [id]);
  if (!data) return loading ? <Skeleton active /> : <ErrorAlert error={error} onRetry={reload} />;
  const required = Number(data.requiredHours);
  const done = Number(data.concentratedHours);
  return (
    <>
      <Typography.Paragraph>
        {data.year}年集中学习培训 {data.concentratedHours} 学时，应达 {data.requiredHours} 学时
        {data.met ? <Tag color="success" style={{ marginLeft: 8 }}>已达到</Tag> : <Tag color="warning" style={{ marginLeft: 8 }}>尚差 {data.shortfallHours} 学时</Tag>}
      </Typography.Paragraph>
      <Progress percent={required ? Math.min(100, Math.round((done / required) * 100)) : 100} status={data.met ? 'success' : 'active'} aria-label="学时完成情况" />
      <Typography.Paragraph type="secondary">
        全部学习培训 {data.totalHours} 学时，学习积分 {data.points}
        {data.requiredTrainings ? `；应参加集中培训${data.requiredTrainings}次，已参加${data.concentratedTrainings}次` : ''}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey={(r) => `${r.kind}-${r.id}`}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本年度还没有学习培训记录" /> }}
        dataSource={[
          ...data.trainings.map((t) => ({ kind: 'training', id: t.trainingId, date: t.startOn, title: t.title, type: t.kind, hours: t.hours })),
          ...data.records.map((r) => ({ kind: 'record', id: r.id, date: r.studiedOn, title: r.title, type: r.kind, hours: r.hours })),
        ].sort((a, b) => b.date.localeCompare(a.date))}
        columns={[
          { title: '日期', dataIndex: 'date', render: (v: string) => chineseDate(v) },
          { title: '内容', dataIndex: 'title' },
          { title: '形式', dataIndex: 'type' },
          { title: '学时', dataIndex: 'hours' },
        ]}
      />
    </>
  );
}

function DuesTab({ id }: { id: number }) {
  const { data, loading, error, reload } = useApi(() => get<DuesMemberView>(`/members/${id}/dues`), [id]);
  if (!data) return loading ? <Skeleton active /> : <ErrorAlert error={error} onRetry={reload} />;
  return (
    <>
      <Typography.Paragraph>
        党费类别：{data.category ?? '未核定'}
        {data.base ? `，基数${data.base}元` : ''}。
        {data.unpaidMonths > 0 ? <Tag color="error">未交 {data.unpaidMonths} 个月</Tag> : <Tag color="success">按月交纳</Tag>}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="month"
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有党费记录" /> }}
        dataSource={[...data.months].reverse()}
        columns={[
          { title: '月份', dataIndex: 'month', render: (v: string) => chineseMonth(v) },
          { title: '应交（元）', dataIndex: 'due' },
          { title: '实交（元）', dataIndex: 'paid', render: (v: string | null) => v ?? '' },
          { title: '状态', dataIndex: 'status', render: (v: string) => <Tag color={v === '未交' ? 'error' : v === '补交' ? 'warning' : v === '已交' ? 'success' : 'default'}>{v}</Tag> },
          { title: '交纳日期', dataIndex: 'paidOn', render: (v: string | null) => (v ? chineseDate(v) : '') },
        ]}
      />
    </>
  );
}

/** The branches of the whole visible tree but the member's own: where a member may be transferred to within the county. */
function branchTree(nodes: OrgTreeNode[], own: string): { value: string; title: string; selectable: boolean; children: ReturnType<typeof branchTree> }[] {
  return nodes.map((n) => ({ value: n.code, title: n.name, selectable: n.code !== own && /支部/.test(n.kind), children: branchTree(n.children, own) }));
}

function TransferForm({ m, onClose, onSaved }: { m: MemberDetail; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const { tree } = useOrgScope();
  const [form] = Form.useForm<{ toOrgCode: string; transferredOn: Dayjs; note?: string }>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const options = useMemo(() => branchTree(tree, m.orgCode), [tree, m.orgCode]);
  const submit = async (v: { toOrgCode: string; transferredOn: Dayjs; note?: string }) => {
    setSaving(true);
    setError(null);
    try {
      const body: TransferInput = { toOrgCode: v.toOrgCode, transferredOn: iso(v.transferredOn), note: v.note || null };
      await post(`/members/${m.id}/transfer`, body);
      message.success(`已将${m.name}的组织关系转入新的党支部`);
      onSaved();
    } catch (e) {
      setError(showFieldErrors(form, e, ['toOrgCode', 'transferredOn', 'note']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`组织关系转接（县内）：${m.name}`} okText="转接" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item label="转出组织">{m.orgName}</Form.Item>
        <Form.Item name="toOrgCode" label="转入组织" rules={[{ required: true, message: '请选择转入的党支部' }]} extra="县外转出请用“离开”，离开原因选“转出组织关系”">
          <TreeSelect showSearch treeNodeFilterProp="title" treeData={options} treeDefaultExpandAll={false} placeholder="选择党支部" />
        </Form.Item>
        <Form.Item name="transferredOn" label="转接日期" rules={[{ required: true, message: '请填写转接日期' }]}>
          <DatePicker format={DATE_FORMATS} style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LeaveForm({ m, onClose, onSaved }: { m: MemberDetail; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: LeaveInput['reason']; leftOn: Dayjs; note?: string }>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (v: { reason: LeaveInput['reason']; leftOn: Dayjs; note?: string }) => {
    setSaving(true);
    setError(null);
    try {
      const body: LeaveInput = { reason: v.reason, leftOn: iso(v.leftOn), note: v.note || null };
      await post(`/members/${m.id}/leave`, body);
      message.success(`已登记${m.name}离开（${v.reason}），记录保留`);
      onSaved();
    } catch (e) {
      setError(showFieldErrors(form, e, ['reason', 'leftOn', 'note']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`党员离开：${m.name}`} okText="确认离开" okButtonProps={{ danger: true }} cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">离开后不再计入党员人数，记录保留可查。县内转接请用“组织关系转接”。</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label="离开原因" rules={[{ required: true, message: '请选择离开原因' }]}>
          <Select options={LEAVE_REASONS.map((r) => ({ value: r, label: r }))} />
        </Form.Item>
        <Form.Item name="leftOn" label="离开日期" rules={[{ required: true, message: '请填写离开日期' }]}>
          <DatePicker format={DATE_FORMATS} style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
        <Form.Item name="note" label="备注" extra="如转往的单位、批准文件等">
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
