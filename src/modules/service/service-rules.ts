/**
 * The checks of a service record, a community report and a team, as pure functions returning field issues: shared by
 * the services and (later) the import.
 */
import type { FieldIssue } from '../../shared/errors.js';
import { issue } from '../../shared/validation.js';

export interface ServiceFacts {
  kind: string;
  happenedOn: string;
  status: string;
  doneOn: string | null;
  minutes: number | null;
}

/**
 * - the date is not in the future;
 * - 志愿服务 is always 已办结 (done the day it happened, unless another day is given);
 * - 已办结 needs the date done, not before the date and not in the future; 办理中 has no date done;
 * - hours are kept for 志愿服务 only.
 */
export function checkServiceRecord(r: ServiceFacts, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (r.happenedOn > today) issues.push(issue('DATE_IN_FUTURE', 'happenedOn', `日期${r.happenedOn}晚于今天（${today}）`));
  if (r.kind === '志愿服务' && r.status !== '已办结') {
    issues.push(issue('VALUE_NOT_ALLOWED', 'status', '志愿服务记录的办理状态只能是已办结'));
  }
  if (r.status === '已办结') {
    if (r.doneOn === null) issues.push(issue('FIELD_REQUIRED', 'doneOn', '缺少必填项：办结日期（已办结的事项须填写）'));
    else if (r.doneOn < r.happenedOn) issues.push(issue('DATE_ORDER_INVALID', 'doneOn', `办结日期${r.doneOn}早于日期${r.happenedOn}`));
    else if (r.doneOn > today) issues.push(issue('DATE_IN_FUTURE', 'doneOn', `办结日期${r.doneOn}晚于今天（${today}）`));
  } else if (r.doneOn !== null) {
    issues.push(issue('FIELD_INVALID', 'doneOn', '办理中的事项不填办结日期'));
  }
  if (r.minutes !== null && r.kind !== '志愿服务') {
    issues.push(issue('FIELD_INVALID', 'hours', `服务时长只记志愿服务，${r.kind}不填`));
  }
  return issues;
}

/** A span of dates: the start not in the future, the end (if any) not before the start and not in the future. */
export function checkSpan(
  start: { field: string; label: string; value: string },
  end: { field: string; label: string; value: string | null },
  today: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (start.value > today) issues.push(issue('DATE_IN_FUTURE', start.field, `${start.label}${start.value}晚于今天（${today}）`));
  if (end.value !== null) {
    if (end.value < start.value) issues.push(issue('DATE_ORDER_INVALID', end.field, `${end.label}${end.value}早于${start.label}${start.value}`));
    else if (end.value > today) issues.push(issue('DATE_IN_FUTURE', end.field, `${end.label}${end.value}晚于今天（${today}）`));
  }
  return issues;
}
