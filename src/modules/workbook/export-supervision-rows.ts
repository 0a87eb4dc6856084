/**
 * The supervision ledger sheets as exported, in exactly the format checkSupervisionSheets reads back. Each record
 * goes with the organization that holds it; the workbook keys (清单编号, 任务编号, 编号, 问题编号, 目录编号) are the
 * records' ids. A reference to a record outside the export (a task's list item, a problem's round, a disclosure's
 * catalogue item, an inspected organization, a member) is written only when that record is exported too: a task or
 * problem then stands without it, an inspected organization by its name, and a disclosure of another organization's
 * catalogue item is left out, since the workbook could not name its item.
 */
import type { Ctx } from '../../context.js';
import type { OrgView } from '../orgs/orgs.schema.js';
import { REASON_SEPARATOR } from './check-ratings.js';
import { byCode, byOrg, type ExportRow } from './export-rows.js';

const yesNo = (v: number | boolean) => (Number(v) === 1 ? '是' : '否');
const num = (v: number | null) => (v === null ? null : Number(v));

export function responsibilityListRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    (ids) => ctx.db.selectFrom('responsibility_lists').selectAll().where('org_id', 'in', ids).execute(),
    (a, b) => a.year - b.year || a.id - b.id,
    (r, orgCode) => ({ key: String(r.id), orgCode, year: Number(r.year), kind: r.kind, title: r.title, issuedOn: r.issued_on, note: r.note }),
  );
}

export function listItemRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    (ids) => ctx.db.selectFrom('list_items').selectAll().where('org_id', 'in', ids).execute(),
    (a, b) => a.list_id - b.list_id || a.seq - b.seq,
    (r) => ({ key: String(r.list_id), seq: Number(r.seq), content: r.content, category: r.category, targetValue: num(r.target_value), targetUnit: r.target_unit }),
  );
}

export function taskRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  const exported = new Set(orgs.map((o) => o.id));
  return byOrg(
    orgs,
    (ids) =>
      ctx.db
        .selectFrom('tasks as t')
        .innerJoin('organizations as a', 'a.id', 't.assigned_by_org_id')
        .leftJoin('list_items as i', 'i.id', 't.item_id')
        .selectAll('t')
        .select(['a.code as assigned_by_code', 'i.list_id', 'i.seq', 'i.org_id as list_org_id'])
        .where('t.org_id', 'in', ids)
        .execute(),
    (a, b) => byCode(a.start_on, b.start_on) || a.id - b.id,
    (r, orgCode) => {
      const item = r.list_id !== null && r.list_org_id !== null && exported.has(r.list_org_id);
      return {
        key: String(r.id), orgCode, assignedByCode: r.assigned_by_code, listKey: item ? String(r.list_id) : null, seq: item ? Number(r.seq) : null, title: r.title,
        category: r.category, ownerName: r.owner_name, startOn: r.start_on, deadline: r.deadline, status: r.status, completedOn: r.completed_on, note: r.note,
      };
    },
  );
}

export function taskEventRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    (ids) => ctx.db.selectFrom('task_events').selectAll().where('org_id', 'in', ids).execute(),
    (a, b) => a.task_id - b.task_id || byCode(a.happened_on, b.happened_on) || a.id - b.id,
    (r) => ({ key: String(r.task_id), kind: r.kind, happenedOn: r.happened_on, content: r.content, percent: num(r.percent), actor: r.actor }),
  );
}

export function inspectionRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    (ids) => ctx.db.selectFrom('inspections').selectAll().where('org_id', 'in', ids).execute(),
    (a, b) => byCode(a.start_on, b.start_on) || a.id - b.id,
    (r, orgCode) => ({
      key: String(r.id), orgCode, kind: r.kind, title: r.title, roundNo: num(r.round_no), startOn: r.start_on, endOn: r.end_on, cluesTransferred: num(r.clues_transferred),
      noticesIssued: num(r.notices_issued), note: r.note,
    }),
  );
}

