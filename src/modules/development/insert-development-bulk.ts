import type { Ctx } from '../../context.js';
import { insertChunkedReturningIds } from '../../db/bulk.js';
import { personValues } from '../people/people.repo.js';
import type { CheckedPerson } from '../people/person-rules.js';
import { developedMembership, membershipState } from './membership-of.js';
import { STEPS, deriveStage, type StepDates } from './steps.js';

/** A development record planned by organization code (an import row, the demo county), before codes become ids. */
export type DevelopmentPlan = Omit<NewDevelopmentRecord, 'orgId' | 'person'> & {
  orgCode: string;
  person: CheckedPerson;
  contacts: string | null;
  introducers: string | null;
  trainingHours: number | null;
  extensionMonths: number | null;
};

export interface NewDevelopmentRecord {
  /** A new person, or the id of one already stored (say, a member imported from the same workbook). */
  person: CheckedPerson | { id: number };
  orgId: number;
  dates: StepDates;
  contacts?: string | null;
  introducers?: string | null;
  trainingHours?: number | null;
  extensionMonths?: number | null;
}

/**
 * Writes many already-checked development records with chunked inserts. Approved ones become memberships exactly as
 * recordDevelopment does one at a time: a probationary member from the branch-meeting date, a full member once the
 * conversion is approved; a person who is already a member keeps the membership and is linked to it.
 */
export async function insertDevelopmentBulk(ctx: Ctx, records: NewDevelopmentRecord[]): Promise<number[]> {
  const now = ctx.clock.nowIso();
  const fresh = records.filter((r): r is NewDevelopmentRecord & { person: CheckedPerson } => !('id' in r.person));
  const freshIds = await insertChunkedReturningIds(ctx.db, 'people', fresh.map((r) => personValues(ctx, r.person, now)));
  const freshId = new Map(fresh.map((r, i) => [r, freshIds[i]!]));
  const personIds = records.map((r) => ('id' in r.person ? r.person.id : freshId.get(r as never)!));

  // Existing memberships of these people (only those given by id can have one).
  const known = records.flatMap((r) => ('id' in r.person ? [r.person.id] : []));
  const membershipOf = new Map<number, number>();
  for (let i = 0; i < known.length; i += 5000) {
    const rows = await ctx.db.selectFrom('memberships').select(['id', 'person_id']).where('person_id', 'in', known.slice(i, i + 5000)).execute();
    for (const row of rows) membershipOf.set(row.person_id, row.id);
  }

  const toCreate: { index: number }[] = [];
  records.forEach((r, index) => {
    if (r.dates.approvedOn && r.dates.branchMeetingOn && !membershipOf.has(personIds[index]!)) toCreate.push({ index });
  });
  const newMembershipIds = await insertChunkedReturningIds(
    ctx.db,
    'memberships',
    toCreate.map(({ index }) => {
      const r = records[index]!;
      const state = membershipState(r.dates.branchMeetingOn!, r.dates.conversionApprovedOn, r.extensionMonths);
      return developedMembership(personIds[index]!, r.orgId, r.dates.approvedOn!, state, now);
    }),
  );
  toCreate.forEach(({ index }, i) => membershipOf.set(personIds[index]!, newMembershipIds[i]!));

  // A person who was already a member (say, in the same workbook's 党员 sheet) keeps that membership, which then
  // follows the approved dates exactly as recordDevelopment's sync does.
  const created = new Set(toCreate.map(({ index }) => index));
  for (const [index, r] of records.entries()) {
    if (created.has(index) || !r.dates.approvedOn || !r.dates.branchMeetingOn) continue;
    const membershipId = membershipOf.get(personIds[index]!);
    if (membershipId === undefined) continue;
    await ctx.db
      .updateTable('memberships')
      .set({ ...membershipState(r.dates.branchMeetingOn, r.dates.conversionApprovedOn, r.extensionMonths), updated_at: now })
      .where('id', '=', membershipId)
      .execute();
  }

  return insertChunkedReturningIds(
    ctx.db,
    'development_records',
    records.map((r, i) => ({
      person_id: personIds[i]!,
      org_id: r.orgId,
      stage: deriveStage(r.dates),
      contacts: r.contacts ?? null,
      introducers: r.introducers ?? null,
      training_hours: r.trainingHours ?? null,
      extension_months: r.extensionMonths ?? null,
      membership_id: r.dates.approvedOn ? (membershipOf.get(personIds[i]!) ?? null) : null,
      ...Object.fromEntries(STEPS.map((s) => [s.column, r.dates[s.key] ?? null])),
      created_at: now,
      updated_at: now,
    })),
  );
}
