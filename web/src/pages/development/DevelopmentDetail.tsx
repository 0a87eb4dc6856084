/**
 * One person's development: the steps of the procedure as a timeline (done, next, overdue, by the rules' time limits)
 * and the form that records or corrects a step's date, checking it as it is typed — offered where the server lists
 * `update` among the record's `actions`.
 */
import { Button, Card, Col, Descriptions, Empty, Result, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleFilled, ClockCircleOutlined, ExclamationCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError, get } from '../../lib/api';
import { chineseDate, todayIso } from '../../lib/format';
import { useOrgScope } from '../../lib/org-scope';
import type { DevelopmentView, WithActions } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { allows } from '../members/record-actions';
import { CheckText } from './CheckList';
import { StageTag } from './StageTag';
import { stepEditable } from './step-actions';
import { StepForm } from './StepForm';
import { STAGES, STATE_LABELS, nextSteps, recordOf, stepName, timeline, type StepKey, type TimelineItem } from './timeline';
import { useRuleSettings } from './use-rule-settings';

const COLUMNS = { xs: 1, sm: 2, md: 2, lg: 3, xl: 3, xxl: 3 };
const STATE_COLORS: Record<TimelineItem['state'], string> = { done: 'green', next: 'blue', overdue: 'red', missing: 'orange', optional: 'gray', pending: 'gray' };

function dotOf(item: TimelineItem) {
  if (item.state === 'done') {
    if (item.checks.some((c) => c.level !== 'late')) return <ExclamationCircleFilled style={{ color: '#cf1322' }} />;
    if (item.checks.length) return <ExclamationCircleFilled style={{ color: '#d48806' }} />;
    return <CheckCircleFilled style={{ color: '#389e0d' }} />;
  }
  if (item.state === 'overdue') return <ExclamationCircleFilled style={{ color: '#cf1322' }} />;
  if (item.state === 'next') return <ClockCircleOutlined style={{ color: '#1677ff' }} />;
  if (item.state === 'missing') return <MinusCircleOutlined style={{ color: '#d48806' }} />;
  return undefined;
}

