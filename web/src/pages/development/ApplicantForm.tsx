/** 登记入党申请人: a new development record from the application (①递交入党申请书), POST /api/development. */
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { parseIdNumber } from '../../../../src/shared/id-number.js';
import { BRANCH_KINDS, EDUCATIONS, GENDERS, OCCUPATIONS } from '../../../../src/shared/vocab.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { post } from '../../lib/api';
import { DATE_FORMATS, todayIso } from '../../lib/format';
import { useOrgScope } from '../../lib/org-scope';
import type { DevelopmentInput, DevelopmentView, OrgTreeNode } from '../../lib/types';
import { showFieldErrors } from '../members/form-errors';
import { CheckList } from './CheckList';
import { checkChange } from './timeline';
import { useRuleSettings } from './use-rule-settings';

const FIELDS = ['name', 'idNumber', 'gender', 'education', 'occupation', 'phone', 'orgCode', 'appliedOn', 'interviewedOn'] as const;

interface Values {
  name: string;
  idNumber: string;
  gender?: string;
  education?: string;
  occupation?: string;
  phone?: string;
  orgCode: string;
  appliedOn?: Dayjs;
  interviewedOn?: Dayjs;
}

/** The branches (where people are developed) in the chosen organization's subtree. */
export function branchesUnder(node: OrgTreeNode | undefined): OrgTreeNode[] {
  if (!node) return [];
  const own = (BRANCH_KINDS as readonly string[]).includes(node.kind) ? [node] : [];
  return [...own, ...node.children.flatMap(branchesUnder)];
}

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function ApplicantForm({ orgCode, onClose, onSaved }: { orgCode: string; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { find } = useOrgScope();
  const [form] = Form.useForm<Values>();
  const settings = useRuleSettings();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const branches = useMemo(() => branchesUnder(find(orgCode)), [find, orgCode]);
  const idNumber = Form.useWatch('idNumber', form);
  const appliedOn = Form.useWatch('appliedOn', form);
  const interviewedOn = Form.useWatch('interviewedOn', form);
  const parsed = idNumber ? parseIdNumber(idNumber) : null;
  const birthDate = parsed?.ok ? parsed.value.birthDate : null;
  const checks = checkChange(
    { dates: {}, birthDate, introducers: null, trainingHours: null, extensionMonths: null },
    { dates: { appliedOn: iso(appliedOn), interviewedOn: iso(interviewedOn) } },
    settings,
    todayIso(),
  ).filter((c) => c.field !== 'appliedOn' || appliedOn);

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const body: DevelopmentInput = {
        name: v.name,
        idNumber: v.idNumber,
        gender: (v.gender as DevelopmentInput['gender']) ?? null,
        education: (v.education as DevelopmentInput['education']) ?? null,
        occupation: (v.occupation as DevelopmentInput['occupation']) ?? null,
        phone: v.phone || null,
        orgCode: v.orgCode,
        appliedOn: iso(v.appliedOn),
        interviewedOn: iso(v.interviewedOn),
      };
      const created = await post<DevelopmentView>('/development', body);
      message.success(`已登记入党申请人${created.name}`);
      onSaved();
      void navigate(`/development/${created.id}?org=${encodeURIComponent(orgCode)}`);
    } catch (e) {
      setError(showFieldErrors(form, e, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title="登记入党申请人" okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={560}>
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ orgCode: branches.find((b) => b.code === orgCode)?.code ?? branches[0]?.code }}
      >
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="idNumber" label="公民身份号码" rules={[{ required: true, message: '请填写公民身份号码' }]} extra={birthDate ? `出生日期：${dayjs(birthDate).format('YYYY年M月D日')}` : undefined}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="gender" label="性别" extra="不填则按公民身份号码">
          <Select allowClear options={GENDERS.map((g) => ({ value: g, label: g }))} />
        </Form.Item>
        <Form.Item name="education" label="学历">
          <Select allowClear options={EDUCATIONS.map((g) => ({ value: g, label: g }))} />
        </Form.Item>
        <Form.Item name="occupation" label="人员类别">
          <Select allowClear options={OCCUPATIONS.map((g) => ({ value: g, label: g }))} />
        </Form.Item>
        <Form.Item name="phone" label="手机号码">
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item name="orgCode" label="所在党支部" rules={[{ required: true, message: '请选择党支部' }]}>
          <Select showSearch optionFilterProp="label" options={branches.map((b) => ({ value: b.code, label: b.name }))} notFoundContent="本组织下没有党支部" />
        </Form.Item>
        <Form.Item name="appliedOn" label="申请入党日期" rules={[{ required: true, message: '请填写申请入党日期' }]}>
          <DatePicker format={DATE_FORMATS} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="interviewedOn" label="谈话日期" extra="党组织收到入党申请书后1个月内派人谈话">
          <DatePicker format={DATE_FORMATS} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <CheckList checks={checks} />
      </Form>
    </Modal>
  );
}
