/**
 * The 分类定级, 软弱涣散整顿 and 命名表彰 sheets, checked with the ratings module's schemas (ratings.schema.ts,
 * rating-schemes.ts): a rating of a known scheme, its grades among the scheme's bands (or 不定级), scores within the
 * scheme's total, one rating per organization, year and scheme (in the workbook and in the database); a 软弱涣散 case
 * with its reasons (separated by ；), its status and dates together; a designation and its dates.
 */

import type { Ctx } from '../../context.js';
import type { FieldIssue } from '../../shared/errors.js';
import { issue } from '../../shared/validation.js';
import { WEAK_CASE_STATUSES } from '../../shared/vocab.js';
import { listRatingSchemes } from '../ratings/rating-schemes.js';
import { designationInput, NOT_GRADED, ratingInput, weakCaseInput, type SchemeView } from '../ratings/ratings.schema.js';
import { firstRowText, type LedgerRefs } from './ledger-refs.js';
import type { ParsedRow } from './sheet-collector.js';
import { checkRow, enumOf, notBefore, optionalDate, optionalText, text } from './sheet-fields.js';
import { SHEETS, type DesignationValues, type RatingValues, type WeakCaseValues } from './workbook-format.js';

export interface PlannedRating {
  orgCode: string;
  year: number;
  schemeCode: string;
  selfScore: number | null;
  selfGrade: string | null;
  memberScore: number | null;
  publicSatisfaction: number | null;
  finalScore: number | null;
  finalGrade: string | null;
  decidedOn: string | null;
  decidedBy: string | null;
  note: string | null;
}
export interface PlannedWeakCase {
  orgCode: string;
  year: number;
  source: string;
  reasons: string[];
  flaggedOn: string;
  status: string;
  plan: string | null;
  leaderName: string | null;
  deadline: string | null;
  closedOn: string | null;
  closedBy: string | null;
  note: string | null;
}
export interface PlannedDesignation {
  orgCode: string;
  title: string;
  kind: string;
  action: string;
  level: string;
  designatedOn: string;
  revokedOn: string | null;
  note: string | null;
}

export interface RatingRows {
  ratings: ParsedRow<RatingValues>[];
  weakCases: ParsedRow<WeakCaseValues>[];
  designations: ParsedRow<DesignationValues>[];
}
export interface PlannedRatings {
  ratings: PlannedRating[];
  weakCases: PlannedWeakCase[];
  designations: PlannedDesignation[];
}

/** 原因: several reasons in one cell, separated by ；(or ; or a line break). */
export const REASON_SEPARATOR = '；';
export function splitReasons(text: string): string[] {
  return text.split(/[；;\n]/).map((s) => s.trim()).filter((s) => s !== '');
}

const points = ratingInput.shape.memberScore;
const grade = text(20).nullish();
const ratingRow = ratingInput.pick({ orgCode: true, year: true, schemeCode: true, publicSatisfaction: true, note: true }).extend({
  selfScore: points, selfGrade: grade, memberScore: points, finalScore: points, finalGrade: grade, decidedOn: optionalDate, decidedBy: optionalText(50),
});
const weakRow = weakCaseInput.omit({ reasons: true, flaggedOn: true }).extend({
  reasons: text(3000), flaggedOn: weakCaseInput.shape.flaggedOn.unwrap().unwrap(), status: enumOf(WEAK_CASE_STATUSES), plan: optionalText(2000), leaderName: optionalText(50),
  deadline: optionalDate, closedOn: optionalDate, closedBy: optionalText(50),
});
const designationRow = designationInput.extend({ revokedOn: optionalDate });

export async function checkRatingSheets(ctx: Ctx, rows: RatingRows, refs: LedgerRefs, issues: FieldIssue[]): Promise<PlannedRatings> {
  const out: PlannedRatings = { ratings: [], weakCases: [], designations: [] };
  if (rows.ratings.length > 0) await checkRatings(ctx, rows.ratings, refs, issues, out);

  for (const row of rows.weakCases) {
    const data = checkRow(weakRow, SHEETS.weakCases, row, issues, (v, found) => {
      refs.org(v.orgCode, 'orgCode', found);
      refs.notFuture(v.flaggedOn, 'flaggedOn', '列入日期', found);
      notBefore(v.deadline, 'deadline', '整顿时限', v.flaggedOn, '列入日期', found);
      notBefore(v.closedOn, 'closedOn', '销号日期', v.flaggedOn, '列入日期', found);
      refs.notFuture(v.closedOn, 'closedOn', '销号日期', found);
      if (v.reasons && splitReasons(v.reasons).some((r) => r.length > 300)) found.push(issue('FIELD_INVALID', 'reasons', '原因：每条不能超过300个字（多条以“；”分隔）'));
      if (v.reasons && splitReasons(v.reasons).length > 30) found.push(issue('FIELD_INVALID', 'reasons', '原因：不能超过30条'));
      if (v.status === '已销号' && !v.closedOn) found.push(issue('FIELD_REQUIRED', 'closedOn', '缺少必填项：销号日期（状态为已销号时）'));
      if (v.status && v.status !== '已销号' && (v.closedOn || v.closedBy)) found.push(issue('FIELD_INVALID', v.closedOn ? 'closedOn' : 'closedBy', `销号日期、销号人：状态为${v.status}时不填`));
      if ((v.status === '整顿中' || v.status === '已销号') && !v.plan) found.push(issue('FIELD_REQUIRED', 'plan', `缺少必填项：整顿方案（状态为${v.status}时）`));
    });
    if (data) {
      out.weakCases.push({
        orgCode: data.orgCode, year: data.year, source: data.source, reasons: splitReasons(data.reasons), flaggedOn: data.flaggedOn, status: data.status,
        plan: data.plan ?? null, leaderName: data.leaderName ?? null, deadline: data.deadline ?? null, closedOn: data.closedOn ?? null, closedBy: data.closedBy ?? null,
        note: data.note || null,
      });
    }
  }

  for (const row of rows.designations) {
    const data = checkRow(designationRow, SHEETS.designations, row, issues, (v, found) => {
      refs.org(v.orgCode, 'orgCode', found);
      refs.notFuture(v.designatedOn, 'designatedOn', '命名日期', found);
      refs.notFuture(v.revokedOn, 'revokedOn', '撤销日期', found);
      notBefore(v.revokedOn, 'revokedOn', '撤销日期', v.designatedOn, '命名日期', found);
    });
    if (data) {
      out.designations.push({
        orgCode: data.orgCode, title: data.title, kind: data.kind, action: data.action, level: data.level, designatedOn: data.designatedOn,
        revokedOn: data.revokedOn ?? null, note: data.note || null,
      });
    }
  }
  return out;
}

