/**
 * 整改台账: the problems of the chosen organization and its subtree — a summary by status, the list with its filters
 * (status or 逾期, source, inspection round, category, found between), and a problem's detail with its history (who
 * did what, when) and the workflow steps the server grants the caller at the problem's organization.
 * The problem shown is kept in the address (?problem=ID) so a link opens it.
 */
import { App, Button, Card, Descriptions, Drawer, Empty, Form, Input, Modal, Skeleton, Space, Statistic, Table, Tag, Timeline, Typography, DatePicker } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PROBLEM_SOURCES, PROBLEM_STATUSES } from '../../../../src/shared/vocab';
import { ApiError, get, post } from '../../lib/api';
import { chineseDate, DATE_FORMATS, percent, todayIso } from '../../lib/format';
import { useOrgScope } from '../../lib/org-scope';
import type { ProblemDetailView, ProblemPageView, ProblemView, WithSteps } from '../../lib/types';

type ProblemWithSteps = WithSteps<ProblemDetailView>;
import { useApi } from '../../lib/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { FilterBar } from '../records/FilterBar';
import { issuesToFields, toQuery, type FieldSpec, type FormValues } from '../records/form-fields';
import { STATUS_ORDER, STEP_HINTS, eventLine, stateText, statusSummary, stepAsks, stepBody, type ProblemStep } from './problem-steps';

const PAGE_SIZE = 20;

const FILTERS: FieldSpec[] = [
  { label: '整改状态', field: 'status', type: 'select', options: [...PROBLEM_STATUSES, '逾期'], optionLabels: { 逾期: '逾期未销号' } },
  { label: '问题来源', field: 'source', type: 'select', options: PROBLEM_SOURCES },
  {
    label: '巡察轮次',
    field: 'inspection',
    type: 'remote',
    remote: { path: '/inspections', withOrg: true, query: { limit: 200 }, value: 'id', label: (r) => `${String(r.title)}（${chineseDate(String(r.startOn))}）` },
  },
  { label: '问题类别', field: 'category', type: 'text' },
  { label: '发现日期起', field: 'from', type: 'date' },
  { label: '发现日期止', field: 'to', type: 'date' },
];

function StateCell({ p }: { p: ProblemView }) {
  return (
    <Space size={4} wrap>
      <span>{p.stage}</span>
      {p.overdue ? (
        <Tag color="red" icon={<WarningOutlined />}>
          已逾期
        </Tag>
      ) : p.late ? (
        <Tag color="orange">逾期整改</Tag>
      ) : null}
      {p.reopened > 0 ? <Tag>重新整改{p.reopened}次</Tag> : null}
    </Space>
  );
}

/** The counts by status of the chosen organization's problems (one small query per status, totals only). */
function Summary({ org, version }: { org: string; version: number }) {
  const { data, loading, error } = useApi(async () => {
    const keys = [...STATUS_ORDER, '逾期'] as const;
    const totals = await Promise.all(keys.map((status) => get<ProblemPageView>('/problems', { org, status, limit: 1 }).then((p) => p.total)));
    return statusSummary(Object.fromEntries(keys.map((k, i) => [k, totals[i]!])));
  }, [org, version]);
  if (error) return <ErrorAlert error={error} />;
  return (
    <Card size="small" style={{ marginBottom: 16 }} aria-label="整改进度">
      {loading || !data ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <Space size={32} wrap>
          {data.items.map((i) => (
            <Statistic key={i.status} title={i.status} value={i.count} suffix="件" />
          ))}
          <Statistic title="逾期未销号" value={data.overdue} suffix="件" valueStyle={data.overdue ? { color: '#cf1322' } : undefined} />
          <Statistic title="销号率" value={percent(data.closedShare)} />
        </Space>
      )}
    </Card>
  );
}

interface StepValues {
  on?: Dayjs;
  note?: string;
  evidence?: string;
  measures?: string;
}

