import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues, type FieldIssue } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { actorName } from '../access/actor.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { computeGrade, readKeys, readScores, totalOf } from './rating-grade.js';
import { parentPath, quotaChecks } from './rating-quotas.js';
import { assertSuperior, auditableRating, getRating, loadRating, presentRating, ratingNotFound } from './rating-records.js';
import { getRatingScheme, parseScores, parseVetoes, storeScores, storeVetoes } from './rating-schemes.js';
import { NOT_GRADED, RATING_LABELS, ratingDecision, type RatingDecision, type RatingDecisionView } from './ratings.schema.js';

/**
 * The superior's decision (上级评定, 核准定级), by a writer of an organization above the one rated: the final score
 * (the superior's per-indicator points, or a total, or else the self score), the veto items and required items as
 * the superior finds them (the self-assessment's otherwise), and the grade — computed from those; a grade other than
 * the computed one needs a note giving the reason. Deciding again replaces the decision (audited). The answer carries
 * the quota warnings of the superior's subtree (a warning, not a block).
 */
export async function decideRating(ctx: Ctx, id: number, raw: RatingDecision): Promise<RatingDecisionView> {
  const input = parseInput(ratingDecision, raw, RATING_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await loadRating(tx, id);
    assertSuperior(tx, row.org_path, () => ratingNotFound(id), '评定等次');
    const scheme = await getRatingScheme(tx, row.scheme_code, 'schemeCode');
    const before = presentRating(row, scheme);
    const stored = parseScores(row.scores);
    const storedKeys = parseVetoes(row.vetoes);
    const issues: FieldIssue[] = [];
    let finalScores: Record<string, number> | null = null;
    let finalScore: number;
    if (input.scores != null && input.finalScore != null) {
      issues.push(issue('FIELD_INVALID', 'finalScore', '评定总分：已填各项得分时不再填总分（总分由各项相加）'));
    }
    if (input.scores != null) {
      const read = readScores(scheme.config, input.scores);
      issues.push(...read.issues);
      finalScores = read.scores;
      finalScore = totalOf(read.scores);
    } else if (input.finalScore != null) {
      finalScore = input.finalScore;
      if (finalScore > scheme.config.total) issues.push(issue('FIELD_INVALID', 'finalScore', `评定总分：${finalScore}分，超过总分${scheme.config.total}分`));
    } else {
      finalScore = Number(row.self_score ?? 0);
    }
    const keys = readKeys(scheme.config, { vetoes: input.vetoes ?? storedKeys.hit, items: input.items ?? storedKeys.met });
    issues.push(...keys.issues);
    const satisfaction = input.publicSatisfaction !== undefined && input.publicSatisfaction !== null
      ? input.publicSatisfaction
      : row.public_satisfaction === null ? null : Number(row.public_satisfaction);
    const decidedOn = input.decidedOn ?? tx.clock.today();
    if (decidedOn > tx.clock.today()) issues.push(issue('DATE_IN_FUTURE', 'decidedOn', `评定日期${decidedOn}晚于今天`));
    if (decidedOn < `${row.year}-01-01`) issues.push(issue('DATE_ORDER_INVALID', 'decidedOn', `评定日期${decidedOn}早于评定年度${row.year}年`));
    throwIfIssues(issues);

    const computed = computeGrade(scheme.config, { score: finalScore, publicSatisfaction: satisfaction, vetoes: keys.vetoes, items: keys.items });
    const grades = [...scheme.config.bands.map((b) => b.grade), NOT_GRADED];
    const grade = input.grade ?? computed.grade;
    if (!grades.includes(grade)) {
      throwIfIssues([issue('VALUE_NOT_ALLOWED', 'grade', `等次：“${grade}”不是本方案的等次，应为以下之一：${grades.join('、')}`)]);
    }
    if (grade !== computed.grade && !input.note) {
      throwIfIssues([issue('FIELD_REQUIRED', 'note', `缺少必填项：备注（评定等次${grade}与按得分计算的等次${computed.grade}不同，须说明理由）`)]);
    }
    const note = input.note ? [row.note, `评定意见：${input.note}`].filter(Boolean).join('；') : row.note;
    await tx.db
      .updateTable('ratings')
      .set({
        final_score: finalScore,
        final_grade: grade,
        scores: storeScores({ self: stored.self, final: finalScores }),
        vetoes: storeVetoes({ hit: keys.vetoes, met: keys.items }),
        public_satisfaction: satisfaction,
        decided_on: decidedOn,
        decided_by: actorName(tx.actor),
        note,
        updated_at: tx.clock.nowIso(),
      })
      .where('id', '=', id)
      .execute();
    const after = await getRating(tx, id);
    await appendAudit(tx, {
      action: 'update',
      recordType: 'rating',
      recordId: id,
      orgId: row.org_id,
      changes: diff(auditableRating(before), auditableRating(after)),
      note: before.decidedOn ? '重新评定' : '上级评定',
    });

    const superior = parentPath(row.org_path);
    const parent = superior ? await tx.db.selectFrom('organizations').select('name').where('path', '=', superior).executeTakeFirst() : undefined;
    const checks = await quotaChecks(tx, { root: superior ?? row.org_path, where: `${parent?.name ?? row.org_name}范围内${row.year}年`, year: row.year, scheme });
    return { ...after, quotaWarnings: checks.flatMap((c) => (c.warning ? [c.warning] : [])) };
  });
}
