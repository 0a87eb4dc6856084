import type { Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { readScoped } from '../access/scope.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { presentDisclosure, selectDisclosures } from './disclosure-records.js';
import { DISCLOSURE_LABELS, disclosureListQuery, type DisclosureListQuery, type DisclosurePageView } from './disclosures.schema.js';

/**
 * Disclosures of an organization's subtree (or everything the caller sees), newest proposal first, filtered by item,
 * category, workflow status and the dates proposed.
 */
export async function findDisclosures(ctx: Ctx, raw: DisclosureListQuery): Promise<DisclosurePageView> {
  const q = parseInput(disclosureListQuery, raw, DISCLOSURE_LABELS);
  const org = q.org !== undefined ? await getOrgRow(ctx, q.org, 'org') : null;
  let b = selectDisclosures(ctx);
  b = org ? b.where('o.path', '>=', org.path).where('o.path', '<', subtreeUpperBound(org.path)) : b.$call(readScoped(ctx, 'o.path'));
  if (q.itemId !== undefined) b = b.where('d.item_id', '=', q.itemId);
  if (q.category) b = b.where('i.category', '=', q.category);
  if (q.from) b = b.where('d.proposed_on', '>=', q.from);
  if (q.to) b = b.where('d.proposed_on', '<=', q.to);
  switch (q.status) {
    case '待审核':
      b = b.where('d.reviewed_on', 'is', null);
      break;
    case '待审批':
      b = b.where('d.reviewed_on', 'is not', null).where('d.approved_on', 'is', null);
      break;
    case '待公开':
      b = b.where('d.approved_on', 'is not', null).where('d.published_on', 'is', null);
      break;
    case '已公开':
      b = b.where('d.published_on', 'is not', null);
      break;
    case undefined:
      break;
  }
  const [rows, count] = await Promise.all([
    b.orderBy('d.proposed_on', 'desc').orderBy('d.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    b.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: rows.map(presentDisclosure) };
}
