/**
 * 党员名册: the members of the chosen organization (and below), ID numbers and phones masked as the API returns them;
 * a member's record in a drawer; registering (the organization's `record` action), correcting, transferring and
 * leaving (each member's own `actions`) where the server allows it.
 */
import { Button, Checkbox, Empty, Input, Select, Skeleton, Space, Switch, Table, Tag, Tooltip } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { MEMBER_STATUSES } from '../../../../src/shared/vocab.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { get, withQuery } from '../../lib/api';
import { chineseDate } from '../../lib/format';
import { useOrgScope } from '../../lib/org-scope';
import type { MemberListItem, Page, WithActions } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { MemberDrawer } from './MemberDrawer';
import { MemberForm } from './MemberForm';
import { allows } from './record-actions';
import { useOrgActions } from './use-org-actions';

const PAGE_SIZE = 20;

/** Short columns (dates, codes, tags) on one line: the table scrolls sideways on a narrow screen instead. */
type MemberRow = WithActions<MemberListItem>;

const nowrap = { onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' as const } }), onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) };

export function StatusTag({ m }: { m: Pick<MemberListItem, 'status' | 'leftOn' | 'leaveReason'> }) {
  if (m.leftOn) return <Tag>{m.leaveReason ?? '已离开'}</Tag>;
  return <Tag color={m.status === '预备党员' ? 'orange' : 'red'}>{m.status}</Tag>;
}

export function MembersPage() {
  const { org, orgName } = useOrgScope();
  const { can } = useOrgActions(org);
  const [name, setName] = useState('');
  const [status, setStatus] = useState<string | undefined>();
  const [subtree, setSubtree] = useState(true);
  const [includeLeft, setIncludeLeft] = useState(false);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [form, setForm] = useState<{ mode: 'create' } | { mode: 'edit'; id: number } | null>(null);
  const { data, loading, error, reload } = useApi(
    () =>
      org
        ? get<Page<MemberRow>>('/members', { org, name: name || undefined, status, subtree, includeLeft, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
        : Promise.resolve({ total: 0, items: [] }),
    [org, name, status, subtree, includeLeft, page],
  );
  const filtered = !!(name || status || includeLeft);
  const record = can('record');

  return (
    <>
      <PageHeader
        title="党员名册"
        subtitle={`${orgName}${subtree ? '（含下级组织）' : ''}`}
        extra={
          <>
            {org ? (
              <Button icon={<DownloadOutlined />} href={withQuery('/api/export', { org })}>
                导出工作簿
              </Button>
            ) : null}
            {record ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create' })}>
                登记党员
              </Button>
            ) : null}
          </>
        }
      />
      <Space wrap style={{ marginBottom: 12 }} aria-label="筛选">
        <Input.Search
          aria-label="按姓名查找"
          placeholder="按姓名查找"
          allowClear
          style={{ width: 200 }}
          onSearch={(v) => {
            setName(v.trim());
            setPage(1);
          }}
        />
        <Select
          aria-label="党员类别"
          allowClear
          placeholder="全部党员类别"
          style={{ width: 150 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={MEMBER_STATUSES.map((s) => ({ value: s, label: s }))}
        />
        <Space size={6}>
          <Switch
            id="members-subtree"
            checked={subtree}
            onChange={(v) => {
              setSubtree(v);
              setPage(1);
            }}
          />
          <label htmlFor="members-subtree">含下级组织</label>
        </Space>
        <Checkbox
          checked={includeLeft}
          onChange={(e) => {
            setIncludeLeft(e.target.checked);
            setPage(1);
          }}
        >
          含已离开的党员
        </Checkbox>
      </Space>
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !data ? (
        <Skeleton active />
      ) : (
        <Table<MemberRow>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: true }}
          locale={{
            emptyText: (
              <Empty
                description={
                  filtered
                    ? '没有符合条件的党员，请调整筛选条件'
                    : subtree
                      ? record
                        ? '本组织还没有党员记录，点击“登记党员”开始，或在“导入导出”中导入党员名册'
                        : '本组织还没有党员记录'
                      : '本组织没有直接隶属的党员，打开“含下级组织”查看各党支部的党员'
                }
              />
            ),
          }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (t) => `共 ${t} 名党员` }}
          columns={[
            {
              ...nowrap,
              title: '姓名',
              dataIndex: 'name',
              fixed: 'left',
              render: (v: string, m) => (
                <Button type="link" size="small" autoInsertSpace={false} style={{ padding: 0 }} onClick={() => setOpen(m.id)}>
                  {v}
                </Button>
              ),
            },
            { ...nowrap, title: '性别', dataIndex: 'gender', width: 60 },
            { ...nowrap, title: '出生日期', dataIndex: 'birthDate', render: (v: string) => chineseDate(v) },
            { ...nowrap, title: '公民身份号码', dataIndex: 'idNumberMasked', render: (v: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{v}</span> },
            { ...nowrap, title: '手机号码', dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
            { ...nowrap, title: '党员类别', dataIndex: 'status', render: (_: string, m) => <StatusTag m={m} /> },
            { ...nowrap, title: '入党日期', dataIndex: 'joinedOn', render: (v: string) => chineseDate(v) },
            { ...nowrap, title: '党内职务', dataIndex: 'partyPost', render: (v: string | null) => v ?? '' },
            ...(subtree
              ? [
                  {
                    title: '所在组织',
                    dataIndex: 'orgName',
                    width: 220,
                    ellipsis: { showTitle: false },
                    render: (v: string) => (
                      <Tooltip title={v} placement="topLeft">
                        {v}
                      </Tooltip>
                    ),
                  },
                ]
              : []),
            {
              ...nowrap,
              title: '操作',
              key: 'op',
              fixed: 'right' as const,
              render: (_: unknown, m: MemberRow) => (
                <Space size={4}>
                  <Button type="link" size="small" onClick={() => setOpen(m.id)} aria-label={`查看${m.name}`}>
                    查看
                  </Button>
                  {allows(m, 'update') ? (
                    <Button type="link" size="small" onClick={() => setForm({ mode: 'edit', id: m.id })} aria-label={`编辑${m.name}`}>
                      编辑
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      )}
      {open !== null ? (
        <MemberDrawer
          id={open}
          version={version}
          onClose={() => setOpen(null)}
          onEdit={() => setForm({ mode: 'edit', id: open })}
          onChanged={reload}
        />
      ) : null}
      {form && org ? (
        <MemberForm
          orgCode={org}
          editId={form.mode === 'edit' ? form.id : null}
          onClose={() => setForm(null)}
          onSaved={(id) => {
            setForm(null);
            reload();
            setVersion((v) => v + 1);
            setOpen(id);
          }}
        />
      ) : null}
    </>
  );
}
