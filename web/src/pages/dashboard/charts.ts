/**
 * The dashboard's chart options (ECharts), built from the API's answers. Rates are shown in percent with one decimal;
 * every bar and point carries what a click needs (an organization code, a figure id, a month).
 */
import type { EChartsCoreOption } from 'echarts';
import type { Family, NoticeRow, Rate } from '../../lib/types';
import { FAMILY_KEYS, FAMILY_NAMES, LIGHT_COLOR, chineseMonthShort, shortName, type SectorRate } from './dashboard-data';

const pct = (r: number | null | undefined) => (r === null || r === undefined ? null : Math.round(r * 1000) / 10);
const GREY = '#bfbfbf';

/** Overall rate of each organization under the scope, best first, each bar in its light's color, with the thresholds. */
export function orgRatesOption(rows: NoticeRow[], parentName: string, thresholds: { greenAt: number; redBelow: number }): EChartsCoreOption {
  const sorted = [...rows].sort((a, b) => (b.overall.rate ?? -1) - (a.overall.rate ?? -1));
  return {
    grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const r = sorted[p.dataIndex]!;
        return `${r.name}<br/>综合落实率：${pct(r.overall.rate) ?? '—'}%${r.rank ? `<br/>同级排名：第${r.rank}名（共${r.peers}个）` : ''}`;
      },
    },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: sorted.map((r) => shortName(r.name, parentName)), axisLabel: { width: 110, overflow: 'truncate' } },
    dataZoom: sorted.length > 30 ? [{ type: 'slider', yAxisIndex: 0, startValue: 0, endValue: 29, width: 14, right: 4 }] : [],
    series: [
      {
        type: 'bar',
        name: '综合落实率',
        barMaxWidth: 18,
        data: sorted.map((r) => ({ value: pct(r.overall.rate), org: r.org, itemStyle: { color: r.status ? LIGHT_COLOR[r.status] : GREY } })),
        label: { show: true, position: 'right', formatter: (p: { value: number | null }) => (p.value === null ? '—' : `${p.value.toFixed(1)}%`) },
        markLine: {
          symbol: 'none',
          silent: true,
          // The category axis is inverted, so the line's start is at the top.
          label: { formatter: '{b}', position: 'start', fontSize: 11 },
          data: [
            { name: `绿灯线${thresholds.greenAt}%`, xAxis: thresholds.greenAt, lineStyle: { color: LIGHT_COLOR.green } },
            { name: `红灯线${thresholds.redBelow}%`, xAxis: thresholds.redBelow, lineStyle: { color: LIGHT_COLOR.red } },
          ],
        },
      },
    ],
  };
}

/** Each family's rate for the scope. */
export function familiesOption(families: Record<Family, Rate>): EChartsCoreOption {
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const f = families[FAMILY_KEYS[p.dataIndex]!];
        return `${FAMILY_NAMES[FAMILY_KEYS[p.dataIndex]!]}<br/>落实率：${pct(f.rate) ?? '—'}%<br/>已落实${f.met}项，未落实${f.failed}项`;
      },
    },
    xAxis: { type: 'category', data: FAMILY_KEYS.map((f) => FAMILY_NAMES[f]), axisLabel: { interval: 0, width: 70, overflow: 'break' } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        name: '落实率',
        barMaxWidth: 40,
        data: FAMILY_KEYS.map((f) => ({ value: pct(families[f].rate), family: f, itemStyle: { color: '#c00000' } })),
        label: { show: true, position: 'top', formatter: (p: { value: number | null }) => (p.value === null ? '—' : `${p.value.toFixed(1)}%`) },
      },
    ],
  };
}

