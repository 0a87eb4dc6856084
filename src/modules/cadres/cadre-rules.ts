/** The pure checks of a cadre event, returning field issues (shared by the service and, later, by import). */
import type { FieldIssue } from '../../shared/errors.js';
import { issue } from '../../shared/validation.js';

export const EARLIEST_CADRE_EVENT = '1949-10-01';

export function checkCadreEvent(
  e: { memberId: boolean; personName: boolean; orgCode: boolean; happenedOn: string; birthYear: number | null | undefined },
  today: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (e.memberId && e.personName) issues.push(issue('FIELD_INVALID', 'personName', '姓名：登记党员时不填（姓名取自党员记录）'));
  if (!e.memberId && !e.personName) issues.push(issue('FIELD_REQUIRED', 'memberId', '缺少必填项：党员记录编号，非党员（或未登记的）填姓名'));
  if (!e.memberId && e.personName && !e.orgCode) issues.push(issue('FIELD_REQUIRED', 'orgCode', '缺少必填项：登记组织代码（按姓名登记的记在哪个组织）'));
  if (e.happenedOn > today) issues.push(issue('DATE_IN_FUTURE', 'happenedOn', `日期${e.happenedOn}晚于今天`));
  else if (e.happenedOn < EARLIEST_CADRE_EVENT) issues.push(issue('DATE_INVALID', 'happenedOn', `日期${e.happenedOn}早于${EARLIEST_CADRE_EVENT}`));
  if (e.birthYear !== null && e.birthYear !== undefined && e.birthYear > Number(e.happenedOn.slice(0, 4))) {
    issues.push(issue('DATE_ORDER_INVALID', 'birthYear', `出生年份${e.birthYear}晚于事项日期${e.happenedOn}`));
  }
  return issues;
}
