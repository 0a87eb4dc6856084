/**
 * Recording a meeting in under a minute: the kind (prefilled from the desk's "登记会议"), today's date, the topic, the
 * host (the secretary, from the roster), and the attendance ticked from the roster. The server's meeting rules run
 * as the user types; what the server still refuses comes back under the field it names.
 */
import { App, Button, Card, Col, DatePicker, Form, Input, Result, Row, Select, Skeleton, Space, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { MEETING_KINDS } from '../../../../src/shared/vocab.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ApiError, get, post } from '../../lib/api';
import { todayIso } from '../../lib/format';
import { useOrgScope } from '../../lib/org-scope';
import type { MeetingView, MemberListItem, OrgTreeNode, Page } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { AttendanceInput } from './AttendanceInput';
import {
  defaultHost,
  fieldErrors,
  manualAttendance,
  meetingPayload,
  pickRoster,
  rosterAttendance,
  rosterSource,
  ruleErrors,
  type AttendanceValue,
  type FormField,
  type MeetingFormValues,
} from './attendance';
import { flatten, scoped, useCanRecord } from './shared';

interface RawValues {
  orgCode?: string;
  kind?: string;
  heldOn?: Dayjs | null;
  topic?: string;
  host?: string | null;
  minutes?: string | null;
  attendance?: AttendanceValue;
}

const toValues = (raw: RawValues): MeetingFormValues => ({ ...raw, heldOn: raw.heldOn ? raw.heldOn.format('YYYY-MM-DD') : undefined });

/** The most members the form ticks from; beyond this the counts are typed in. */
const ROSTER_LIMIT = 1000;

interface OrgOption {
  value: string;
  title: string;
  children: OrgOption[];
}

function treeData(node: OrgTreeNode): OrgOption {
  return { value: node.code, title: node.name, children: node.children.map(treeData) };
}

export function MeetingForm() {
  const { org, find } = useOrgScope();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { canRecord, loading: actionsLoading } = useCanRecord(org);
  const [form] = Form.useForm<RawValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const started = useRef(Date.now());

  const kindParam = params.get('kind');
  const initialKind = kindParam && (MEETING_KINDS as readonly string[]).includes(kindParam) ? kindParam : undefined;
  const orgCode = Form.useWatch('orgCode', form) ?? org ?? undefined;
  const kind = Form.useWatch('kind', form) ?? initialKind;
  const chosenOrg = orgCode ? find(orgCode) : undefined;
  const scopeNode = org ? find(org) : undefined;
  const orgOptions = useMemo(() => {
    return scopeNode ? [treeData(scopeNode)] : [];
  }, [scopeNode]);
  const orgCount = useMemo(() => flatten(scopeNode).length, [scopeNode]);

  const source = rosterSource(kind);
  const members = useApi(
    () =>
      orgCode && source !== 'manual'
        ? get<Page<MemberListItem>>('/members', { org: orgCode, subtree: source === 'committee' ? false : true, limit: ROSTER_LIMIT })
        : Promise.resolve({ total: 0, items: [] as MemberListItem[] }),
    [orgCode, source],
  );
  const tooMany = !!members.data && members.data.total > members.data.items.length;
  const roster = useMemo(() => (members.data && !tooMany ? pickRoster(kind, members.data.items) : []), [members.data, tooMany, kind]);
  const rosterNote =
    source === 'manual'
      ? null
      : tooMany
        ? `本组织党员${members.data?.total}人，超过名册勾选的上限，请直接填写应到、实到人数。`
        : members.data && roster.length === 0
          ? source === 'committee'
            ? '本组织名册中没有登记党内职务的委员，请直接填写应到、实到人数。'
            : '本组织名册中没有党员（党员登记在党支部），请直接填写应到、实到人数。'
          : source === 'committee'
            ? '应到人员为本组织的书记、副书记和委员。'
            : null;

  // A new roster (another organization or kind): everyone present again, and the secretary as host if none typed.
  const rosterKey = members.loading ? null : `${orgCode}|${kind}|${roster.map((m) => m.id).join(',')}`;
  const lastHost = useRef<string | null>(null);
  useEffect(() => {
    if (rosterKey === null) return;
    form.setFieldValue('attendance', roster.length ? rosterAttendance() : manualAttendance());
    const host = defaultHost(roster);
    const current = form.getFieldValue('host') as string | null | undefined;
    if (host && (!current || current === lastHost.current)) {
      form.setFieldValue('host', host);
      lastHost.current = host;
    }
  }, [rosterKey]);

  const today = todayIso();
  const ruleCheck = (field: FormField) => async () => {
    const values = toValues(form.getFieldsValue(true) as RawValues);
    const errs = ruleErrors(values, roster, { today, org: chosenOrg });
    const list = errs[field];
    if (list?.length) throw new Error(list.join('；'));
  };

  const submit = async (raw: RawValues) => {
    setError(null);
    setSaving(true);
    try {
      const created = await post<MeetingView>('/meetings', meetingPayload(toValues(raw), roster));
      const seconds = Math.round((Date.now() - started.current) / 1000);
      message.success(`已登记${created.kind}（用时${seconds}秒）`);
      void navigate(scoped(`/meetings/${created.id}`, org));
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) {
        const { byField, rest } = fieldErrors(e.issues);
        form.setFields(Object.entries(byField).map(([name, errors]) => ({ name: name as FormField, errors })));
        if (rest.length || Object.keys(byField).length === 0) setError(e);
      } else {
        setError(e);
      }
    } finally {
      setSaving(false);
    }
  };

  if (actionsLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  const back = () => void navigate(scoped('/meetings', org));
  if (!canRecord) {
    return (
      <Result
        status="403"
        title="无权登记会议"
        subTitle="您可以查看本组织的组织生活记录，但不能在此登记会议。"
        extra={<Button onClick={back}>返回组织生活</Button>}
      />
    );
  }
  return (
    <>
      <PageHeader title="登记会议" subtitle="名册中的人员已全部勾选为出席，取消勾选缺席人员并填写原因即可" />
      <ErrorAlert error={error} />
      <Card>
        <Form<RawValues>
          form={form}
          layout="vertical"
          requiredMark
          initialValues={{ orgCode: org ?? undefined, kind: initialKind, heldOn: dayjs(today), attendance: rosterAttendance() }}
          // Every value, the organization included when it is not shown (one organization to choose from).
          onFinish={() => void submit(form.getFieldsValue(true) as RawValues)}
          onValuesChange={(changed: RawValues) => {
            // The date is judged against the organization's founding, the kind against its type: check again.
            if ('orgCode' in changed) void form.validateFields(['heldOn', 'kind']).catch(() => undefined);
          }}
          scrollToFirstError
        >
          <Row gutter={16}>
            {orgCount > 1 ? (
              <Col xs={24}>
                <Form.Item label="组织" name="orgCode" rules={[{ required: true, message: '请选择召开会议的组织' }]}>
                  <TreeSelect
                    showSearch
                    treeNodeFilterProp="title"
                    treeDefaultExpandedKeys={org ? [org] : []}
                    treeData={orgOptions}
                    placeholder="召开会议的组织（党小组会请选择党小组）"
                    popupMatchSelectWidth={false}
                  />
                </Form.Item>
              </Col>
            ) : null}
            <Col xs={24} md={12}>
              <Form.Item label="会议类型" name="kind" rules={[{ required: true, message: '请选择会议类型' }, { validator: ruleCheck('kind') }]}>
                <Select placeholder="如：支委会、支部党员大会、主题党日" options={MEETING_KINDS.map((k) => ({ value: k, label: k }))} showSearch />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="日期" name="heldOn" rules={[{ required: true, message: '请选择会议日期' }, { validator: ruleCheck('heldOn') }]}>
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="会议日期" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="主题" name="topic" rules={[{ required: true, whitespace: true, message: '请填写会议主题' }, { max: 500, message: '不能超过500个字' }]}>
                <Input placeholder="如：研究发展党员工作、学习贯彻全会精神" maxLength={500} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="主持人" name="host" rules={[{ max: 50, message: '不能超过50个字' }]}>
                <Input placeholder="主持人姓名" maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label="出席情况" name="attendance" rules={[{ validator: ruleCheck('attendance') }]}>
                <AttendanceInput roster={roster} note={rosterNote} loading={members.loading && source !== 'manual'} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label="会议记录" name="minutes">
                <Input.TextArea rows={4} placeholder="会议议程、讨论情况和议定事项（可稍后补充）" />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存
            </Button>
            <Button onClick={back}>取消</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
