/**
 * Ratings, 软弱涣散 cases and designations of the demo county (分类定级, 星级, 软弱涣散整顿, 示范命名). Every standing
 * branch is graded each year under the central pattern (支部自评 + 党员群众测评 + 上级评定; about 好 30%, 较好 45%,
 * 一般 20%, 较差 5%), decided by its superior early the next year; the 两新 and state-firm branches are also starred
 * under the five-star scheme. Each year the 较差 branches and a few the data flag (数据提示) become 软弱涣散 cases with a
 * plan, a leader and a deadline, closed out (销号) around the year's end, a few not confirmed (不予认定). Designations:
 * 标准化规范化达标 for most village and community organizations, 示范党支部 among the 好 ones (one revoked after a
 * review), 五星级党组织, 党建示范村 新建 and 提升, a 市级“最强党支部”. Pure and deterministic.
 */
import { addDays, toIso, type IsoDate } from '../../shared/dates.js';
import { BUILTIN_SCHEMES, CENTRAL_SCHEME_CODE, STAR_SCHEME_CODE } from '../ratings/builtin-schemes.js';
import { computeGrade } from '../ratings/rating-grade.js';
import type { SchemeConfig } from '../ratings/ratings.schema.js';
import type { OrgPlan } from './demo-types.js';
import type { Planned, SupervisionScope } from './supervision-scope.js';
import { unitName } from './supervision-scope.js';
import { minDate, Rng } from './rng.js';

export type RatingPlan = Planned<'ratings'>;
export type WeakCasePlan = Planned<'weak_org_cases'>;
export type DesignationPlan = Planned<'designations'>;

export interface DemoRatings {
  ratings: RatingPlan[];
  weakCases: WeakCasePlan[];
  designations: DesignationPlan[];
}

const CENTRAL = BUILTIN_SCHEMES.find((s) => s.code === CENTRAL_SCHEME_CODE)!.config;
const STAR = BUILTIN_SCHEMES.find((s) => s.code === STAR_SCHEME_CODE)!.config;
const STAR_SECTORS = new Set(['非公有制企业', '社会组织', '国有企业']);
/** The share of each grade, from the bottom; and the score (as a share of the total) it is drawn around. */
const CENTRAL_GRADES: readonly (readonly [grade: string, share: number, low: number, high: number])[] = [
  ['较差', 0.05, 0.46, 0.58], ['一般', 0.2, 0.63, 0.78], ['较好', 0.45, 0.81, 0.89], ['好', 0.3, 0.905, 0.975],
];
const STAR_GRADES: readonly (readonly [grade: string, share: number, low: number, high: number])[] = [
  ['一星', 0.05, 0.45, 0.53], ['二星', 0.2, 0.56, 0.62], ['三星', 0.38, 0.65, 0.71], ['四星', 0.28, 0.74, 0.8], ['五星', 0.09, 0.83, 0.89],
];
const REASONS = {
  poor: '上年度分类定级为“较差”',
  orglife: '未按规定开展“三会一课”、主题党日',
  secretary: '党组织书记空缺超过3个月',
  development: '连续两年未确定发展对象',
  dues: '多名党员欠交党费超过6个月',
  rectification: '巡察反馈问题整改不到位',
} as const;

/** Per-indicator points around `ratio` of each maximum, one decimal. */
function scoresFor(rng: Rng, config: SchemeConfig, ratio: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of config.indicators) out[i.key] = Math.max(0, Math.min(i.max, Math.round(i.max * ratio * (1 + (rng.next() - 0.5) * 0.06) * 10) / 10));
  return out;
}
const total = (s: Record<string, number>) => Math.round(Object.values(s).reduce((a, b) => a + b, 0) * 10) / 10;

