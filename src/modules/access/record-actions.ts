/**
 * Each record's allowed actions, as the server decides them: every view of a record the web UI may change carries
 * `actions`, and the UI shows a button only when its action is listed — it never re-derives a permission (the services
 * still check every write). The answer depends on the caller's scope (a 支部书记 writes exactly their branch, an
 * organization administrator their subtree, a viewer nothing) and on the record's own state (a revoked honor cannot be
 * revoked again).
 *
 * The actions are attached where a route answers (`withActions`), not inside the services: a service's view is also
 * what the audit log records, and who may act is the caller's, not the record's.
 */
import { z, type ZodRawShape } from 'zod';
import type { Ctx } from '../../context.js';
import { accessOf, canWrite } from './actor.js';

export const RECORD_ACTIONS = ['update', 'delete', 'revoke', 'leave', 'transfer', 'plan', 'dismiss', 'close', 'decide'] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

export const RECORD_ACTION_LABELS: Record<RecordAction, string> = {
  update: '修改',
  delete: '删除',
  revoke: '撤销',
  leave: '离开',
  transfer: '组织关系转接',
  plan: '整顿方案（认定并整顿，或修改方案）',
  dismiss: '不予认定',
  close: '销号',
  decide: '上级评定',
};

/** The `actions` field of a record's view. */
export const recordActionsField = z
  .array(z.enum(RECORD_ACTIONS))
  .describe(`当前用户对这条记录可以做的操作（由服务端判定）：${RECORD_ACTIONS.map((a) => `${a}：${RECORD_ACTION_LABELS[a]}`).join('；')}`);

/**
 * The actions the caller may take on a record of the organization at `orgPath`: those offered (`offered`, in the
 * record's current state) when the caller may write there, none otherwise.
 */
export function recordActions(ctx: Ctx, orgPath: string, offered: readonly RecordAction[]): RecordAction[] {
  return canWrite(accessOf(ctx.actor), orgPath) ? [...offered] : [];
}

/** A record's view with its `actions` (the route's response schema). */
export function withActionsView<Shape extends ZodRawShape>(view: z.ZodObject<Shape>) {
  return view.extend({ actions: recordActionsField });
}

/**
 * Each record with what the caller may do to it, decided from the record and its organization's tree path: the
 * organizations of the whole page are looked up in one query (by `orgCode`, or `orgOf`). The shared step of every
 * per-record answer (actions, a problem's steps, a case's or a rating's superior's steps).
 */
export async function withOrgPath<T extends object, R>(
  ctx: Ctx,
  items: readonly T[],
  decide: (item: T, path: string | undefined) => R,
  orgOf: (item: T) => string = (item) => (item as unknown as { orgCode: string }).orgCode,
): Promise<R[]> {
  const paths = await orgPaths(ctx, items.map(orgOf));
  return items.map((item) => decide(item, paths.get(orgOf(item))));
}

/**
 * Attaches each record's allowed actions: `offered(record)` (in the record's state) where the caller may write the
 * record's organization, none elsewhere.
 */
export async function withActions<T extends object>(
  ctx: Ctx,
  items: readonly T[],
  offered: (item: T) => readonly RecordAction[],
  orgOf?: (item: T) => string,
): Promise<(T & { actions: RecordAction[] })[]> {
  const access = accessOf(ctx.actor);
  if (!access.canWrite) return items.map((item) => ({ ...item, actions: [] }));
  return withOrgPath(ctx, items, (item, path) => ({ ...item, actions: path !== undefined && canWrite(access, path) ? [...offered(item)] : [] }), orgOf);
}

/** The tree paths of organizations by code, in one query. */
export async function orgPaths(ctx: Ctx, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('organizations').select(['code', 'path']).where('code', 'in', unique).execute();
  return new Map(rows.map((r) => [r.code, r.path]));
}

/** One record with its allowed actions. */
export async function withActionsOne<T extends object>(
  ctx: Ctx,
  item: T,
  offered: (item: T) => readonly RecordAction[],
  orgOf?: (item: T) => string,
): Promise<T & { actions: RecordAction[] }> {
  return (await withActions(ctx, [item], offered, orgOf))[0]!;
}

/** A page of records with their allowed actions. */
export async function pageWithActions<P extends { items: object[] }>(
  ctx: Ctx,
  page: P,
  offered: (item: P['items'][number]) => readonly RecordAction[],
  orgOf?: (item: P['items'][number]) => string,
): Promise<Omit<P, 'items'> & { items: (P['items'][number] & { actions: RecordAction[] })[] }> {
  return { ...page, items: await withActions(ctx, page.items, offered, orgOf) };
}
