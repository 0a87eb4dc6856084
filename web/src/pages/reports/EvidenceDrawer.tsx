/**
 * One figure of the report explained: its label, value, how it was computed, where it comes from (系统计算 or 手工填报
 * by whom), and the records behind it, a page at a time (GET /api/indicators/:id?evidence=true).
 */
import { Descriptions, Drawer, Empty, Grid, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { chineseDate } from '../../lib/format';
import type { EvidenceItem } from '../../lib/types';
import { useEvidence } from '../../lib/use-evidence';
import { displayWithUnit, tableName, type FigureRef } from './report-logic';

const PAGE_SIZE = 20;

export function EvidenceDrawer({
  figure,
  org,
  period,
  periodTitle,
  onClose,
}: {
  figure: FigureRef | null;
  org: string;
  period: string;
  periodTitle: string;
  onClose: () => void;
}) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={figure !== null}
      onClose={onClose}
      width={screens.lg ? 760 : '100%'}
      title={figure ? `数据说明：${figure.label}` : '数据说明'}
      destroyOnHidden
    >
      {figure ? <Explained figure={figure} org={org} period={period} periodTitle={periodTitle} /> : null}
    </Drawer>
  );
}

function Explained({ figure, org, period, periodTitle }: { figure: FigureRef; org: string; period: string; periodTitle: string }) {
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [figure.id]);
  const { data, loading, error, reload } = useEvidence(figure.id, org, period, page, PAGE_SIZE);
  const evidence = data?.evidence ?? null;
  const total = evidence?.total ?? figure.records;
  return (
    <>
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: 112, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'label', label: '指标', children: figure.label },
          {
            key: 'value',
            label: '数值',
            children: (
              <Typography.Text strong style={{ fontSize: 16 }}>
                {displayWithUnit(figure.display, figure.unit, figure.value)}
              </Typography.Text>
            ),
          },
          { key: 'period', label: '统计期', children: figure.periodTitle ?? periodTitle },
          { key: 'computation', label: '计算方法', children: figure.computation },
          {
            key: 'source',
            label: '来源',
            children: <Tag color={figure.manual ? 'orange' : 'blue'}>{figure.source}</Tag>,
          },
          {
            key: 'records',
            label: '依据记录',
            children: `${tableName(evidence?.table ?? figure.table)}，共${total}条`,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        依据的记录
      </Typography.Title>
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && total === 0 ? (
        <Empty description={figure.manual ? '手工填报的数字，没有逐条记录' : '本期没有计入这个数字的记录'} />
      ) : (
        <Table<EvidenceItem>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={evidence?.items ?? []}
          scroll={{ x: true }}
          aria-label="依据的记录"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total,
            showSizeChanger: false,
            showTotal: (n) => `共 ${n} 条记录`,
            onChange: setPage,
          }}
          columns={[
            { title: '编号', dataIndex: 'id', width: 72 },
            {
              title: '组织',
              dataIndex: 'orgName',
              width: 180,
              ellipsis: { showTitle: false },
              render: (name: string | null) =>
                name ? (
                  <Typography.Text ellipsis={{ tooltip: name }} style={{ maxWidth: 164 }}>
                    {name}
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
            { title: '日期', dataIndex: 'date', width: 132, render: (d: string | null) => (d ? chineseDate(d) : '—') },
            { title: '内容', dataIndex: 'text', render: (t: string) => t || '—' },
          ]}
        />
      )}
    </>
  );
}
