import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { readScoped } from '../access/scope.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { presentPublication, selectPublications } from './publication-records.js';
import { PUBLICITY_LABELS, publicationListQuery, type PublicationListQuery, type PublicationPageView } from './publicity.schema.js';

/** Pieces published by an organization's subtree (or everything the caller sees), newest first, filtered. */
export async function findPublications(ctx: Ctx, raw: PublicationListQuery): Promise<PublicationPageView> {
  const q = parseInput(publicationListQuery, raw, PUBLICITY_LABELS);
  const org = q.org !== undefined ? await getOrgRow(ctx, q.org, 'org') : null;
  let b = selectPublications(ctx);
  b = org ? b.where('o.path', '>=', org.path).where('o.path', '<', subtreeUpperBound(org.path)) : b.$call(readScoped(ctx, 'o.path'));
  if (q.mediumLevel) b = b.where('p.medium_level', '=', q.mediumLevel);
  if (q.form) b = b.where('p.form', '=', q.form);
  if (q.from) b = b.where('p.published_on', '>=', q.from);
  if (q.to) b = b.where('p.published_on', '<=', q.to);
  if (q.theme) {
    const pattern = `%${q.theme.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    b = b.where(sql<boolean>`p.theme like ${pattern} escape '\\'`);
  }
  const [rows, count] = await Promise.all([
    b.orderBy('p.published_on', 'desc').orderBy('p.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    b.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: rows.map(presentPublication) };
}
