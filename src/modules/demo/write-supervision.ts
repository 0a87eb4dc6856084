/**
 * Writes the demo county's supervision ledgers (lists and tasks, inspections and problems, ratings, 软弱涣散 cases,
 * designations, disclosures, cadre events, publications, figure sets) through the generic bulk writers, inside the
 * caller's transaction: parents first, whose ids the children take. A few thousand rows at the default size.
 */
import type { Insertable } from 'kysely';
import type { Ctx } from '../../context.js';
import { insertChunkedReturningIds, insertRowsBulk } from '../../db/bulk.js';
import type { Database } from '../../db/schema.js';
import { CADRE_EVENT_KINDS, DESIGNATION_KINDS, INSPECTION_KINDS, MEDIUM_LEVELS, PROBLEM_SOURCES } from '../../shared/vocab.js';
import { CENTRAL_SCHEME_CODE, STAR_SCHEME_CODE } from '../ratings/builtin-schemes.js';
import type { DemoSummary } from './demo-types.js';
import { buildCadres } from './build-cadres.js';
import { buildDisclosures } from './build-disclosures.js';
import { buildInspections } from './build-inspections.js';
import { buildRatings } from './build-ratings.js';
import { buildTasks } from './build-tasks.js';
import type { CountyPlan } from './plan-county.js';
import { supervisionScope } from './supervision-scope.js';
import type { WorkSubject } from './work-subjects.js';

type Progress = (done: number, total: number, phase: string) => void;
const PHASE = '督查考核台账';

