import { sql, type SelectQueryBuilder } from 'kysely';
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { accessOf, canRead, canWrite } from './actor.js';

/**
 * Clips a query to the organizations the caller may read, on the given path column: the same indexed range as a
 * subtree query, so scoping costs nothing extra. Use with `.$call(readScoped(ctx, 'o.path'))`.
 */
export function readScoped(ctx: Ctx, pathColumn: string) {
  const root = accessOf(ctx.actor).readRoot;
  return <DB, TB extends keyof DB, O>(qb: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> => {
    if (root === null) return qb;
    return qb.where(sql.ref(pathColumn) as never, '>=', root as never).where(sql.ref(pathColumn) as never, '<', subtreeUpperBound(root) as never);
  };
}

export function isReadable(ctx: Ctx, path: string): boolean {
  return canRead(accessOf(ctx.actor), path);
}

/**
 * Throws unless the caller may change records of the organization at `path`. Outside what the caller can see, the
 * answer is `notFound` — exactly what a missing record gets, so nothing leaks; inside it, PERMISSION_DENIED.
 */
export function assertWritable(ctx: Ctx, path: string, notFound: () => AppError): void {
  const access = accessOf(ctx.actor);
  if (canWrite(access, path)) return;
  if (!canRead(access, path)) throw notFound();
  const message = access.canWrite ? '您只能修改本组织的记录' : '您的角色只能查看，不能修改';
  throw new AppError('PERMISSION_DENIED', message, [{ code: 'PERMISSION_DENIED', field: 'orgCode', message }]);
}
