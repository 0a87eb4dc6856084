import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { computeGrade, readKeys, readScores, totalOf } from './rating-grade.js';
import { auditableRating, getRating } from './rating-records.js';
import { getRatingScheme, storeScores, storeVetoes } from './rating-schemes.js';
import { RATING_LABELS, ratingInput, type RatingInput, type RatingView } from './ratings.schema.js';

/**
 * Records an organization's self-assessment (支部自评) for a year under a scheme: every indicator's points (by key or
 * Chinese name), the members' assessment (党员评议得分) and the public's satisfaction (群众满意率) when known, the veto
 * items the organization reports and the required items it affirms. The self score is the sum; the self grade is
 * computed from it (bands, vetoes, conditions). One rating per organization, year and scheme (RATING_DUPLICATE).
 */
export async function assessRating(ctx: Ctx, raw: RatingInput): Promise<RatingView> {
  const input = parseInput(ratingInput, raw, RATING_LABELS);
  return inTransaction(ctx, async (tx) => {
    const org = await getWritableOrgRow(tx, input.orgCode);
    const scheme = await getRatingScheme(tx, input.schemeCode, 'schemeCode');
    const { scores, issues } = readScores(scheme.config, input.scores);
    const keys = readKeys(scheme.config, input);
    issues.push(...keys.issues);
    if (input.memberScore != null && input.memberScore > scheme.config.total) {
      issues.push(issue('FIELD_INVALID', 'memberScore', `党员评议得分：${input.memberScore}分，超过总分${scheme.config.total}分`));
    }
    if (input.year > Number(tx.clock.today().slice(0, 4))) issues.push(issue('FIELD_INVALID', 'year', `年度：${input.year}年尚未到来`));
    throwIfIssues(issues);

    const existing = await tx.db
      .selectFrom('ratings')
      .select('id')
      .where('org_id', '=', org.id)
      .where('year', '=', input.year)
      .where('scheme_code', '=', scheme.code)
      .executeTakeFirst();
    if (existing) {
      const message = `${org.name}${input.year}年按“${scheme.name}”的评定记录已存在（编号${existing.id}），请修改该记录`;
      throw new AppError('RATING_DUPLICATE', message, [{ code: 'RATING_DUPLICATE', field: 'year', message }]);
    }
    const selfScore = totalOf(scores);
    const grade = computeGrade(scheme.config, { score: selfScore, publicSatisfaction: input.publicSatisfaction, vetoes: keys.vetoes, items: keys.items });
    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('ratings')
      .values({
        org_id: org.id,
        year: input.year,
        scheme_code: scheme.code,
        self_score: selfScore,
        self_grade: grade.grade,
        member_score: input.memberScore ?? null,
        public_satisfaction: input.publicSatisfaction ?? null,
        final_score: null,
        final_grade: null,
        scores: storeScores({ self: scores, final: null }),
        vetoes: storeVetoes({ hit: keys.vetoes, met: keys.items }),
        decided_on: null,
        decided_by: null,
        note: input.note ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await getRating(tx, row.id);
    await appendAudit(tx, { action: 'create', recordType: 'rating', recordId: row.id, orgId: org.id, changes: diff(null, auditableRating(created)) });
    return created;
  });
}
