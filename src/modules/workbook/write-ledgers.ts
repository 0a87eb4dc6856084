import type { Ctx } from '../../context.js';
import { insertDonationsBulk } from '../donations/insert-donations-bulk.js';
import { insertHonorsBulk } from '../honors/insert-honors-bulk.js';
import { insertCommunityReportsBulk, insertServiceRecordsBulk, insertServiceTeamsBulk, insertTeamMembersBulk } from '../service/insert-service-bulk.js';
import { insertStudyRecordsBulk, insertTrainingAttendanceBulk, insertTrainingsBulk } from '../study/insert-study-bulk.js';
import type { PlannedLedgers } from './check-ledgers.js';
import { supervisionWriteCount } from './check-supervision.js';
import { writeSupervision } from './write-supervision.js';

const BATCH = 10_000;

/**
 * Writes the checked ledger rows with the modules' bulk writers, inside the caller's transaction, after the
 * organizations and members: `orgId` gives any organization's id by code, `member` a member's membership and own
 * organization by ID number. A member's rows are kept under the member's organization; attendance and team rows
 * point at the trainings and teams written here, by their workbook keys.
 */
export async function writeLedgers(
  ctx: Ctx,
  l: PlannedLedgers,
  orgId: (code: string) => number,
  member: (idNumber: string) => { membershipId: number; orgId: number },
  progress: (n: number) => void,
): Promise<void> {
  const batched = async <T>(rows: T[], write: (batch: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      await write(batch);
      progress(batch.length);
    }
  };
  await batched(l.study.records, (b) => insertStudyRecordsBulk(ctx, b.map(({ idNumber, ...r }) => ({ ...member(idNumber), ...r }))));

  const trainingIds = await insertTrainingsBulk(ctx, l.study.trainings.map(({ key: _key, orgCode, ...t }) => ({ ...t, orgId: orgId(orgCode) })));
  const trainingOf = new Map(l.study.trainings.map((t, i) => [t.key, trainingIds[i]!]));
  progress(l.study.trainings.length);
  await batched(l.study.attendance, (b) =>
    insertTrainingAttendanceBulk(ctx, b.map((a) => ({ trainingId: trainingOf.get(a.key)!, ...member(a.idNumber), minutes: a.minutes, completed: a.completed }))),
  );

  await batched(l.service.records, (b) =>
    insertServiceRecordsBulk(ctx, b.map(({ orgCode, idNumber, ...r }) => ({ ...r, orgId: orgId(orgCode), membershipId: idNumber ? member(idNumber).membershipId : null }))),
  );
  await batched(l.service.reports, (b) =>
    insertCommunityReportsBulk(ctx, b.map(({ idNumber, communityCode, ...r }) => ({ ...r, ...member(idNumber), communityOrgId: communityCode ? orgId(communityCode) : null }))),
  );
  const teamIds = await insertServiceTeamsBulk(ctx, l.service.teams.map(({ key: _key, orgCode, ...t }) => ({ ...t, orgId: orgId(orgCode) })));
  const teamOf = new Map(l.service.teams.map((t, i) => [t.key, { id: teamIds[i]!, orgId: orgId(t.orgCode) }]));
  progress(l.service.teams.length);
  // A team's people are kept under the team's organization (a volunteer from the public has no other).
  await batched(l.service.teamMembers, (b) =>
    insertTeamMembersBulk(
      ctx,
      b.map((p) => {
        const team = teamOf.get(p.key)!;
        return { teamId: team.id, orgId: team.orgId, membershipId: p.idNumber ? member(p.idNumber).membershipId : null, name: p.name, joinedOn: p.joinedOn, leftOn: p.leftOn };
      }),
    ),
  );

  await batched(l.honors.honors, (b) =>
    insertHonorsBulk(
      ctx,
      b.map(({ orgCode, idNumber, recipientOrgCode, ...h }) => ({
        ...h,
        orgId: idNumber ? member(idNumber).orgId : orgId(orgCode),
        membershipId: idNumber ? member(idNumber).membershipId : null,
        recipientOrgId: recipientOrgCode ? orgId(recipientOrgCode) : null,
      })),
    ),
  );
  await batched(l.honors.donations, (b) => insertDonationsBulk(ctx, b.map(({ idNumber, ...d }) => ({ ...d, ...member(idNumber) }))));
  await writeSupervision(ctx, l.supervision, orgId, member, progress);
}

export function ledgerWriteCount(l: PlannedLedgers): number {
  return (
    l.study.records.length + l.study.trainings.length + l.study.attendance.length + l.service.records.length + l.service.reports.length +
    l.service.teams.length + l.service.teamMembers.length + l.honors.honors.length + l.honors.donations.length + supervisionWriteCount(l.supervision)
  );
}
