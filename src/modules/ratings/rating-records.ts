/**
 * Reading ratings: one select with the organization, the view (with the grade computed again from the scores, the
 * scheme and the conditions), the lookups the writes share, and the superior's check (who may decide, dismiss and
 * close: a writer of an organization above the one concerned).
 */
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { accessOf, canRead } from '../access/actor.js';
import { assertWritable, isReadable } from '../access/scope.js';
import { computeGrade } from './rating-grade.js';
import { getRatingScheme, parseScores, parseVetoes } from './rating-schemes.js';
import type { RatingView, SchemeView } from './ratings.schema.js';

export function selectRatings(ctx: Ctx) {
  return ctx.db
    .selectFrom('ratings as r')
    .innerJoin('organizations as o', 'o.id', 'r.org_id')
    .select([
      'r.id', 'r.org_id', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 'r.year', 'r.scheme_code', 'r.self_score',
      'r.self_grade', 'r.member_score', 'r.public_satisfaction', 'r.final_score', 'r.final_grade', 'r.scores', 'r.vetoes',
      'r.decided_on', 'r.decided_by', 'r.note',
    ]);
}

export type RatingRow = Awaited<ReturnType<ReturnType<typeof selectRatings>['executeTakeFirstOrThrow']>>;

function lines(scheme: SchemeView, scores: Record<string, number>) {
  return scheme.config.indicators.filter((i) => scores[i.key] !== undefined).map((i) => ({ key: i.key, name: i.name, max: i.max, score: scores[i.key]! }));
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function presentRating(r: RatingRow, scheme: SchemeView): RatingView {
  const scores = parseScores(r.scores);
  const vetoes = parseVetoes(r.vetoes);
  const finalScore = num(r.final_score);
  const selfScore = num(r.self_score);
  const score = finalScore ?? selfScore;
  const satisfaction = num(r.public_satisfaction);
  const computed = score === null ? null : computeGrade(scheme.config, { score, publicSatisfaction: satisfaction, vetoes: vetoes.hit, items: vetoes.met });
  const required = scheme.config.conditions.flatMap((c) => (c.kind === 'requires' ? [c] : []));
  return {
    id: r.id,
    orgCode: r.org_code,
    orgName: r.org_name,
    year: r.year,
    schemeCode: r.scheme_code,
    schemeName: scheme.name,
    schemeKind: scheme.kind,
    selfScores: lines(scheme, scores.self),
    selfScore,
    selfGrade: r.self_grade,
    memberScore: num(r.member_score),
    publicSatisfaction: satisfaction,
    vetoes: vetoes.hit.map((k) => ({ key: k, text: scheme.config.vetoes.find((v) => v.key === k)?.text ?? k })),
    items: vetoes.met.map((k) => ({ key: k, text: required.find((c) => c.item === k)?.itemText ?? k })),
    finalScores: scores.final ? lines(scheme, scores.final) : null,
    finalScore,
    computedGrade: computed?.grade ?? null,
    gradeReasons: computed?.reasons ?? [],
    finalGrade: r.final_grade,
    decidedOn: r.decided_on,
    decidedBy: r.decided_by,
    status: r.decided_on === null ? '待评定' : '已评定',
    note: r.note,
  };
}

export function ratingNotFound(id: number): AppError {
  const message = `评定记录 ${id} 不存在`;
  return new AppError('RATING_NOT_FOUND', message, [{ code: 'RATING_NOT_FOUND', field: 'id', message }]);
}

/** A rating the caller sees (RATING_NOT_FOUND otherwise, exactly as for a missing one). */
export async function loadRating(ctx: Ctx, id: number): Promise<RatingRow> {
  const row = await selectRatings(ctx).where('r.id', '=', id).executeTakeFirst();
  if (!row || !isReadable(ctx, row.org_path)) throw ratingNotFound(id);
  return row;
}

/** A rating the caller may change (the organization's own writers and those above): NOT_FOUND outside, 403 inside. */
export async function loadWritableRating(ctx: Ctx, id: number): Promise<RatingRow> {
  const row = await loadRating(ctx, id);
  assertWritable(ctx, row.org_path, () => ratingNotFound(id));
  return row;
}

export async function getRating(ctx: Ctx, id: number): Promise<RatingView> {
  const row = await loadRating(ctx, id);
  return presentRating(row, await getRatingScheme(ctx, row.scheme_code, 'schemeCode'));
}

/** Whether the caller writes above the organization at `path` (or is the administrator): the superior's steps. */
export function isSuperiorOf(ctx: Ctx, path: string): boolean {
  const access = accessOf(ctx.actor);
  return access.canWrite && (access.writeRoot === null || (path.startsWith(access.writeRoot) && path !== access.writeRoot));
}

/**
 * Throws unless the caller writes for an organization above the one at `path` (the superior: 上级党组织) — a system
 * administrator, or an organization administrator or secretary of an ancestor. The organization's own writers get
 * PERMISSION_DENIED; outside what the caller sees, `notFound`.
 */
export function assertSuperior(ctx: Ctx, path: string, notFound: () => AppError, what: string): void {
  const access = accessOf(ctx.actor);
  if (!canRead(access, path)) throw notFound();
  if (isSuperiorOf(ctx, path)) return;
  const message = access.canWrite ? `只有上级党组织可以${what}` : '您的角色只能查看，不能修改';
  throw new AppError('PERMISSION_DENIED', message, [{ code: 'PERMISSION_DENIED', field: 'orgCode', message }]);
}

/** The fields of a rating as the audit log records them. */
export function auditableRating(v: RatingView): Record<string, unknown> {
  return {
    orgCode: v.orgCode,
    year: v.year,
    schemeCode: v.schemeCode,
    selfScores: Object.fromEntries(v.selfScores.map((s) => [s.key, s.score])),
    selfScore: v.selfScore,
    selfGrade: v.selfGrade,
    memberScore: v.memberScore,
    publicSatisfaction: v.publicSatisfaction,
    vetoes: v.vetoes.map((x) => x.key),
    items: v.items.map((x) => x.key),
    finalScores: v.finalScores ? Object.fromEntries(v.finalScores.map((s) => [s.key, s.score])) : null,
    finalScore: v.finalScore,
    finalGrade: v.finalGrade,
    decidedOn: v.decidedOn,
    decidedBy: v.decidedBy,
    note: v.note,
  };
}
