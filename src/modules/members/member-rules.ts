import type { FieldIssue } from '../../shared/errors.js';
import { addMonths, ageOn } from '../../shared/dates.js';
import { BRANCH_KINDS, type OrgKind } from '../../shared/vocab.js';
import { checkLifeDate } from '../people/person-rules.js';

/** 党章第一条: 年满十八岁. Everyone admitted applied at 18 or older, so nobody joined younger. */
export const MIN_AGE = 18;

export function checkMemberOrgKind(kind: string, orgCode: string): FieldIssue[] {
  if (BRANCH_KINDS.includes(kind as OrgKind)) return [];
  return [
    {
      code: 'MEMBER_ORG_NOT_BRANCH',
      field: 'orgCode',
      message: `党员应编入党支部；“${orgCode}”是${kind}`,
    },
  ];
}

/** Checks the membership dates and status of one member (no database needed). */
export function checkMembership(
  m: { status: string; joinedOn: string; confirmedOn?: string | null | undefined },
  birthDate: string | null,
  today: string,
): FieldIssue[] {
  const issues = [
    ...checkLifeDate('joinedOn', '入党日期', m.joinedOn, birthDate, today),
    ...checkLifeDate('confirmedOn', '转正日期', m.confirmedOn, birthDate, today),
  ];
  if (birthDate && m.joinedOn >= birthDate && ageOn(birthDate, m.joinedOn) < MIN_AGE) {
    issues.push({ code: 'APPLICANT_UNDER_18', field: 'joinedOn', message: `入党时未满${MIN_AGE}周岁（入党日期${m.joinedOn}）` });
  }
  if (m.status === '预备党员' && m.confirmedOn) {
    issues.push({ code: 'MEMBER_STATUS_INVALID', field: 'confirmedOn', message: '预备党员不应有转正日期' });
  }
  // 党章第七条: the probation is one year from the branch meeting; 转正 cannot come before it ends.
  if (m.confirmedOn && m.confirmedOn < addMonths(m.joinedOn, 12)) {
    issues.push({ code: 'DATE_ORDER_INVALID', field: 'confirmedOn', message: '转正日期早于预备期满（入党日期后1年）' });
  }
  return issues;
}
