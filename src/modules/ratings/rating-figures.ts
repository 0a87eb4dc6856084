/**
 * The rating figures of an organization's subtree for a reporting period (catalog ids of
 * ../shared/indicators/seed-indicator-ids.jsonl, plus weak_orgs_flagged and weak_orgs_in_rectification), and the
 * counts by scheme × grade for a year. Four queries (ratings, designations, 软弱涣散 cases, village organizations)
 * plus the organization's lookup and the schemes, whatever the size of the subtree.
 *
 * Decisions, stated once (repeated in each figure's computation text):
 * - A record counts for the organization it belongs to (org_id in the subtree); organizations are counted once
 *   however many records they have (evidence: the records' ids).
 * - Ratings count by the superior's decision date (decided_on); "at period end" means each organization's latest
 *   decided rating of a star scheme (星级) decided on or before the period's end.
 * - Designations count by 命名日期; one revoked on or before the period's end does not count (as for honors); a
 *   复核 (re-inspection) is not a new designation and counts only towards what is held at period end.
 * - Village organizations (村): 党总支, 党支部 and 联合党支部 of the 农村 sector established by the period's end.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { percent, type Figure, type FigureSet } from '../../shared/figures.js';
import { parsePeriod } from '../../shared/period.js';
import type { OrgKind } from '../../shared/vocab.js';
import { rootOf } from '../dues/dues-ledger.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { schemesByCode } from './rating-schemes.js';
import type { RatingBreakdownView } from './ratings.schema.js';

/** The organizations a village's party organization is (a township's 党委 of the 农村 sector is not one). */
export const VILLAGE_ORG_KINDS: readonly OrgKind[] = ['党总支', '党支部', '联合党支部'];
/** The organizations a "branch" figure counts (临时党支部 are not designated). */
export const BRANCH_ORG_KINDS: readonly OrgKind[] = ['党总支', '党支部', '联合党支部'];
export const MODEL_BRANCH_KINDS = ['示范党支部', '最强党支部', '双强党支部'] as const;

function subtree(root: string | null) {
  return root === null ? sql<boolean>`1 = 1` : sql<boolean>`o.path >= ${root} and o.path < ${subtreeUpperBound(root)}`;
}

const REVOKED = '期末前已撤销的不计';

