import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues, type FieldIssue } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { actorName } from '../access/actor.js';
import { assertWritable } from '../access/scope.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { assertSuperior } from './rating-records.js';
import { auditableWeakCase, getWeakCase, loadWeakCase, presentWeakCase, weakCaseNotFound } from './weak-case-records.js';
import { RATING_LABELS, WEAK_CASE_STEP_LABELS, weakCaseStep, type WeakCaseStep, type WeakCaseView } from './ratings.schema.js';

function stepOrder(id: number, status: string, step: string): AppError {
  const message = `软弱涣散整顿记录 ${id} 状态为${status}，不能${step}`;
  return new AppError('WEAK_CASE_STEP_ORDER', message, [{ code: 'WEAK_CASE_STEP_ORDER', field: 'step', message }]);
}

/**
 * Moves a case forward, with who and when recorded (audited):
 * - plan: 待研判 → 整顿中 (认定, the superior's), with the plan, the person responsible and the deadline all required;
 *   while 整顿中, the organization's own writers (and the superior) may revise them;
 * - dismiss: 待研判 → 不予认定 (the superior's), with a note giving the reason;
 * - close: 整顿中 → 已销号 (销号, the superior's), on closedOn (today unless given), closed_by the caller.
 * Nothing moves back; 已销号 and 不予认定 are final (WEAK_CASE_STEP_ORDER).
 */
export async function stepWeakCase(ctx: Ctx, id: number, raw: WeakCaseStep): Promise<WeakCaseView> {
  const input = parseInput(weakCaseStep, raw, RATING_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await loadWeakCase(tx, id);
    const today = tx.clock.today();
    const before = presentWeakCase(row, today);
    const label = WEAK_CASE_STEP_LABELS[input.step];
    const issues: FieldIssue[] = [];
    const set: Record<string, unknown> = {};
    const notFound = () => weakCaseNotFound(id);
    const appended = (text: string | null | undefined) => (text ? [row.note, text].filter(Boolean).join('；') : row.note);
    switch (input.step) {
      case 'plan': {
        if (row.status === '待研判') assertSuperior(tx, row.org_path, notFound, '认定软弱涣散党组织');
        else if (row.status === '整顿中') assertWritable(tx, row.org_path, notFound);
        else throw stepOrder(id, row.status, '填报整顿方案');
        const plan = input.plan ?? row.plan;
        const leader = input.leaderName ?? row.leader_name;
        const deadline = input.deadline ?? row.deadline;
        if (!plan) issues.push(issue('FIELD_REQUIRED', 'plan', '缺少必填项：整顿方案'));
        if (!leader) issues.push(issue('FIELD_REQUIRED', 'leaderName', '缺少必填项：整顿责任人'));
        if (!deadline) issues.push(issue('FIELD_REQUIRED', 'deadline', '缺少必填项：整顿期限'));
        else if (deadline < row.flagged_on) issues.push(issue('DATE_ORDER_INVALID', 'deadline', `整顿期限${deadline}早于列入日期${row.flagged_on}`));
        Object.assign(set, { status: '整顿中', plan, leader_name: leader, deadline, note: appended(input.note) });
        break;
      }
      case 'dismiss': {
        if (row.status !== '待研判') throw stepOrder(id, row.status, label);
        assertSuperior(tx, row.org_path, notFound, '研判软弱涣散党组织');
        if (!input.note) issues.push(issue('FIELD_REQUIRED', 'note', '缺少必填项：备注（不予认定的理由）'));
        Object.assign(set, { status: '不予认定', note: appended(input.note ? `不予认定：${input.note}` : null) });
        break;
      }
      case 'close': {
        if (row.status !== '整顿中') throw stepOrder(id, row.status, label);
        assertSuperior(tx, row.org_path, notFound, '销号');
        const closedOn = input.closedOn ?? today;
        if (closedOn > today) issues.push(issue('DATE_IN_FUTURE', 'closedOn', `销号日期${closedOn}晚于今天`));
        if (closedOn < row.flagged_on) issues.push(issue('DATE_ORDER_INVALID', 'closedOn', `销号日期${closedOn}早于列入日期${row.flagged_on}`));
        Object.assign(set, { status: '已销号', closed_on: closedOn, closed_by: actorName(tx.actor), note: appended(input.note) });
        break;
      }
    }
    throwIfIssues(issues);
    await tx.db.updateTable('weak_org_cases').set({ ...set, updated_at: tx.clock.nowIso() }).where('id', '=', id).execute();
    const after = await getWeakCase(tx, id);
    await appendAudit(tx, {
      action: 'update',
      recordType: 'weak_org_case',
      recordId: id,
      orgId: row.org_id,
      changes: diff(auditableWeakCase(before), auditableWeakCase(after)),
      note: label,
    });
    return after;
  });
}
