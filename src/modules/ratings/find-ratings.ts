import type { Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { accessOf } from '../access/actor.js';
import { readScoped } from '../access/scope.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { quotaChecks } from './rating-quotas.js';
import { presentRating, selectRatings } from './rating-records.js';
import { getRatingScheme, schemesByCode } from './rating-schemes.js';
import { RATING_LABELS, ratingListQuery, type RatingListQuery, type RatingPageView } from './ratings.schema.js';

/**
 * Ratings of an organization's subtree (or everything the caller sees), latest year first then by organization,
 * filtered by year, scheme, final grade and whether decided. Asked for one year and one scheme, the answer also
 * checks each grade's quota over that subtree.
 */
export async function findRatings(ctx: Ctx, raw: RatingListQuery): Promise<RatingPageView> {
  const q = parseInput(ratingListQuery, raw, RATING_LABELS);
  const org = q.org !== undefined ? await getOrgRow(ctx, q.org, 'org') : null;
  const scheme = q.scheme !== undefined ? await getRatingScheme(ctx, q.scheme, 'scheme') : null;
  const filter = (b: ReturnType<typeof selectRatings>) => {
    b = org ? b.where('o.path', '>=', org.path).where('o.path', '<', subtreeUpperBound(org.path)) : b.$call(readScoped(ctx, 'o.path'));
    if (q.year !== undefined) b = b.where('r.year', '=', q.year);
    if (scheme) b = b.where('r.scheme_code', '=', scheme.code);
    if (q.grade !== undefined) b = b.where('r.final_grade', '=', q.grade);
    if (q.decided === true) b = b.where('r.decided_on', 'is not', null);
    if (q.decided === false) b = b.where('r.decided_on', 'is', null);
    return b;
  };
  const [rows, count, schemes] = await Promise.all([
    filter(selectRatings(ctx)).orderBy('r.year', 'desc').orderBy('o.path').orderBy('r.scheme_code').limit(q.limit).offset(q.offset).execute(),
    filter(selectRatings(ctx)).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    schemesByCode(ctx),
  ]);
  const items = rows.flatMap((r) => {
    const s = schemes.get(r.scheme_code);
    return s ? [presentRating(r, s)] : [];
  });
  const quotas =
    scheme && q.year !== undefined
      ? await quotaChecks(ctx, { root: org ? org.path : accessOf(ctx.actor).readRoot, where: `${org?.name ?? '全部组织'}范围内${q.year}年`, year: q.year, scheme })
      : [];
  return { total: Number(count.n), items, quotas };
}
