/**
 * The 服务记录, 到社区报到, 服务队伍 and 队伍人员 sheets, checked with the service module's schemas and rules
 * (service.schema.ts, service-rules.ts): a record's status and date done as createServiceRecord sets and checks them,
 * a member of a record under its organization, a community of the tree of the 社区 sector, spans of dates in order,
 * and each 队伍人员 row tied to a 服务队伍 row of the same workbook by its 队伍编号.
 */
import { z } from 'zod';
import type { FieldIssue } from '../../shared/errors.js';
import { isoDate, issue } from '../../shared/validation.js';
import type { NewCommunityReport, NewServiceRecord, NewServiceTeam } from '../service/insert-service-bulk.js';
import { checkServiceRecord, checkSpan } from '../service/service-rules.js';
import { communityReportInput, parseHours, serviceRecordInput, serviceTeamInput } from '../service/service.schema.js';
import { finish, firstRowText, type LedgerRefs } from './ledger-refs.js';
import { usable, validateRow } from './row-issues.js';
import type { ParsedRow } from './sheet-collector.js';
import { SHEETS, type CommunityReportValues, type ServiceRecordValues, type ServiceTeamMemberValues, type ServiceTeamValues } from './workbook-format.js';

export type PlannedServiceRecord = Omit<NewServiceRecord, 'orgId' | 'membershipId'> & { orgCode: string; idNumber: string | null };
export type PlannedCommunityReport = Omit<NewCommunityReport, 'orgId' | 'membershipId' | 'communityOrgId'> & { idNumber: string; communityCode: string | null };
export type PlannedServiceTeam = Omit<NewServiceTeam, 'orgId'> & { key: string; orgCode: string };
export interface PlannedTeamMember {
  key: string;
  idNumber: string | null;
  name: string | null;
  joinedOn: string;
  leftOn: string | null;
}

export interface ServiceRows {
  serviceRecords: ParsedRow<ServiceRecordValues>[];
  communityReports: ParsedRow<CommunityReportValues>[];
  serviceTeams: ParsedRow<ServiceTeamValues>[];
  serviceTeamMembers: ParsedRow<ServiceTeamMemberValues>[];
}

export interface PlannedService {
  records: PlannedServiceRecord[];
  reports: PlannedCommunityReport[];
  teams: PlannedServiceTeam[];
  teamMembers: PlannedTeamMember[];
}

const personName = z.string().trim().min(1, { message: '不能为空' }).max(50, { message: '不能超过50个字' }).nullish();
const key = z.string().trim().min(1, { message: '不能为空' }).max(50, { message: '不能超过50个字' });

const recordRow = serviceRecordInput.omit({ memberId: true }).extend({ idNumber: z.string().nullish() });
const reportRow = communityReportInput.omit({ memberId: true }).extend({ idNumber: z.string(), name: personName, endedOn: isoDate.nullish() });
const teamRow = serviceTeamInput.extend({ key });
const teamMemberRow = z.object({ key, idNumber: z.string().nullish(), name: personName, joinedOn: isoDate, leftOn: isoDate.nullish() });

export function checkServiceSheets(rows: ServiceRows, refs: LedgerRefs, issues: FieldIssue[]): PlannedService {
  const out: PlannedService = { records: [], reports: [], teams: [], teamMembers: [] };
  checkRecords(rows.serviceRecords, refs, issues, out);
  checkReports(rows.communityReports, refs, issues, out);
  const teams = checkTeams(rows.serviceTeams, refs, issues, out);
  checkTeamMembers(rows.serviceTeamMembers, teams, refs, issues, out);
  return out;
}

