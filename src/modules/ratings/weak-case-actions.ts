/**
 * Each 软弱涣散 case's open steps for the caller, as stepWeakCase decides them: 整顿方案 while 待研判 is the superior's
 * (认定), while 整顿中 also the organization's own (revising the plan); 不予认定 (待研判) and 销号 (整顿中) are the
 * superior's. The superior writes an organization above the case's (or is the administrator).
 */
import type { Ctx } from '../../context.js';
import { accessOf, canWrite } from '../access/actor.js';
import { orgPaths, type RecordAction } from '../access/record-actions.js';

export function weakCaseActions(ctx: Ctx, path: string, status: string): RecordAction[] {
  const access = accessOf(ctx.actor);
  const superior = access.canWrite && (access.writeRoot === null || (path.startsWith(access.writeRoot) && path !== access.writeRoot));
  if (status === '待研判') return superior ? ['plan', 'dismiss'] : [];
  if (status === '整顿中') return [...(canWrite(access, path) ? (['plan'] as const) : []), ...(superior ? (['close'] as const) : [])];
  return [];
}

export async function withWeakCaseActions<T extends { orgCode: string; status: string }>(ctx: Ctx, items: readonly T[]): Promise<(T & { actions: RecordAction[] })[]> {
  const paths = await orgPaths(ctx, items.map((c) => c.orgCode));
  return items.map((c) => {
    const path = paths.get(c.orgCode);
    return { ...c, actions: path === undefined ? [] : weakCaseActions(ctx, path, c.status) };
  });
}

export async function withWeakCaseActionsOne<T extends { orgCode: string; status: string }>(ctx: Ctx, item: T): Promise<T & { actions: RecordAction[] }> {
  return (await withWeakCaseActions(ctx, [item]))[0]!;
}
