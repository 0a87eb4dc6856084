import type { FieldIssue } from '../../shared/errors.js';

/** Checks of one meeting record: the date and the attendance figures agree with each other. */
export function checkMeeting(
  m: { heldOn: string; expectedCount: number; attendedCount: number; absentees: { name: string }[] },
  today: string,
  establishedOn: string | null,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (m.heldOn > today) issues.push({ code: 'DATE_IN_FUTURE', field: 'heldOn', message: `会议日期${m.heldOn}晚于今天` });
  if (establishedOn && m.heldOn < establishedOn) {
    issues.push({ code: 'DATE_ORDER_INVALID', field: 'heldOn', message: `会议日期${m.heldOn}早于组织成立日期${establishedOn}` });
  }
  if (m.attendedCount > m.expectedCount) {
    issues.push({ code: 'ATTENDANCE_INVALID', field: 'attendedCount', message: `实到人数${m.attendedCount}多于应到人数${m.expectedCount}` });
  } else if (m.absentees.length > m.expectedCount - m.attendedCount) {
    issues.push({
      code: 'ATTENDANCE_INVALID',
      field: 'absentees',
      message: `列出的缺席人员${m.absentees.length}人，多于应到与实到之差${m.expectedCount - m.attendedCount}人`,
    });
  }
  return issues;
}
