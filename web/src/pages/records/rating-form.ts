/**
 * The pure parts of the self-assessment form (登记自评, RatingForm.tsx), whose fields follow the chosen scheme: one
 * score per indicator (满分 its points), the scheme's veto items and required items as check boxes, the request body,
 * the running total and the grade it earns, and the server's issues put under the fields.
 *
 * The grade is the server's own computeGrade (src/modules/ratings/rating-grade.ts: no database, no zod), so what the
 * form shows while typing is what the server records when the rating is saved.
 */
import type { FieldIssue } from '../../lib/api';
import type { RatingInput, SchemeView } from '../../lib/types';
import { computeGrade, type ComputedGrade } from '../../../../src/modules/ratings/rating-grade';
import { apiValue, issuesToFields, toPayload, type FieldSpec, type FormValues } from './form-fields';

export type SchemeConfig = SchemeView['config'];

/** A score field: one indicator's points, at most `max`. */
export interface ScoreField extends FieldSpec {
  key: string;
  max: number;
}

export interface CheckOption {
  value: string;
  label: string;
}

export const VETOES_FIELD = 'vetoes';
export const ITEMS_FIELD = 'items';

/** The form's name of an indicator's score (the body's scores[key]; the server's issue path scores.key). */
export function scoreField(key: string): string {
  return `scores.${key}`;
}

/** One number field per indicator of the scheme, in its order: 党组织带头人（满分20分）. */
export function scoreFields(c: SchemeConfig): ScoreField[] {
  return c.indicators.map((i) => ({ key: i.key, max: i.max, field: scoreField(i.key), label: `${i.name}（满分${i.max}分）`, type: 'number', required: true }));
}

/** The scheme's veto items as check boxes, each saying what a hit does to the grade. */
export function vetoOptions(c: SchemeConfig): CheckOption[] {
  return c.vetoes.map((v) => ({ value: v.key, label: `${v.text}（${v.capAt === null ? '不定级' : `最高定为${v.capAt}`}）` }));
}

/** The items some grades require (党建创新项目), as check boxes: ticked when the organization has them. */
export function itemOptions(c: SchemeConfig): CheckOption[] {
  return c.conditions.flatMap((x) => (x.kind === 'requires' ? [{ value: x.item, label: `${x.itemText}（${x.text}）` }] : []));
}

/** Every field of the scheme's part of the form, for mapping the server's issues. */
export function schemeFields(c: SchemeConfig): FieldSpec[] {
  const out: FieldSpec[] = [...scoreFields(c)];
  if (c.vetoes.length) out.push({ field: VETOES_FIELD, label: '否决事项', type: 'select', options: c.vetoes.map((v) => v.key) });
  const items = itemOptions(c);
  if (items.length) out.push({ field: ITEMS_FIELD, label: '具备事项', type: 'select', options: items.map((i) => i.value) });
  return out;
}

function checked(raw: unknown, allowed: readonly CheckOption[]): string[] {
  const keys = new Set(allowed.map((o) => o.value));
  return Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string' && keys.has(v)) : [];
}

/**
 * The request body (POST /api/ratings): the described fields (organization, year, scheme, 党员评议得分, 群众满意率,
 * note) as any described form sends them, the scores of the chosen scheme's indicators by key (scores typed for
 * another scheme before are left out), and the ticked veto and required items of this scheme.
 */
export function ratingPayload(fixed: readonly FieldSpec[], c: SchemeConfig, values: FormValues): RatingInput {
  const body = toPayload(fixed, values);
  const scores: Record<string, number> = {};
  for (const f of scoreFields(c)) {
    const v = apiValue(f, values[f.field]);
    if (typeof v === 'number') scores[f.key] = v;
  }
  body.scores = scores;
  if (c.vetoes.length) body.vetoes = checked(values[VETOES_FIELD], vetoOptions(c));
  const items = itemOptions(c);
  if (items.length) body.items = checked(values[ITEMS_FIELD], items);
  return body as unknown as RatingInput;
}