export async function ratingFigures(ctx: Ctx, q: { orgCode?: string | undefined; period: string }): Promise<FigureSet> {
  const period = parsePeriod(q.period);
  const { root, org } = await rootOf(ctx, q.orgCode);
  const schemes = await schemesByCode(ctx);
  const [ratings, designations, cases, villages] = await Promise.all([
    ctx.db
      .selectFrom('ratings as r')
      .innerJoin('organizations as o', 'o.id', 'r.org_id')
      .select(['r.id', 'r.org_id', 'r.year', 'r.scheme_code', 'r.final_grade', 'r.decided_on'])
      .where(subtree(root))
      .where('r.decided_on', 'is not', null)
      .where('r.decided_on', '<=', period.end)
      .orderBy('r.id')
      .execute(),
    ctx.db
      .selectFrom('designations as d')
      .innerJoin('organizations as o', 'o.id', 'd.org_id')
      .select(['d.id', 'd.org_id', 'd.kind', 'd.action', 'd.designated_on', 'o.kind as org_kind', 'o.sector'])
      .where(subtree(root))
      .where('d.designated_on', '<=', period.end)
      .where((eb) => eb.or([eb('d.revoked_on', 'is', null), eb('d.revoked_on', '>', period.end)]))
      .orderBy('d.id')
      .execute(),
    ctx.db
      .selectFrom('weak_org_cases as w')
      .innerJoin('organizations as o', 'o.id', 'w.org_id')
      .select(['w.id', 'w.org_id', 'w.status', 'w.flagged_on', 'w.closed_on'])
      .where(subtree(root))
      .where('w.flagged_on', '<=', period.end)
      .orderBy('w.id')
      .execute(),
    ctx.db
      .selectFrom('organizations as o')
      .select(['o.id'])
      .where(subtree(root))
      .where('o.kind', 'in', [...VILLAGE_ORG_KINDS])
      .where('o.sector', '=', '农村')
      .where((eb) => eb.or([eb('o.established_on', 'is', null), eb('o.established_on', '<=', period.end)]))
      .orderBy('o.id')
      .execute(),
  ]);

  const inPeriod = (d: string | null) => d !== null && d >= period.start && d <= period.end;
  const orgs = <T extends { org_id: number }>(list: T[]) => new Set(list.map((r) => r.org_id)).size;
  const figure = (id: string, label: string, unit: string, table: string, list: { id: number }[], value: number | null, computation: string): Figure => ({
    id,
    label,
    unit,
    value,
    computation,
    evidence: { table, ids: list.map((r) => r.id) },
  });
  const orgCount = <T extends { id: number; org_id: number }>(id: string, label: string, table: string, list: T[], computation: string) =>
    figure(id, label, '个', table, list, orgs(list), computation);

  // Ratings.
  const graded = ratings.filter((r) => inPeriod(r.decided_on));
  const latestStar = new Map<number, (typeof ratings)[number]>();
  for (const r of ratings) {
    if (schemes.get(r.scheme_code)?.kind !== '星级') continue;
    const prev = latestStar.get(r.org_id);
    if (!prev || r.year > prev.year || (r.year === prev.year && r.decided_on! > prev.decided_on!)) latestStar.set(r.org_id, r);
  }
  const topGrade = [...latestStar.values()].filter((r) => r.final_grade === schemes.get(r.scheme_code)?.config.bands[0]?.grade);

  // Designations.
  const newIn = (kinds: readonly string[]) => designations.filter((d) => kinds.includes(d.kind) && d.action !== '复核' && inPeriod(d.designated_on));
  const standardizedVillages = designations.filter(
    (d) => d.kind === '标准化规范化达标' && d.sector === '农村' && (VILLAGE_ORG_KINDS as readonly string[]).includes(d.org_kind),
  );
  const villageIds = new Set(villages.map((v) => v.id));
  const standardizedVillageOrgs = new Set(standardizedVillages.filter((d) => villageIds.has(d.org_id)).map((d) => d.org_id));
  const branchesStandardized = newIn(['标准化规范化达标']).filter((d) => (BRANCH_ORG_KINDS as readonly string[]).includes(d.org_kind));
  const modelVillages = newIn(['党建示范村']);

  // 软弱涣散 cases.
  const rectified = cases.filter((c) => c.status === '已销号' && inPeriod(c.closed_on));
  const flagged = cases.filter((c) => inPeriod(c.flagged_on));
  const inRectification = cases.filter((c) => c.status === '整顿中' || (c.status === '已销号' && c.closed_on !== null && c.closed_on > period.end));

  const figures: Figure[] = [
    orgCount('orgs_graded', '完成分类定级（星级评定）的党组织', 'ratings', graded, '期内经上级评定（评定日期在期内）的党组织数，同一组织按多个方案评定的计1个'),
    orgCount(
      'top_grade_orgs',
      '评定为最高星级的党组织',
      'ratings',
      topGrade,
      `截至期末（${period.end}），各组织最近一次经上级评定的星级评定为该方案最高等次（如五星）的党组织数`,
    ),
    figure(
      'standardized_villages_share',
      '标准化规范化达标村占比',
      '%',
      'designations',
      standardizedVillages.filter((d) => villageIds.has(d.org_id)),
      percent(standardizedVillageOrgs.size, villages.length),
      `截至期末持有“标准化规范化达标”命名的村级党组织（农村的党总支、党支部、联合党支部）÷ 村级党组织总数（${villages.length}个）×100%；${REVOKED}`,
    ),
    orgCount('branches_standardized', '标准化规范化达标党支部', 'designations', branchesStandardized, `期内命名“标准化规范化达标”的党支部（含党总支）数，复核不计；${REVOKED}`),
    orgCount('model_branches_designated', '命名示范（最强、双强）党支部', 'designations', newIn(MODEL_BRANCH_KINDS), `期内命名的示范党支部、最强党支部、双强党支部数，复核不计；${REVOKED}`),
    orgCount('model_villages_built', '建成党建示范村', 'designations', modelVillages, `期内命名、新建或提升的党建示范村数，复核不计；${REVOKED}`),
    orgCount('model_villages_new', '新建党建示范村', 'designations', modelVillages.filter((d) => d.action === '新建'), `期内新建的党建示范村数；${REVOKED}`),
    orgCount('model_villages_upgraded', '提升党建示范村', 'designations', modelVillages.filter((d) => d.action === '提升'), `期内提升的党建示范村数；${REVOKED}`),
    orgCount('weak_orgs_flagged', '排查列入软弱涣散整顿的党组织', 'weak_org_cases', flagged, '期内列入软弱涣散排查（数据提示、上级认定、自查）的党组织数，含后来不予认定的'),
    orgCount(
      'weak_orgs_in_rectification',
      '正在整顿的软弱涣散党组织',
      'weak_org_cases',
      inRectification,
      `期末（${period.end}）处于整顿中的软弱涣散党组织数（现为整顿中，或期末后才销号的）`,
    ),
    orgCount('weak_orgs_rectified', '整顿销号的软弱涣散党组织', 'weak_org_cases', rectified, '期内整顿完成、经上级销号（销号日期在期内）的党组织数'),
  ];
  return { org, period, figures };
}

/** Decided ratings of a year by scheme × final grade (grades from the top down), and those awaiting a decision. */
export async function ratingBreakdown(ctx: Ctx, q: { orgCode?: string | undefined; year: number }): Promise<RatingBreakdownView> {
  const { root, org } = await rootOf(ctx, q.orgCode);
  const [schemes, groups] = await Promise.all([
    schemesByCode(ctx),
    ctx.db
      .selectFrom('ratings as r')
      .innerJoin('organizations as o', 'o.id', 'r.org_id')
      .select(['r.scheme_code', 'r.final_grade', sql<number>`count(*)`.as('n'), sql<number>`sum(case when r.decided_on is null then 1 else 0 end)`.as('pending')])
      .where(subtree(root))
      .where('r.year', '=', q.year)
      .groupBy(['r.scheme_code', 'r.final_grade'])
      .execute(),
  ]);
  const codes = [...new Set(groups.map((g) => g.scheme_code))].sort((a, b) => [...schemes.keys()].indexOf(a) - [...schemes.keys()].indexOf(b));
  return {
    org,
    year: q.year,
    schemes: codes.map((code) => {
      const s = schemes.get(code);
      const mine = groups.filter((g) => g.scheme_code === code);
      const order = [...(s?.config.bands.map((b) => b.grade) ?? []), '不定级'];
      const rank = (g: string) => (order.includes(g) ? order.indexOf(g) : order.length);
      const counts = new Map<string, number>();
      for (const g of mine) if (g.final_grade !== null) counts.set(g.final_grade, (counts.get(g.final_grade) ?? 0) + Number(g.n) - Number(g.pending));
      const grades = [...counts]
        .filter(([, n]) => n > 0)
        .sort((a, b) => rank(a[0]) - rank(b[0]))
        .map(([grade, count]) => ({ grade, count }));
      return {
        code,
        name: s?.name ?? code,
        kind: s?.kind ?? '',
        grades,
        decided: grades.reduce((t, g) => t + g.count, 0),
        pending: mine.reduce((t, g) => t + Number(g.pending), 0),
      };
    }),
  };
}
