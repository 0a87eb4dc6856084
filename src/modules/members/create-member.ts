import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { auditableMember } from './member-audit.js';
import { checkPerson } from '../people/person-rules.js';
import { insertPerson } from '../people/people.repo.js';
import { checkMemberOrgKind, checkMembership } from './member-rules.js';
import { getMember } from './find-members.js';
import type { MemberDetail, MemberInput } from './members.schema.js';

/** Registers a member (a person and a membership in a branch). */
export async function createMember(ctx: Ctx, input: MemberInput): Promise<MemberDetail> {
  return inTransaction(ctx, async (tx) => {
    const today = tx.clock.today();
    const org = await getWritableOrgRow(tx, input.orgCode, 'orgCode');
    const { issues, person } = checkPerson(input, today);
    issues.push(...checkMemberOrgKind(org.kind, org.code));
    issues.push(...checkMembership(input, person?.birthDate ?? null, today));
    // 进入本信息系统日期: the date of the event (a transfer in, a restoration), not the day it was typed in.
    const entryOn = input.entryKind ? (input.entryOn ?? (input.entryKind === '发展党员' ? input.joinedOn : null)) : null;
    if (input.entryKind && !entryOn) {
      issues.push({ code: 'FIELD_REQUIRED', field: 'entryOn', message: `进入方式为“${input.entryKind}”时须填写进入日期` });
    }
    if (entryOn && entryOn > today) issues.push({ code: 'DATE_IN_FUTURE', field: 'entryOn', message: `进入日期${entryOn}晚于今天` });
    throwIfIssues(issues);
    const personId = await insertPerson(tx, person!);
    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('memberships')
      .values({
        person_id: personId,
        org_id: org.id,
        status: input.status,
        joined_on: input.joinedOn,
        confirmed_on: input.confirmedOn ?? null,
        entry_kind: input.entryKind ?? null,
        entry_on: entryOn,
        is_mobile: input.isMobile ? 1 : 0,
        mobile_destination: input.mobileDestination ?? null,
        party_post: input.partyPost ?? null,
        left_on: null,
        leave_reason: null,
        leave_note: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await getMember(tx, row.id);
    await appendAudit(tx, { action: 'create', recordType: 'member', recordId: row.id, orgId: org.id, changes: diff(null, auditableMember(created)) });
    return created;
  });
}
