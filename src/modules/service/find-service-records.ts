import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { readScoped } from '../access/scope.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { presentRecord, selectRecords, serviceRoot } from './service-find.js';
import { SERVICE_LABELS, serviceRecordQuery, type ServiceRecordList, type ServiceRecordQuery } from './service.schema.js';

export function dateOrder(from: string | undefined, to: string | undefined): void {
  if (from !== undefined && to !== undefined && from > to) {
    const message = `起始日期${from}晚于截止日期${to}`;
    throw new AppError('DATE_ORDER_INVALID', message, [{ code: 'DATE_ORDER_INVALID', field: 'to', message }]);
  }
}

/**
 * Service records of an organization's subtree (or of everything the caller sees), newest first, filtered by kind,
 * status, date (from/to on the date it happened) and member: one page and the total, two queries.
 */
export async function findServiceRecords(ctx: Ctx, raw: ServiceRecordQuery = {}): Promise<ServiceRecordList> {
  const q = parseInput(serviceRecordQuery, raw, SERVICE_LABELS);
  dateOrder(q.from, q.to);
  const { root } = await serviceRoot(ctx, q.org);
  const filtered = <T extends ReturnType<typeof selectRecords>>(qb: T): T => {
    let b = qb.$call(readScoped(ctx, 'o.path'));
    if (root !== null) b = b.where('o.path', '>=', root).where('o.path', '<', subtreeUpperBound(root));
    if (q.kind) b = b.where('s.kind', '=', q.kind);
    if (q.status) b = b.where('s.status', '=', q.status);
    if (q.from) b = b.where('s.happened_on', '>=', q.from);
    if (q.to) b = b.where('s.happened_on', '<=', q.to);
    if (q.memberId) b = b.where('s.membership_id', '=', q.memberId);
    return b as T;
  };
  const [rows, count] = await Promise.all([
    filtered(selectRecords(ctx)).orderBy('s.happened_on', 'desc').orderBy('s.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    filtered(selectRecords(ctx))
      .clearSelect()
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: rows.map(presentRecord) };
}
