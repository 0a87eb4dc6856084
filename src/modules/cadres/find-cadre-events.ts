import type { Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { readScoped } from '../access/scope.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { presentCadreEvent, selectCadreEvents } from './cadre-records.js';
import { CADRE_LABELS, cadreEventListQuery, type CadreEventListQuery, type CadreEventPageView } from './cadres.schema.js';

/** Cadre events of an organization's subtree (or everything the caller sees), newest first, filtered. */
export async function findCadreEvents(ctx: Ctx, raw: CadreEventListQuery): Promise<CadreEventPageView> {
  const q = parseInput(cadreEventListQuery, raw, CADRE_LABELS);
  const org = q.org !== undefined ? await getOrgRow(ctx, q.org, 'org') : null;
  let b = selectCadreEvents(ctx);
  b = org ? b.where('o.path', '>=', org.path).where('o.path', '<', subtreeUpperBound(org.path)) : b.$call(readScoped(ctx, 'o.path'));
  if (q.kind) b = b.where('c.kind', '=', q.kind);
  if (q.subkind) b = b.where('c.subkind', '=', q.subkind);
  if (q.batch) b = b.where('c.batch', '=', q.batch);
  if (q.from) b = b.where('c.happened_on', '>=', q.from);
  if (q.to) b = b.where('c.happened_on', '<=', q.to);
  const [rows, count] = await Promise.all([
    b.orderBy('c.happened_on', 'desc').orderBy('c.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    b.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: rows.map(presentCadreEvent) };
}
