import type { Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { readScoped } from '../access/scope.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { presentDesignation, selectDesignations } from './designation-records.js';
import { RATING_LABELS, designationListQuery, type DesignationListQuery, type DesignationPageView } from './ratings.schema.js';

/** Designations of an organization's subtree (or all the caller sees), newest first; `active` leaves revoked ones out. */
export async function findDesignations(ctx: Ctx, raw: DesignationListQuery): Promise<DesignationPageView> {
  const q = parseInput(designationListQuery, raw, RATING_LABELS);
  const org = q.org !== undefined ? await getOrgRow(ctx, q.org, 'org') : null;
  const filter = (b: ReturnType<typeof selectDesignations>) => {
    b = org ? b.where('o.path', '>=', org.path).where('o.path', '<', subtreeUpperBound(org.path)) : b.$call(readScoped(ctx, 'o.path'));
    if (q.kind !== undefined) b = b.where('d.kind', '=', q.kind);
    if (q.action !== undefined) b = b.where('d.action', '=', q.action);
    if (q.level !== undefined) b = b.where('d.level', '=', q.level);
    if (q.from !== undefined) b = b.where('d.designated_on', '>=', q.from);
    if (q.to !== undefined) b = b.where('d.designated_on', '<=', q.to);
    if (q.active === true) b = b.where('d.revoked_on', 'is', null);
    if (q.active === false) b = b.where('d.revoked_on', 'is not', null);
    return b;
  };
  const [rows, count] = await Promise.all([
    filter(selectDesignations(ctx)).orderBy('d.designated_on', 'desc').orderBy('d.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    filter(selectDesignations(ctx)).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: rows.map(presentDesignation) };
}
