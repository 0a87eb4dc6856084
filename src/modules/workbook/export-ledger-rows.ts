/**
 * The member-work ledger sheets as exported, in exactly the format checkLedgerSheets reads back. A member's own rows
 * (学习记录, 到社区报到, 捐款, and honors to a member) go with the member's present organization, as the 党费 sheets do;
 * the rest with the organization that holds them. A member named on a row of another organization (a training's
 * attendee, a team's member, a service record's member) appears only when the member is exported too: the workbook
 * carries no ID number of anyone outside it. 培训编号 and 队伍编号 are the records' ids.
 */
import type { Ctx } from '../../context.js';
import { yuan } from '../dues/dues-rates.js';
import type { OrgView } from '../orgs/orgs.schema.js';
import { byCode, byOrg, type ExportRow } from './export-rows.js';

/** Hours as the import reads them back to the same minutes: one decimal where that is exact, else two (service records). */
export function hoursText(minutes: number, twoDecimals = false): string {
  if (minutes % 6 === 0 || !twoDecimals) return (Math.round(minutes / 6) / 10).toFixed(1);
  return (Math.round((minutes / 60) * 100) / 100).toFixed(2);
}

const yesNo = (v: number | boolean) => (Number(v) === 1 ? '是' : '否');

export function studyRecordRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    (ids) =>
      ctx.db
        .selectFrom('study_records as s')
        .innerJoin('memberships as ms', 'ms.id', 's.membership_id')
        .innerJoin('people as p', 'p.id', 'ms.person_id')
        .select(['s.id', 's.membership_id', 'ms.org_id', 'p.id_number', 'p.name', 's.studied_on', 's.kind', 's.title', 's.minutes', 's.points', 's.source'])
        .where('ms.org_id', 'in', ids)
        .execute(),
    (a, b) => a.membership_id - b.membership_id || byCode(a.studied_on, b.studied_on) || a.id - b.id,
    (r) => ({
      idNumber: ctx.vault.open(r.id_number), name: r.name, studiedOn: r.studied_on, kind: r.kind, title: r.title, hours: hoursText(Number(r.minutes)),
      points: Number(r.points), source: r.source,
    }),
  );
}

export function trainingRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    (ids) => ctx.db.selectFrom('trainings').selectAll().where('org_id', 'in', ids).execute(),
    (a, b) => byCode(a.start_on, b.start_on) || a.id - b.id,
    (r, orgCode) => ({
      key: String(r.id), orgCode, title: r.title, kind: r.kind, level: r.level, audience: r.audience, subject: r.subject, startOn: r.start_on, endOn: r.end_on,
      hours: hoursText(Number(r.minutes)), concentrated: yesNo(r.concentrated), audienceCount: r.audience_count === null ? null : Number(r.audience_count), note: r.note,
    }),
  );
}

/** Attendance of the trainings exported, of the members exported. */
export function trainingAttendanceRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  const exported = new Set(orgs.map((o) => o.id));
  return byOrg(
    orgs,
    async (ids) =>
      (
        await ctx.db
          .selectFrom('training_attendance as a')
          .innerJoin('trainings as t', 't.id', 'a.training_id')
          .innerJoin('memberships as ms', 'ms.id', 'a.membership_id')
          .innerJoin('people as p', 'p.id', 'ms.person_id')
          .select(['a.id', 'a.training_id', 't.org_id', 't.start_on', 'ms.org_id as member_org_id', 'p.id_number', 'p.name', 'a.minutes', 'a.completed'])
          .where('t.org_id', 'in', ids)
          .execute()
      ).filter((r) => exported.has(r.member_org_id)),
    (a, b) => byCode(a.start_on, b.start_on) || a.training_id - b.training_id || a.id - b.id,
    (r) => ({ key: String(r.training_id), idNumber: ctx.vault.open(r.id_number), name: r.name, hours: hoursText(Number(r.minutes)), completed: yesNo(r.completed) }),
  );
}

export function serviceRecordRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  const exported = new Set(orgs.map((o) => o.id));
  return byOrg(
    orgs,
    (ids) =>
      ctx.db
        .selectFrom('service_records as r')
        .leftJoin('memberships as ms', 'ms.id', 'r.membership_id')
        .leftJoin('people as p', 'p.id', 'ms.person_id')
        .selectAll('r')
        .select(['ms.org_id as member_org_id', 'p.id_number'])
        .where('r.org_id', 'in', ids)
        .execute(),
    (a, b) => byCode(a.happened_on, b.happened_on) || a.id - b.id,
    (r, orgCode) => ({
      orgCode,
      idNumber: r.id_number && r.member_org_id !== null && exported.has(r.member_org_id) ? ctx.vault.open(r.id_number) : null,
      kind: r.kind, category: r.category, title: r.title, happenedOn: r.happened_on, status: r.status, doneOn: r.done_on,
      hours: r.minutes === null ? null : hoursText(Number(r.minutes), true), beneficiaries: r.beneficiaries === null ? null : Number(r.beneficiaries), note: r.note,
    }),
  );
}

