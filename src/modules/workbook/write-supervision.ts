import type { Ctx } from '../../context.js';
import { insertChunkedReturningIds, insertRowsBulk } from '../../db/bulk.js';
import type { PlannedSupervision } from './check-supervision.js';

/** A reason of a 软弱涣散 case read from the sheet: text only (the data-driven flags' own codes are not in the sheet). */
export const SHEET_REASON_CODE = 'manual';

/**
 * Writes the checked supervision ledger rows with the generic bulk writers, inside the caller's transaction, after
 * the organizations and members: records other rows point at (lists, items, tasks, rounds, problems, catalogue
 * items, figure sets) return their ids, and the rows naming them by workbook key get those ids. A row of a record
 * kept under another (an item, an event, a target, a value) is kept under that record's organization.
 */
export async function writeSupervision(
  ctx: Ctx,
  s: PlannedSupervision,
  orgId: (code: string) => number,
  member: (idNumber: string) => { membershipId: number; orgId: number },
  progress: (n: number) => void,
): Promise<void> {
  const db = ctx.db;
  const now = ctx.clock.nowIso();
  const stamps = { created_at: now, updated_at: now };

  const { lists, items, tasks, events } = s.tasks;
  const listIds = await insertChunkedReturningIds(db, 'responsibility_lists', lists.map((l) => ({
    org_id: orgId(l.orgCode), year: l.year, kind: l.kind, title: l.title, issued_on: l.issuedOn, note: l.note, ...stamps,
  })));
  const listOf = new Map(lists.map((l, i) => [l.key, { id: listIds[i]!, orgId: orgId(l.orgCode) }]));
  const itemIds = await insertChunkedReturningIds(db, 'list_items', items.map((it) => ({
    org_id: listOf.get(it.key)!.orgId, list_id: listOf.get(it.key)!.id, seq: it.seq, content: it.content, category: it.category, target_value: it.targetValue,
    target_unit: it.targetUnit, ...stamps,
  })));
  const itemOf = new Map(items.map((it, i) => [`${it.key}|${it.seq}`, itemIds[i]!]));
  const taskIds = await insertChunkedReturningIds(db, 'tasks', tasks.map((t) => ({
    org_id: orgId(t.orgCode), item_id: t.item ? itemOf.get(`${t.item.key}|${t.item.seq}`)! : null, assigned_by_org_id: orgId(t.assignedByCode), title: t.title,
    category: t.category, owner_name: t.ownerName, start_on: t.startOn, deadline: t.deadline, status: t.status, completed_on: t.completedOn, note: t.note, ...stamps,
  })));
  const taskOf = new Map(tasks.map((t, i) => [t.key, { id: taskIds[i]!, orgId: orgId(t.orgCode) }]));
  await insertRowsBulk(db, 'task_events', events.map((e) => ({
    org_id: taskOf.get(e.key)!.orgId, task_id: taskOf.get(e.key)!.id, kind: e.kind, happened_on: e.happenedOn, content: e.content, percent: e.percent, actor: e.actor,
    created_at: now,
  })));
  progress(lists.length + items.length + tasks.length + events.length);

  const { inspections, targets, problems } = s.inspections;
  const roundIds = await insertChunkedReturningIds(db, 'inspections', inspections.map((r) => ({
    org_id: orgId(r.orgCode), kind: r.kind, title: r.title, round_no: r.roundNo, start_on: r.startOn, end_on: r.endOn, clues_transferred: r.cluesTransferred,
    notices_issued: r.noticesIssued, note: r.note, ...stamps,
  })));
  const roundOf = new Map(inspections.map((r, i) => [r.key, { id: roundIds[i]!, orgId: orgId(r.orgCode) }]));
  await insertRowsBulk(db, 'inspection_targets', targets.map((t) => ({
    org_id: roundOf.get(t.key)!.orgId, inspection_id: roundOf.get(t.key)!.id, target_org_id: t.targetOrgCode ? orgId(t.targetOrgCode) : null, unit_name: t.unitName,
    unit_kind: t.unitKind,
  })));
  const problemIds = await insertChunkedReturningIds(db, 'problems', problems.map((p) => ({
    org_id: orgId(p.orgCode), source: p.source, inspection_id: p.inspectionKey ? roundOf.get(p.inspectionKey)!.id : null, category: p.category, level: p.level,
    description: p.description, owner_name: p.ownerName, measures: p.measures, measures_count: p.measuresCount, found_on: p.foundOn, deadline: p.deadline,
    status: p.status, rectified_on: p.rectifiedOn, accepted_on: p.acceptedOn, accepted_by: p.acceptedBy, closed_on: p.closedOn, reopened: p.reopened, note: p.note,
    ...stamps,
  })));
  const problemOf = new Map(problems.map((p, i) => [p.key, { id: problemIds[i]!, orgId: orgId(p.orgCode) }]));
  await insertRowsBulk(db, 'problem_events', s.inspections.events.map((e) => ({
    org_id: problemOf.get(e.key)!.orgId, problem_id: problemOf.get(e.key)!.id, action: e.action, from_status: e.fromStatus, to_status: e.toStatus,
    happened_on: e.happenedOn, note: e.note, evidence: e.evidence, actor: e.actor, created_at: now,
  })));
  progress(inspections.length + targets.length + problems.length + s.inspections.events.length);

  const { ratings, weakCases, designations } = s.ratings;
  await insertRowsBulk(db, 'ratings', ratings.map((r) => ({
    org_id: orgId(r.orgCode), year: r.year, scheme_code: r.schemeCode, self_score: r.selfScore, self_grade: r.selfGrade, member_score: r.memberScore,
    public_satisfaction: r.publicSatisfaction, final_score: r.finalScore, final_grade: r.finalGrade, scores: null, vetoes: null, decided_on: r.decidedOn,
    decided_by: r.decidedBy, note: r.note, ...stamps,
  })));
  await insertRowsBulk(db, 'weak_org_cases', weakCases.map((w) => ({
    org_id: orgId(w.orgCode), year: w.year, source: w.source, reasons: JSON.stringify(w.reasons.map((text) => ({ code: SHEET_REASON_CODE, text }))),
    flagged_on: w.flaggedOn, status: w.status, plan: w.plan, leader_name: w.leaderName, deadline: w.deadline, closed_on: w.closedOn, closed_by: w.closedBy, note: w.note,
    ...stamps,
  })));
  await insertRowsBulk(db, 'designations', designations.map((d) => ({
    org_id: orgId(d.orgCode), title: d.title, kind: d.kind, action: d.action, level: d.level, designated_on: d.designatedOn, revoked_on: d.revokedOn, note: d.note,
    ...stamps,
  })));
  progress(ratings.length + weakCases.length + designations.length);

  const { items: catalogue, disclosures } = s.disclosures;
  const catalogueIds = await insertChunkedReturningIds(db, 'disclosure_items', catalogue.map((it) => ({
    org_id: orgId(it.orgCode), category: it.category, name: it.name, cadence: it.cadence, sector: it.sector, active: it.active ? 1 : 0, ...stamps,
  })));
  const catalogueOf = new Map(catalogue.map((it, i) => [it.key, catalogueIds[i]!]));
  await insertRowsBulk(db, 'disclosures', disclosures.map((d) => ({
    org_id: orgId(d.orgCode), item_id: catalogueOf.get(d.key)!, period_label: d.periodLabel, content: d.content, proposed_on: d.proposedOn, reviewed_on: d.reviewedOn,
    reviewed_by: d.reviewedBy, approved_on: d.approvedOn, approved_by: d.approvedBy, published_on: d.publishedOn, note: d.note, ...stamps,
  })));
  progress(catalogue.length + disclosures.length);

  await insertRowsBulk(db, 'cadre_events', s.cadres.cadreEvents.map((c) => ({
    org_id: orgId(c.orgCode), membership_id: c.idNumber ? member(c.idNumber).membershipId : null, person_name: c.personName, kind: c.kind, subkind: c.subkind,
    happened_on: c.happenedOn, frontline: c.frontline ? 1 : 0, batch: c.batch, birth_year: c.birthYear, education: c.education, note: c.note, ...stamps,
  })));
  await insertRowsBulk(db, 'publications', s.cadres.publications.map((p) => ({
    org_id: orgId(p.orgCode), title: p.title, medium_level: p.mediumLevel, medium_name: p.mediumName, form: p.form, original: p.original ? 1 : 0, theme: p.theme,
    published_on: p.publishedOn, ...stamps,
  })));
  progress(s.cadres.cadreEvents.length + s.cadres.publications.length);

  const setIds = await insertChunkedReturningIds(db, 'figure_sets', s.figureSets.map((f) => ({
    org_id: orgId(f.orgCode), period_label: f.period.label, period_start: f.period.start, period_end: f.period.end, source_department: f.sourceDepartment,
    entered_by: f.enteredBy, entered_on: f.enteredOn, note: null, ...stamps,
  })));
  await insertRowsBulk(db, 'figure_values', s.figureSets.flatMap((f, i) => f.values.map((v) => ({
    org_id: orgId(f.orgCode), set_id: setIds[i]!, indicator_id: v.indicatorId, value: v.value, unit: v.unit, note: v.note,
  }))));
  progress(s.figureSets.length + s.figureSets.reduce((n, f) => n + f.values.length, 0));
}
