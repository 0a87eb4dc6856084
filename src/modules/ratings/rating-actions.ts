/**
 * What the caller may do to a rating or a 软弱涣散 case, as decideRating and stepWeakCase decide it. The superior
 * writes an organization above the record's (or is the administrator) — assertSuperior in rating-records.ts.
 * - A rating: 上级评定 (decide) is the superior's, again after a decision (it replaces it).
 * - A case: 整顿方案 while 待研判 is the superior's (认定), while 整顿中 also the organization's own (revising the
 *   plan); 不予认定 (待研判) and 销号 (整顿中) are the superior's.
 */
import type { Ctx } from '../../context.js';
import { accessOf, canWrite } from '../access/actor.js';
import { withOrgPath, type RecordAction } from '../access/record-actions.js';
import { isSuperiorOf } from './rating-records.js';

export function weakCaseActions(ctx: Ctx, path: string, status: string): RecordAction[] {
  const access = accessOf(ctx.actor);
  const superior = isSuperiorOf(ctx, path);
  if (status === '待研判') return superior ? ['plan', 'dismiss'] : [];
  if (status === '整顿中') return [...(canWrite(access, path) ? (['plan'] as const) : []), ...(superior ? (['close'] as const) : [])];
  return [];
}

export async function withWeakCaseActions<T extends { orgCode: string; status: string }>(ctx: Ctx, items: readonly T[]): Promise<(T & { actions: RecordAction[] })[]> {
  return withOrgPath(ctx, items, (c, path) => ({ ...c, actions: path === undefined ? [] : weakCaseActions(ctx, path, c.status) }));
}

export async function withWeakCaseActionsOne<T extends { orgCode: string; status: string }>(ctx: Ctx, item: T): Promise<T & { actions: RecordAction[] }> {
  return (await withWeakCaseActions(ctx, [item]))[0]!;
}

/** Ratings with their actions (上级评定 for the superior). */
export async function withRatingActions<T extends { orgCode: string }>(ctx: Ctx, items: readonly T[]): Promise<(T & { actions: RecordAction[] })[]> {
  return withOrgPath(ctx, items, (r, path) => ({ ...r, actions: path !== undefined && isSuperiorOf(ctx, path) ? ['decide' as const] : [] }));
}
