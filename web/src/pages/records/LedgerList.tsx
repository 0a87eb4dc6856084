/**
 * One list of a ledger, from its description (ledgers.ts): the filter bar (the route's own filters), the paged
 * table, the detail drawer with the record's actions (those the server lists in the record's `actions`: correct,
 * revoke, delete), and the create drawer (only where the server grants 'record' at the chosen organization); the
 * server's field issues show under the fields.
 */
import { App, Button, Descriptions, Drawer, Empty, Form, Grid, Popconfirm, Skeleton, Space, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo, useState, type ComponentType, type ReactNode } from 'react';
import { get, post, request } from '../../lib/api';
import { chineseDate, todayIso } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldInput } from './FieldInput';
import { FilterBar } from './FilterBar';
import { showIssues } from './show-issues';
import { initialValues, issuesToFields, patchPayload, toPayload, toQuery, valuesFromRecord, type FieldSpec, type FormValues } from './form-fields';
import { actionPathOf, detailPathOf, type ColumnSpec, type CreateComponent, type DetailTable, type ListSpec, type RecordActionSpec } from './ledgers';
import { RatingForm } from './RatingForm';

type Row = Record<string, unknown>;

const PAGE_SIZE = 20;

export function cellText(c: ColumnSpec, row: Row): string {
  if (c.text) return c.text(row);
  const v = row[c.field];
  if (v === null || v === undefined || v === '') return '';
  if (c.kind === 'date') return chineseDate(String(v));
  if (c.kind === 'bool' || typeof v === 'boolean') return v ? (c.boolText?.[0] ?? '是') : (c.boolText?.[1] ?? '否');
  return String(v as string | number);
}

function cell(c: ColumnSpec, row: Row): ReactNode {
  const t = cellText(c, row);
  if (c.kind === 'long') {
    return (
      <Typography.Text ellipsis={{ tooltip: t }} style={{ maxWidth: 200 }}>
        {t}
      </Typography.Text>
    );
  }
  return t;
}

function tableColumns(columns: ColumnSpec[]) {
  return columns.map((c) => ({
    key: c.field,
    title: c.title,
    render: (_: unknown, row: Row) => cell(c, row),
    ...(c.kind === 'number' ? { align: 'right' as const } : {}),
    ...(c.kind === 'date' ? { width: 136, onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) } : {}),
  }));
}

function SubTable({ table, rows }: { table: DetailTable; rows: Row[] }) {
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5}>
        {table.title}（{rows.length}）
      </Typography.Title>
      <Table<Row>
        size="small"
        rowKey="__key"
        columns={tableColumns(table.columns)}
        dataSource={rows.map((r, i) => ({ ...r, __key: String(r.id ?? r.entryId ?? i) }))}
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        scroll={{ x: true }}
        locale={{ emptyText: `暂无${table.title}` }}
      />
    </div>
  );
}

