/**
 * The pure parts of a rating: checking a scheme's configuration, reading per-indicator scores against it, and
 * computing a grade from a score, the bands, the veto items and the extra conditions; and the quota check.
 * No database and no zod here (shared by the services, import, the unit tests and the web UI's rating form).
 */
import { issue, type FieldIssue } from '../../shared/errors.js';
import { percent } from '../../shared/percent.js';
import { NOT_GRADED } from './rating-constants.js';
import type { SchemeConfig } from './ratings.schema.js';

const EPSILON = 1e-9;

/** Rounds points to two decimals (scores are entered to at most one or two). */
export function roundPoints(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The checks a scheme must pass beyond its shape: bands from the top grade down with strictly falling minimums, the
 * last at 0 (every score has a grade) and none above the total; indicator points summing to the total; keys and
 * grades unique; quotas, vetoes and conditions naming grades of the bands.
 */
export function checkSchemeConfig(c: SchemeConfig, field = 'config'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const grades = c.bands.map((b) => b.grade);
  const known = new Set(grades);
  const dup = (list: string[]) => list.find((v, i) => list.indexOf(v) !== i);
  const d1 = dup(grades);
  if (d1) issues.push(issue('FIELD_INVALID', `${field}.bands`, `等次分数线：等次“${d1}”重复`));
  if (known.has(NOT_GRADED)) issues.push(issue('FIELD_INVALID', `${field}.bands`, `等次分数线：“${NOT_GRADED}”为保留字，不能作等次名称`));
  for (let i = 1; i < c.bands.length; i++) {
    if (!(c.bands[i]!.min < c.bands[i - 1]!.min)) {
      issues.push(issue('FIELD_INVALID', `${field}.bands`, `等次分数线：应从高到低排列，“${c.bands[i]!.grade}”的分数线${c.bands[i]!.min}不低于“${c.bands[i - 1]!.grade}”的${c.bands[i - 1]!.min}`));
      break;
    }
  }
  const last = c.bands[c.bands.length - 1]!;
  if (last.min !== 0) issues.push(issue('FIELD_INVALID', `${field}.bands`, `等次分数线：最低等次“${last.grade}”的分数线应为0（每个得分都有等次）`));
  if (c.bands[0]!.min > c.total) issues.push(issue('FIELD_INVALID', `${field}.bands`, `等次分数线：“${c.bands[0]!.grade}”的分数线${c.bands[0]!.min}高于总分${c.total}`));

  const sum = roundPoints(c.indicators.reduce((s, i) => s + i.max, 0));
  if (Math.abs(sum - c.total) > EPSILON) issues.push(issue('FIELD_INVALID', `${field}.indicators`, `评价指标：各项分值合计${sum}，与总分${c.total}不一致`));
  const d2 = dup(c.indicators.map((i) => i.key));
  if (d2) issues.push(issue('FIELD_INVALID', `${field}.indicators`, `评价指标：代码“${d2}”重复`));
  const d3 = dup(c.indicators.map((i) => i.name));
  if (d3) issues.push(issue('FIELD_INVALID', `${field}.indicators`, `评价指标：名称“${d3}”重复`));

  const d4 = dup(c.quotas.map((q) => q.grade));
  if (d4) issues.push(issue('FIELD_INVALID', `${field}.quotas`, `等次比例上限：等次“${d4}”重复`));
  for (const q of c.quotas) if (!known.has(q.grade)) issues.push(issue('FIELD_INVALID', `${field}.quotas`, `等次比例上限：等次“${q.grade}”不在等次分数线中`));
  const d5 = dup(c.vetoes.map((v) => v.key));
  if (d5) issues.push(issue('FIELD_INVALID', `${field}.vetoes`, `否决事项：代码“${d5}”重复`));
  for (const v of c.vetoes) {
    if (v.capAt !== null && !known.has(v.capAt)) issues.push(issue('FIELD_INVALID', `${field}.vetoes`, `否决事项“${v.text}”：封顶等次“${v.capAt}”不在等次分数线中`));
  }
  for (const cond of c.conditions) {
    const named = cond.kind === 'satisfaction' ? cond.notGrades : cond.grades;
    for (const g of named) if (!known.has(g)) issues.push(issue('FIELD_INVALID', `${field}.conditions`, `附加条件“${cond.text}”：等次“${g}”不在等次分数线中`));
    if (named.includes(last.grade)) issues.push(issue('FIELD_INVALID', `${field}.conditions`, `附加条件“${cond.text}”：不能限制最低等次“${last.grade}”`));
  }
  const items = c.conditions.flatMap((x) => (x.kind === 'requires' ? [x.item] : []));
  const d6 = dup(items);
  if (d6) issues.push(issue('FIELD_INVALID', `${field}.conditions`, `附加条件：事项“${d6}”重复`));
  const clash = items.find((i) => c.vetoes.some((v) => v.key === i));
  if (clash) issues.push(issue('FIELD_INVALID', `${field}.conditions`, `附加条件：事项“${clash}”与否决事项代码相同`));
  return issues;
}

/**
 * Per-indicator scores against the scheme, by indicator key or Chinese name: every indicator scored, none twice or
 * unknown, none above its points. Returns the scores by key (in the scheme's order) and the issues.
 */
export function readScores(c: SchemeConfig, raw: Record<string, number>, field = 'scores'): { scores: Record<string, number>; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const scores: Record<string, number> = {};
  const given = new Map<string, number>();
  for (const [name, value] of Object.entries(raw)) {
    const ind = c.indicators.find((i) => i.key === name || i.name === name);
    if (!ind) {
      issues.push(issue('FIELD_INVALID', field, `各项得分：“${name}”不是本方案的评价指标（${c.indicators.map((i) => i.name).join('、')}）`));
      continue;
    }
    if (given.has(ind.key)) {
      issues.push(issue('FIELD_INVALID', field, `各项得分：“${ind.name}”填了两次`));
      continue;
    }
    given.set(ind.key, value);
    if (value > ind.max + EPSILON) issues.push(issue('FIELD_INVALID', field, `各项得分：“${ind.name}”${value}分，超过该项分值${ind.max}分`));
  }
  const missing = c.indicators.filter((i) => !given.has(i.key));
  if (missing.length > 0) issues.push(issue('FIELD_REQUIRED', field, `各项得分：缺少${missing.map((i) => `“${i.name}”`).join('、')}的得分`));
  for (const ind of c.indicators) if (given.has(ind.key)) scores[ind.key] = roundPoints(given.get(ind.key)!);
  return { scores, issues };
}

export function totalOf(scores: Record<string, number>): number {
  return roundPoints(Object.values(scores).reduce((s, v) => s + v, 0));
}

/** Veto keys (or their texts) and required items (or their texts) against the scheme, as keys. */
export function readKeys(
  c: SchemeConfig,
  raw: { vetoes?: string[] | null | undefined; items?: string[] | null | undefined },
): { vetoes: string[]; items: string[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const vetoes: string[] = [];
  for (const v of raw.vetoes ?? []) {
    const veto = c.vetoes.find((x) => x.key === v || x.text === v);
    if (!veto) issues.push(issue('FIELD_INVALID', 'vetoes', `否决事项：“${v}”不是本方案的否决事项${c.vetoes.length ? `（${c.vetoes.map((x) => x.key).join('、')}）` : '（本方案未设否决事项）'}`));
    else if (!vetoes.includes(veto.key)) vetoes.push(veto.key);
  }
  const required = c.conditions.flatMap((x) => (x.kind === 'requires' ? [x] : []));
  const items: string[] = [];
  for (const v of raw.items ?? []) {
    const item = required.find((x) => x.item === v || x.itemText === v);
    if (!item) issues.push(issue('FIELD_INVALID', 'items', `具备事项：“${v}”不是本方案的附加条件事项${required.length ? `（${required.map((x) => x.item).join('、')}）` : '（本方案未设）'}`));
    else if (!items.includes(item.item)) items.push(item.item);
  }
  return { vetoes, items, issues };
}

export interface GradeFacts {
  score: number;
  publicSatisfaction?: number | null | undefined;
  vetoes?: readonly string[] | undefined;
  items?: readonly string[] | undefined;
}

export interface ComputedGrade {
  /** A grade of the bands, or NOT_GRADED when a veto excludes the organization. */
  grade: string;
  /** The grade by the bands alone. */
  bandGrade: string;
  /** How the veto items and the conditions moved it, in Chinese. */
  reasons: string[];
}

/**
 * The grade a score earns under the scheme: the highest band whose minimum the score reaches; then each veto hit
 * caps it (or excludes the organization: 不定级); then each condition that forbids the grade moves it down to the
 * next band it allows (群众满意率 below the line; a required item not affirmed), repeated until nothing moves it.
 * A satisfaction condition is not applied while the satisfaction is unknown (said in the reasons).
 */
export function computeGrade(c: SchemeConfig, f: GradeFacts): ComputedGrade {
  const grades = c.bands.map((b) => b.grade);
  let index = c.bands.findIndex((b) => f.score + EPSILON >= b.min);
  if (index < 0) index = c.bands.length - 1;
  const bandGrade = grades[index]!;
  const reasons: string[] = [];
  for (const key of f.vetoes ?? []) {
    const veto = c.vetoes.find((v) => v.key === key);
    if (!veto) continue;
    if (veto.capAt === null) {
      reasons.push(`触及否决事项“${veto.text}”，不定级`);
      return { grade: NOT_GRADED, bandGrade, reasons };
    }
    const cap = grades.indexOf(veto.capAt);
    if (cap > index) {
      reasons.push(`触及否决事项“${veto.text}”，最高定为${veto.capAt}`);
      index = cap;
    }
  }
  const unknownSatisfaction = new Set<string>();
  for (let moved = true; moved; ) {
    moved = false;
    for (const cond of c.conditions) {
      const g = grades[index]!;
      if (cond.kind === 'satisfaction') {
        if (!cond.notGrades.includes(g)) continue;
        if (f.publicSatisfaction === null || f.publicSatisfaction === undefined) {
          unknownSatisfaction.add(cond.text);
          continue;
        }
        if (f.publicSatisfaction + EPSILON >= cond.below) continue;
        const next = grades.findIndex((x, i) => i > index && !cond.notGrades.includes(x));
        reasons.push(`群众满意率${f.publicSatisfaction}%低于${cond.below}%（${cond.text}），由${g}降为${grades[next]}`);
        index = next;
        moved = true;
      } else {
        if (!cond.grades.includes(g) || (f.items ?? []).includes(cond.item)) continue;
        const next = grades.findIndex((x, i) => i > index && !cond.grades.includes(x));
        reasons.push(`未具备“${cond.itemText}”（${cond.text}），由${g}降为${grades[next]}`);
        index = next;
        moved = true;
      }
    }
  }
  for (const t of unknownSatisfaction) reasons.push(`群众满意率未填，未按“${t}”核对`);
  return { grade: grades[index]!, bandGrade, reasons };
}

export interface QuotaCheck {
  grade: string;
  maxShare: number;
  count: number;
  decided: number;
  share: number | null;
  exceeded: boolean;
  warning: string | null;
}

/**
 * Each quota of the scheme against the decided grades of a superior's subtree (`counts`: grade → organizations,
 * `decided`: all decided there): the share holding the grade, and a warning when it is above the quota.
 */
export function checkQuotas(c: SchemeConfig, counts: ReadonlyMap<string, number>, decided: number, where: string): QuotaCheck[] {
  return c.quotas.map((q) => {
    const count = counts.get(q.grade) ?? 0;
    const share = percent(count, decided);
    const exceeded = decided > 0 && count * 100 > q.maxShare * decided + EPSILON;
    return {
      grade: q.grade,
      maxShare: q.maxShare,
      count,
      decided,
      share,
      exceeded,
      warning: exceeded ? `${where}评定为${q.grade}的${count}个，占已评定${decided}个的${share}%，超过比例上限${q.maxShare}%` : null,
    };
  });
}