/** A target in the export by its code (its name is the organization's), any other by its name. */
export function inspectionTargetRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  const exported = new Set(orgs.map((o) => o.id));
  return byOrg(
    orgs,
    (ids) =>
      ctx.db
        .selectFrom('inspection_targets as t')
        .leftJoin('organizations as o', 'o.id', 't.target_org_id')
        .selectAll('t')
        .select('o.code as target_code')
        .where('t.org_id', 'in', ids)
        .execute(),
    (a, b) => a.inspection_id - b.inspection_id || a.id - b.id,
    (r) => {
      const byCodeToo = r.target_org_id !== null && exported.has(r.target_org_id);
      return { key: String(r.inspection_id), targetOrgCode: byCodeToo ? r.target_code : null, unitName: byCodeToo ? null : r.unit_name, unitKind: r.unit_kind };
    },
  );
}

export function problemRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  const exported = new Set(orgs.map((o) => o.id));
  return byOrg(
    orgs,
    (ids) =>
      ctx.db
        .selectFrom('problems as p')
        .leftJoin('inspections as i', 'i.id', 'p.inspection_id')
        .selectAll('p')
        .select('i.org_id as inspection_org_id')
        .where('p.org_id', 'in', ids)
        .execute(),
    (a, b) => byCode(a.found_on, b.found_on) || a.id - b.id,
    (r, orgCode) => ({
      key: String(r.id), orgCode, source: r.source,
      inspectionKey: r.inspection_id !== null && r.inspection_org_id !== null && exported.has(r.inspection_org_id) ? String(r.inspection_id) : null,
      category: r.category, level: r.level, description: r.description, ownerName: r.owner_name, measures: r.measures, measuresCount: Number(r.measures_count),
      foundOn: r.found_on, deadline: r.deadline, status: r.status, rectifiedOn: r.rectified_on, acceptedOn: r.accepted_on, acceptedBy: r.accepted_by,
      closedOn: r.closed_on, reopened: Number(r.reopened), note: r.note,
    }),
  );
}

export function problemEventRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    (ids) => ctx.db.selectFrom('problem_events').selectAll().where('org_id', 'in', ids).execute(),
    (a, b) => a.problem_id - b.problem_id || a.id - b.id,
    (r) => ({
      key: String(r.problem_id), action: r.action, fromStatus: r.from_status, toStatus: r.to_status, happenedOn: r.happened_on, note: r.note, evidence: r.evidence,
      actor: r.actor,
    }),
  );
}

export function ratingRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    (ids) => ctx.db.selectFrom('ratings').selectAll().where('org_id', 'in', ids).execute(),
    (a, b) => a.year - b.year || byCode(a.scheme_code, b.scheme_code) || a.id - b.id,
    (r, orgCode) => ({
      orgCode, year: Number(r.year), schemeCode: r.scheme_code, selfScore: num(r.self_score), selfGrade: r.self_grade, memberScore: num(r.member_score),
      publicSatisfaction: num(r.public_satisfaction), finalScore: num(r.final_score), finalGrade: r.final_grade, decidedOn: r.decided_on, decidedBy: r.decided_by,
      note: r.note,
    }),
  );
}

export function weakCaseRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    (ids) => ctx.db.selectFrom('weak_org_cases').selectAll().where('org_id', 'in', ids).execute(),
    (a, b) => a.year - b.year || byCode(a.flagged_on, b.flagged_on) || a.id - b.id,
    (r, orgCode) => ({
      orgCode, year: Number(r.year), source: r.source, reasons: reasonTexts(r.reasons).join(REASON_SEPARATOR), flaggedOn: r.flagged_on, status: r.status, plan: r.plan,
      leaderName: r.leader_name, deadline: r.deadline, closedOn: r.closed_on, closedBy: r.closed_by, note: r.note,
    }),
  );
}

/** The texts of the stored reasons: [{code, text}], or plain strings. */
function reasonTexts(json: string): string[] {
  try {
    const list = JSON.parse(json) as unknown;
    if (!Array.isArray(list)) return [String(list)];
    return list.map((r) => (typeof r === 'string' ? r : String((r as { text?: unknown }).text ?? ''))).filter((t) => t !== '');
  } catch {
    return [json];
  }
}