function checkRecords(rows: ParsedRow<ServiceRecordValues>[], refs: LedgerRefs, issues: FieldIssue[], out: PlannedService): void {
  const sheet = SHEETS.serviceRecords;
  for (const row of rows) {
    const before = issues.length;
    const { data, bad } = validateRow(recordRow, sheet, row, row.values, issues);
    const v = usable(row.values, bad);
    const found: FieldIssue[] = [];
    const org = refs.org(v.orgCode, 'orgCode', found);
    // As createServiceRecord: 志愿服务 is done when it happens; another kind is 已办结 once it has a date done.
    const doneOn = v.doneOn ?? (v.kind === '志愿服务' && (v.status ?? '已办结') === '已办结' && v.happenedOn ? v.happenedOn : null);
    const status = v.status ?? (v.kind === '志愿服务' || doneOn !== null ? '已办结' : '办理中');
    const minutes = v.hours !== undefined ? parseHours(v.hours) : null;
    if (v.kind && v.happenedOn && !bad.has('status') && !bad.has('doneOn')) {
      found.push(...checkServiceRecord({ kind: v.kind, happenedOn: v.happenedOn, status, doneOn, minutes }, refs.today));
    }
    const member = refs.member(v, found, false);
    if (member && org && refs.orgs.has(member.orgCode) && !refs.isUnder(member.orgCode, org.code)) {
      found.push(issue('FIELD_INVALID', 'idNumber', `${member.name}（${member.orgCode}）不在${org.code}及其下级组织，不能记入该组织的服务记录`));
    }
    if (member) refs.onRoll(member, v.happenedOn, 'happenedOn', '日期', found, false);
    if (finish(sheet, row.row, found, issues) && data && issues.length === before) {
      out.records.push({
        orgCode: data.orgCode, idNumber: data.idNumber ?? null, kind: data.kind, category: data.category || null, title: data.title, happenedOn: data.happenedOn,
        status, doneOn, minutes, beneficiaries: data.beneficiaries ?? null, note: data.note || null,
      });
    }
  }
}

/** 到社区报到: a community of the tree (of the 社区 sector; its name, if given, the organization's) or by name. */
function checkReports(rows: ParsedRow<CommunityReportValues>[], refs: LedgerRefs, issues: FieldIssue[], out: PlannedService): void {
  const sheet = SHEETS.communityReports;
  const open = new Map<string, number>();
  for (const row of rows) {
    const before = issues.length;
    const { data, bad } = validateRow(reportRow, sheet, row, row.values, issues);
    const v = usable(row.values, bad);
    const found: FieldIssue[] = [];
    const member = refs.member(v, found, true);
    let communityName = v.communityName;
    if (v.communityCode) {
      const community = refs.org(v.communityCode, 'communityCode', found);
      if (community?.sector && community.sector !== '社区') {
        found.push(issue('FIELD_INVALID', 'communityCode', `${community.code}不是社区党组织（单位类型为${community.sector}）；不在组织树中的社区请填写报到社区名称`));
      } else if (community?.name && v.communityName && v.communityName !== community.name) {
        found.push(issue('FIELD_INVALID', 'communityName', `已填写报到社区组织代码，报到社区名称应为“${community.name}”或不填`));
      }
      communityName = community?.name ?? v.communityName;
    } else if (!v.communityName && !bad.has('communityName') && !bad.has('communityCode')) {
      found.push(issue('FIELD_REQUIRED', 'communityName', '缺少必填项：报到社区组织代码或报到社区名称'));
    }
    if (v.reportedOn) {
      found.push(...checkSpan({ field: 'reportedOn', label: '报到日期', value: v.reportedOn }, { field: 'endedOn', label: '结束日期', value: v.endedOn ?? null }, refs.today));
    }
    if (member) refs.onRoll(member, v.reportedOn, 'reportedOn', '报到日期', found, false);
    if (v.idNumber && communityName && !v.endedOn) {
      const pair = `${v.idNumber}|${v.communityCode ?? ''}|${communityName}`;
      const first = open.get(pair);
      if (first !== undefined) found.push(issue('SERVICE_DUPLICATE', 'reportedOn', `该党员在${communityName}的报到尚未结束（${firstRowText(sheet, first)}）`));
      else open.set(pair, row.row);
    }
    if (finish(sheet, row.row, found, issues) && data && issues.length === before && communityName) {
      out.reports.push({
        idNumber: data.idNumber, communityCode: data.communityCode ?? null, communityName, unitLevel: data.unitLevel, reportedOn: data.reportedOn,
        endedOn: data.endedOn ?? null, note: data.note || null,
      });
    }
  }
}

