/**
 * Registering a member (POST /api/members) or correcting one (PATCH /api/members/:id; the ID number and the
 * organization are not corrected here — transfers and leaving have their own forms). The server's field errors land
 * under the fields.
 */
import { App, Col, DatePicker, Form, Input, Modal, Row, Select, Skeleton, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { EDUCATIONS, ENTRY_KINDS, ETHNICITIES, GENDERS, MEMBER_STATUSES, OCCUPATIONS, PARTY_POSTS } from '../../../../src/shared/vocab.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { get, patch, post } from '../../lib/api';
import { useOrgScope } from '../../lib/org-scope';
import type { MemberDetail, MemberInput, MemberPatch } from '../../lib/types';
import { branchesUnder } from '../development/ApplicantForm';
import { showFieldErrors } from './form-errors';
import { DATE_FORMATS } from '../../lib/format';

const DATE_FIELDS = ['birthDate', 'joinedOn', 'confirmedOn', 'entryOn'] as const;
const FIELDS = [
  'name', 'idNumber', 'gender', 'ethnicity', 'birthDate', 'education', 'occupation', 'phone', 'orgCode', 'status', 'joinedOn', 'confirmedOn',
  'entryKind', 'entryOn', 'isMobile', 'mobileDestination', 'partyPost',
] as const;

// antd form values: strings, dayjs dates, booleans.
type Values = Record<(typeof FIELDS)[number], any>;

const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
const future = (d: Dayjs) => d.isAfter(dayjs(), 'day');

function toValues(m: MemberDetail): Partial<Values> {
  return {
    name: m.name,
    gender: m.gender,
    ethnicity: m.ethnicity,
    birthDate: m.birthDate ? dayjs(m.birthDate) : null,
    education: m.education,
    occupation: m.occupation,
    orgCode: m.orgCode,
    status: m.status,
    joinedOn: dayjs(m.joinedOn),
    confirmedOn: m.confirmedOn ? dayjs(m.confirmedOn) : null,
    entryKind: m.entryKind,
    entryOn: m.entryOn ? dayjs(m.entryOn) : null,
    isMobile: m.isMobile,
    mobileDestination: m.mobileDestination,
    partyPost: m.partyPost,
  };
}

/** The form's values as the API takes them: dates as YYYY-MM-DD, empty as null. */
function toBody(v: Partial<Values>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(v)) {
    if (value === undefined) continue;
    if ((DATE_FIELDS as readonly string[]).includes(k)) out[k] = value ? (value as Dayjs).format('YYYY-MM-DD') : null;
    else out[k] = value === '' ? null : value;
  }
  return out;
}