export function buildRatings(scope: SupervisionScope): DemoRatings {
  const { frame, county, byCode, branches, villages } = scope;
  const out: DemoRatings = { ratings: [], weakCases: [], designations: [] };
  const end = frame.end;
  const superiorOf = (o: OrgPlan) => (o.parentCode ? byCode.get(o.parentCode)! : county);
  /** The grade of a branch in a year: mostly its own standing (a stable draw), now and then another. */
  const band = <T extends readonly (readonly [string, number, number, number])[]>(table: T, code: string, year: number, label: string) => {
    const rng = Rng.derive(frame.seed, `${label}:${code}:${year}`);
    const u = rng.chance(0.75) ? Rng.derive(frame.seed, `${label}:${code}`).next() : rng.next();
    let acc = 0;
    for (const row of table) if (u < (acc += row[1])) return { row, rng };
    return { row: table[table.length - 1]!, rng };
  };
  const poorOf = new Map<number, Set<string>>();
  const starOf = new Map<number, Map<string, string>>();

  for (let year = frame.fromYear - 1; year < frame.toYear; year++) {
    const decidedBase = toIso(year + 1, 1, 15);
    if (decidedBase > end) continue;
    const poor = new Set<string>();
    const stars = new Map<string, string>();
    poorOf.set(year, poor);
    starOf.set(year, stars);
    for (const b of branches) {
      if (b.establishedOn > toIso(year, 9, 30)) continue;
      const superior = superiorOf(b);
      const { row, rng } = band(CENTRAL_GRADES, b.code, year, 'rating');
      const final = scoresFor(rng, CENTRAL, row[2] + rng.next() * (row[3] - row[2]));
      const self = Object.fromEntries(Object.entries(final).map(([k, v]) => [k, Math.min(CENTRAL.indicators.find((i) => i.key === k)!.max, Math.round((v + rng.next() * 1.2) * 10) / 10)]));
      const satisfaction = Math.round((row[0] === '好' || row[0] === '较好' ? 90 + rng.next() * 9 : row[0] === '一般' ? 82 + rng.next() * 14 : 62 + rng.next() * 25) * 10) / 10;
      const finalScore = total(final);
      const selfScore = total(self);
      const grade = computeGrade(CENTRAL, { score: finalScore, publicSatisfaction: satisfaction }).grade;
      if (grade === '较差') poor.add(b.code);
      const decidedOn = minDate(end, addDays(decidedBase, rng.int(0, 40)));
      out.ratings.push({
        orgCode: b.code, year, scheme_code: CENTRAL_SCHEME_CODE, self_score: selfScore, self_grade: computeGrade(CENTRAL, { score: selfScore, publicSatisfaction: satisfaction }).grade,
        member_score: Math.round(Math.min(100, finalScore + (rng.next() - 0.3) * 6) * 10) / 10, public_satisfaction: satisfaction, final_score: finalScore, final_grade: grade,
        scores: JSON.stringify({ self, final }), vetoes: JSON.stringify({ hit: [], met: [] }), decided_on: decidedOn, decided_by: superior.name, note: null,
      });
      if (!STAR_SECTORS.has(b.sector)) continue;
      const star = band(STAR_GRADES, b.code, year, 'star');
      const starScores = scoresFor(star.rng, STAR, star.row[2] + star.rng.next() * (star.row[3] - star.row[2]));
      const starScore = total(starScores);
      const met = star.row[0] === '五星' || star.rng.chance(0.2) ? ['innovation_project'] : [];
      const starGrade = computeGrade(STAR, { score: starScore, items: met }).grade;
      stars.set(b.code, starGrade);
      out.ratings.push({
        orgCode: b.code, year, scheme_code: STAR_SCHEME_CODE, self_score: starScore, self_grade: starGrade, member_score: null, public_satisfaction: null, final_score: starScore,
        final_grade: starGrade, scores: JSON.stringify({ self: starScores, final: null }), vetoes: JSON.stringify({ hit: [], met }), decided_on: decidedOn, decided_by: superior.name, note: null,
      });
    }
  }

  // 软弱涣散: the 较差 branches of last year's grading, and a few the data flag.
  for (let year = frame.fromYear; year <= frame.toYear; year++) {
    const flagged = toIso(year, 3, 10);
    if (flagged > end) continue;
    const rng = Rng.derive(frame.seed, `weak:${year}`);
    const poor = [...(poorOf.get(year - 1) ?? [])];
    // A small county may have no 较差 branch in a year: the superior then names the lowest-scored one.
    const rated = out.ratings.filter((r) => r.year === year - 1 && r.scheme_code === CENTRAL_SCHEME_CODE);
    if (poor.length === 0 && rated.length > 0) poor.push(rated.reduce((a, b) => (b.final_score! < a.final_score! ? b : a)).orgCode);
    const flaggedByData = rng.sample(branches.filter((b) => !poor.includes(b.code) && b.establishedOn < flagged), Math.max(1, Math.round(branches.length * 0.012)));
    for (const [i, code] of [...poor, ...flaggedByData.map((b) => b.code)].entries()) {
      const byData = i >= poor.length;
      const reasons = byData
        ? rng.sample(['orglife', 'secretary', 'development', 'dues', 'rectification'] as const, rng.int(1, 2))
        : ['poor' as const, ...rng.sample(['orglife', 'development', 'rectification'] as const, rng.int(0, 1))];
      const on = addDays(flagged, rng.int(0, 20));
      const leader = scope.countyLeader(rng.int(0, 8));
      const base = {
        orgCode: code, year, source: byData ? '数据提示' : '上级认定', reasons: JSON.stringify(reasons.map((r) => ({ code: r, text: REASONS[r] }))), flagged_on: on, closed_by: null as string | null,
      };
      if (byData && rng.chance(0.4)) {
        const late = year === frame.toYear && rng.chance(0.3);
        out.weakCases.push({ ...base, status: late ? '待研判' : '不予认定', plan: null, leader_name: null, deadline: null, closed_on: null, note: late ? null : '经研判，已整改到位，不予认定' });
        continue;
      }
      const deadline = toIso(year, 12, 15);
      const closedOn = addDays(deadline, rng.int(-40, 90));
      const closed = closedOn <= end && (i === 0 || rng.chance(0.92));
      out.weakCases.push({
        ...base, status: closed ? '已销号' : '整顿中', plan: `选优配强班子，${rng.pick(['县领导包联', '乡镇党委书记包联'])}，落实“一村一策”整顿措施，${rng.pick(['规范组织生活', '发展壮大集体经济', '化解矛盾纠纷', '健全议事决策机制'])}`,
        leader_name: leader, deadline, closed_on: closed ? closedOn : null, closed_by: closed ? '县委组织部' : null, note: null,
      });
    }
  }

  // Designations.
  const add = (o: OrgPlan, d: Omit<DesignationPlan, 'orgCode' | 'revoked_on' | 'note'> & Partial<DesignationPlan>) => {
    if (d.designated_on <= end && o.establishedOn <= d.designated_on) out.designations.push({ orgCode: o.code, revoked_on: null, note: null, ...d });
  };
  const good = (year: number) => out.ratings.filter((r) => r.year === year && r.scheme_code === CENTRAL_SCHEME_CODE && r.final_grade === '好').map((r) => byCode.get(r.orgCode)!);
  let revoked = false;
  for (let year = frame.fromYear; year <= frame.toYear; year++) {
    const rng = Rng.derive(frame.seed, `designations:${year}`);
    const june = toIso(year, 6, rng.int(20, 28)) as IsoDate;
    const share = year === frame.fromYear ? 0.6 : 0.2;
    const standardized = new Set(out.designations.filter((d) => d.kind === '标准化规范化达标').map((d) => d.orgCode));
    for (const v of villages) {
      if (!standardized.has(v.code) && rng.chance(share)) add(v, { title: `${year}年度基层党组织标准化规范化建设达标单位`, kind: '标准化规范化达标', action: '命名', level: '县级', designated_on: june });
    }
    const models = rng.sample(good(year - 1), Math.max(1, Math.round(branches.length * 0.04)));
    for (const o of models) add(o, { title: '县级示范党支部', kind: '示范党支部', action: '命名', level: '县级', designated_on: june });
    for (const [code, grade] of starOf.get(year - 1) ?? []) {
      if (grade === '五星') add(byCode.get(code)!, { title: '五星级党组织', kind: '星级党组织', action: '命名', level: '县级', designated_on: toIso(year, 4, 20) });
    }
    for (const v of rng.sample(villages, 3)) add(v, { title: `${unitName(v, frame.county.name)}党建示范村`, kind: '党建示范村', action: '新建', level: '县级', designated_on: toIso(year, 11, 10) });
    const earlier = out.designations.filter((d) => d.kind === '党建示范村' && d.designated_on < toIso(year, 1, 1));
    for (const d of rng.sample(earlier, 2)) add(byCode.get(d.orgCode)!, { title: d.title, kind: '党建示范村', action: '提升', level: '县级', designated_on: toIso(year, 11, 10) });
    if (models.length > 0) add(rng.pick(models), { title: '“最强党支部”', kind: '最强党支部', action: '命名', level: '市（州）级', designated_on: toIso(year, 7, 1) });
    // A review of the earlier 示范党支部 names; one did not hold up.
    const reviewOn = toIso(year, 9, 15);
    const earlierModels = out.designations.filter((d) => d.kind === '示范党支部' && d.level === '县级' && d.action === '命名' && d.designated_on < toIso(year, 1, 1));
    if (!revoked && earlierModels.length > 0 && reviewOn <= end) {
      const stillGood = new Set(good(year - 1).map((o) => o.code));
      const gone = earlierModels.find((d) => !stillGood.has(d.orgCode)) ?? earlierModels[0]!;
      gone.revoked_on = reviewOn;
      gone.note = '复核未通过，撤销命名';
      revoked = true;
    }
  }
  return out;
}
