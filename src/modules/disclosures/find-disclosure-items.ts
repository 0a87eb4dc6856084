import type { Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { accessOf } from '../access/actor.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { pathsUpTo } from './disclosure-rules.js';
import { presentItem, selectItems } from './disclosure-records.js';
import { DISCLOSURE_LABELS, disclosureItemListQuery, type DisclosureItemView } from './disclosures.schema.js';

/**
 * The catalogue items that concern an organization (or the caller's whole scope): those defined by it or above it
 * (they apply to it) and those defined under it, in the order of the tree, then category and name.
 */
export async function findDisclosureItems(ctx: Ctx, raw: { org?: string | undefined } = {}): Promise<DisclosureItemView[]> {
  const q = parseInput(disclosureItemListQuery, raw, DISCLOSURE_LABELS);
  const root = q.org !== undefined ? (await getOrgRow(ctx, q.org, 'org')).path : accessOf(ctx.actor).readRoot;
  let query = selectItems(ctx);
  if (root !== null) {
    query = query.where((eb) =>
      eb.or([eb('o.path', 'in', pathsUpTo(root)), eb.and([eb('o.path', '>=', root), eb('o.path', '<', subtreeUpperBound(root))])]),
    );
  }
  const rows = await query.orderBy('o.path').orderBy('i.category').orderBy('i.id').execute();
  return rows.map(presentItem);
}
