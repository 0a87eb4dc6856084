/**
 * 登记自评: a rating's create form, whose fields follow the chosen scheme (GET /api/rating-schemes/:code) — one score
 * per indicator (at most its points), the veto items and the required items as check boxes — with the running total
 * and the scheme's grade lines; the described fields (organization, year, scheme, 党员评议得分, 群众满意率, note) come
 * from the list's description. The server computes the grade on save; its field issues show under the fields.
 */
import { Alert, App, Button, Checkbox, Form, Grid, InputNumber, Skeleton, Space, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { get, post } from '../../lib/api';
import { todayIso } from '../../lib/format';
import type { RatingView, SchemeView } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldInput } from './FieldInput';
import { showIssues } from './show-issues';
import { initialValues, requiredMessage, type FieldSpec, type FormValues } from './form-fields';
import type { CreateFormProps } from './LedgerList';
import {
  bandsText,
  gradeText,
  itemOptions,
  ITEMS_FIELD,
  liveGrade,
  memberScoreHelp,
  ratingIssues,
  ratingPayload,
  runningTotal,
  satisfactionHelp,
  scoreFields,
  totalText,
  VETOES_FIELD,
  vetoOptions,
  type SchemeConfig,
} from './rating-form';

const column = { display: 'flex', flexDirection: 'column', gap: 4 } as const;

/** The scheme's part: the scores, the check boxes, and the total against the grade lines. */
function SchemePart({ config, values }: { config: SchemeConfig; values: FormValues }) {
  const vetoes = vetoOptions(config);
  const items = itemOptions(config);
  const total = runningTotal(config, values);
  const grade = liveGrade(config, values);
  const notes = [grade ? gradeText(grade) : '各项得分填完后显示计算等次（含否决事项和附加条件）', `等次分数线：${bandsText(config)}`];
  return (
    <>
      {scoreFields(config).map((f) => (
        <Form.Item key={f.field} name={f.field} label={f.label} rules={[{ required: true, message: requiredMessage(f) }]}>
          <InputNumber min={0} max={f.max} style={{ width: '100%' }} placeholder={`0–${f.max}`} />
        </Form.Item>
      ))}
      {vetoes.length ? (
        <Form.Item name={VETOES_FIELD} label="否决事项" extra="触及的事项打勾">
          <Checkbox.Group options={vetoes} style={column} />
        </Form.Item>
      ) : null}
      {items.length ? (
        <Form.Item name={ITEMS_FIELD} label="具备事项" extra="具备的事项打勾">
          <Checkbox.Group options={items} style={column} />
        </Form.Item>
      ) : null}
      <Alert
        type="info"
        role="status"
        aria-live="polite"
        style={{ marginBottom: 16 }}
        message={totalText(config, total)}
        description={notes.map((n) => (
          <div key={n}>{n}</div>
        ))}
      />
    </>
  );
}

export function RatingForm({ spec, org, onDone }: CreateFormProps) {
  const create = spec.create!;
  const fields = create.fields as FieldSpec[];
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [values, setValues] = useState<FormValues>({});
  const initial = useMemo(() => initialValues(fields, { org, today: todayIso() }), [fields, org]);
  const code = Form.useWatch('schemeCode', form) as string | undefined;
  const loaded = useApi(() => (code ? get<SchemeView>(`/rating-schemes/${encodeURIComponent(code)}`) : Promise.resolve(null)), [code]);
  // The answer for the scheme chosen now (not the one before, while the next loads).
  const scheme = loaded.data && loaded.data.code === code ? loaded.data : null;

  const submit = async (v: FormValues) => {
    if (!scheme) return;
    setBusy(true);
    setError(null);
    try {
      const created = await post<RatingView>(create.path ?? spec.path, ratingPayload(fields, scheme.config, v));
      void message.success(`${create.title}：已保存，计算等次为${created.computedGrade ?? '—'}`);
      onDone(created);
    } catch (e) {
      setError(showIssues(form, e, (issues) => ratingIssues(fields, scheme.config, issues)));
    } finally {
      setBusy(false);
    }
  };

  let schemePart: ReactNode;
  if (!code) schemePart = <Typography.Paragraph type="secondary">选择评定方案后，按方案的评价指标逐项填写得分。</Typography.Paragraph>;
  else if (loaded.error) schemePart = <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  else if (!scheme) schemePart = <Skeleton active paragraph={{ rows: 4 }} />;
  else schemePart = <SchemePart config={scheme.config} values={values} />;

  const described = (f: FieldSpec) => {
    if (!scheme) return f;
    if (f.field === 'memberScore') return { ...f, help: memberScoreHelp(scheme.config) };
    if (f.field === 'publicSatisfaction') return { ...f, help: satisfactionHelp(scheme.config) };
    return f;
  };

  return (
    <Form<FormValues>
      form={form}
      name={`create-${spec.key}`}
      layout="vertical"
      initialValues={initial}
      onValuesChange={(_, all) => setValues(all)}
      onFinish={(v) => void submit(v)}
      scrollToFirstError
      aria-label={create.title}
      style={{ maxWidth: screens.md ? 560 : undefined }}
    >
      <ErrorAlert error={error} />
      {fields.map((f) => (
        <div key={f.field}>
          <FieldInput spec={described(f)} />
          {f.field === 'schemeCode' ? schemePart : null}
        </div>
      ))}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          保存
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            setValues({});
          }}
        >
          重填
        </Button>
      </Space>
    </Form>
  );
}
