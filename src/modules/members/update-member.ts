import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { checkPerson } from '../people/person-rules.js';
import { checkMembership } from './member-rules.js';
import { getMember, loadWritableMember } from './find-members.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { auditableMember } from './member-audit.js';
import type { MemberDetail, MemberPatch } from './members.schema.js';

/** Corrects a member's personal or membership fields. The ID number is the identity and is not changed here. */
export async function updateMember(ctx: Ctx, id: number, patch: MemberPatch): Promise<MemberDetail> {
  return inTransaction(ctx, async (tx) => {
    const { view: current, orgId } = await loadWritableMember(tx, id);
    const today = tx.clock.today();
    const merged = {
      name: patch.name ?? current.name,
      idNumber: current.idNumber,
      gender: patch.gender ?? current.gender,
      ethnicity: patch.ethnicity ?? current.ethnicity,
      birthDate: patch.birthDate ?? current.birthDate,
      education: patch.education === undefined ? current.education : patch.education,
      occupation: patch.occupation === undefined ? current.occupation : patch.occupation,
      phone: patch.phone === undefined ? current.phone : patch.phone,
    };
    const { issues, person } = checkPerson(merged, today);
    const membership = {
      status: patch.status ?? current.status,
      joinedOn: patch.joinedOn ?? current.joinedOn,
      confirmedOn: patch.confirmedOn === undefined ? current.confirmedOn : patch.confirmedOn,
    };
    issues.push(...checkMembership(membership, person?.birthDate ?? null, today));
    throwIfIssues(issues);
    const now = tx.clock.nowIso();
    await tx.db
      .updateTable('people')
      .set({
        name: person!.name,
        ethnicity: person!.ethnicity,
        education: person!.education,
        occupation: person!.occupation,
        phone: person!.phone,
        updated_at: now,
      })
      .where('id', '=', current.personId)
      .execute();
    await tx.db
      .updateTable('memberships')
      .set({
        status: membership.status,
        joined_on: membership.joinedOn,
        confirmed_on: membership.confirmedOn ?? null,
        ...(patch.isMobile !== undefined && { is_mobile: patch.isMobile ? 1 : 0 }),
        ...(patch.mobileDestination !== undefined && { mobile_destination: patch.mobileDestination }),
        ...(patch.partyPost !== undefined && { party_post: patch.partyPost }),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    const after = await getMember(tx, id);
    await appendAudit(tx, { action: 'update', recordType: 'member', recordId: id, orgId, changes: diff(auditableMember(current), auditableMember(after)) });
    return after;
  });
}