function checkTeams(rows: ParsedRow<ServiceTeamValues>[], refs: LedgerRefs, issues: FieldIssue[], out: PlannedService): Map<string, ServiceTeamValues> {
  const sheet = SHEETS.serviceTeams;
  const byKey = new Map<string, ServiceTeamValues>();
  const keyRow = new Map<string, number>();
  for (const row of rows) {
    const before = issues.length;
    const { data, bad } = validateRow(teamRow, sheet, row, row.values, issues);
    const v = usable(row.values, bad);
    const found: FieldIssue[] = [];
    if (v.key) {
      const first = keyRow.get(v.key);
      if (first !== undefined) found.push(issue('FIELD_INVALID', 'key', `队伍编号“${v.key}”与${firstRowText(sheet, first)}重复`));
      else {
        keyRow.set(v.key, row.row);
        byKey.set(v.key, v);
      }
    }
    refs.org(v.orgCode, 'orgCode', found);
    if (v.establishedOn) {
      found.push(...checkSpan({ field: 'establishedOn', label: '成立日期', value: v.establishedOn }, { field: 'dissolvedOn', label: '撤销日期', value: v.dissolvedOn ?? null }, refs.today));
    }
    if (finish(sheet, row.row, found, issues) && data && issues.length === before) {
      out.teams.push({ key: data.key, orgCode: data.orgCode, kind: data.kind, name: data.name, establishedOn: data.establishedOn, dissolvedOn: data.dissolvedOn ?? null, note: data.note || null });
    }
  }
  return byKey;
}

/** 队伍人员: a member by ID number (the 姓名 beside it checked), or a volunteer from the public by 姓名 alone. */
function checkTeamMembers(rows: ParsedRow<ServiceTeamMemberValues>[], teams: Map<string, ServiceTeamValues>, refs: LedgerRefs, issues: FieldIssue[], out: PlannedService): void {
  const sheet = SHEETS.serviceTeamMembers;
  const spans = new Map<string, { row: number; joinedOn: string; leftOn: string | null }[]>();
  for (const row of rows) {
    const before = issues.length;
    const { data, bad } = validateRow(teamMemberRow, sheet, row, row.values, issues);
    const v = usable(row.values, bad);
    const found: FieldIssue[] = [];
    const team = v.key ? teams.get(v.key) : undefined;
    if (v.key && !team) found.push(issue('NOT_FOUND', 'key', `队伍编号“${v.key}”不在本工作簿的服务队伍表中`));
    const member = refs.member(v, found, false);
    if (!v.idNumber && !v.name && !bad.has('idNumber') && !bad.has('name')) {
      found.push(issue('FIELD_REQUIRED', 'idNumber', '缺少必填项：公民身份号码（党员）或姓名（群众志愿者）'));
    }
    if (v.joinedOn) {
      found.push(...checkSpan({ field: 'joinedOn', label: '加入日期', value: v.joinedOn }, { field: 'leftOn', label: '退出日期', value: v.leftOn ?? null }, refs.today));
      if (team?.establishedOn && v.joinedOn < team.establishedOn) {
        found.push(issue('DATE_ORDER_INVALID', 'joinedOn', `加入日期${v.joinedOn}早于队伍的成立日期${team.establishedOn}`));
      } else if (team?.dissolvedOn && v.joinedOn > team.dissolvedOn) {
        found.push(issue('DATE_ORDER_INVALID', 'joinedOn', `加入日期${v.joinedOn}晚于队伍的撤销日期${team.dissolvedOn}`));
      }
    }
    if (member) refs.onRoll(member, v.joinedOn, 'joinedOn', '加入日期', found, false);
    const who = v.idNumber ?? (v.name ? `name:${v.name}` : undefined);
    if (v.key && who && v.joinedOn) {
      const pair = `${v.key}|${who}`;
      const mine = { row: row.row, joinedOn: v.joinedOn, leftOn: v.leftOn ?? null };
      const clash = (spans.get(pair) ?? []).find((s) => (s.leftOn === null || s.leftOn >= mine.joinedOn) && (mine.leftOn === null || mine.leftOn >= s.joinedOn));
      if (clash) found.push(issue('SERVICE_DUPLICATE', 'joinedOn', `同一队伍的同一人员与${firstRowText(sheet, clash.row)}的在队期间重叠`));
      else spans.set(pair, [...(spans.get(pair) ?? []), mine]);
    }
    if (finish(sheet, row.row, found, issues) && data && issues.length === before) {
      out.teamMembers.push({ key: data.key, idNumber: data.idNumber ?? null, name: data.idNumber ? null : (data.name ?? null), joinedOn: data.joinedOn, leftOn: data.leftOn ?? null });
    }
  }
}
