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

/** The organizations whose own committee meets as 党委会 (党委, 党工委, 党组; standing committee included). */
export const COMMITTEE_MEETING_ORG_KINDS = ['党委', '党工委', '党组'] as const;

/**
 * Whether the organization may hold a meeting of this kind: a 党委会 is a meeting of a 党委, 党工委 or 党组; a branch's
 * committee meets as 支委会 (《中国共产党支部工作条例（试行）》), a 党总支's as 总支委员会 (recorded as 支委会).
 */
export function checkMeetingOrgKind(kind: string, orgKind: string): FieldIssue[] {
  if (kind !== '党委会' || (COMMITTEE_MEETING_ORG_KINDS as readonly string[]).includes(orgKind)) return [];
  return [
    {
      code: 'ORG_KIND_NOT_ALLOWED',
      field: 'kind',
      message: `“党委会”是${COMMITTEE_MEETING_ORG_KINDS.join('、')}的会议，${orgKind}不能召开；党支部、党总支委员会的会议请记为“支委会”`,
    },
  ];
}