/** A record's action buttons: those of the list's actions the server allows on this record. */
function ActionButtons({ spec, record, onForm, onDone }: { spec: ListSpec; record: Row; onForm: (a: RecordActionSpec) => void; onDone: (a: RecordActionSpec, result: Row | null) => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const allowed = Array.isArray(record.actions) ? (record.actions as string[]) : [];
  const available = (spec.actions ?? []).filter((a) => allowed.includes(a.action));
  if (!available.length) return null;
  const run = async (a: RecordActionSpec) => {
    setBusy(a.action);
    setError(null);
    try {
      const result = await request<Row | null>(a.method, actionPathOf(a, String(record.id)), a.method === 'DELETE' ? {} : { body: {} });
      void message.success(`${a.title}：已完成`);
      onDone(a, result ?? null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div style={{ marginBottom: 12 }}>
      <Space wrap>
        {available.map((a) =>
          a.fields ? (
            <Button key={a.action} danger={a.danger} icon={a.action === 'update' ? <EditOutlined /> : undefined} onClick={() => onForm(a)}>
              {a.title}
            </Button>
          ) : (
            <Popconfirm key={a.action} title={a.confirm ?? `确定${a.title}吗？`} okText="确定" cancelText="取消" onConfirm={() => run(a)}>
              <Button danger={a.danger} loading={busy === a.action} icon={a.action === 'delete' ? <DeleteOutlined /> : undefined}>
                {a.title}
              </Button>
            </Popconfirm>
          ),
        )}
      </Space>
      <ErrorAlert error={error} />
    </div>
  );
}

function Detail({ spec, row, onChanged }: { spec: ListSpec; row: Row; onChanged: (closed: boolean) => void }) {
  const path = detailPathOf(spec, String(row.id));
  const { data, loading, error, reload } = useApi(() => (path ? get<Row>(path) : Promise.resolve(row)), [path]);
  const [acting, setActing] = useState<RecordActionSpec | null>(null);
  const [updated, setUpdated] = useState<Row | null>(null);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (loading || !data) return <Skeleton active />;
  const record = updated ?? data;
  const done = (a: RecordActionSpec, result: Row | null) => {
    setActing(null);
    if (a.method === 'DELETE') {
      onChanged(true);
      return;
    }
    // With a detail route, read it again (its tables may change too); otherwise the answer is the record.
    if (path) reload();
    else if (result) setUpdated(result);
    onChanged(false);
  };
  if (acting) {
    const fields = (acting.fields ?? []) as FieldSpec[];
    return (
      <>
        <Typography.Title level={5}>{acting.title}</Typography.Title>
        <RecordForm
          name={`${acting.action}-${spec.key}`}
          title={acting.title}
          fields={fields}
          initial={acting.method === 'PATCH' || acting.prefill ? { ...initialValues(fields, { org: null, today: todayIso() }), ...valuesFromRecord(fields, record) } : initialValues(fields, { org: null, today: todayIso() })}
          send={(values) =>
            request<Row>(acting.method, actionPathOf(acting, String(record.id)), {
              body: acting.method === 'PATCH' ? patchPayload(fields, values, record) : toPayload(fields, values),
            })
          }
          onDone={(result) => done(acting, result)}
          onCancel={() => setActing(null)}
        />
      </>
    );
  }
  const fields = [...spec.columns, ...(spec.detailExtra ?? [])];
  return (
    <>
      <ActionButtons spec={spec} record={record} onForm={setActing} onDone={done} />
      <Descriptions
        column={1}
        size="small"
        bordered
        items={fields.map((c) => ({ key: c.field + c.title, label: c.title, children: cellText(c, record) || '—' }))}
      />
      {(spec.detailTables ?? []).map((t) => (
        <SubTable key={t.field} table={t} rows={Array.isArray(record[t.field]) ? (record[t.field] as Row[]) : []} />
      ))}
    </>
  );
}

/**
 * A described form that sends itself (create, correct, revoke): the server's field issues go under the fields,
 * the rest into the alert above.
 */
function RecordForm({
  name,
  title,
  fields,
  initial,
  send,
  onDone,
  onCancel,
}: {
  name: string;
  title: string;
  fields: FieldSpec[];
  initial: FormValues;
  send: (values: FormValues) => Promise<Row>;
  onDone: (result: Row) => void;
  onCancel?: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const screens = Grid.useBreakpoint();
  const submit = async (values: FormValues) => {
    setBusy(true);
    setError(null);
    try {
      const result = await send(values);
      void message.success(`${title}：已保存`);
      form.resetFields();
      onDone(result);
    } catch (e) {
      setError(showIssues(form, e, (issues) => issuesToFields(fields, issues)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<FormValues>
      form={form}
      name={name}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => void submit(v)}
      scrollToFirstError
      aria-label={title}
      style={{ maxWidth: screens.md ? 560 : undefined }}
    >
      <ErrorAlert error={error} />
      {fields.map((f) => (
        <FieldInput key={f.field} spec={f} />
      ))}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          保存
        </Button>
        {onCancel ? <Button onClick={onCancel}>取消</Button> : <Button onClick={() => form.resetFields()}>重填</Button>}
      </Space>
    </Form>
  );
}

export interface CreateFormProps {
  spec: ListSpec;
  org: string | null;
  onDone: (created: Row) => void;
}

/** The create forms of their own, by the key a list's `create.component` names. */
const CREATE_COMPONENTS: Record<CreateComponent, ComponentType<CreateFormProps>> = { rating: RatingForm };

function CreateForm({ spec, org, onDone }: CreateFormProps) {
  const create = spec.create!;
  const fields = create.fields as FieldSpec[];
  const initial = useMemo(() => initialValues(fields, { org, today: todayIso() }), [fields, org]);
  return (
    <RecordForm
      name={`create-${spec.key}`}
      title={create.title}
      fields={fields}
      initial={initial}
      send={(values) => post<Row>(create.path ?? spec.path, toPayload(fields, values))}
      onDone={onDone}
    />
  );
}

/** The described create form, or the list's own (create.component). */
function CreateBody(props: CreateFormProps) {
  const Body = props.spec.create?.component ? CREATE_COMPONENTS[props.spec.create.component] : CreateForm;
  return <Body {...props} />;
}

export function LedgerList({ spec, org, canRecord }: { spec: ListSpec; org: string | null; canRecord: boolean }) {
  const [filterForm] = Form.useForm<FormValues>();
  const [filters, setFilters] = useState<FormValues>({});
  const [page, setPage] = useState(1);
  const [detail, setDetail] = useState<Row | null>(null);
  const [creating, setCreating] = useState(false);
  const query = useMemo(() => toQuery(spec.filters, filters, org), [spec, filters, org]);
  const key = JSON.stringify(query);
  const { data, loading, error, reload } = useApi(
    () => (org ? get<Row & { total: number; items: Row[] }>(spec.path, { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }) : Promise.resolve({ total: 0, items: [] })),
    [spec.path, key, page],
  );
  const filtered = Object.keys(query).length > 1;
  const apply = (values: FormValues) => {
    setPage(1);
    setFilters({ ...values });
  };
  const columns = [
    ...tableColumns(spec.columns),
    {
      key: 'actions',
      title: '操作',
      fixed: 'right' as const,
      width: 80,
      render: (_: unknown, row: Row) => (
        <Button type="link" size="small" onClick={() => setDetail(row)} aria-label={`查看${spec.noun}`}>
          查看
        </Button>
      ),
    },
  ];
  const empty = filtered
    ? `没有符合条件的${spec.noun}，可以调整筛选条件`
    : `还没有${spec.noun}${canRecord && spec.create ? `，点击“${spec.create.title}”开始登记` : ''}`;
  const summary = data && spec.summary ? spec.summary(data) : null;
  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-start', marginBottom: 8 }}>
        <FilterBar form={filterForm} name={`filter-${spec.key}`} filters={spec.filters} onApply={apply} style={{ flex: 1 }} />
        {canRecord && spec.create ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {spec.create.title}
          </Button>
        ) : null}
      </div>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<Row>
        rowKey={(r) => String(r.id)}
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        size="middle"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: loading ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (t) => `共 ${t} 条`,
          onChange: setPage,
        }}
        footer={summary ? () => summary : undefined}
      />
      <Drawer title={`${spec.noun}详情`} open={detail !== null} onClose={() => setDetail(null)} width={Math.min(640, window.innerWidth)} destroyOnHidden>
        {detail ? (
          <Detail
            spec={spec}
            row={detail}
            onChanged={(closed) => {
              if (closed) setDetail(null);
              reload();
            }}
          />
        ) : null}
      </Drawer>
      {spec.create ? (
        <Drawer title={spec.create.title} open={creating} onClose={() => setCreating(false)} width={Math.min(600, window.innerWidth)} destroyOnHidden>
          <CreateBody
            spec={spec}
            org={org}
            onDone={() => {
              setCreating(false);
              setPage(1);
              reload();
            }}
          />
        </Drawer>
      ) : null}
    </div>
  );
}
