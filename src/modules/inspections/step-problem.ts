import { inTransaction, type Ctx } from '../../context.js';
import { accessOf, actorName, canRead, canWrite } from '../access/actor.js';
import { AppError, throwIfIssues, type FieldIssue } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { assertWritable } from '../access/scope.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { ACCEPTED_STAGE, auditableProblem, getProblem, loadProblem, presentProblem, problemNotFound, type ProblemRow } from './problem-records.js';
import { WORKFLOW, ancestorPaths, countMeasures, transitionInvalid } from './problem-workflow.js';
import { INSPECTION_LABELS, problemStepInput, type ProblemDetailView, type ProblemStepInput } from './inspections.schema.js';
import type { Updateable } from 'kysely';
import type { ProblemsTable } from '../../db/schema.js';

/**
 * May the caller act as the owner's superior — change records of an organization above it (its parent or any
 * ancestor)? A problem of the tree's root has no superior in the tree: only a system administrator acts for it.
 */
export function isSuperior(ctx: Ctx, ownerPath: string): boolean {
  const access = accessOf(ctx.actor);
  const above = ancestorPaths(ownerPath);
  if (above.length === 0) return access.canWrite && access.writeRoot === null;
  return above.some((p) => canWrite(access, p));
}

function assertSuperior(ctx: Ctx, row: ProblemRow, action: string): void {
  if (isSuperior(ctx, row.org_path)) return;
  const access = accessOf(ctx.actor);
  if (!canRead(access, row.org_path)) throw problemNotFound(row.id);
  const message = access.canWrite
    ? `“${action}”须由${row.org_name}的上级党组织办理，整改责任组织不能自行验收、销号或重新整改`
    : '您的角色只能查看，不能修改';
  throw new AppError('PERMISSION_DENIED', message, [{ code: 'PERMISSION_DENIED', field: 'action', message }]);
}

/**
 * Takes one step of a problem's rectification workflow (see problem-workflow.ts): who may take it (the owner's
 * writers, or the superior), from which status, on which date (not before the problem's last step, not after today),
 * and what it sets. Each step is one problem_events row with the statuses before and after, the date, the note, the
 * evidence and who took it, and one audit entry; a step the status does not allow is PROBLEM_TRANSITION_INVALID (409)
 * naming the current status, and nothing is written.
 */
export async function stepProblem(ctx: Ctx, id: number, raw: ProblemStepInput): Promise<ProblemDetailView> {
  const input = parseInput(problemStepInput, raw, INSPECTION_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await loadProblem(tx, id);
    const step = WORKFLOW[input.action];
    if (step.superior) assertSuperior(tx, row, input.action);
    else assertWritable(tx, row.org_path, () => problemNotFound(id));
    const today = tx.clock.today();
    const before = presentProblem(row, today);
    if (!step.from.includes(before.stage)) throw transitionInvalid(id, before.stage === ACCEPTED_STAGE ? `待验收（${ACCEPTED_STAGE}）` : before.stage, input.action);

    const last = await tx.db
      .selectFrom('problem_events')
      .select((eb) => eb.fn.max('happened_on').as('on'))
      .where('problem_id', '=', id)
      .executeTakeFirst();
    const lastOn = (last?.on as string | null | undefined) ?? row.found_on;
    const issues: FieldIssue[] = [];
    if (input.on > today) issues.push(issue('DATE_IN_FUTURE', 'on', `办理日期${input.on}晚于今天`));
    if (input.on < lastOn) issues.push(issue('DATE_ORDER_INVALID', 'on', `办理日期${input.on}早于上一步的日期${lastOn}`));
    const set: Updateable<ProblemsTable> = { status: step.to };
    switch (input.action) {
      case '制定措施': {
        const measures = input.measures || row.measures;
        if (!measures) issues.push(issue('FIELD_REQUIRED', 'measures', '缺少必填项：整改措施'));
        else {
          set.measures = measures;
          set.measures_count = input.measuresCount ?? (input.measures ? countMeasures(input.measures) : row.measures_count || countMeasures(measures));
        }
        break;
      }
      case '报告进展':
        if (!input.note) issues.push(issue('FIELD_REQUIRED', 'note', '缺少必填项：进展情况（填在备注）'));
        break;
      case '提请验收':
        set.rectified_on = input.on;
        break;
      case '验收通过':
        set.accepted_on = input.on;
        set.accepted_by = actorName(tx.actor);
        break;
      case '验收不通过':
        if (!input.note) issues.push(issue('FIELD_REQUIRED', 'note', '缺少必填项：验收不通过的原因（填在备注）'));
        set.rectified_on = null;
        break;
      case '销号':
        set.closed_on = input.on;
        break;
      case '重新整改':
        if (!input.note) issues.push(issue('FIELD_REQUIRED', 'note', '缺少必填项：重新整改的原因（填在备注）'));
        Object.assign(set, { rectified_on: null, accepted_on: null, accepted_by: null, closed_on: null, reopened: row.reopened + 1 });
        break;
    }
    if (input.action !== '制定措施' && (input.measures || input.measuresCount != null)) {
      issues.push(issue('FIELD_INVALID', 'measures', `整改措施：只在“制定措施”时填写（已制定的措施可在问题记录中修改）`));
    }
    throwIfIssues(issues);

    const now = tx.clock.nowIso();
    await tx.db.updateTable('problems').set({ ...set, updated_at: now }).where('id', '=', id).execute();
    await tx.db
      .insertInto('problem_events')
      .values({
        org_id: row.org_id,
        problem_id: id,
        action: input.action,
        from_status: row.status,
        to_status: step.to,
        happened_on: input.on,
        note: input.note || null,
        evidence: input.evidence || null,
        actor: actorName(tx.actor),
        created_at: now,
      })
      .execute();
    const after = presentProblem(await loadProblem(tx, id), today);
    await appendAudit(tx, {
      action: 'update',
      recordType: 'problem',
      recordId: id,
      orgId: row.org_id,
      changes: diff(auditableProblem(before), auditableProblem(after)),
      note: `${input.action}（${input.on}）`,
    });
    return getProblem(tx, id);
  });
}
