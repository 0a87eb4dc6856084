/**
 * 工作台: the branch secretary's home page — what is due (GET /api/due): meetings still to hold this month or quarter,
 * development steps and conversions coming due, dues in arrears, tasks and rectification deadlines, terms expiring.
 * Grouped by category, soonest deadline first, the overdue in red with the days in words, each with a link to where
 * it is done. A township or the county sees its own organization's items, and may widen to everything under it.
 */
import { Badge, Button, Card, Col, List, Result, Row, Segmented, Select, Skeleton, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { get } from '../../lib/api';
import { chineseDate } from '../../lib/format';
import { useOrgScope } from '../../lib/org-scope';
import type { DueList, OpenTasksView, RuleFinding } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { scoped, useCanRecord } from '../meetings/shared';
import { actionOf, deadlineText, groupDue, ownItems, type DeskGroup } from './desk-logic';

const DAY_OPTIONS = [7, 15, 30, 60, 90].map((d) => ({ value: d, label: `${d}天内到期` }));

function DueItem({ f, today, showOrg, canRecord }: { f: RuleFinding; today: string; showOrg: boolean; canRecord: boolean }) {
  const navigate = useNavigate();
  const deadline = deadlineText(f, today);
  let action = actionOf(f);
  // Only those who may record see the buttons that record; the others look at the list instead.
  if (!canRecord && action.label === '登记会议') action = { label: '查看会议', to: scoped('/meetings', f.org) };
  return (
    <List.Item
      actions={[
        <Button key="do" size="small" type={action.label === '登记会议' ? 'primary' : 'default'} onClick={() => void navigate(action.to)}>
          {action.label}
        </Button>,
      ]}
    >
      <List.Item.Meta
        title={
          <Space size={4} wrap>
            <Tag color={deadline.late ? 'red' : 'gold'} style={{ marginInlineEnd: 0 }}>
              {deadline.text}
            </Tag>
            <Typography.Text type={deadline.late ? 'danger' : undefined} style={{ whiteSpace: 'normal' }}>
              {f.message}
            </Typography.Text>
          </Space>
        }
        description={
          <Space size={12} wrap>
            {f.dueOn ? <span>期限：{chineseDate(f.dueOn)}</span> : null}
            {f.person ? <span>人员：{f.person}</span> : null}
            {showOrg ? (
              <Tooltip title={f.orgName}>
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
                  {f.orgName}
                </Typography.Text>
              </Tooltip>
            ) : null}
          </Space>
        }
      />
    </List.Item>
  );
}

function GroupCard({ g, today, org, canRecord }: { g: DeskGroup; today: string; org: string | null; canRecord: boolean }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space>
          <span>{g.label}</span>
          <Badge count={g.items.length} color="#8c8c8c" overflowCount={999} />
          {g.late ? <Tag color="red">{g.late}项已逾期或未落实</Tag> : null}
        </Space>
      }
      aria-label={g.label}
    >
      <List
        itemLayout="horizontal"
        dataSource={g.items}
        pagination={g.items.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
        renderItem={(f) => <DueItem f={f} today={today} showOrg={f.org !== org} canRecord={canRecord} />}
      />
    </Card>
  );
}

export function DeskPage() {
  const { org, orgName, find } = useOrgScope();
  const [days, setDays] = useState(30);
  const [wide, setWide] = useState(false);
  const { canRecord } = useCanRecord(org);
  const navigate = useNavigate();
  const due = useApi(() => (org ? get<DueList>('/due', { org, days }) : Promise.resolve(null)), [org, days]);
  // Open tasks of the organization itself: the due list has those overdue or coming due; this counts the rest too.
  const tasks = useApi(() => (org ? get<OpenTasksView>('/tasks/open', { org, days }).catch(() => null) : Promise.resolve(null)), [org, days]);

  // A branch's own work includes its 党小组.
  const own = useMemo(() => {
    const node = org ? find(org) : undefined;
    return new Set([...(org ? [org] : []), ...(node?.children.filter((c) => c.kind === '党小组').map((c) => c.code) ?? [])]);
  }, [org, find]);
  const all = due.data?.items ?? [];
  const mine = useMemo(() => ownItems(all, own), [all, own]);
  const items = wide ? all : mine;
  const today = due.data?.today ?? '';
  const groups = useMemo(() => groupDue(items, today), [items, today]);
  const late = groups.reduce((n, g) => n + g.late, 0);

  return (
    <>
      <PageHeader
        title="工作台"
        subtitle={`${orgName}的待办事项${today ? `（截至${chineseDate(today)}）` : ''}`}
        extra={
          <>
            <Select aria-label="提前天数" value={days} options={DAY_OPTIONS} onChange={setDays} style={{ width: 140 }} />
            {canRecord ? (
              <Button type="primary" onClick={() => void navigate(scoped('/meetings/new', org))}>
                登记会议
              </Button>
            ) : null}
          </>
        }
      />
      <ErrorAlert error={due.error} onRetry={due.reload} />
      {due.loading && !due.data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : due.data ? (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="已逾期或未落实" value={late} suffix="项" valueStyle={late ? { color: '#cf1322' } : undefined} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={`${due.data.days}天内到期`} value={items.length - late} suffix="项" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="待办合计" value={items.length} suffix="项" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title="本组织未完成任务"
                  value={tasks.data ? tasks.data.counts.overdue + tasks.data.counts.dueSoon + tasks.data.counts.later : '—'}
                  suffix={tasks.data ? '项' : undefined}
                  valueStyle={tasks.data?.counts.overdue ? { color: '#cf1322' } : undefined}
                />
                {tasks.data?.counts.overdue ? <Typography.Text type="danger">其中逾期{tasks.data.counts.overdue}项</Typography.Text> : null}
              </Card>
            </Col>
          </Row>
          {all.length > mine.length ? (
            <Segmented
              style={{ marginBottom: 16 }}
              value={wide ? 'all' : 'own'}
              onChange={(v) => setWide(v === 'all')}
              options={[
                { value: 'own', label: `本组织（${mine.length}项）` },
                { value: 'all', label: `含下级组织（${all.length}项）` },
              ]}
            />
          ) : null}
          {groups.length === 0 ? (
            <Result
              status="success"
              title={wide ? '本组织及下级组织的工作都已按期落实' : '本组织的工作都已按期落实'}
              subTitle={`截至${chineseDate(today)}，没有已逾期、未落实或${due.data.days}天内到期的事项。`}
            />
          ) : (
            groups.map((g) => <GroupCard key={g.category} g={g} today={today} org={org} canRecord={canRecord} />)
          )}
        </>
      ) : null}
    </>
  );
}
