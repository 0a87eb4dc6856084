/** A period chosen as a month, a quarter or a year (labels 2026-03, 2026Q1, 2026), never in the future. */
import { DatePicker, Segmented, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { todayIso } from '../../lib/format';
import { convertPeriod, lastMonthOf, periodKind, periodTitle, type PeriodKind } from './dashboard-data';

function toDay(label: string): Dayjs {
  return dayjs(`${lastMonthOf(label)}-01`);
}

function fromDay(d: Dayjs, kind: PeriodKind): string {
  if (kind === 'month') return d.format('YYYY-MM');
  if (kind === 'quarter') return `${d.year()}Q${Math.floor(d.month() / 3) + 1}`;
  return String(d.year());
}

export function PeriodPicker({ label, value, onChange }: { label: string; value: string; onChange: (period: string) => void }) {
  const kind = periodKind(value);
  const today = todayIso();
  return (
    <Space size={4} wrap>
      <span>{label}</span>
      <Segmented<PeriodKind>
        size="small"
        aria-label={`${label}类型`}
        value={kind}
        options={[
          { label: '月', value: 'month' },
          { label: '季', value: 'quarter' },
          { label: '年', value: 'year' },
        ]}
        onChange={(k) => onChange(convertPeriod(value, k, today))}
      />
      <DatePicker
        aria-label={label}
        picker={kind}
        allowClear={false}
        value={toDay(value)}
        format={(d) => periodTitle(fromDay(d, kind))}
        disabledDate={(d) => d.isAfter(dayjs(today), 'month')}
        onChange={(d) => d && onChange(fromDay(d, kind))}
        style={{ width: 150 }}
      />
    </Space>
  );
}
