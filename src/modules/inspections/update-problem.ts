import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues, type FieldIssue } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { auditableProblem, getProblem, loadProblem, loadWritableProblem, presentProblem } from './problem-records.js';
import { countMeasures } from './problem-workflow.js';
import { INSPECTION_LABELS, problemPatch, type ProblemDetailView, type ProblemPatch } from './inspections.schema.js';

export function problemClosed(id: number, closedOn: string): AppError {
  const message = `整改问题 ${id} 已于${closedOn}销号，不能修改（须由上级办理“重新整改”）`;
  return new AppError('PROBLEM_CLOSED', message, [{ code: 'PROBLEM_CLOSED', field: 'id', message }]);
}

/**
 * Corrects a problem before its close-out (销号): category, level, description, the owner's name, the measures and
 * their number, the deadline (not before the finding date) and the note. Its status moves only by the workflow's
 * steps; a closed problem is PROBLEM_CLOSED (409). Every change is in the audit log.
 */
export async function updateProblem(ctx: Ctx, id: number, raw: ProblemPatch): Promise<ProblemDetailView> {
  const patch = parseInput(problemPatch, raw, INSPECTION_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await loadWritableProblem(tx, id);
    if (row.status === '已销号') throw problemClosed(id, row.closed_on ?? '');
    const issues: FieldIssue[] = [];
    if (patch.deadline !== undefined && patch.deadline < row.found_on) {
      issues.push(issue('DATE_ORDER_INVALID', 'deadline', `整改时限${patch.deadline}早于发现日期${row.found_on}`));
    }
    throwIfIssues(issues);
    const before = presentProblem(row, tx.clock.today());
    const measures = patch.measures === undefined ? undefined : patch.measures || null;
    await tx.db
      .updateTable('problems')
      .set({
        ...(patch.category !== undefined && { category: patch.category }),
        ...(patch.level !== undefined && { level: patch.level }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.ownerName !== undefined && { owner_name: patch.ownerName }),
        ...(measures !== undefined && { measures, measures_count: patch.measuresCount ?? (measures ? countMeasures(measures) : 0) }),
        ...(measures === undefined && patch.measuresCount !== undefined && { measures_count: patch.measuresCount }),
        ...(patch.deadline !== undefined && { deadline: patch.deadline }),
        ...(patch.note !== undefined && { note: patch.note }),
        updated_at: tx.clock.nowIso(),
      })
      .where('id', '=', id)
      .execute();
    const after = presentProblem(await loadProblem(tx, id), tx.clock.today());
    await appendAudit(tx, { action: 'update', recordType: 'problem', recordId: id, orgId: row.org_id, changes: diff(auditableProblem(before), auditableProblem(after), ['status']) });
    return getProblem(tx, id);
  });
}
