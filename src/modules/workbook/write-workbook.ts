import type { Ctx } from '../../context.js';
import { insertDevelopmentBulk } from '../development/insert-development-bulk.js';
import { insertDuesApprovalsBulk, insertDuesBasesBulk, insertDuesPaymentsBulk } from '../dues/insert-dues-bulk.js';
import { insertMeetingsBulk } from '../meetings/insert-meetings-bulk.js';
import { insertMembersBulk } from '../members/insert-members-bulk.js';
import { insertOrg } from '../orgs/create-org.js';
import { childPath } from '../orgs/tree.js';
import type { ImportPlan } from './check-workbook.js';
import type { ProgressFn } from './parse-workbook.js';
import { ledgerWriteCount, writeLedgers } from './write-ledgers.js';

const BATCH = 10_000;

/**
 * Writes a checked plan inside the caller's transaction: organizations one by one, parents first (a path needs the
 * parent's id); members, development records and meetings with the bulk writers, in batches so that progress shows.
 */
export async function writeWorkbook(ctx: Ctx, plan: ImportPlan, onProgress?: ProgressFn): Promise<void> {
  const { dues } = plan;
  const total = plan.orgs.length + plan.members.length + plan.development.length + plan.meetings.length + dues.bases.length + dues.approvals.length + dues.payments.length + ledgerWriteCount(plan.ledgers);
  let done = 0;
  const progress = (n: number) => onProgress?.((done += n), total, '写入');
  progress(0);

  const placed = new Map<string, { id: number; path: string; depth: number }>();
  for (const o of await ctx.db.selectFrom('organizations').select(['id', 'code', 'path', 'depth']).execute()) placed.set(o.code, o);
  for (const [i, org] of plan.orgs.entries()) {
    const parent = org.parentCode ? placed.get(org.parentCode)! : null;
    const id = await insertOrg(ctx, org, parent);
    placed.set(org.code, { id, path: childPath(parent?.path ?? null, id), depth: parent ? parent.depth + 1 : 0 });
    if ((i + 1) % 500 === 0) progress(500);
  }
  progress(plan.orgs.length % 500);
  const orgId = (code: string) => placed.get(code)!.id;

  // A member admitted through the development record in the same file came onto the roll that way, as
  // insertDevelopmentBulk records it for the members it creates.
  const admittedOn = new Map(plan.development.filter((d) => d.dates.approvedOn).map((d) => [d.person.idNumber, d.dates.approvedOn!]));
  const membershipOf = new Map<string, { id: number; orgId: number }>();
  for (let i = 0; i < plan.members.length; i += BATCH) {
    const batch = plan.members.slice(i, i + BATCH);
    const membershipIds = await insertMembersBulk(
      ctx,
      batch.map((m) => ({
        person: m.person,
        orgId: orgId(m.orgCode),
        status: m.status,
        joinedOn: m.joinedOn,
        confirmedOn: m.confirmedOn,
        entryKind: admittedOn.has(m.person.idNumber) ? '发展党员' : null,
        entryOn: admittedOn.get(m.person.idNumber) ?? null,
        isMobile: m.isMobile,
        mobileDestination: m.mobileDestination,
        partyPost: m.partyPost,
        leftOn: m.leftOn,
        leaveReason: m.leaveReason,
      })),
    );
    batch.forEach((m, j) => membershipOf.set(m.person.idNumber, { id: membershipIds[j]!, orgId: orgId(m.orgCode) }));
    progress(batch.length);
  }

  // A person on both sheets was stored with the member; the development record links to that person.
  const memberIds = new Set(plan.members.map((m) => m.person.idNumber));
  const personIdOf = await personIds(ctx, plan.development.map((d) => d.person.idNumber).filter((id) => memberIds.has(id)));
  for (let i = 0; i < plan.development.length; i += BATCH) {
    const batch = plan.development.slice(i, i + BATCH);
    await insertDevelopmentBulk(
      ctx,
      batch.map((d) => ({
        person: personIdOf.has(d.person.idNumber) ? { id: personIdOf.get(d.person.idNumber)! } : d.person,
        orgId: orgId(d.orgCode),
        dates: d.dates,
        contacts: d.contacts,
        introducers: d.introducers,
        trainingHours: d.trainingHours,
        extensionMonths: d.extensionMonths,
      })),
    );
    progress(batch.length);
  }

  for (let i = 0; i < plan.meetings.length; i += BATCH) {
    const batch = plan.meetings.slice(i, i + BATCH);
    await insertMeetingsBulk(ctx, batch.map(({ row: _row, orgCode, ...m }) => ({ ...m, orgId: orgId(orgCode) })));
    progress(batch.length);
  }

  // The 党费 rows name members of the 党员 sheet (checked), and are kept with the member's organization.
  const member = (idNumber: string) => {
    const m = membershipOf.get(idNumber)!;
    return { membershipId: m.id, orgId: m.orgId };
  };
  await insertDuesBasesBulk(ctx, dues.bases.map(({ idNumber, ...b }) => ({ ...member(idNumber), ...b })));
  progress(dues.bases.length);
  await insertDuesApprovalsBulk(ctx, dues.approvals.map(({ idNumber, ...a }) => ({ ...member(idNumber), ...a })));
  progress(dues.approvals.length);
  for (let i = 0; i < dues.payments.length; i += BATCH) {
    const batch = dues.payments.slice(i, i + BATCH);
    await insertDuesPaymentsBulk(ctx, batch.map(({ idNumber, ...p }) => ({ ...member(idNumber), ...p })));
    progress(batch.length);
  }

  // The ledger rows name members of the 党员 sheet or members already registered (both checked).
  const { registered } = plan.ledgers;
  const ledgerMember = (idNumber: string) => {
    const m = membershipOf.get(idNumber);
    return m ? { membershipId: m.id, orgId: m.orgId } : registered.get(idNumber)!;
  };
  await writeLedgers(ctx, plan.ledgers, orgId, ledgerMember, progress);
}

async function personIds(ctx: Ctx, idNumbers: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < idNumbers.length; i += 5000) {
    const chunk = idNumbers.slice(i, i + 5000);
    const byIndex = new Map(chunk.map((id) => [ctx.vault.index(id), id]));
    const rows = await ctx.db.selectFrom('people').select(['id', 'id_number_index']).where('id_number_index', 'in', [...byIndex.keys()]).execute();
    for (const r of rows) ids.set(byIndex.get(r.id_number_index)!, r.id);
  }
  return ids;
}
