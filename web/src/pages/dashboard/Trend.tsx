/**
 * The overall compliance rate of the last six months: one notice per month (GET /api/checks), fetched one after
 * another so the server is not flooded (the month already on screen is reused), with the progress shown meanwhile.
 * A click on a month shows that month's notice on the dashboard.
 */
import { useEffect, useState } from 'react';
import { Progress, Space, Typography } from 'antd';
import { get } from '../../lib/api';
import type { Notice } from '../../lib/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EChart } from './EChart';
import { trendOption, type TrendPoint } from './charts';
import { FAMILY_KEYS } from './dashboard-data';

function pointOf(month: string, n: Notice): TrendPoint {
  return {
    month,
    overall: n.summary.overall.rate,
    families: Object.fromEntries(FAMILY_KEYS.map((f) => [f, n.summary.families[f].rate])) as TrendPoint['families'],
  };
}

export function Trend({ org, months, current, onMonth }: { org: string; months: string[]; current: Notice | undefined; onMonth: (month: string) => void }) {
  const [points, setPoints] = useState<Map<string, TrendPoint>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const key = months.join(',');
  const reuse = current && months.includes(current.period) ? pointOf(current.period, current) : null;

  useEffect(() => {
    let cancelled = false;
    const got = new Map<string, TrendPoint>();
    if (reuse) got.set(reuse.month, reuse);
    setPoints(new Map(got));
    setError(null);
    void (async () => {
      for (const month of months) {
        if (cancelled) return;
        if (got.has(month)) continue;
        try {
          const n = await get<Notice>('/checks', { org, period: month });
          if (cancelled) return;
          got.set(month, pointOf(month, n));
          setPoints(new Map(got));
        } catch (e) {
          if (!cancelled) setError(e);
          return;
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [org, key, tick, reuse?.month]);

  if (error) return <ErrorAlert error={error} onRetry={() => setTick((t) => t + 1)} />;
  const done = months.filter((m) => points.has(m)).length;
  if (done < months.length) {
    return (
      <Space direction="vertical" style={{ width: '100%', padding: '48px 24px' }} aria-busy="true">
        <Typography.Text type="secondary">
          正在逐月计算落实率（{done}/{months.length}）……
        </Typography.Text>
        <Progress percent={Math.round((done / months.length) * 100)} showInfo={false} />
      </Space>
    );
  }
  const data = months.map((m) => points.get(m)!);
  return <EChart ariaLabel="近6个月综合落实率趋势" option={trendOption(data)} height={300} onClick={(e) => onMonth(months[e.dataIndex]!)} />;
}