export function designationRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    (ids) => ctx.db.selectFrom('designations').selectAll().where('org_id', 'in', ids).execute(),
    (a, b) => byCode(a.designated_on, b.designated_on) || a.id - b.id,
    (r, orgCode) => ({
      orgCode, title: r.title, kind: r.kind, action: r.action, level: r.level, designatedOn: r.designated_on, revokedOn: r.revoked_on, note: r.note,
    }),
  );
}

export function disclosureItemRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    (ids) => ctx.db.selectFrom('disclosure_items').selectAll().where('org_id', 'in', ids).execute(),
    (a, b) => a.id - b.id,
    (r, orgCode) => ({ key: String(r.id), orgCode, category: r.category, name: r.name, cadence: r.cadence, sector: r.sector, active: yesNo(r.active) }),
  );
}

export function disclosureRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  const exported = new Set(orgs.map((o) => o.id));
  return byOrg(
    orgs,
    async (ids) =>
      (
        await ctx.db
          .selectFrom('disclosures as d')
          .innerJoin('disclosure_items as i', 'i.id', 'd.item_id')
          .selectAll('d')
          .select('i.org_id as item_org_id')
          .where('d.org_id', 'in', ids)
          .execute()
      ).filter((r) => exported.has(r.item_org_id)),
    (a, b) => a.item_id - b.item_id || byCode(a.proposed_on, b.proposed_on) || a.id - b.id,
    (r, orgCode) => ({
      orgCode, key: String(r.item_id), periodLabel: r.period_label, content: r.content, proposedOn: r.proposed_on, reviewedOn: r.reviewed_on, reviewedBy: r.reviewed_by,
      approvedOn: r.approved_on, approvedBy: r.approved_by, publishedOn: r.published_on, note: r.note,
    }),
  );
}

/** A member named on an event appears by ID number (with the member's own name) only when the member is exported too. */
export function cadreEventRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  const exported = new Set(orgs.map((o) => o.id));
  return byOrg(
    orgs,
    (ids) =>
      ctx.db
        .selectFrom('cadre_events as c')
        .leftJoin('memberships as ms', 'ms.id', 'c.membership_id')
        .leftJoin('people as p', 'p.id', 'ms.person_id')
        .selectAll('c')
        .select(['ms.org_id as member_org_id', 'p.id_number', 'p.name as member_name'])
        .where('c.org_id', 'in', ids)
        .execute(),
    (a, b) => byCode(a.happened_on, b.happened_on) || a.id - b.id,
    (r, orgCode) => {
      const member = r.id_number !== null && r.member_org_id !== null && exported.has(r.member_org_id);
      return {
        orgCode, idNumber: member ? ctx.vault.open(r.id_number!) : null, name: member ? r.member_name : r.person_name, kind: r.kind, subkind: r.subkind,
        happenedOn: r.happened_on, frontline: yesNo(r.frontline), batch: r.batch, birthYear: num(r.birth_year), education: r.education, note: r.note,
      };
    },
  );
}

export function publicationRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    (ids) => ctx.db.selectFrom('publications').selectAll().where('org_id', 'in', ids).execute(),
    (a, b) => byCode(a.published_on, b.published_on) || a.id - b.id,
    (r, orgCode) => ({
      orgCode, title: r.title, mediumLevel: r.medium_level, mediumName: r.medium_name, form: r.form, original: yesNo(r.original), theme: r.theme, publishedOn: r.published_on,
    }),
  );
}

/** One row per value, with its set's organization, period, source, who and when. */
export function figureValueRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    (ids) =>
      ctx.db
        .selectFrom('figure_values as v')
        .innerJoin('figure_sets as s', 's.id', 'v.set_id')
        .select(['v.id', 'v.set_id', 's.org_id', 's.period_start', 's.period_label', 's.source_department', 's.entered_by', 's.entered_on', 'v.indicator_id', 'v.value', 'v.unit', 'v.note'])
        .where('s.org_id', 'in', ids)
        .execute(),
    (a, b) => byCode(a.period_start, b.period_start) || a.set_id - b.set_id || a.id - b.id,
    (r, orgCode) => ({
      orgCode, period: r.period_label, sourceDepartment: r.source_department, enteredBy: r.entered_by, enteredOn: r.entered_on, indicatorId: r.indicator_id,
      value: Number(r.value), unit: r.unit, note: r.note,
    }),
  );
}