async function checkRatings(ctx: Ctx, rows: ParsedRow<RatingValues>[], refs: LedgerRefs, issues: FieldIssue[], out: PlannedRatings): Promise<void> {
  const sheet = SHEETS.ratings;
  const schemes = new Map((await listRatingSchemes(ctx)).map((s) => [s.code, s]));
  const orgIds = [...new Set(rows.map((r) => (r.values.orgCode ? refs.orgs.get(r.values.orgCode)?.db?.id : undefined)).filter((id): id is number => id !== undefined))];
  const existing = new Set<string>();
  for (let i = 0; i < orgIds.length; i += 5000) {
    const found = await ctx.db.selectFrom('ratings as r').innerJoin('organizations as o', 'o.id', 'r.org_id').select(['o.code', 'r.year', 'r.scheme_code']).where('r.org_id', 'in', orgIds.slice(i, i + 5000)).execute();
    for (const r of found) existing.add(`${r.code}|${r.year}|${r.scheme_code}`);
  }
  const seen = new Map<string, number>();
  for (const row of rows) {
    const data = checkRow(ratingRow, sheet, row, issues, (v, found, bad) => {
      refs.org(v.orgCode, 'orgCode', found);
      const scheme: SchemeView | undefined = v.schemeCode ? schemes.get(v.schemeCode) : undefined;
      if (v.schemeCode && !scheme) found.push(issue('NOT_FOUND', 'schemeCode', `评定方案“${v.schemeCode}”不存在（可用的方案：${[...schemes.keys()].join('、')}）`));
      if (scheme) {
        const grades = [...scheme.config.bands.map((b) => b.grade), NOT_GRADED];
        const max = scheme.config.indicators.reduce((n, i) => n + i.max, 0);
        for (const [field, label] of [['selfGrade', '自评等次'], ['finalGrade', '评定等次']] as const) {
          const g = v[field];
          if (g && !bad.has(field) && !grades.includes(g)) found.push(issue('VALUE_NOT_ALLOWED', field, `${label}：应为以下之一：${grades.join('、')}`));
        }
        for (const [field, label] of [['selfScore', '自评分'], ['memberScore', '党员测评分'], ['finalScore', '评定得分']] as const) {
          const n = v[field];
          if (n !== undefined && !bad.has(field) && n > max) found.push(issue('FIELD_INVALID', field, `${label}：${n}分超过方案“${scheme.name}”的满分${max}分`));
        }
      }
      const decided = v.finalGrade !== undefined || v.finalScore !== undefined;
      if (decided && !v.decidedOn && !bad.has('decidedOn')) found.push(issue('FIELD_REQUIRED', 'decidedOn', '缺少必填项：评定日期（已填评定得分或等次时）'));
      if (!decided && (v.decidedOn || v.decidedBy)) found.push(issue('FIELD_INVALID', v.decidedOn ? 'decidedOn' : 'decidedBy', '评定日期、评定人：未评定（未填评定得分和等次）时不填'));
      if (v.decidedOn && v.year && Number(v.decidedOn.slice(0, 4)) < v.year) found.push(issue('DATE_ORDER_INVALID', 'decidedOn', `评定日期${v.decidedOn}早于${v.year}年`));
      refs.notFuture(v.decidedOn, 'decidedOn', '评定日期', found);
      if (v.orgCode && v.year && v.schemeCode) {
        const k = `${v.orgCode}|${v.year}|${v.schemeCode}`;
        const first = seen.get(k);
        if (first !== undefined) found.push(issue('FIELD_INVALID', 'schemeCode', `同一组织同一年度同一方案的评定与${firstRowText(sheet, first)}重复`));
        else if (existing.has(k)) found.push(issue('FIELD_INVALID', 'schemeCode', `${v.orgCode}已有${v.year}年度“${v.schemeCode}”的评定记录`));
        else seen.set(k, row.row);
      }
    });
    if (data) {
      out.ratings.push({
        orgCode: data.orgCode, year: data.year, schemeCode: data.schemeCode, selfScore: data.selfScore ?? null, selfGrade: data.selfGrade ?? null,
        memberScore: data.memberScore ?? null, publicSatisfaction: data.publicSatisfaction ?? null, finalScore: data.finalScore ?? null, finalGrade: data.finalGrade ?? null,
        decidedOn: data.decidedOn ?? null, decidedBy: data.decidedBy ?? null, note: data.note || null,
      });
    }
  }
}

