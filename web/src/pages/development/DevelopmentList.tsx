/** The pipeline: people in development in the chosen organization and below, by stage, with each one's next step. */
import { Button, Empty, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { DEVELOPMENT_STAGES } from '../../../../src/shared/vocab.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { get } from '../../lib/api';
import { chineseDate, todayIso } from '../../lib/format';
import { useOrgScope } from '../../lib/org-scope';
import type { DevelopmentView, Page } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { useOrgActions } from '../members/use-org-actions';
import { ApplicantForm } from './ApplicantForm';
import { StageTag } from './StageTag';
import { nextSteps, recordOf, stepName, timeline } from './timeline';
import { useRuleSettings } from './use-rule-settings';

const PAGE_SIZE = 20;
const nowrap = { onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' as const } }), onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) };

export function DevelopmentList() {
  const { org, orgName } = useOrgScope();
  const { can } = useOrgActions(org);
  const settings = useRuleSettings();
  const [stage, setStage] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const { data, loading, error, reload } = useApi(
    () => (org ? get<Page<DevelopmentView>>('/development', { org, stage, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }) : Promise.resolve({ total: 0, items: [] })),
    [org, stage, page],
  );
  const today = todayIso();
  const next = useMemo(() => new Map((data?.items ?? []).map((d) => [d.id, nextSteps(timeline(recordOf(d), settings, today))])), [data, settings, today]);
  const link = (id: number) => `/development/${id}${org ? `?org=${encodeURIComponent(org)}` : ''}`;

  return (
    <>
      <PageHeader
        title="发展党员"
        subtitle={`${orgName}（含下级组织）`}
        extra={
          <>
            <Select
              aria-label="所处阶段"
              allowClear
              placeholder="全部阶段"
              style={{ width: 160 }}
              value={stage}
              onChange={(v) => {
                setStage(v);
                setPage(1);
              }}
              options={DEVELOPMENT_STAGES.map((s) => ({ value: s, label: s }))}
            />
            {can('record') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                登记入党申请人
              </Button>
            ) : null}
          </>
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !data ? (
        <Skeleton active />
      ) : (
        <Table<DevelopmentView>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: true }}
          locale={{
            emptyText: (
              <Empty
                description={
                  stage
                    ? `没有处于“${stage}”阶段的人员`
                    : can('record')
                      ? '本组织还没有发展党员记录，点击“登记入党申请人”开始'
                      : '本组织还没有发展党员记录'
                }
              />
            ),
          }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (t) => `共 ${t} 人` }}
          columns={[
            { ...nowrap, title: '姓名', dataIndex: 'name', render: (name: string, d) => <Link to={link(d.id)}>{name}</Link> },
            { ...nowrap, title: '公民身份号码', dataIndex: 'idNumberMasked', render: (v: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{v}</span> },
            { ...nowrap, title: '性别', dataIndex: 'gender', width: 60 },
            {
              title: '所在组织',
              dataIndex: 'orgName',
              ellipsis: { showTitle: false },
              width: 220,
              render: (v: string) => (
                <Tooltip title={v} placement="topLeft">
                  {v}
                </Tooltip>
              ),
            },
            { ...nowrap, title: '所处阶段', dataIndex: 'stage', render: (v: string) => <StageTag stage={v} /> },
            { ...nowrap, title: '申请入党日期', dataIndex: 'appliedOn', render: (v: string | null) => chineseDate(v) },
            {
              title: '下一步',
              key: 'next',
              render: (_: unknown, d) => {
                const steps = next.get(d.id) ?? [];
                if (steps.length === 0) return <Typography.Text type="secondary">{d.stage === '正式党员' ? '已转正' : '—'}</Typography.Text>;
                const first = steps[0]!;
                return (
                  <Space size={4} wrap>
                    {first.state === 'overdue' ? <Tag color="red">已逾期</Tag> : null}
                    <span>{stepName(first.key)}</span>
                    {first.dueOn ? <Typography.Text type={first.state === 'overdue' ? 'danger' : 'secondary'}>（{chineseDate(first.dueOn)}前）</Typography.Text> : null}
                    {steps.length > 1 ? <Typography.Text type="secondary">等{steps.length}项</Typography.Text> : null}
                  </Space>
                );
              },
            },
            { ...nowrap, title: '操作', key: 'op', fixed: 'right', render: (_: unknown, d) => <Link to={link(d.id)}>查看进程</Link> },
          ]}
        />
      )}
      {creating && org ? (
        <ApplicantForm
          orgCode={org}
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            reload();
          }}
        />
      ) : null}
    </>
  );
}