export interface RunningTotal {
  /** The sum of the scores typed so far, to two decimals (as the server rounds). */
  total: number;
  filled: number;
  count: number;
}

export function runningTotal(c: SchemeConfig, values: FormValues): RunningTotal {
  let sum = 0;
  let filled = 0;
  for (const f of scoreFields(c)) {
    const v = apiValue(f, values[f.field]);
    if (typeof v !== 'number') continue;
    sum += v;
    filled++;
  }
  return { total: Math.round(sum * 100) / 100, filled, count: c.indicators.length };
}

/** What the total reads: 自评总分87分（满分100分）, or while scores are missing 已填5/7项，合计62分. */
export function totalText(c: SchemeConfig, t: RunningTotal): string {
  return t.filled === t.count ? `自评总分${t.total}分（满分${c.total}分）` : `已填${t.filled}/${t.count}项，合计${t.total}分（满分${c.total}分）`;
}

/**
 * The grade the scores earn once every indicator is filled (null before): by the bands, then the ticked veto items,
 * then the conditions (群众满意率, required items), as the server will compute it.
 */
export function liveGrade(c: SchemeConfig, values: FormValues): ComputedGrade | null {
  const t = runningTotal(c, values);
  if (t.filled < t.count) return null;
  const satisfaction = apiValue({ label: '群众满意率', field: 'publicSatisfaction', type: 'number' }, values.publicSatisfaction);
  return computeGrade(c, {
    score: t.total,
    publicSatisfaction: typeof satisfaction === 'number' ? satisfaction : null,
    vetoes: checked(values[VETOES_FIELD], vetoOptions(c)),
    items: checked(values[ITEMS_FIELD], itemOptions(c)),
  });
}

/** What the grade reads: 计算等次：较好, with how the veto items and conditions moved it. */
export function gradeText(g: ComputedGrade): string {
  return g.reasons.length ? `计算等次：${g.grade}（按分数为${g.bandGrade}；${g.reasons.join('；')}）` : `计算等次：${g.grade}`;
}

/** The scheme's grade lines, from the top: 好 90分及以上；较好 80分及以上；一般 60分及以上；较差 低于60分. */
export function bandsText(c: SchemeConfig): string {
  return c.bands
    .map((b, i) => (i === c.bands.length - 1 && i > 0 ? `${b.grade} 低于${c.bands[i - 1]!.min}分` : `${b.grade} ${b.min}分及以上`))
    .join('；');
}

/** The hint under 群众满意率: the scheme's satisfaction conditions, or that it does not move the grade. */
export function satisfactionHelp(c: SchemeConfig): string {
  const rules = c.conditions.flatMap((x) => (x.kind === 'satisfaction' ? [x.text] : []));
  return rules.length ? `百分数，0–100；${rules.join('；')}（未填时不核对）` : '百分数，0–100；本方案不按群众满意率调整等次';
}

/** The hint under 党员评议得分: the server accepts up to the scheme's total; it does not enter the grade. */
export function memberScoreHelp(c: SchemeConfig): string {
  return `不超过总分${c.total}分；记录备查，不计入自评总分`;
}

/**
 * The server's issues under the fields. An issue on the scores as a whole (缺少“工作思路”的得分, “党组织带头人”30分超过
 * 该项分值) goes under each indicator it names; one naming none goes under the first score.
 */
export function ratingIssues(
  fields: readonly FieldSpec[],
  c: SchemeConfig,
  issues: readonly FieldIssue[],
): { fields: { name: string; errors: string[] }[]; rest: FieldIssue[] } {
  const spread = issues.flatMap((issue) => {
    if (issue.field !== 'scores') return [issue];
    const named = c.indicators.filter((i) => issue.message.includes(`“${i.name}”`));
    return named.length ? named.map((i) => ({ ...issue, field: scoreField(i.key) })) : [issue];
  });
  return issuesToFields([...fields, ...schemeFields(c)], spread);
}