export function DevelopmentDetail() {
  const { id } = useParams();
  const { org } = useOrgScope();
  const settings = useRuleSettings();
  const { data, loading, error, reload } = useApi(() => get<WithActions<DevelopmentView>>(`/development/${Number(id)}`), [id]);
  const [editing, setEditing] = useState<StepKey | null>(null);
  const today = todayIso();
  const items = useMemo(() => (data ? timeline(recordOf(data), settings, today) : []), [data, settings, today]);
  const back = `/development${org ? `?org=${encodeURIComponent(org)}` : ''}`;

  if (error instanceof ApiError && error.status === 404) {
    return <Result status="404" title="未找到此发展党员记录" subTitle="记录不存在，或不在您的管理范围内。" extra={<Link to={back}>返回发展党员名单</Link>} />;
  }
  if (!data) return loading ? <Skeleton active /> : <ErrorAlert error={error} onRetry={reload} />;

  const todo = nextSteps(items);
  const problems = items.flatMap((i) => i.checks.map((c) => ({ item: i, check: c })));
  const canUpdate = allows(data, 'update');

  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Link to={back}>
          <ArrowLeftOutlined /> 发展党员名单
        </Link>
      </Space>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {data.name}的发展进程
        </Typography.Title>
        <StageTag stage={data.stage} />
      </div>
      <ErrorAlert error={error} onRetry={reload} />
      <Descriptions size="small" bordered column={COLUMNS} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="公民身份号码">{data.idNumberMasked}</Descriptions.Item>
        <Descriptions.Item label="性别">{data.gender}</Descriptions.Item>
        <Descriptions.Item label="出生日期">{chineseDate(data.birthDate)}</Descriptions.Item>
        <Descriptions.Item label="所在组织" span={COLUMNS}>
          {data.orgName}
        </Descriptions.Item>
        <Descriptions.Item label="培养联系人">{data.contacts || '—'}</Descriptions.Item>
        <Descriptions.Item label="入党介绍人">{data.introducers || '—'}</Descriptions.Item>
        <Descriptions.Item label="集中培训学时">{data.trainingHours ?? '—'}</Descriptions.Item>
        {data.probationEndsOn ? <Descriptions.Item label="预备期满">{chineseDate(data.probationEndsOn)}</Descriptions.Item> : null}
        {data.extensionMonths ? <Descriptions.Item label="延长预备期">{data.extensionMonths}个月</Descriptions.Item> : null}
      </Descriptions>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title="发展党员工作流程" size="small" aria-label="发展进程">
            {STAGES.map((stage, n) => (
              <section key={stage.title} aria-label={stage.title}>
                <Typography.Title level={5} style={{ marginTop: n ? 8 : 0 }}>
                  {stage.title}
                </Typography.Title>
                <Timeline
                  style={{ marginTop: 12, paddingLeft: 4 }}
                  items={items
                    .filter((i) => i.stage === n)
                    .map((i) => ({
                      key: i.key,
                      color: STATE_COLORS[i.state],
                      dot: dotOf(i),
                      children: <StepRow item={i} editable={stepEditable(data, i)} onEdit={() => setEditing(i.key)} />,
                    }))}
                />
              </section>
            ))}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title="下一步" size="small" style={{ marginBottom: 16 }}>
            {todo.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={data.stage === '正式党员' ? '已转为正式党员，发展工作完成' : '没有可以办理的步骤'} />
            ) : (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {todo.map((i) => (
                  <li key={i.key} style={{ marginBottom: 6 }}>
                    {i.state === 'overdue' ? <Tag color="red">已逾期</Tag> : null}
                    {canUpdate ? (
                      <Typography.Link onClick={() => setEditing(i.key)}>{stepName(i.key)}</Typography.Link>
                    ) : (
                      <Typography.Text>{stepName(i.key)}</Typography.Text>
                    )}
                    {i.hint ? (
                      <div>
                        <Typography.Text type={i.state === 'overdue' ? 'danger' : 'secondary'}>{i.hint}</Typography.Text>
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="规则检查" size="small">
            {problems.length === 0 ? (
              <Typography.Text type="secondary">已登记的日期符合发展党员工作细则的时限和程序要求。</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {problems.map(({ item, check }, n) => (
                  <li key={n} style={{ marginBottom: 6 }}>
                    <Typography.Text type={check.level === 'late' ? 'warning' : 'danger'}>
                      {stepName(item.key)}：<CheckText check={check} />
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
      </Row>
      {editing && canUpdate ? (
        <StepForm
          record={data}
          step={editing}
          settings={settings}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : null}
    </>
  );
}

function StepRow({ item, editable, onEdit }: { item: TimelineItem; editable: boolean; onEdit: () => void }) {
  return (
    <div role="group" aria-label={item.step} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'baseline' }}>
      <div style={{ flex: 1, minWidth: 200 }}>
        <Space size={6} wrap>
          <Typography.Text strong>{item.step}</Typography.Text>
          <Tag color={item.state === 'done' ? 'success' : item.state === 'overdue' ? 'error' : item.state === 'next' ? 'processing' : item.state === 'missing' ? 'warning' : 'default'}>
            {STATE_LABELS[item.state]}
          </Tag>
          {item.date ? <Typography.Text>{chineseDate(item.date)}</Typography.Text> : null}
        </Space>
        {item.hint ? (
          <div>
            <Typography.Text type={item.state === 'overdue' ? 'danger' : 'secondary'}>{item.hint}</Typography.Text>
          </div>
        ) : null}
        {item.checks.map((c, n) => (
          <div key={n}>
            <Typography.Text type={c.level === 'late' ? 'warning' : 'danger'}>
              <CheckText check={c} />
            </Typography.Text>
          </div>
        ))}
      </div>
      {editable ? (
        <Button size="small" type={item.state === 'overdue' ? 'primary' : 'default'} onClick={onEdit} aria-label={`${item.date ? '更正' : '登记'}${item.label}`}>
          {item.date ? '更正' : '登记'}
        </Button>
      ) : null}
    </div>
  );
}
