import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { assertWritable } from '../access/scope.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { checkMemberOrgKind } from '../members/member-rules.js';
import { checkPerson } from '../people/person-rules.js';
import { insertPerson } from '../people/people.repo.js';
import { checkDevelopmentDates } from './development-rules.js';
import { developedMembership, membershipState } from './membership-of.js';
import { developmentNotFound, getDevelopment, stepDatesOf } from './find-development.js';
import { STEPS, deriveStage, type StepDates } from './steps.js';
import type { DevelopmentInput, DevelopmentPatch, DevelopmentView } from './development.schema.js';

/** Starts the record of a person who applied to join (递交入党申请书), with whatever later steps are known. */
export async function createDevelopment(ctx: Ctx, input: DevelopmentInput): Promise<DevelopmentView> {
  return inTransaction(ctx, async (tx) => {
    const today = tx.clock.today();
    const org = await getWritableOrgRow(tx, input.orgCode, 'orgCode');
    const { issues, person } = checkPerson(input, today);
    issues.push(...checkMemberOrgKind(org.kind, org.code));
    issues.push(...checkDevelopmentDates(input, input, person?.birthDate ?? null, today));
    if (org.kind === '临时党支部') {
      issues.push({ code: 'ORG_KIND_NOT_ALLOWED', field: 'orgCode', message: '临时党支部一般不发展党员' });
    }
    throwIfIssues(issues);
    const personId = await insertPerson(tx, person!);
    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('development_records')
      .values({
        person_id: personId,
        org_id: org.id,
        stage: deriveStage(input),
        contacts: input.contacts ?? null,
        introducers: input.introducers ?? null,
        training_hours: input.trainingHours ?? null,
        extension_months: input.extensionMonths ?? null,
        membership_id: null,
        ...Object.fromEntries(STEPS.map((s) => [s.column, input[s.key] ?? null])),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await syncMembership(tx, row.id);
    const created = await getDevelopment(tx, row.id);
    await appendAudit(tx, { action: 'create', recordType: 'development', recordId: row.id, orgId: org.id, changes: diff(null, auditableDevelopment(created, person!.idNumber)) });
    return created;
  });
}

/** The fields of a development record worth auditing: the person, the organization and the step dates. */
function auditableDevelopment(d: DevelopmentView, idNumber?: string): Record<string, unknown> {
  const { id: _id, personId: _p, membershipId: _m, idNumberMasked: _i, orgName: _o, probationEndsOn: _e, ...rest } = d;
  return idNumber ? { ...rest, idNumber } : rest;
}

/** Enters or corrects step dates. The stage, and the membership once approved, follow from the dates. */
export async function updateDevelopment(ctx: Ctx, id: number, patch: DevelopmentPatch): Promise<DevelopmentView> {
  return inTransaction(ctx, async (tx) => {
    const before = await getDevelopment(tx, id);
    const row = await tx.db.selectFrom('development_records').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const org = (await tx.db.selectFrom('organizations').select('path').where('id', '=', row.org_id).executeTakeFirstOrThrow());
    assertWritable(tx, org.path, () => developmentNotFound(id));
    const person = await tx.db.selectFrom('people').select('birth_date').where('id', '=', row.person_id).executeTakeFirstOrThrow();
    const dates: StepDates = { ...stepDatesOf(row) };
    for (const s of STEPS) if (patch[s.key] !== undefined) dates[s.key] = patch[s.key];
    const extra = {
      trainingHours: patch.trainingHours === undefined ? row.training_hours : patch.trainingHours,
      extensionMonths: patch.extensionMonths === undefined ? row.extension_months : patch.extensionMonths,
    };
    const issues = checkDevelopmentDates(dates, extra, person.birth_date, tx.clock.today());
    if (row.membership_id !== null && (!dates.approvedOn || !dates.branchMeetingOn)) {
      issues.push({
        code: 'DEVELOPMENT_STEP_ORDER',
        field: dates.approvedOn ? 'branchMeetingOn' : 'approvedOn',
        message: '已据此接收为预备党员，不能清除支部大会讨论日期或上级党委审批日期；如需取消资格，请在党员记录中办理“取消预备党员资格”',
      });
    }
    throwIfIssues(issues);
    await tx.db
      .updateTable('development_records')
      .set({
        ...Object.fromEntries(STEPS.map((s) => [s.column, dates[s.key] ?? null])),
        stage: deriveStage(dates),
        ...(patch.contacts !== undefined && { contacts: patch.contacts }),
        ...(patch.introducers !== undefined && { introducers: patch.introducers }),
        training_hours: extra.trainingHours ?? null,
        extension_months: extra.extensionMonths ?? null,
        updated_at: tx.clock.nowIso(),
      })
      .where('id', '=', id)
      .execute();
    await syncMembership(tx, id);
    const after = await getDevelopment(tx, id);
    await appendAudit(tx, { action: 'update', recordType: 'development', recordId: id, orgId: row.org_id, changes: diff(auditableDevelopment(before), auditableDevelopment(after)) });
    return after;
  });
}

/**
 * "Enter once, reuse everywhere": once the superior committee approves (⑰), the person is a probationary member of
 * the branch from the branch-meeting date (党章第七条); once the conversion is approved (㉔), a full member whose
 * 党龄 counts from the end of the probation (《细则》第三十四条).
 */
async function syncMembership(ctx: Ctx, id: number): Promise<void> {
  const d = await ctx.db.selectFrom('development_records').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  if (!d.approved_on || !d.branch_meeting_on) return;
  const state = membershipState(d.branch_meeting_on, d.conversion_approved_on, d.extension_months);
  const now = ctx.clock.nowIso();
  const existing = await ctx.db.selectFrom('memberships').select('id').where('person_id', '=', d.person_id).executeTakeFirst();
  if (existing) {
    await ctx.db.updateTable('memberships').set({ ...state, updated_at: now }).where('id', '=', existing.id).execute();
    if (d.membership_id !== existing.id) {
      await ctx.db.updateTable('development_records').set({ membership_id: existing.id }).where('id', '=', id).execute();
    }
    return;
  }
  const m = await ctx.db
    .insertInto('memberships')
    .values(developedMembership(d.person_id, d.org_id, d.approved_on, state, now))
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db.updateTable('development_records').set({ membership_id: m.id }).where('id', '=', id).execute();
}