export function MemberForm({ orgCode, editId, onClose, onSaved }: { orgCode: string; editId: number | null; onClose: () => void; onSaved: (id: number) => void }) {
  const { message } = App.useApp();
  const { find } = useOrgScope();
  const [form] = Form.useForm<Partial<Values>>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [current, setCurrent] = useState<MemberDetail | null>(null);
  const branches = useMemo(() => branchesUnder(find(orgCode)), [find, orgCode]);
  const status = Form.useWatch('status', form);
  const isMobile = Form.useWatch('isMobile', form);

  useEffect(() => {
    if (editId === null) return;
    get<MemberDetail>(`/members/${editId}`)
      .then(setCurrent)
      .catch(setError);
  }, [editId]);
  // Once the form shows (it replaces the skeleton), fill it with the record.
  useEffect(() => {
    if (current) form.setFieldsValue(toValues(current));
  }, [current, form]);

  const submit = async (v: Partial<Values>) => {
    setSaving(true);
    setError(null);
    try {
      let saved: MemberDetail;
      if (editId === null) {
        saved = await post<MemberDetail>('/members', toBody(v) as MemberInput);
        message.success(`已登记党员${saved.name}`);
      } else {
        // Only what changed: a correction names the fields it corrects (the audit log records them).
        const before = current ? toBody(toValues(current)) : {};
        const after = toBody(v);
        // The phone is not shown in full to everyone: left empty, it stays as it is.
        if (!after.phone) delete after.phone;
        const changed = Object.fromEntries(Object.entries(after).filter(([k, val]) => k !== 'orgCode' && JSON.stringify(val) !== JSON.stringify(before[k])));
        saved = Object.keys(changed).length ? await patch<MemberDetail>(`/members/${editId}`, changed as MemberPatch) : current!;
        message.success(`已保存${saved.name}的信息`);
      }
      onSaved(saved.id);
    } catch (e) {
      setError(showFieldErrors(form, e, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  const editing = editId !== null;
  const col = { xs: 24, md: 12 };
  return (
    <Modal
      open
      title={editing ? `编辑党员信息${current ? `：${current.name}` : ''}` : '登记党员'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={760}
    >
      <ErrorAlert error={error} />
      {editing && !current && !error ? (
        <Skeleton active />
      ) : (
        <Form<Partial<Values>>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={editing ? undefined : { ethnicity: '汉族', status: '正式党员', isMobile: false, orgCode: branches.find((b) => b.code === orgCode)?.code ?? branches[0]?.code }}
        >
          <Row gutter={16}>
            <Col {...col}>
              <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
                <Input maxLength={50} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col {...col}>
              {editing ? (
                <Form.Item label="公民身份号码" extra="公民身份号码不可修改">
                  <Input value={current?.idNumber} disabled />
                </Form.Item>
              ) : (
                <Form.Item name="idNumber" label="公民身份号码" rules={[{ required: true, message: '请填写公民身份号码' }]} extra="出生日期和性别可按号码自动确定">
                  <Input maxLength={18} autoComplete="off" />
                </Form.Item>
              )}
            </Col>
            <Col {...col}>
              <Form.Item name="gender" label="性别">
                <Select allowClear options={opts(GENDERS)} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="ethnicity" label="民族">
                <Select showSearch options={opts(ETHNICITIES)} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="birthDate" label="出生日期">
                <DatePicker format={DATE_FORMATS} style={{ width: '100%' }} disabledDate={future} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="phone" label="手机号码" extra={editing ? '不修改请留空' : undefined}>
                <Input maxLength={20} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="education" label="学历">
                <Select allowClear options={opts(EDUCATIONS)} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="occupation" label="人员类别">
                <Select allowClear options={opts(OCCUPATIONS)} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              {editing ? (
                <Form.Item label="所在党支部" extra="调整所在党支部请用“组织关系转接”">
                  <Input value={current?.orgName} disabled />
                </Form.Item>
              ) : (
                <Form.Item name="orgCode" label="所在党支部" rules={[{ required: true, message: '请选择党支部' }]}>
                  <Select showSearch optionFilterProp="label" options={branches.map((b) => ({ value: b.code, label: b.name }))} notFoundContent="本组织下没有党支部" />
                </Form.Item>
              )}
            </Col>
            <Col {...col}>
              <Form.Item name="status" label="党员类别" rules={[{ required: true, message: '请选择党员类别' }]}>
                <Select options={opts(MEMBER_STATUSES)} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="partyPost" label="党内职务">
                <Select allowClear options={opts(PARTY_POSTS)} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="joinedOn" label="入党日期" rules={[{ required: true, message: '请填写入党日期' }]} extra="支部大会通过接收为预备党员之日">
                <DatePicker format={DATE_FORMATS} style={{ width: '100%' }} disabledDate={future} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="confirmedOn" label="转正日期" hidden={status === '预备党员'}>
                <DatePicker format={DATE_FORMATS} style={{ width: '100%' }} disabledDate={future} />
              </Form.Item>
            </Col>
            {editing ? null : (
              <>
                <Col {...col}>
                  <Form.Item name="entryKind" label="进入方式">
                    <Select allowClear options={opts(ENTRY_KINDS)} />
                  </Form.Item>
                </Col>
                <Col {...col}>
                  <Form.Item name="entryOn" label="进入日期">
                    <DatePicker format={DATE_FORMATS} style={{ width: '100%' }} disabledDate={future} />
                  </Form.Item>
                </Col>
              </>
            )}
            <Col {...col}>
              <Form.Item name="isMobile" label="流动党员" valuePropName="checked">
                <Switch checkedChildren="是" unCheckedChildren="否" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="mobileDestination" label="外出流向" hidden={!isMobile}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
    </Modal>
  );
}
