import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { computeGrade, readKeys, readScores, totalOf } from './rating-grade.js';
import { auditableRating, getRating, loadWritableRating, presentRating } from './rating-records.js';
import { getRatingScheme, parseScores, parseVetoes, storeScores, storeVetoes } from './rating-schemes.js';
import { RATING_LABELS, ratingPatch, type RatingPatch, type RatingView } from './ratings.schema.js';

export function alreadyDecided(id: number, decidedOn: string): AppError {
  const message = `评定记录 ${id} 已于${decidedOn}由上级评定，不能再修改自评；如需改变等次，由上级重新评定`;
  return new AppError('RATING_ALREADY_DECIDED', message, [{ code: 'RATING_ALREADY_DECIDED', field: 'id', message }]);
}

/**
 * Corrects a self-assessment before the superior's decision: the per-indicator scores (all of them again), the
 * members' score, the satisfaction, the veto items, the required items and the note; the self score and grade are
 * computed again. After the decision it is refused (RATING_ALREADY_DECIDED).
 */
export async function updateRating(ctx: Ctx, id: number, raw: RatingPatch): Promise<RatingView> {
  const patch = parseInput(ratingPatch, raw, RATING_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await loadWritableRating(tx, id);
    if (row.decided_on !== null) throw alreadyDecided(id, row.decided_on);
    const scheme = await getRatingScheme(tx, row.scheme_code, 'schemeCode');
    const before = presentRating(row, scheme);
    const stored = parseScores(row.scores);
    const storedKeys = parseVetoes(row.vetoes);
    const issues = [];
    let scores = stored.self;
    if (patch.scores !== undefined) {
      const read = readScores(scheme.config, patch.scores);
      issues.push(...read.issues);
      scores = read.scores;
    }
    const keys = readKeys(scheme.config, { vetoes: patch.vetoes ?? storedKeys.hit, items: patch.items ?? storedKeys.met });
    issues.push(...keys.issues);
    if (patch.memberScore != null && patch.memberScore > scheme.config.total) {
      issues.push(issue('FIELD_INVALID', 'memberScore', `党员评议得分：${patch.memberScore}分，超过总分${scheme.config.total}分`));
    }
    throwIfIssues(issues);
    const satisfaction = patch.publicSatisfaction !== undefined ? patch.publicSatisfaction : row.public_satisfaction === null ? null : Number(row.public_satisfaction);
    const selfScore = totalOf(scores);
    const grade = computeGrade(scheme.config, { score: selfScore, publicSatisfaction: satisfaction, vetoes: keys.vetoes, items: keys.items });
    await tx.db
      .updateTable('ratings')
      .set({
        self_score: selfScore,
        self_grade: grade.grade,
        scores: storeScores({ self: scores, final: null }),
        vetoes: storeVetoes({ hit: keys.vetoes, met: keys.items }),
        ...(patch.memberScore !== undefined && { member_score: patch.memberScore }),
        ...(patch.publicSatisfaction !== undefined && { public_satisfaction: patch.publicSatisfaction }),
        ...(patch.note !== undefined && { note: patch.note }),
        updated_at: tx.clock.nowIso(),
      })
      .where('id', '=', id)
      .execute();
    const after = await getRating(tx, id);
    await appendAudit(tx, { action: 'update', recordType: 'rating', recordId: id, orgId: row.org_id, changes: diff(auditableRating(before), auditableRating(after)) });
    return after;
  });
}
