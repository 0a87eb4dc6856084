import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { readScoped } from '../access/scope.js';
import { loadMember } from '../members/find-members.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { presentHonor, selectHonors } from './honor-records.js';
import { HONOR_LABELS, honorListQuery, type HonorListQuery, type HonorPageView, type HonorView } from './honors.schema.js';

/**
 * Honors recorded in an organization's subtree (or everything the caller sees), newest first, filtered by kind,
 * recipient kind, level, a part of the title and the dates awarded. Revoked honors are listed with their status.
 */
export async function findHonors(ctx: Ctx, raw: HonorListQuery): Promise<HonorPageView> {
  const q = parseInput(honorListQuery, raw, HONOR_LABELS);
  const org = q.org !== undefined ? await getOrgRow(ctx, q.org, 'org') : null;
  const filter = <T extends ReturnType<typeof selectHonors> | ReturnType<typeof countHonors>>(qb: T): T => {
    let b = qb as ReturnType<typeof selectHonors>;
    b = org ? b.where('o.path', '>=', org.path).where('o.path', '<', subtreeUpperBound(org.path)) : b.$call(readScoped(ctx, 'o.path'));
    if (q.kind) b = b.where('h.kind', '=', q.kind);
    if (q.recipientKind) b = b.where('h.recipient_kind', '=', q.recipientKind);
    if (q.level) b = b.where('h.level', '=', q.level);
    if (q.from) b = b.where('h.awarded_on', '>=', q.from);
    if (q.to) b = b.where('h.awarded_on', '<=', q.to);
    if (q.title) {
      const pattern = `%${q.title.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      b = b.where(sql<boolean>`h.title like ${pattern} escape '\\'`);
    }
    return b as T;
  };
  const [rows, count] = await Promise.all([
    filter(selectHonors(ctx)).orderBy('h.awarded_on', 'desc').orderBy('h.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    filter(countHonors(ctx)).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: rows.map(presentHonor) };
}

function countHonors(ctx: Ctx) {
  return ctx.db
    .selectFrom('honors as h')
    .innerJoin('organizations as o', 'o.id', 'h.org_id')
    .leftJoin('organizations as r', 'r.id', 'h.recipient_org_id')
    .select((eb) => eb.fn.countAll<number>().as('n'));
}

/**
 * A member's honors (a member the caller sees), oldest first. Each honor stays under the organization it was recorded
 * in, so after a transfer those recorded outside the caller's scope are not shown.
 */
export async function memberHonors(ctx: Ctx, memberId: number): Promise<HonorView[]> {
  await loadMember(ctx, memberId);
  const rows = await selectHonors(ctx)
    .where('h.membership_id', '=', memberId)
    .$call(readScoped(ctx, 'o.path'))
    .orderBy('h.awarded_on')
    .orderBy('h.id')
    .execute();
  return rows.map(presentHonor);
}
