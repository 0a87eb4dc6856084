/**
 * Recording a meeting in under a minute: the kind (prefilled from the desk's "登记会议"), today's date, the topic, the
 * host (the secretary, from the roster), and the attendance ticked from the roster. The server's meeting rules run
 * as the user types; what the server still refuses comes back under the field it names.
 *
 * With `edit`, the same form corrects a recorded meeting (PATCH /api/meetings/:id): prefilled with the record, its
 * attendance from the stored absentees, the organization fixed; only what was changed is sent.
 */
import { App, Button, Card, Col, DatePicker, Form, Input, Result, Row, Select, Skeleton, Space, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { MEETING_KINDS } from '../../../../src/shared/vocab.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ApiError, get, patch, post } from '../../lib/api';
import { chineseDate, DATE_FORMATS, todayIso } from '../../lib/format';
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
import { editFieldErrors, formValuesOf, meetingPatchOf, storedAttendance } from './edit-meeting';
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

const toRaw = (v: MeetingFormValues): RawValues => ({ ...v, heldOn: v.heldOn ? dayjs(v.heldOn) : null });

/** Correcting a recorded meeting: the record, and what the page does once it is saved (or left unchanged). */
export interface MeetingEdit {
  meeting: MeetingView;
  onSaved: (saved: MeetingView) => void;
  onCancel: () => void;
}

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

export function MeetingForm({ edit }: { edit?: MeetingEdit } = {}) {
  const { org, find } = useOrgScope();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  // Correcting: the record's own actions (`update`) let the page open the form; recording asks the organization.
  const { canRecord, loading: actionsLoading } = useCanRecord(edit ? null : org);
  const [form] = Form.useForm<RawValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const started = useRef(Date.now());

  const kindParam = params.get('kind');
  const initialKind = kindParam && (MEETING_KINDS as readonly string[]).includes(kindParam) ? kindParam : undefined;
  const watchedOrg = Form.useWatch('orgCode', form);
  const orgCode = edit ? edit.meeting.orgCode : (watchedOrg ?? org ?? undefined);
  const kind = Form.useWatch('kind', form) ?? (edit ? edit.meeting.kind : initialKind);
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
  // Correcting, with the record's kind: the stored attendance, on the roster when the roster accounts for it exactly.
  const stored = edit && kind === edit.meeting.kind && !members.loading ? storedAttendance(edit.meeting, roster) : null;
  const rosterNote =
    source === 'manual'
      ? null
      : tooMany
        ? `本组织党员${members.data?.total}人，超过名册勾选的上限，请直接填写应到、实到人数。`
        : members.data && roster.length === 0
          ? source === 'committee'
            ? '本组织名册中没有登记党内职务的委员，请直接填写应到、实到人数。'
            : '本组织名册中没有党员（党员登记在党支部），请直接填写应到、实到人数。'
          : stored?.mode === 'manual'
            ? '当前名册与原记录的出席情况对不上（名册可能已有变动），按原记录填写应到、实到人数和缺席人员。'
            : source === 'committee'
              ? '应到人员为本组织的书记、副书记和委员。'
              : null;

  // A new roster (another organization or kind): everyone present again, and the secretary as host if none typed.
  // Correcting: the record's own attendance for the record's kind, and the recorded host left as it is.
  const rosterKey = members.loading ? null : `${orgCode}|${kind}|${roster.map((m) => m.id).join(',')}`;
  const lastHost = useRef<string | null>(null);
  useEffect(() => {
    if (rosterKey === null) return;
    form.setFieldValue('attendance', stored ?? (roster.length ? rosterAttendance() : manualAttendance()));
    if (edit) return;
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

  const showErrors = (e: unknown) => {
    if (e instanceof ApiError && e.issues.length) {
      const { byField, rest } = edit ? editFieldErrors(e.issues) : fieldErrors(e.issues);
      form.setFields(Object.entries(byField).map(([name, errors]) => ({ name: name as FormField, errors })));
      if (rest.length || Object.keys(byField).length === 0) setError(e);
    } else {
      setError(e);
    }
  };

  const correct = async (raw: RawValues, { meeting, onSaved, onCancel }: MeetingEdit) => {
    const body = meetingPatchOf(meeting, toValues(raw), roster);
    if (Object.keys(body).length === 0) {
      message.info('没有修改任何内容');
      onCancel();
      return;
    }
    setError(null);
    setSaving(true);
    try {
      onSaved(await patch<MeetingView>(`/meetings/${meeting.id}`, body));
    } catch (e) {
      showErrors(e);
    } finally {
      setSaving(false);
    }
  };

  const submit = async (raw: RawValues) => {
    if (edit) return correct(raw, edit);
    setError(null);
    setSaving(true);
    try {
      const created = await post<MeetingView>('/meetings', meetingPayload(toValues(raw), roster));
      const seconds = Math.round((Date.now() - started.current) / 1000);
      message.success(`已登记${created.kind}（用时${seconds}秒）`);
      void navigate(scoped(`/meetings/${created.id}`, org));
    } catch (e) {
      showErrors(e);
    } finally {
      setSaving(false);
    }
  };

  if (!edit && actionsLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  const back = edit ? edit.onCancel : () => void navigate(scoped('/meetings', org));
  if (!edit && !canRecord) {
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
      {edit ? (
        <PageHeader title="修改会议记录" subtitle={`${edit.meeting.orgName} · ${chineseDate(edit.meeting.heldOn)} · ${edit.meeting.kind}：${edit.meeting.topic}`} />
      ) : (
        <PageHeader title="登记会议" subtitle="名册中的人员已全部勾选为出席，取消勾选缺席人员并填写原因即可" />
      )}
      <ErrorAlert error={error} />
      <Card>
        <Form<RawValues>
          form={form}
          layout="vertical"
          requiredMark
          initialValues={
            edit ? toRaw(formValuesOf(edit.meeting)) : { orgCode: org ?? undefined, kind: initialKind, heldOn: dayjs(today), attendance: rosterAttendance() }
          }
          // Every value, the organization included when it is not shown (one organization to choose from).
          onFinish={() => void submit(form.getFieldsValue(true) as RawValues)}
          onValuesChange={(changed: RawValues) => {
            // The date is judged against the organization's founding, the kind against its type: check again.
            if ('orgCode' in changed) void form.validateFields(['heldOn', 'kind']).catch(() => undefined);
          }}
          scrollToFirstError
        >
          <Row gutter={16}>
            {edit ? (
              <Col xs={24}>
                {/* Not a field: a meeting stays with the organization that held it. */}
                <Form.Item label="组织" extra="会议记录所属的组织不能修改">
                  {edit.meeting.orgName}
                </Form.Item>
              </Col>
            ) : orgCount > 1 ? (
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
                <DatePicker format={DATE_FORMATS} style={{ width: '100%' }} placeholder="会议日期" />
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
