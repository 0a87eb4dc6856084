/**
 * The bulk writers take records the caller has checked. The demo county is checked by the very rules the services
 * apply to one record at a time, so a bug in a builder shows up as an error here, never as a bad row.
 */
import { AppError, type FieldIssue } from '../../shared/errors.js';
import { checkDevelopmentDates } from '../development/development-rules.js';
import { checkAwardedOn, checkRecipient, checkRevokedOn } from '../honors/honor-rules.js';
import { checkMeeting } from '../meetings/meeting-rules.js';
import { checkMemberOrgKind, checkMembership } from '../members/member-rules.js';
import { checkOrgRecord } from '../orgs/org-rules.js';
import { checkPerson, type CheckedPerson } from '../people/person-rules.js';
import { checkServiceRecord, checkSpan } from '../service/service-rules.js';
import type { RecipientKind } from '../../shared/vocab.js';
import type { HonorPlan } from './build-honors.js';
import type { DemoService } from './build-service.js';
import type { MeetingPlan } from './build-meetings.js';
import type { OrgPlan } from './demo-types.js';
import type { CountyPlan } from './plan-county.js';

type Where = (where: string, list: FieldIssue[]) => void;

function collector(): { issues: FieldIssue[]; at: Where } {
  const issues: FieldIssue[] = [];
  return { issues, at: (where, list) => issues.push(...list.map((i) => ({ ...i, message: `${where}：${i.message}` }))) };
}

function throwIfAny(issues: FieldIssue[]): void {
  if (issues.length > 0) {
    throw new AppError('INTERNAL', `演示县数据自检未通过（共${issues.length}处）：${issues[0]!.message}`, issues.slice(0, 50));
  }
}

/** Organizations, members and development records. */
export function verifyPlan(plan: CountyPlan, today: string): void {
  const { issues, at } = collector();
  const orgs = new Map(plan.orgs.map((o) => [o.code, o]));
  for (const o of plan.orgs) {
    at(`组织${o.code}`, checkOrgRecord(o, o.parentCode ? orgs.get(o.parentCode)!.kind : null, today));
  }
  const ids = new Set<string>();
  const person = (where: string, p: CheckedPerson) => {
    // Gender and birth date are given, so checkPerson compares them with the ID number.
    at(where, checkPerson(p, today).issues);
    if (ids.has(p.idNumber)) at(where, [{ code: 'ID_NUMBER_TAKEN', field: 'idNumber', message: `公民身份号码${p.idNumber}重复` }]);
    ids.add(p.idNumber);
  };
  for (const m of plan.members) {
    const where = `党员${m.person.name}（${m.orgCode}）`;
    person(where, m.person);
    at(where, checkMemberOrgKind(orgs.get(m.orgCode)!.kind, m.orgCode));
    at(where, checkMembership(m, m.person.birthDate, today));
    if (m.leftOn && (m.leftOn <= m.joinedOn || m.leftOn > today)) at(where, [{ code: 'DATE_ORDER_INVALID', field: 'leftOn', message: `离开日期${m.leftOn}不合理` }]);
    if (m.entryOn < m.joinedOn || m.entryOn > today) at(where, [{ code: 'DATE_ORDER_INVALID', field: 'entryOn', message: `进入日期${m.entryOn}不合理` }]);
  }
  for (const d of plan.development) {
    const where = `发展党员${d.person.name}（${d.orgCode}）`;
    person(where, d.person);
    const org = orgs.get(d.orgCode)!;
    at(where, checkMemberOrgKind(org.kind, d.orgCode));
    if (org.kind === '临时党支部') at(where, [{ code: 'ORG_KIND_NOT_ALLOWED', field: 'orgCode', message: '临时党支部一般不发展党员' }]);
    at(where, checkDevelopmentDates(d.dates, d, d.person.birthDate, today));
  }
  throwIfAny(issues);
}

/** A batch of meetings. */
export function verifyMeetings(meetings: MeetingPlan[], orgs: Map<string, OrgPlan>, today: string): void {
  const { issues, at } = collector();
  for (const m of meetings) at(`会议${m.orgCode} ${m.heldOn} ${m.kind}`, checkMeeting(m, today, orgs.get(m.orgCode)!.establishedOn));
  throwIfAny(issues);
}

/** The service records, community reports, teams and honors, by the checks their services apply to one record. */
export function verifyWork(service: DemoService, honors: readonly HonorPlan[], today: string): void {
  const { issues, at } = collector();
  for (const r of service.records) at(`服务记录${r.orgCode} ${r.happenedOn} ${r.kind}`, checkServiceRecord(r, today));
  for (const r of service.reports) {
    at(`社区报到${r.orgCode} ${r.reportedOn}`, checkSpan({ field: 'reportedOn', label: '报到日期', value: r.reportedOn }, { field: 'endedOn', label: '结束日期', value: r.endedOn }, today));
  }
  for (const t of service.teams) {
    const where = `服务队伍${t.name}`;
    at(where, checkSpan({ field: 'establishedOn', label: '成立日期', value: t.establishedOn }, { field: 'dissolvedOn', label: '撤销日期', value: t.dissolvedOn }, today));
    for (const p of t.people) {
      at(where, checkSpan({ field: 'joinedOn', label: '加入日期', value: p.joinedOn }, { field: 'leftOn', label: '退出日期', value: p.leftOn }, today));
      if (p.joinedOn < t.establishedOn) at(where, [{ code: 'DATE_ORDER_INVALID', field: 'joinedOn', message: `加入日期${p.joinedOn}早于成立日期${t.establishedOn}` }]);
    }
  }
  for (const h of honors) {
    const where = `荣誉${h.recipientName} ${h.title}`;
    at(where, checkAwardedOn(h.awardedOn, today));
    if (h.revokedOn) at(where, checkRevokedOn(h.revokedOn, h.awardedOn, today));
    at(where, checkRecipient({ recipientKind: h.recipientKind as RecipientKind, memberId: h.membershipId !== null, recipientOrgCode: h.recipientOrgCode !== null, recipientName: h.membershipId === null && h.recipientOrgCode === null, orgCode: true }));
  }
  throwIfAny(issues);
}
