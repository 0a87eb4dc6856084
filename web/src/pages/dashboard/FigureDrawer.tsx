/**
 * A figure drilled down to its records (GET /api/indicators/:id?evidence=true): the value, how it was computed, and
 * the records counted, a page at a time, each with its organization (a click there narrows the scope to it).
 */
import { useState } from 'react';
import { Button, Descriptions, Drawer, Skeleton, Table } from 'antd';
import { chineseDate } from '../../lib/format';
import type { EvidenceItem } from '../../lib/types';
import { useEvidence } from '../../lib/use-evidence';
import { ErrorAlert } from '../../components/ErrorAlert';

export interface FigureRef {
  id: string;
  label: string;
}

const PAGE = 20;

function FigureRecords({ figure, org, period, onOrg }: { figure: FigureRef; org: string | null; period: string; onOrg?: (code: string) => void }) {
  const [page, setPage] = useState(1);
  const { data, loading, error, reload } = useEvidence(figure.id, org, period, page, PAGE);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <Skeleton active />;
  const f = data.figure;
  return (
    <>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="范围">{data.org?.name ?? '可见的全部组织'}</Descriptions.Item>
        <Descriptions.Item label="统计期">{data.period.title}</Descriptions.Item>
        <Descriptions.Item label="数值">{f ? `${f.value ?? '—'}${f.unit}` : '本期无数据'}</Descriptions.Item>
        <Descriptions.Item label="计算方法">{f?.computation ?? data.indicator.label}</Descriptions.Item>
        <Descriptions.Item label="所依据的记录">{data.evidence ? `${data.evidence.total}条` : '无'}</Descriptions.Item>
      </Descriptions>
      <Table<EvidenceItem>
        size="small"
        rowKey="id"
        loading={loading}
        scroll={{ x: true }}
        dataSource={data.evidence?.items ?? []}
        locale={{ emptyText: '本期没有计入这个数字的记录' }}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: data.evidence?.total ?? 0,
          showSizeChanger: false,
          showTotal: (t) => `共${t}条`,
          onChange: setPage,
        }}
        columns={[
          { title: '记录编号', dataIndex: 'id', width: 90 },
          {
            title: '组织',
            dataIndex: 'orgName',
            render: (name: string | null, r) =>
              name && r.org && onOrg ? (
                <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onOrg(r.org!)}>
                  {name}
                </Button>
              ) : (
                (name ?? '—')
              ),
          },
          { title: '日期', dataIndex: 'date', width: 130, render: (d: string | null) => chineseDate(d) || '—' },
          { title: '内容', dataIndex: 'text', render: (t: string) => t || '—' },
        ]}
      />
    </>
  );
}

export function FigureDrawer({
  figure,
  org,
  period,
  onClose,
  onOrg,
}: {
  figure: FigureRef | null;
  org: string | null;
  period: string;
  onClose: () => void;
  onOrg?: (code: string) => void;
}) {
  return (
    <Drawer open={!!figure} onClose={onClose} width={Math.min(880, window.innerWidth - 40)} title={figure ? `${figure.label}：所依据的记录` : ''} destroyOnHidden>
      {figure ? <FigureRecords key={`${figure.id}|${org}|${period}`} figure={figure} org={org} period={period} onOrg={onOrg} /> : null}
    </Drawer>
  );
}
