/**
 * One ECharts chart in a div: created on mount, given the new option on every change, resized with its container
 * (a ResizeObserver, so a collapsing sider or a tablet rotation redraws it) and disposed on unmount. A click on a data
 * item is handed to `onClick` with the item's name, data and series.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';

export interface ChartClick {
  name: string;
  data: unknown;
  seriesName?: string;
  dataIndex: number;
}

export function EChart({
  option,
  height = 300,
  onClick,
  ariaLabel,
}: {
  option: echarts.EChartsCoreOption;
  height?: number;
  onClick?: (e: ChartClick) => void;
  ariaLabel: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => {
      const e = p as unknown as { name: string; data: unknown; seriesName?: string; dataIndex: number };
      click.current?.({ name: e.name, data: e.data, seriesName: e.seriesName, dataIndex: e.dataIndex });
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true, label: { description: ariaLabel } }, ...option }, true);
  }, [option, ariaLabel]);

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
