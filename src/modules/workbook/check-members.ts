import { z } from 'zod';
import type { FieldIssue } from '../../shared/errors.js';
import { optionalIsoDate } from '../../shared/validation.js';
import { LEAVE_REASONS } from '../../shared/vocab.js';
import { checkMembership } from '../members/member-rules.js';
import { memberInput } from '../members/members.schema.js';
import type { CheckedPerson } from '../people/person-rules.js';
import { checkPersonInBranch } from './check-person-row.js';
import type { KnownOrg } from './check-orgs.js';
import { at, usable, validateRow } from './row-issues.js';
import type { ParsedRow } from './sheet-collector.js';
import { SHEETS, type MemberValues } from './workbook-format.js';

/** A row of the 党员 sheet as the member service takes it, plus the leaving of a member who has left. */
const memberRow = memberInput.extend({
  leftOn: optionalIsoDate,
  leaveReason: z.enum(LEAVE_REASONS, { message: `应为以下之一：${LEAVE_REASONS.join('、')}` }).nullish(),
});

export interface PlannedMember {
  row: number;
  orgCode: string;
  person: CheckedPerson;
  status: string;
  joinedOn: string;
  confirmedOn: string | null;
  isMobile: boolean;
  mobileDestination: string | null;
  partyPost: string | null;
  leftOn: string | null;
  leaveReason: string | null;
}

/** A row whose ID number is valid: what the checks across sheets and against the database need. */
export interface MemberRow {
  row: number;
  values: MemberValues;
  person: CheckedPerson;
  /** Set when the row passed every check of its own. */
  plan: PlannedMember | null;
}

const sheet = SHEETS.members;

/** Checks each row of the 党员 sheet on its own, with the member service's schema and rules. */
export function checkMemberSheet(
  rows: ParsedRow<MemberValues>[],
  orgs: Map<string, KnownOrg>,
  today: string,
  issues: FieldIssue[],
): MemberRow[] {
  const out: MemberRow[] = [];
  for (const row of rows) {
    const before = issues.length;
    const { data, bad } = validateRow(memberRow, sheet, row, row.values, issues);
    const v = usable(row.values, bad);
    const found: FieldIssue[] = [];
    const { person } = checkPersonInBranch(v, orgs, today, found);
    if (v.joinedOn) {
      found.push(...checkMembership({ status: v.status ?? '', joinedOn: v.joinedOn, confirmedOn: v.confirmedOn }, person?.birthDate ?? null, today));
    }
    found.push(...checkLeaving(v, today));
    for (const issue of found) issues.push(at(sheet, row.row, issue));
    if (!person) continue;
    const plan: PlannedMember | null =
      data && issues.length === before
        ? {
            row: row.row,
            orgCode: data.orgCode,
            person,
            status: data.status,
            joinedOn: data.joinedOn,
            confirmedOn: data.confirmedOn ?? null,
            isMobile: data.isMobile ?? false,
            mobileDestination: data.mobileDestination ?? null,
            partyPost: data.partyPost ?? null,
            leftOn: data.leftOn ?? null,
            leaveReason: data.leaveReason ?? null,
          }
        : null;
    out.push({ row: row.row, values: row.values, person, plan });
  }
  return out;
}

/** A member who left is kept with the date and the reason, both or neither (as leaveMember records them). */
function checkLeaving(v: MemberValues, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (v.leaveReason && !v.leftOn) issues.push({ code: 'FIELD_REQUIRED', field: 'leftOn', message: '填写了离开原因，但缺少离开日期' });
  if (v.leftOn && !v.leaveReason) issues.push({ code: 'FIELD_REQUIRED', field: 'leaveReason', message: '填写了离开日期，但缺少离开原因' });
  if (v.leftOn && v.leftOn > today) issues.push({ code: 'DATE_IN_FUTURE', field: 'leftOn', message: `离开日期${v.leftOn}晚于今天` });
  if (v.leftOn && v.joinedOn && v.leftOn < v.joinedOn) {
    issues.push({ code: 'DATE_ORDER_INVALID', field: 'leftOn', message: `离开日期${v.leftOn}早于入党日期${v.joinedOn}` });
  }
  if (v.leaveReason === '取消预备党员资格' && v.status && v.status !== '预备党员') {
    issues.push({ code: 'MEMBER_STATUS_INVALID', field: 'leaveReason', message: '只有预备党员才能取消预备党员资格' });
  }
  return issues;
}
