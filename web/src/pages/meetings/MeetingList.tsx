/** The meetings of the chosen organization's subtree, newest first, filtered by kind and dates (kept in the address). */
import { Button, DatePicker, Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { MEETING_KINDS } from '../../../../src/shared/vocab.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { get } from '../../lib/api';
import { chineseDate, DATE_FORMATS } from '../../lib/format';
import { useOrgScope } from '../../lib/org-scope';
import type { MeetingView, Page } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { scoped, useCanRecord } from './shared';

const PAGE_SIZE = 20;

export function MeetingList() {
  const { org, orgName } = useOrgScope();
  const { canRecord } = useCanRecord(org);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const [page, setPage] = useState(1);
  const { data, loading, error, reload } = useApi(
    () =>
      org
        ? get<Page<MeetingView>>('/meetings', { org, kind, from, to, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
        : Promise.resolve({ total: 0, items: [] }),
    [org, kind, from, to, page],
  );
  const setFilter = (next: Record<string, string | undefined>) => {
    setPage(1);
    setParams((p) => {
      const q = new URLSearchParams(p);
      for (const [k, v] of Object.entries(next)) if (v) q.set(k, v);
      else q.delete(k);
      return q;
    });
  };
  const filtered = !!(kind || from || to);
  return (
    <>
      <PageHeader
        title="组织生活"
        subtitle={`${orgName}及下级组织的三会一课、主题党日、组织生活会等会议记录`}
        extra={
          canRecord ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(scoped('/meetings/new', org, { kind }))}>
              登记会议
            </Button>
          ) : null
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="会议类型"
          placeholder="全部会议类型"
          allowClear
          style={{ width: 200 }}
          value={kind}
          onChange={(v?: string) => setFilter({ kind: v })}
          options={MEETING_KINDS.map((k) => ({ value: k, label: k }))}
        />
        <DatePicker.RangePicker
          format={DATE_FORMATS}
          aria-label="会议日期范围"
          placeholder={['起始日期', '截止日期']}
          value={from && to ? [dayjs(from), dayjs(to)] : null}
          onChange={(range) => setFilter({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          presets={[
            { label: '本月', value: [dayjs().startOf('month'), dayjs().endOf('month')] },
            { label: '本季度', value: [dayjs().month(Math.floor(dayjs().month() / 3) * 3).startOf('month'), dayjs().month(Math.floor(dayjs().month() / 3) * 3 + 2).endOf('month')] },
            { label: '本年', value: [dayjs().startOf('year'), dayjs().endOf('year')] },
          ]}
        />
        {filtered ? <Button onClick={() => setFilter({ kind: undefined, from: undefined, to: undefined })}>清除筛选</Button> : null}
        {data ? <Typography.Text type="secondary" aria-live="polite">共 {data.total} 条</Typography.Text> : null}
      </Space>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<MeetingView>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: true }}
        aria-label="会议记录"
        locale={{
          emptyText: (
            <Empty
              description={
                filtered
                  ? '没有符合条件的会议记录，可调整会议类型或日期'
                  : canRecord
                    ? '还没有组织生活记录，点击“登记会议”开始'
                    : '还没有组织生活记录'
              }
            />
          ),
        }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage, hideOnSinglePage: true }}
        onRow={(m) => ({ onDoubleClick: () => void navigate(scoped(`/meetings/${m.id}`, org)) })}
        columns={[
          { title: '日期', dataIndex: 'heldOn', width: 130, render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{chineseDate(d)}</span> },
          { title: '会议类型', dataIndex: 'kind', width: 130, render: (k: string) => <Tag color="red">{k}</Tag> },
          {
            title: '主题',
            dataIndex: 'topic',
            minWidth: 240,
            render: (t: string, m) => (
              <Link to={scoped(`/meetings/${m.id}`, org)} style={{ wordBreak: 'break-all' }}>
                {t}
              </Link>
            ),
          },
          {
            title: '组织',
            dataIndex: 'orgName',
            width: 240,
            render: (n: string) => (
              <Tooltip title={n}>
                <Typography.Text style={{ maxWidth: 240 }} ellipsis>
                  {n}
                </Typography.Text>
              </Tooltip>
            ),
          },
          {
            title: <span style={{ whiteSpace: 'nowrap' }}>实到/应到</span>,
            key: 'attendance',
            width: 110,
            align: 'right',
            render: (_: unknown, m) => `${m.attendedCount}/${m.expectedCount}`,
          },
          {
            title: '缺席',
            key: 'absentees',
            width: 200,
            render: (_: unknown, m) =>
              m.absentees.length ? (
                <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 200 }}>
                  {m.absentees.map((a) => a.name).join('、')}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
        ]}
      />
    </>
  );
}
