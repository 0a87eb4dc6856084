/**
 * 监测通报: the monthly monitoring notice as a table — every organization under the scope with each family's rate,
 * the overall rate, its light (a colored tag with its name) and its rank among peers; sortable, filtered by light and
 * sector; a click on an organization lists its findings. The notice downloads as a workbook.
 */
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { App, Button, Card, Segmented, Select, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined } from '@ant-design/icons';
import { download, errorMessage, get } from '../../lib/api';
import { chineseDate, percent, todayIso } from '../../lib/format';
import { useOrgScope } from '../../lib/org-scope';
import type { Family, FindingStatus, Light, Notice, NoticeRow } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LightTag } from '../dashboard/LightTag';
import { PeriodPicker } from '../dashboard/PeriodPicker';
import { FAMILY_KEYS, FAMILY_NAMES, LIGHT_TEXT, lastCompleteMonth, periodTitle, searchWith } from '../dashboard/dashboard-data';
import { FindingsDrawer } from './FindingsDrawer';
import { filterRows, LIGHT_FILTERS, type LightFilter } from './compliance-data';

const byRate = (get: (r: NoticeRow) => number | null) => (a: NoticeRow, b: NoticeRow) => (get(a) ?? -1) - (get(b) ?? -1);

export function CompliancePage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const { org, orgName, find, setOrg } = useOrgScope();
  const period = params.get('period') ?? lastCompleteMonth(todayIso());
  const light = (params.get('light') ?? '') as LightFilter;
  const sector = params.get('sector') ?? '';
  const levels = params.get('levels') === 'all' ? 'all' : 'children';
  const findingsOrg = params.get('findings');
  const status = (params.get('status') || undefined) as FindingStatus | undefined;
  const family = (params.get('family') || undefined) as Family | undefined;
  const [downloading, setDownloading] = useState(false);

  const update = (patch: Record<string, string | undefined>) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });

  const { data, error, loading, reload } = useApi(() => get<Notice>('/checks', { org, period }), [org, period]);
  const rows = useMemo(() => (data ? filterRows(data.rows, { light, sector, levels, sectorOf: (c) => find(c)?.sector }) : []), [data, light, sector, levels, find]);
  const sectors = useMemo(() => [...new Set((data?.rows ?? []).filter((r) => r.level > 0).map((r) => find(r.org)?.sector).filter((s): s is string => !!s))], [data, find]);
  const parents = useMemo(() => new Set((data?.rows ?? []).map((r) => r.parent)), [data]);
  const root = data?.rows.find((r) => r.level === 0);

  const exportNotice = async () => {
    setDownloading(true);
    try {
      await download('/checks/notice.xlsx', { org, period }, `监测通报_${period}.xlsx`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  const columns: ColumnsType<NoticeRow> = [
    {
      title: '组织',
      dataIndex: 'name',
      fixed: 'left',
      width: 240,
      render: (name: string, r) => (
        <Tooltip title={`${name}（${r.org}）：查看存在的问题`}>
          <Link to={{ search: searchWith(params, { findings: r.org, status: undefined, family: undefined }) }} style={{ wordBreak: 'break-all' }}>
            {name}
          </Link>
        </Tooltip>
      ),
    },
    { title: '类别', dataIndex: 'kind', width: 90 },
    ...FAMILY_KEYS.map((f) => ({
      title: FAMILY_NAMES[f],
      key: f,
      width: 100,
      align: 'right' as const,
      sorter: byRate((r) => r.families[f].rate),
      render: (_: unknown, r: NoticeRow) => (
        <Tooltip title={`已落实${r.families[f].met}项，未落实${r.families[f].failed}项`}>
          <span>{percent(r.families[f].rate)}</span>
        </Tooltip>
      ),
    })),
    {
      title: '综合落实率',
      key: 'overall',
      width: 110,
      align: 'right',
      sorter: byRate((r) => r.overall.rate),
      render: (_: unknown, r) => <Typography.Text strong>{percent(r.overall.rate)}</Typography.Text>,
    },
    {
      title: '红黄绿',
      dataIndex: 'status',
      width: 110,
      sorter: (a, b) => ['red', 'yellow', 'green', null].indexOf(a.status) - ['red', 'yellow', 'green', null].indexOf(b.status),
      render: (s: Light | null) => <LightTag light={s} />,
    },
    {
      title: '同级排名',
      dataIndex: 'rank',
      width: 100,
      sorter: (a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9),
      defaultSortOrder: 'ascend',
      render: (rank: number | null, r) => (rank ? `${rank}/${r.peers}` : '—'),
    },
    { title: '问题', key: 'problems', width: 70, align: 'right', sorter: (a, b) => a.problems.length - b.problems.length, render: (_: unknown, r) => r.problems.length },
    {
      title: '下级',
      key: 'drill',
      width: 100,
      render: (_: unknown, r) =>
        parents.has(r.org) ? (
          <Button size="small" type="link" onClick={() => setOrg(r.org)} aria-label={`查看${r.name}的下级组织`}>
            查看下级
          </Button>
        ) : null,
    },
  ];

  return (
    <div>
      <PageHeader
        title={`监测通报：${data?.orgName ?? orgName}`}
        subtitle={data ? `${data.periodTitle}，统计截止${chineseDate(data.asOf)}；综合落实率达到${data.thresholds.greenAt}%为绿灯，低于${data.thresholds.redBelow}%为红灯` : periodTitle(period)}
        extra={
          <>
            <PeriodPicker label="监测期" value={period} onChange={(p) => update({ period: p })} />
            <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void exportNotice()}>
              下载监测通报
            </Button>
          </>
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      {data ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Space size="large" wrap align="start">
            <div>
              <Statistic title="综合落实率" value={percent(data.summary.overall.rate)} />
              <LightTag light={root?.status ?? null} />
            </div>
            {(['red', 'yellow', 'green'] as const).map((l) => (
              <Statistic key={l} title={`${LIGHT_TEXT[l]}组织`} value={data.rows.filter((r) => r.level > 0 && r.status === l).length} suffix="个" />
            ))}
            <Statistic title="已逾期" value={data.summary.findings.overdue} suffix="项" />
            <Statistic title="未落实" value={data.summary.findings.missed} suffix="项" />
            <Statistic title="违规" value={data.summary.findings.violation} suffix="项" />
            <Button onClick={() => update({ findings: data.org, status: undefined, family: undefined })}>查看全部问题</Button>
          </Space>
        </Card>
      ) : null}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented<'children' | 'all'>
            aria-label="范围"
            value={levels}
            options={[
              { label: '直属组织', value: 'children' },
              { label: '全部下级组织', value: 'all' },
            ]}
            onChange={(v) => update({ levels: v === 'all' ? 'all' : undefined })}
          />
          <Select<LightFilter>
            aria-label="红黄绿"
            style={{ width: 150 }}
            value={light}
            onChange={(v) => update({ light: v || undefined })}
            options={LIGHT_FILTERS}
          />
          <Select<string>
            aria-label="单位类型"
            style={{ width: 160 }}
            value={sector}
            onChange={(v) => update({ sector: v || undefined })}
            options={[{ value: '', label: '全部单位类型' }, ...sectors.map((s) => ({ value: s, label: s }))]}
          />
          <Typography.Text type="secondary">共{rows.length}个组织</Typography.Text>
        </Space>
        <Table<NoticeRow>
          size="small"
          rowKey="org"
          loading={loading}
          scroll={{ x: 1300 }}
          dataSource={rows}
          columns={columns}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true, showTotal: (t) => `共${t}个` }}
          locale={{ emptyText: light || sector ? '没有符合条件的组织，可更换筛选条件' : '本组织没有下级组织' }}
        />
      </Card>
      <FindingsDrawer
        org={findingsOrg}
        orgName={data?.rows.find((r) => r.org === findingsOrg)?.name ?? find(findingsOrg ?? '')?.name ?? findingsOrg ?? ''}
        period={period}
        filter={{ status, family }}
        onFilter={(f) => update({ status: f.status, family: f.family })}
        onClose={() => update({ findings: undefined, status: undefined, family: undefined })}
      />
    </div>
  );
}
