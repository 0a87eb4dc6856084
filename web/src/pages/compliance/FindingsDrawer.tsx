/**
 * An organization's findings in the notice (GET /api/checks/findings, its subtree, paged): the rule, what was found,
 * the regulation cited, the due date and the records it rests on; filtered by status and family.
 */
import { useState } from 'react';
import { Descriptions, Drawer, Select, Space, Table, Tag, Typography } from 'antd';
import { get } from '../../lib/api';
import { chineseDate } from '../../lib/format';
import type { Family, FindingStatus, Page, RuleFinding } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FAMILY_KEYS, FAMILY_NAMES, STATUS_TEXT } from '../dashboard/dashboard-data';

const STATUS_COLOR: Record<FindingStatus, string> = { overdue: 'red', missed: 'orange', violation: 'magenta', upcoming: 'blue' };
const PAGE = 20;

export interface FindingsFilter {
  status?: FindingStatus | undefined;
  family?: Family | undefined;
}

function Findings({ org, period, filter, onFilter }: { org: string; period: string; filter: FindingsFilter; onFilter: (f: FindingsFilter) => void }) {
  const [page, setPage] = useState(1);
  const { data, loading, error, reload } = useApi(
    () => get<Page<RuleFinding>>('/checks/findings', { org, period, status: filter.status, family: filter.family, limit: PAGE, offset: (page - 1) * PAGE }),
    [org, period, filter.status, filter.family, page],
  );
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<FindingStatus | ''>
          aria-label="状态"
          style={{ width: 140 }}
          value={filter.status ?? ''}
          onChange={(v) => {
            setPage(1);
            onFilter({ ...filter, status: v || undefined });
          }}
          options={[{ value: '', label: '全部状态' }, ...(['overdue', 'missed', 'violation', 'upcoming'] as const).map((s) => ({ value: s, label: STATUS_TEXT[s] }))]}
        />
        <Select<Family | ''>
          aria-label="类别"
          style={{ width: 180 }}
          value={filter.family ?? ''}
          onChange={(v) => {
            setPage(1);
            onFilter({ ...filter, family: v || undefined });
          }}
          options={[{ value: '', label: '全部类别' }, ...FAMILY_KEYS.map((f) => ({ value: f, label: FAMILY_NAMES[f] }))]}
        />
      </Space>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<RuleFinding>
        size="small"
        rowKey={(f) => `${f.org}|${f.rule}|${f.period}|${f.person ?? ''}|${f.message}`}
        loading={loading}
        scroll={{ x: 1000 }}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '没有符合条件的问题' }}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, showSizeChanger: false, showTotal: (t) => `共${t}项`, onChange: setPage }}
        expandable={{
          expandedRowRender: (f) => (
            <Descriptions size="small" column={1}>
              {Object.entries(f.evidence.facts).map(([k, v]) => (
                <Descriptions.Item key={k} label={k}>
                  {v === null ? '无' : String(v)}
                </Descriptions.Item>
              ))}
              <Descriptions.Item label="所依据的记录">
                {f.evidence.records.length ? f.evidence.records.map((r) => r.summary).join('；') : (f.evidence.searched ?? '无')}
              </Descriptions.Item>
            </Descriptions>
          ),
        }}
        columns={[
          {
            title: '组织',
            dataIndex: 'orgName',
            width: 160,
            render: (n: string) => <span style={{ wordBreak: 'break-all' }}>{n}</span>,
          },
          {
            title: '规则',
            dataIndex: 'rule',
            width: 140,
            render: (rule: string, f) => (
              <Space direction="vertical" size={0}>
                <Typography.Text>{FAMILY_NAMES[f.family]}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {rule}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (s: FindingStatus, f) => (
              <Space size={2} wrap>
                <Tag color={STATUS_COLOR[s]}>{STATUS_TEXT[s]}</Tag>
                {f.severity === 'block' ? <Tag color="volcano">否决</Tag> : null}
              </Space>
            ),
          },
          { title: '问题', dataIndex: 'message' },
          { title: '依据', dataIndex: 'citation', width: 200 },
          { title: '期限', dataIndex: 'dueOn', width: 120, render: (d: string | null) => chineseDate(d) || '—' },
        ]}
      />
    </>
  );
}

export function FindingsDrawer({
  org,
  orgName,
  period,
  filter,
  onFilter,
  onClose,
}: {
  org: string | null;
  orgName: string;
  period: string;
  filter: FindingsFilter;
  onFilter: (f: FindingsFilter) => void;
  onClose: () => void;
}) {
  return (
    <Drawer open={!!org} onClose={onClose} width={Math.min(1100, window.innerWidth - 40)} title={org ? `${orgName}：存在的问题` : ''} destroyOnHidden>
      {org ? <Findings key={`${org}|${period}`} org={org} period={period} filter={filter} onFilter={onFilter} /> : null}
    </Drawer>
  );
}