function StepModal({ problem, step, onClose, onDone }: { problem: ProblemDetailView; step: ProblemStep | null; onClose: () => void; onDone: (p: ProblemDetailView) => void }) {
  const [form] = Form.useForm<StepValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { message } = App.useApp();
  const asks = step ? stepAsks(step) : null;
  const submit = async () => {
    if (!step) return;
    let v: StepValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = stepBody(step, { on: (v.on ?? dayjs()).format('YYYY-MM-DD'), note: v.note, evidence: v.evidence, measures: v.measures });
      const updated = await post<ProblemDetailView>(`/problems/${problem.id}/steps`, body);
      void message.success(`已办理“${step}”，当前状态：${updated.stage}`);
      onDone(updated);
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) {
        const fields: FieldSpec[] = ['on', 'note', 'evidence', 'measures'].map((f) => ({ label: f, field: f, type: 'text' }));
        const split = issuesToFields(fields, e.issues);
        form.setFields(split.fields as { name: keyof StepValues; errors: string[] }[]);
        if (split.rest.length || !split.fields.length) setError(new ApiError(e.status, e.code, e.message, split.rest));
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={step !== null}
      title={step ? `办理：${step}` : ''}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="提交"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
    >
      {step ? (
        <Form form={form} name="problem-step" layout="vertical" initialValues={{ on: dayjs(todayIso()), measures: problem.measures ?? undefined }} preserve={false}>
          <Typography.Paragraph type="secondary">{STEP_HINTS[step]}</Typography.Paragraph>
          <ErrorAlert error={error} />
          <Form.Item name="on" label="办理日期" rules={[{ required: true, message: '请选择办理日期' }]}>
            <DatePicker style={{ width: '100%' }} format={DATE_FORMATS} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          {asks?.measures ? (
            <Form.Item name="measures" label="整改措施" extra="每行一条" rules={[{ required: true, whitespace: true, message: '请填写整改措施' }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
          ) : null}
          <Form.Item
            name="note"
            label={step === '验收不通过' || step === '重新整改' ? '原因' : step === '报告进展' ? '进展情况' : '说明'}
            rules={asks?.noteRequired ? [{ required: true, whitespace: true, message: step === '报告进展' ? '请填写进展情况' : '请填写原因' }] : undefined}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          {asks?.evidence ? (
            <Form.Item name="evidence" label="佐证材料" extra="材料名称或存放位置">
              <Input.TextArea rows={2} />
            </Form.Item>
          ) : null}
        </Form>
      ) : null}
    </Modal>
  );
}

function ProblemDetail({ id, onChanged }: { id: number; onChanged: () => void }) {
  const { data: problem, loading, error, reload } = useApi(() => get<ProblemWithSteps>(`/problems/${id}`), [id]);
  const [step, setStep] = useState<ProblemStep | null>(null);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (loading || !problem) return <Skeleton active />;
  // The steps the server opens to this user on this problem (its stage, and the user's place above or at it).
  const steps = problem.steps;
  const rows: [string, ReactNode][] = [
    ['问题描述', problem.description],
    ['整改责任组织', problem.orgName],
    ['问题来源', problem.inspectionTitle ? `${problem.source}（${problem.inspectionTitle}）` : problem.source],
    ['问题类别', `${problem.category}（${problem.level}）`],
    ['整改责任人', problem.ownerName],
    ['整改措施', problem.measures ? <span style={{ whiteSpace: 'pre-wrap' }}>{problem.measures}</span> : '尚未制定'],
    ['发现日期', chineseDate(problem.foundOn)],
    ['整改时限', chineseDate(problem.deadline)],
    ['整改状态', <StateCell key="s" p={problem} />],
    ['提请验收日期', chineseDate(problem.rectifiedOn) || '—'],
    ['验收', problem.acceptedOn ? `${chineseDate(problem.acceptedOn)}（${problem.acceptedBy ?? ''}）` : '—'],
    ['销号日期', chineseDate(problem.closedOn) || '—'],
    ['备注', problem.note ?? '—'],
  ];
  return (
    <>
      {problem.overdue ? (
        <Typography.Paragraph type="danger" strong>
          <WarningOutlined /> 已超过整改时限（{chineseDate(problem.deadline)}）仍未销号
        </Typography.Paragraph>
      ) : null}
      <Descriptions column={1} size="small" bordered items={rows.map(([label, children]) => ({ key: label, label, children }))} />
      <div style={{ margin: '16px 0' }}>
        <Typography.Title level={5}>办理</Typography.Title>
        {steps.length ? (
          <Space wrap>
            {steps.map((s) => (
              <Button key={s} autoInsertSpace={false} type={s === '验收不通过' || s === '重新整改' ? 'default' : 'primary'} danger={s === '验收不通过'} onClick={() => setStep(s)}>
                {s}
              </Button>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">
            {problem.status === '已销号' ? '已销号，整改完毕。' : '当前状态下您没有可办理的步骤。'}
          </Typography.Text>
        )}
      </div>
      <Typography.Title level={5}>办理记录</Typography.Title>
      <Timeline
        items={problem.events.map((e) => ({
          key: e.id,
          color: e.action === '验收不通过' || e.action === '重新整改' ? 'red' : e.toStatus === '已销号' ? 'green' : 'blue',
          children: (
            <div>
              <Typography.Text strong>{chineseDate(e.on)}</Typography.Text> {eventLine(e)}
              {e.note ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div> : null}
              {e.evidence ? <Typography.Text type="secondary">佐证材料：{e.evidence}</Typography.Text> : null}
            </div>
          ),
        }))}
      />
      <StepModal
        problem={problem}
        step={step}
        onClose={() => setStep(null)}
        onDone={() => {
          setStep(null);
          reload();
          onChanged();
        }}
      />
    </>
  );
}

export function ProblemsPage() {
  const { org, orgName } = useOrgScope();
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('problem')) || null;
  const [filterForm] = Form.useForm<FormValues>();
  const [filters, setFilters] = useState<FormValues>({});
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState(0);
  const query = useMemo(() => toQuery(FILTERS, filters, org), [filters, org]);
  const key = JSON.stringify(query);
  const { data, loading, error, reload } = useApi(
    () => (org ? get<ProblemPageView>('/problems', { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }) : Promise.resolve({ total: 0, items: [] })),
    [key, page, version],
  );
  const open = (id: number | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (id) next.set('problem', String(id));
      else next.delete('problem');
      return next;
    });
  const apply = (v: FormValues) => {
    setPage(1);
    setFilters({ ...v });
  };
  const filtered = Object.keys(query).length > 1;
  const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });
  const columns = [
    {
      key: 'description',
      title: '问题',
      render: (_: unknown, p: ProblemView) => (
        <div style={{ maxWidth: 300 }}>
          <Typography.Text ellipsis={{ tooltip: p.description }} style={{ maxWidth: 300 }}>
            {p.description}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.source} · {p.category}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'org',
      title: '责任组织',
      render: (_: unknown, p: ProblemView) => (
        <Typography.Text ellipsis={{ tooltip: p.orgName }} style={{ maxWidth: 180 }}>
          {p.orgName}
        </Typography.Text>
      ),
    },
    { key: 'state', title: '整改状态', render: (_: unknown, p: ProblemView) => <StateCell p={p} /> },
    { key: 'deadline', title: '整改时限', onCell: nowrap, render: (_: unknown, p: ProblemView) => chineseDate(p.deadline) },
    { key: 'foundOn', title: '发现日期', onCell: nowrap, render: (_: unknown, p: ProblemView) => chineseDate(p.foundOn) },
    {
      key: 'actions',
      title: '操作',
      fixed: 'right' as const,
      width: 80,
      render: (_: unknown, p: ProblemView) => (
        <Button type="link" size="small" onClick={() => open(p.id)} aria-label={`查看问题：${stateText(p)}`}>
          查看
        </Button>
      ),
    },
  ];
  return (
    <div>
      <PageHeader title="整改台账" subtitle={orgName ? `${orgName}（含下级组织）` : undefined} />
      {org ? <Summary org={org} version={version} /> : null}
      <FilterBar form={filterForm} name="problem-filter" filters={FILTERS} onApply={apply} style={{ marginBottom: 8 }} />
      <ErrorAlert error={error} onRetry={reload} />
      <Table<ProblemView>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: loading ? ' ' : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={filtered ? '没有符合条件的问题，可以调整筛选条件' : '本组织还没有登记整改问题'}
            />
          ),
        }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, showTotal: (t) => `共 ${t} 个问题`, onChange: setPage }}
      />
      <Drawer title="整改问题" open={openId !== null} onClose={() => open(null)} width={Math.min(680, window.innerWidth)} destroyOnHidden>
        {openId ? <ProblemDetail key={openId} id={openId} onChanged={() => setVersion((v) => v + 1)} /> : null}
      </Drawer>
    </div>
  );
}