/** By sector: the lights of the basic-level organizations stacked, and the sector's overall rate on the right axis. */
export function sectorsOption(sectors: SectorRate[]): EChartsCoreOption {
  const names = sectors.map((s) => s.sector);
  const stack = (light: 'red' | 'yellow' | 'green', label: string) => ({
    type: 'bar',
    name: label,
    stack: 'lights',
    barMaxWidth: 36,
    itemStyle: { color: LIGHT_COLOR[light] },
    data: sectors.map((s) => ({ value: s.lights[light], sector: s.sector })),
  });
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 5 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: '组织数', minInterval: 1 },
      { type: 'value', name: '落实率', max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      stack('red', '红灯'),
      stack('yellow', '黄灯'),
      stack('green', '绿灯'),
      {
        type: 'line',
        name: '综合落实率',
        yAxisIndex: 1,
        itemStyle: { color: '#1d39c4' },
        data: sectors.map((s) => ({ value: pct(s.overall.rate), sector: s.sector })),
        label: { show: true, formatter: (p: { value: number | null }) => (p.value === null ? '' : `${p.value.toFixed(1)}%`) },
      },
    ],
  };
}

export interface TrendPoint {
  month: string;
  overall: number | null;
  families: Record<Family, number | null>;
}

/** The overall rate month by month, with each family's line (hidden until chosen in the legend). */
export function trendOption(points: TrendPoint[]): EChartsCoreOption {
  const selected: Record<string, boolean> = Object.fromEntries(FAMILY_KEYS.map((f) => [FAMILY_NAMES[f], false]));
  return {
    grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
    legend: { top: 0, selected, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v.toFixed(1)}%`) },
    xAxis: { type: 'category', data: points.map((p) => chineseMonthShort(p.month)) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'line',
        name: '综合落实率',
        itemStyle: { color: '#c00000' },
        lineStyle: { width: 3 },
        symbolSize: 8,
        data: points.map((p) => ({ value: pct(p.overall), month: p.month })),
        label: { show: true, formatter: (p: { value: number | null }) => (p.value === null ? '' : `${p.value.toFixed(1)}%`) },
      },
      ...FAMILY_KEYS.map((f) => ({ type: 'line', name: FAMILY_NAMES[f], data: points.map((p) => ({ value: pct(p.families[f]), month: p.month })) })),
    ],
  };
}

export interface FunnelStage {
  id: string;
  label: string;
  value: number;
}

/** The development pipeline in the order people move through it (not sorted by size). */
export function funnelOption(stages: FunnelStage[]): EChartsCoreOption {
  const max = Math.max(1, ...stages.map((s) => s.value));
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}名' },
    series: [
      {
        type: 'funnel',
        name: '发展党员',
        sort: 'none',
        left: '10%',
        width: '80%',
        top: 8,
        bottom: 8,
        min: 0,
        max,
        minSize: '12%',
        gap: 2,
        label: { show: true, position: 'inside', formatter: '{b}  {c}名', color: '#fff' },
        color: ['#d4380d', '#cf1322', '#a8071a', '#ad2102', '#820014'],
        data: stages.map((s) => ({ name: s.label, value: s.value, id: s.id })),
      },
    ],
  };
}

/** Problems found, rectified and overdue (the rectification ledger's figures). */
export function problemsOption(bars: FunnelStage[]): EChartsCoreOption {
  const colors = ['#595959', LIGHT_COLOR.green, LIGHT_COLOR.red, '#d48806'];
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: '{b}：{c}个' },
    xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0, width: 80, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: '整改',
        barMaxWidth: 48,
        data: bars.map((b, i) => ({ value: b.value, id: b.id, itemStyle: { color: colors[i % colors.length] } })),
        label: { show: true, position: 'top' },
      },
    ],
  };
}

/** The dues payment rate as a gauge. */
export function duesGaugeOption(rate: number | null): EChartsCoreOption {
  return {
    series: [
      {
        type: 'gauge',
        name: '党费交纳率',
        min: 0,
        max: 100,
        progress: { show: true, width: 14, itemStyle: { color: '#c00000' } },
        axisLine: { lineStyle: { width: 14 } },
        axisTick: { show: false },
        splitLine: { length: 8 },
        axisLabel: { distance: 18, fontSize: 10 },
        pointer: { show: false },
        detail: { valueAnimation: false, formatter: (v: number) => (rate === null ? '—' : `${v}%`), fontSize: 24, offsetCenter: [0, '10%'] },
        title: { show: false },
        data: [{ value: rate ?? 0, name: '党费交纳率' }],
      },
    ],
  };
}
