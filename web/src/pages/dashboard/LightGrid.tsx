/**
 * The red/yellow/green map of the organizations directly under the scope: one tile per organization with its light
 * in words and its overall rate; a click (or Enter) narrows the whole dashboard to that organization's subtree.
 */
import { Empty, Tooltip, Typography } from 'antd';
import { percent } from '../../lib/format';
import type { NoticeRow } from '../../lib/types';
import { LIGHT_COLOR, LIGHT_ORDER, LIGHT_TEXT, lightCounts, shortName } from './dashboard-data';

const BG: Record<string, string> = { red: '#fff1f0', yellow: '#fffbe6', green: '#f6ffed', none: '#fafafa' };

export function LightGrid({ rows, parentName, onPick }: { rows: NoticeRow[]; parentName: string; onPick: (code: string) => void }) {
  if (rows.length === 0) return <Empty description="本组织没有下级组织，红黄绿情况见上方综合落实率" />;
  const counts = lightCounts(rows);
  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {LIGHT_ORDER.map((l) => `${LIGHT_TEXT[l]}${counts[l]}个`).join('，')}
        {counts.none ? `，无应落实事项${counts.none}个` : ''}。点击组织查看其下级情况。
      </Typography.Paragraph>
      <div role="list" aria-label="红黄绿分布" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(132px, 1fr))', gap: 8 }}>
        {rows.map((r) => {
          const light = r.status ?? 'none';
          const color = r.status ? LIGHT_COLOR[r.status] : '#8c8c8c';
          const name = shortName(r.name, parentName);
          const text = r.status ? LIGHT_TEXT[r.status] : '无应落实事项';
          return (
            <div role="listitem" key={r.org}>
              <Tooltip title={`${r.name}：${text}，综合落实率${percent(r.overall.rate)}${r.rank ? `，同级第${r.rank}名（共${r.peers}个）` : ''}`}>
                <button
                  type="button"
                  aria-label={`${r.name}，${text}，综合落实率${percent(r.overall.rate)}`}
                  onClick={() => onPick(r.org)}
                  style={{
                    width: '100%',
                    minHeight: 64,
                    textAlign: 'left',
                    cursor: 'pointer',
                    background: BG[light],
                    border: `1px solid ${color}`,
                    borderLeft: `6px solid ${color}`,
                    borderRadius: 4,
                    padding: '6px 8px',
                  }}
                >
                  <div style={{ fontWeight: 500, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{name}</div>
                  <div style={{ color, fontSize: 12 }}>
                    {text} {percent(r.overall.rate)}
                  </div>
                </button>
              </Tooltip>
            </div>
          );
        })}
      </div>
    </div>
  );
}