export function communityReportRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    (ids) =>
      ctx.db
        .selectFrom('community_reports as c')
        .innerJoin('memberships as ms', 'ms.id', 'c.membership_id')
        .innerJoin('people as p', 'p.id', 'ms.person_id')
        .leftJoin('organizations as co', 'co.id', 'c.community_org_id')
        .select(['c.id', 'c.membership_id', 'ms.org_id', 'p.id_number', 'p.name', 'co.code as community_code', 'co.name as community_org_name'])
        .select(['c.community_name', 'c.unit_level', 'c.reported_on', 'c.ended_on', 'c.note'])
        .where('ms.org_id', 'in', ids)
        .execute(),
    (a, b) => a.membership_id - b.membership_id || byCode(a.reported_on, b.reported_on) || a.id - b.id,
    (r) => ({
      idNumber: ctx.vault.open(r.id_number), name: r.name, communityCode: r.community_code, communityName: r.community_org_name ?? r.community_name,
      unitLevel: r.unit_level, reportedOn: r.reported_on, endedOn: r.ended_on, note: r.note,
    }),
  );
}

export function serviceTeamRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    (ids) => ctx.db.selectFrom('service_teams').selectAll().where('org_id', 'in', ids).execute(),
    (a, b) => byCode(a.established_on, b.established_on) || a.id - b.id,
    (r, orgCode) => ({ key: String(r.id), orgCode, kind: r.kind, name: r.name, establishedOn: r.established_on, dissolvedOn: r.dissolved_on, note: r.note }),
  );
}

/** The people of the teams exported: volunteers from the public by name, members when exported. */
export function serviceTeamMemberRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  const exported = new Set(orgs.map((o) => o.id));
  return byOrg(
    orgs,
    async (ids) =>
      (
        await ctx.db
          .selectFrom('service_team_members as m')
          .innerJoin('service_teams as t', 't.id', 'm.team_id')
          .leftJoin('memberships as ms', 'ms.id', 'm.membership_id')
          .leftJoin('people as p', 'p.id', 'ms.person_id')
          .select(['m.id', 'm.team_id', 't.org_id', 't.established_on', 'ms.org_id as member_org_id', 'p.id_number', 'p.name as member_name', 'm.name', 'm.joined_on', 'm.left_on'])
          .where('t.org_id', 'in', ids)
          .execute()
      ).filter((r) => r.id_number === null || (r.member_org_id !== null && exported.has(r.member_org_id))),
    (a, b) => byCode(a.established_on, b.established_on) || a.team_id - b.team_id || a.id - b.id,
    (r) => ({
      key: String(r.team_id), idNumber: r.id_number ? ctx.vault.open(r.id_number) : null, name: r.member_name ?? r.name, joinedOn: r.joined_on, leftOn: r.left_on,
    }),
  );
}

/** Honors: to a member with the member's present organization; to an organization or by name with the honor's. */
export function honorRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    async (ids) =>
      (
        await ctx.db
          .selectFrom('honors as h')
          .leftJoin('memberships as ms', 'ms.id', 'h.membership_id')
          .leftJoin('people as p', 'p.id', 'ms.person_id')
          .leftJoin('organizations as ro', 'ro.id', 'h.recipient_org_id')
          .selectAll('h')
          .select(['ms.org_id as member_org_id', 'p.id_number', 'p.name as member_name', 'ro.code as recipient_org_code', 'ro.name as recipient_org_name'])
          .where((eb) => eb.or([eb('ms.org_id', 'in', ids), eb.and([eb('h.membership_id', 'is', null), eb('h.org_id', 'in', ids)])]))
          .execute()
      ).map((r) => ({ ...r, org_id: r.member_org_id ?? r.org_id })),
    (a, b) => byCode(a.awarded_on, b.awarded_on) || a.id - b.id,
    (r, orgCode) => ({
      orgCode, kind: r.kind, recipientKind: r.recipient_kind, idNumber: r.id_number ? ctx.vault.open(r.id_number) : null, recipientOrgCode: r.recipient_org_code,
      recipientName: r.member_name ?? r.recipient_org_name ?? r.recipient_name, title: r.title, level: r.level, awardedBy: r.awarded_by, awardedOn: r.awarded_on,
      revokedOn: r.revoked_on, note: r.note,
    }),
  );
}

export function donationRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    (ids) =>
      ctx.db
        .selectFrom('donations as d')
        .innerJoin('memberships as ms', 'ms.id', 'd.membership_id')
        .innerJoin('people as p', 'p.id', 'ms.person_id')
        .select(['d.id', 'd.membership_id', 'ms.org_id', 'p.id_number', 'p.name', 'd.campaign', 'd.donated_on', 'd.amount_fen', 'd.note'])
        .where('ms.org_id', 'in', ids)
        .execute(),
    (a, b) => a.membership_id - b.membership_id || byCode(a.donated_on, b.donated_on) || a.id - b.id,
    (r) => ({ idNumber: ctx.vault.open(r.id_number), name: r.name, campaign: r.campaign, donatedOn: r.donated_on, amount: yuan(Number(r.amount_fen)), note: r.note }),
  );
}
