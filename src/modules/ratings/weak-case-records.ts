/** Reading 软弱涣散 cases: one select with the organization, the view, and the lookup the steps share. */
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { isReadable } from '../access/scope.js';
import type { WeakCaseView, WeakReason } from './ratings.schema.js';

export function selectWeakCases(ctx: Ctx) {
  return ctx.db
    .selectFrom('weak_org_cases as w')
    .innerJoin('organizations as o', 'o.id', 'w.org_id')
    .select([
      'w.id', 'w.org_id', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 'w.year', 'w.source', 'w.reasons', 'w.flagged_on',
      'w.status', 'w.plan', 'w.leader_name', 'w.deadline', 'w.closed_on', 'w.closed_by', 'w.note',
    ]);
}

export type WeakCaseRow = Awaited<ReturnType<ReturnType<typeof selectWeakCases>['executeTakeFirstOrThrow']>>;

/** weak_org_cases.reasons: a JSON list of {code, text} (the rule's code for a data-driven flag). */
export function parseReasons(text: string): WeakReason[] {
  const v = JSON.parse(text) as unknown;
  return Array.isArray(v) ? (v as WeakReason[]) : [];
}

export function presentWeakCase(r: WeakCaseRow, today: string): WeakCaseView {
  return {
    id: r.id,
    orgCode: r.org_code,
    orgName: r.org_name,
    year: r.year,
    source: r.source,
    reasons: parseReasons(r.reasons),
    flaggedOn: r.flagged_on,
    status: r.status,
    plan: r.plan,
    leaderName: r.leader_name,
    deadline: r.deadline,
    overdue: r.status === '整顿中' && r.deadline !== null && r.deadline < today,
    closedOn: r.closed_on,
    closedBy: r.closed_by,
    note: r.note,
  };
}

export function weakCaseNotFound(id: number): AppError {
  const message = `软弱涣散整顿记录 ${id} 不存在`;
  return new AppError('WEAK_CASE_NOT_FOUND', message, [{ code: 'WEAK_CASE_NOT_FOUND', field: 'id', message }]);
}

export async function loadWeakCase(ctx: Ctx, id: number): Promise<WeakCaseRow> {
  const row = await selectWeakCases(ctx).where('w.id', '=', id).executeTakeFirst();
  if (!row || !isReadable(ctx, row.org_path)) throw weakCaseNotFound(id);
  return row;
}

export async function getWeakCase(ctx: Ctx, id: number): Promise<WeakCaseView> {
  return presentWeakCase(await loadWeakCase(ctx, id), ctx.clock.today());
}

export function auditableWeakCase(v: WeakCaseView): Record<string, unknown> {
  return {
    orgCode: v.orgCode, year: v.year, source: v.source, reasons: v.reasons, flaggedOn: v.flaggedOn, status: v.status, plan: v.plan,
    leaderName: v.leaderName, deadline: v.deadline, closedOn: v.closedOn, closedBy: v.closedBy, note: v.note,
  };
}
