/**
 * The overall compliance rate of the last six months in one request (GET /api/checks/trend: each month's notice
 * summary, without its rows), with a loading state meanwhile. A click on a month shows that month's notice on the
 * dashboard.
 */
import { Skeleton, Space, Typography } from 'antd';
import { get } from '../../lib/api';
import type { ComplianceTrend } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EChart } from './EChart';
import { trendOption } from './charts';
import { trendPoints } from './dashboard-data';

export function Trend({ org, months, onMonth }: { org: string; months: string[]; onMonth: (month: string) => void }) {
  const to = months.at(-1)!;
  const trend = useApi(() => get<ComplianceTrend>('/checks/trend', { org, months: String(months.length), to }), [org, to, months.length]);
  // While another organization's or window's answer is on its way, show the loading state, not the last answer.
  const data = !trend.loading && trend.data?.org.code === org ? trendPoints(trend.data, months) : null;

  if (trend.error) return <ErrorAlert error={trend.error} onRetry={trend.reload} />;
  if (!data) {
    return (
      <Space direction="vertical" style={{ width: '100%', padding: '24px 24px 0' }} aria-busy="true">
        <Typography.Text type="secondary">正在计算近{months.length}个月的落实率……</Typography.Text>
        <Skeleton active paragraph={{ rows: 4 }} title={false} />
      </Space>
    );
  }
  return <EChart ariaLabel={`近${months.length}个月综合落实率趋势`} option={trendOption(data)} height={300} onClick={(e) => onMonth(months[e.dataIndex]!)} />;
}
