/**
 * Recording or correcting one step's date (PATCH /api/development/:id). The date is checked as it is typed — the
 * server's own input checks and the rules' time limits, bundled from src/ — and the server's field errors land under
 * the fields on saving.
 */
import { App, DatePicker, Form, Input, InputNumber, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { patch } from '../../lib/api';
import { DATE_FORMATS, todayIso } from '../../lib/format';
import type { DevelopmentPatch, DevelopmentView } from '../../lib/types';
import { showFieldErrors } from '../members/form-errors';
import { CheckList, CheckText } from './CheckList';
import { STEP_BY_KEY, checkChange, recordOf, stepTitle, type Check, type RuleSettings, type StepKey } from './timeline';

type Extra = 'contacts' | 'introducers' | 'trainingHours' | 'extensionMonths';

/** The other facts asked for with a step. */
const EXTRAS: Partial<Record<StepKey, Extra[]>> = {
  contactsOn: ['contacts'],
  candidateOn: ['introducers'],
  branchMeetingOn: ['introducers'],
  trainingStartOn: ['trainingHours'],
  trainingEndOn: ['trainingHours'],
  extensionDecidedOn: ['extensionMonths'],
};

interface Values {
  date?: Dayjs | null;
  contacts?: string | null;
  introducers?: string | null;
  trainingHours?: number | null;
  extensionMonths?: number | null;
}

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

function Checks({ checks }: { checks: Check[] }) {
  if (checks.length === 0) return null;
  return (
    <div role="alert">
      {checks.map((c, i) => (
        <div key={i}>
          <Typography.Text type={c.level === 'late' ? 'warning' : 'danger'}>
            <CheckText check={c} />
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}

export function StepForm({ record, step, settings, onClose, onSaved }: { record: DevelopmentView; step: StepKey; settings: RuleSettings; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const def = STEP_BY_KEY.get(step)!;
  const extras = EXTRAS[step] ?? [];
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The date being typed, before the picker confirms it (onCalendarChange): the checks follow the keyboard.
  const [typed, setTyped] = useState<Dayjs | null | undefined>(undefined);
  const watched = Form.useWatch([], form) as Values | undefined;
  const current = recordOf(record);
  const date = typed !== undefined ? typed : (watched?.date ?? (watched ? null : current.dates[step] ? dayjs(current.dates[step]) : null));

  const change: Parameters<typeof checkChange>[1] = { dates: { [step]: iso(date) } };
  if (watched && extras.includes('introducers')) change.introducers = watched.introducers || null;
  if (watched && extras.includes('trainingHours')) change.trainingHours = watched.trainingHours ?? null;
  if (watched && extras.includes('extensionMonths')) change.extensionMonths = watched.extensionMonths ?? null;
  const checks = date || current.dates[step] ? checkChange(current, change, settings, todayIso()) : [];
  const on = (field: string) => checks.filter((c) => c.field === field);
  const elsewhere = checks.filter((c) => c.field !== step && !(extras as string[]).includes(c.field));

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const body: DevelopmentPatch = { [step]: iso(v.date) };
      if (extras.includes('contacts')) body.contacts = v.contacts?.trim() || null;
      if (extras.includes('introducers')) body.introducers = v.introducers?.trim() || null;
      if (extras.includes('trainingHours')) body.trainingHours = v.trainingHours ?? null;
      if (extras.includes('extensionMonths')) body.extensionMonths = v.extensionMonths ?? null;
      await patch<DevelopmentView>(`/development/${record.id}`, body);
      message.success(`已保存${def.label}`);
      onSaved();
    } catch (e) {
      // The server names the step by its key; the form's date field is 'date'.
      setError(showFieldErrors(form, e, { [step]: 'date', ...Object.fromEntries(extras.map((x) => [x, x])) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${current.dates[step] ? '更正' : '登记'}：${stepTitle(step)}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary">
        {record.name}（{record.stage}）
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          date: current.dates[step] ? dayjs(current.dates[step]) : null,
          contacts: record.contacts,
          introducers: record.introducers,
          trainingHours: record.trainingHours,
          extensionMonths: record.extensionMonths,
        }}
      >
        <Form.Item
          name="date"
          label={def.label}
          rules={current.dates[step] ? [] : [{ required: true, message: `请填写${def.label}` }]}
          extra={<Checks checks={on(step)} />}
        >
          <DatePicker
            format={DATE_FORMATS}
            style={{ width: '100%' }}
            placeholder="如 2025年3月1日，也可输入 2025-03-01"
            allowClear={!!current.dates[step]}
            onCalendarChange={(d) => setTyped((Array.isArray(d) ? d[0] : d) ?? null)}
            onChange={() => setTyped(undefined)}
            onOpenChange={(open) => !open && setTyped(undefined)}
          />
        </Form.Item>
        {extras.includes('contacts') ? (
          <Form.Item name="contacts" label="培养联系人" extra="1至2名正式党员，用顿号分隔">
            <Input maxLength={100} />
          </Form.Item>
        ) : null}
        {extras.includes('introducers') ? (
          <Form.Item name="introducers" label="入党介绍人" extra={<>{on('introducers').length ? <Checks checks={on('introducers')} /> : '2名正式党员，用顿号分隔'}</>}>
            <Input maxLength={100} />
          </Form.Item>
        ) : null}
        {extras.includes('trainingHours') ? (
          <Form.Item name="trainingHours" label="集中培训学时" extra={<Checks checks={on('trainingHours')} />}>
            <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {extras.includes('extensionMonths') ? (
          <Form.Item name="extensionMonths" label="延长预备期(月)" extra={<Checks checks={on('extensionMonths')} />}>
            <InputNumber min={6} max={12} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {elsewhere.length ? <CheckList checks={elsewhere} /> : null}
        {checks.length && !elsewhere.length ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {checks.some((c) => c.level === 'invalid') ? '请更正上述问题后保存。' : '以上情况可以保存，保存后将作为问题列入监测通报。'}
          </Typography.Paragraph>
        ) : null}
      </Form>
    </Modal>
  );
}
