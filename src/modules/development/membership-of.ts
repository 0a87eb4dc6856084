import type { Insertable } from 'kysely';
import type { MembershipsTable } from '../../db/schema.js';
import { probationEnd } from './development-rules.js';

/**
 * The membership an approved development record stands for (党章第七条, 《细则》第三十四条): a probationary member
 * from the branch-meeting date, a full member once the conversion is approved, whose 党龄 counts from the end of
 * the probation. One definition for the one-record service and the bulk writer.
 */
export function membershipState(branchMeetingOn: string, conversionApprovedOn: string | null | undefined, extensionMonths: number | null | undefined) {
  const converted = Boolean(conversionApprovedOn);
  return {
    status: converted ? '正式党员' : '预备党员',
    joined_on: branchMeetingOn,
    confirmed_on: converted ? probationEnd(branchMeetingOn, extensionMonths ?? null) : null,
  };
}

/** A new membership row for a person admitted through the development procedure. */
export function developedMembership(
  personId: number,
  orgId: number,
  approvedOn: string,
  state: ReturnType<typeof membershipState>,
  now: string,
): Insertable<MembershipsTable> {
  return {
    person_id: personId,
    org_id: orgId,
    ...state,
    entry_kind: '发展党员',
    entry_on: approvedOn,
    is_mobile: 0,
    mobile_destination: null,
    left_on: null,
    leave_reason: null,
    leave_note: null,
    created_at: now,
    updated_at: now,
  };
}