export async function writeSupervision(
  ctx: Ctx,
  plan: CountyPlan,
  subjects: readonly WorkSubject[],
  idOf: (code: string) => number,
  progress: Progress,
): Promise<DemoSummary['supervision']> {
  const now = ctx.clock.nowIso();
  const stamped = { created_at: now, updated_at: now };
  /** Planned rows to insert objects: the organization's id for its code, the stamps, the extra keys dropped. */
  const rows = <T extends keyof Database & string, P extends { orgCode: string }>(plans: readonly P[], _table: T, map: (p: P) => Record<string, unknown>, stamps: 'both' | 'created' | 'none' = 'both') =>
    plans.map((p) => ({ org_id: idOf(p.orgCode), ...map(p), ...(stamps === 'both' ? stamped : stamps === 'created' ? { created_at: now } : {}) }) as unknown as Insertable<Database[T]>);
  const strip = <P extends { orgCode: string }, K extends string>(p: P, ...keys: K[]) => {
    const { orgCode: _o, ...rest } = p;
    for (const k of keys) delete (rest as Record<string, unknown>)[k];
    return rest;
  };
  const scope = supervisionScope(plan.frame, plan.orgs, subjects);
  progress(0, 6, PHASE);

  const t = buildTasks(scope);
  const listIds = await insertChunkedReturningIds(ctx.db, 'responsibility_lists', rows(t.lists, 'responsibility_lists', (p) => strip(p)));
  const itemIds = await insertChunkedReturningIds(ctx.db, 'list_items', rows(t.items, 'list_items', (p) => ({ ...strip(p, 'list'), list_id: listIds[p.list]! })));
  const taskIds = await insertChunkedReturningIds(
    ctx.db, 'tasks',
    rows(t.tasks, 'tasks', (p) => ({ ...strip(p, 'item', 'assignedByCode'), item_id: p.item === null ? null : itemIds[p.item]!, assigned_by_org_id: idOf(p.assignedByCode) })),
  );
  await insertRowsBulk(ctx.db, 'task_events', rows(t.events, 'task_events', (p) => ({ ...strip(p, 'task'), task_id: taskIds[p.task]! }), 'created'));
  progress(1, 6, PHASE);

  const i = buildInspections(scope);
  const inspectionIds = await insertChunkedReturningIds(ctx.db, 'inspections', rows(i.inspections, 'inspections', (p) => strip(p)));
  await insertRowsBulk(
    ctx.db, 'inspection_targets',
    rows(i.targets, 'inspection_targets', (p) => ({ ...strip(p, 'inspection', 'targetCode'), inspection_id: inspectionIds[p.inspection]!, target_org_id: p.targetCode ? idOf(p.targetCode) : null }), 'none'),
  );
  const problemIds = await insertChunkedReturningIds(
    ctx.db, 'problems',
    rows(i.problems, 'problems', (p) => ({ ...strip(p, 'inspection'), inspection_id: p.inspection === null ? null : inspectionIds[p.inspection]! })),
  );
  await insertRowsBulk(ctx.db, 'problem_events', rows(i.events, 'problem_events', (p) => ({ ...strip(p, 'problem'), problem_id: problemIds[p.problem]! }), 'created'));
  progress(2, 6, PHASE);

  const r = buildRatings(scope);
  await insertRowsBulk(ctx.db, 'ratings', rows(r.ratings, 'ratings', (p) => strip(p)));
  await insertRowsBulk(ctx.db, 'weak_org_cases', rows(r.weakCases, 'weak_org_cases', (p) => strip(p)));
  await insertRowsBulk(ctx.db, 'designations', rows(r.designations, 'designations', (p) => strip(p)));
  progress(3, 6, PHASE);

  const d = buildDisclosures(scope);
  const disclosureItemIds = await insertChunkedReturningIds(ctx.db, 'disclosure_items', rows(d.items, 'disclosure_items', (p) => strip(p)));
  await insertRowsBulk(ctx.db, 'disclosures', rows(d.disclosures, 'disclosures', (p) => ({ ...strip(p, 'item'), item_id: disclosureItemIds[p.item]! })));
  progress(4, 6, PHASE);

  const c = buildCadres(scope, subjects);
  await insertRowsBulk(ctx.db, 'cadre_events', rows(c.events, 'cadre_events', (p) => strip(p)));
  await insertRowsBulk(ctx.db, 'publications', rows(c.publications, 'publications', (p) => strip(p)));
  const setIds = await insertChunkedReturningIds(ctx.db, 'figure_sets', rows(c.sets, 'figure_sets', (p) => strip(p)));
  await insertRowsBulk(
    ctx.db, 'figure_values',
    rows(c.values, 'figure_values', (p) => ({ ...strip(p, 'set'), set_id: setIds[p.set]! }), 'none'),
  );
  progress(6, 6, PHASE);

  /** Counts by key, the keys of `order` first (in that order, zeros included), then any other. */
  const count = <T>(list: readonly T[], key: (x: T) => string, order: readonly string[]) => {
    const out: Record<string, number> = Object.fromEntries(order.map((k) => [k, 0]));
    for (const x of list) out[key(x)] = (out[key(x)] ?? 0) + 1;
    return out;
  };
  const central = r.ratings.filter((x) => x.scheme_code === CENTRAL_SCHEME_CODE);
  return {
    lists: t.lists.length, listItems: t.items.length, tasks: t.tasks.length, taskEvents: t.events.length, tasksOverdue: t.overdue, tasksLate: t.late,
    inspections: i.inspections.length, inspectionsByKind: count(i.inspections, (x) => x.kind, INSPECTION_KINDS), inspectionTargets: i.targets.length, problems: i.problems.length,
    problemsBySource: count(i.problems, (x) => x.source, PROBLEM_SOURCES), problemEvents: i.events.length, problemsOverdue: i.overdue, problemsLate: i.late, problemsReopened: i.reopened,
    ratings: r.ratings.length, gradesBy: count(central, (x) => `${x.final_grade}`, ['好', '较好', '一般', '较差']), starRatings: r.ratings.filter((x) => x.scheme_code === STAR_SCHEME_CODE).length,
    weakCases: r.weakCases.length, weakCasesClosed: r.weakCases.filter((x) => x.status === '已销号').length, designations: r.designations.length,
    designationsByKind: count(r.designations, (x) => x.kind, DESIGNATION_KINDS), disclosureItems: d.items.length, disclosures: d.disclosures.length, disclosuresBehind: d.behind,
    disclosuresUnreviewed: d.unreviewed, busyVillages: d.busyVillages, cadreEvents: c.events.length, cadreEventsByKind: count(c.events, (x) => x.kind, CADRE_EVENT_KINDS),
    publications: c.publications.length, publicationsByLevel: count(c.publications, (x) => x.medium_level, MEDIUM_LEVELS), figureSets: c.sets.length, figureValues: c.values.length,
  };
}
