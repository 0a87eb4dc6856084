import type { MemberDetail } from './members.schema.js';

/** The fields of a member recorded in the audit log; appendAudit's diff masks the ID number and phone. */
export function auditableMember(m: MemberDetail): Record<string, unknown> {
  return {
    name: m.name,
    idNumber: m.idNumber,
    gender: m.gender,
    ethnicity: m.ethnicity,
    birthDate: m.birthDate,
    education: m.education,
    occupation: m.occupation,
    phone: m.phone,
    orgCode: m.orgCode,
    status: m.status,
    joinedOn: m.joinedOn,
    confirmedOn: m.confirmedOn,
    entryKind: m.entryKind,
    entryOn: m.entryOn,
    isMobile: m.isMobile,
    mobileDestination: m.mobileDestination,
    partyPost: m.partyPost,
    leftOn: m.leftOn,
    leaveReason: m.leaveReason,
  };
}
