/**
 * The pure checks of lists and tasks, returning field issues (shared by the services and, later, by import), and the
 * derived "overdue" of a task.
 */
import type { FieldIssue } from '../../shared/errors.js';
import { issue } from '../../shared/validation.js';
import type { TaskStatus } from '../../shared/vocab.js';

/** Whole days from one ISO date to a later one. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const OPEN_STATUSES: readonly TaskStatus[] = ['未开始', '进行中'];

export function isOpen(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/** A task's dates and status together: deadline ≥ start; 已完成 needs a completion date in [start, today]; only 已完成 has one. */
export function checkTaskState(
  t: { startOn: string; deadline: string; status: string; completedOn: string | null },
  today: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (t.deadline < t.startOn) issues.push(issue('DATE_ORDER_INVALID', 'deadline', `完成时限${t.deadline}早于开始日期${t.startOn}`));
  if (t.status === '已完成') {
    if (t.completedOn === null) issues.push(issue('FIELD_REQUIRED', 'completedOn', '缺少必填项：完成日期（状态为已完成时）'));
    else if (t.completedOn > today) issues.push(issue('DATE_IN_FUTURE', 'completedOn', `完成日期${t.completedOn}晚于今天`));
    else if (t.completedOn < t.startOn) issues.push(issue('DATE_ORDER_INVALID', 'completedOn', `完成日期${t.completedOn}早于开始日期${t.startOn}`));
  } else if (t.completedOn !== null) {
    issues.push(issue('FIELD_INVALID', 'completedOn', `完成日期：状态为${t.status}的任务不填完成日期`));
  }
  return issues;
}

export function checkListItemTarget(i: { targetValue?: number | null | undefined; targetUnit?: string | null | undefined }, field = 'targetUnit'): FieldIssue[] {
  if ((i.targetValue === null || i.targetValue === undefined) && i.targetUnit) {
    return [issue('FIELD_INVALID', field, '目标单位：未填计划目标值时不填单位')];
  }
  return [];
}

/** An event's date and percent: not in the future, not before the task starts; a percent only on 进展. */
export function checkTaskEvent(e: { kind: string; happenedOn: string; percent: number | null }, startOn: string, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (e.happenedOn > today) issues.push(issue('DATE_IN_FUTURE', 'happenedOn', `日期${e.happenedOn}晚于今天`));
  else if (e.happenedOn < startOn) issues.push(issue('DATE_ORDER_INVALID', 'happenedOn', `日期${e.happenedOn}早于任务开始日期${startOn}`));
  if (e.percent !== null && e.kind !== '进展') issues.push(issue('FIELD_INVALID', 'percent', `完成进度（%）：只有进展报告填写，${e.kind}不填`));
  return issues;
}

export interface Overdue {
  overdue: boolean;
  completedLate: boolean;
  daysOverdue: number;
  state: string;
}

/**
 * Overdue, derived on the day asked: an open task (未开始, 进行中) whose deadline is before today; a task completed
 * after its deadline was completed late (逾期完成). A cancelled task is never overdue.
 */
export function overdueOf(t: { status: string; deadline: string; completedOn: string | null }, today: string): Overdue {
  if (isOpen(t.status) && t.deadline < today) {
    const days = daysBetween(t.deadline, today);
    return { overdue: true, completedLate: false, daysOverdue: days, state: `${t.status}（逾期${days}天）` };
  }
  if (t.status === '已完成' && t.completedOn !== null && t.completedOn > t.deadline) {
    const days = daysBetween(t.deadline, t.completedOn);
    return { overdue: false, completedLate: true, daysOverdue: days, state: `逾期完成（超期${days}天）` };
  }
  return { overdue: false, completedLate: false, daysOverdue: 0, state: t.status };
}
