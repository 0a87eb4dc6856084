/**
 * 本月各支部待办: for a township (or any committee), what its branches owe this month — overdue, missed and
 * violations still open, and what comes due by the month's end (GET /api/due), grouped by branch.
 */
import { Badge, Collapse, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { get } from '../../lib/api';
import { chineseDate, todayIso } from '../../lib/format';
import { useOrgScope } from '../../lib/org-scope';
import type { DueList } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dueByBranch, STATUS_TEXT } from './dashboard-data';

const STATUS_COLOR = { overdue: 'red', missed: 'orange', violation: 'magenta', upcoming: 'blue' } as const;

export function TownDue({ org }: { org: string }) {
  const { find } = useOrgScope();
  const { data, error, reload } = useApi(() => get<DueList>('/due', { org }), [org]);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <Skeleton active />;
  const groups = dueByBranch(data.items, data.today || todayIso(), (code) => {
    const node = find(code);
    if (node?.kind === '党小组' && node.parentCode) {
      const parent = find(node.parentCode);
      return { org: node.parentCode, orgName: parent?.name ?? node.parentCode };
    }
    return node ? { org: node.code, orgName: node.name } : undefined;
  });
  if (groups.length === 0) return <Empty description="本月各支部没有待办事项" />;
  return (
    <Collapse
      size="small"
      items={groups.map((g) => ({
        key: g.org,
        label: (
          <Space wrap>
            <Typography.Text strong>{g.orgName}</Typography.Text>
            <Badge count={g.items.length} overflowCount={999} style={{ background: '#8c8c8c' }} />
            {(['overdue', 'missed', 'violation', 'upcoming'] as const).map((s) =>
              g.counts[s] ? (
                <Tag key={s} color={STATUS_COLOR[s]}>
                  {STATUS_TEXT[s]}
                  {g.counts[s]}项
                </Tag>
              ) : null,
            )}
          </Space>
        ),
        children: (
          <List
            size="small"
            dataSource={g.items}
            renderItem={(f) => (
              <List.Item>
                <Space direction="vertical" size={0} style={{ width: '100%' }}>
                  <Space wrap>
                    <Tag color={STATUS_COLOR[f.status]}>{STATUS_TEXT[f.status]}</Tag>
                    {f.dueOn ? <Typography.Text type="secondary">期限：{chineseDate(f.dueOn)}</Typography.Text> : null}
                  </Space>
                  <Typography.Text>{f.message}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    依据：{f.citation}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        ),
      }))}
    />
  );
}
