/**
 * Writes the demo county's member-work ledgers (study and training, service, honors, donations) through the bulk
 * writers, inside the caller's transaction, a few thousand members at a time so memory stays flat.
 */
import type { Ctx } from '../../context.js';
import { SERVICE_KINDS, HONOR_KINDS, type HonorKind, type ServiceKind } from '../../shared/vocab.js';
import { insertDonationsBulk } from '../donations/insert-donations-bulk.js';
import { insertHonorsBulk } from '../honors/insert-honors-bulk.js';
import { insertCommunityReportsBulk, insertServiceRecordsBulk, insertServiceTeamsBulk, insertTeamMembersBulk } from '../service/insert-service-bulk.js';
import { insertStudyRecordsBulk, insertTrainingAttendanceBulk, insertTrainingsBulk } from '../study/insert-study-bulk.js';
import type { DemoSummary } from './demo-types.js';
import { buildHonors, buildMemberDonations, campaigns, type DonationPlan } from './build-honors.js';
import { buildService } from './build-service.js';
import { buildMemberStudy, emptyStudy, lastCompleteYear, plantSecretaries } from './build-study.js';
import { buildTrainingCatalog } from './build-trainings.js';
import type { CountyPlan } from './plan-county.js';
import { verifyWork } from './verify-plan.js';
import type { WorkSubject } from './work-subjects.js';

type Progress = (done: number, total: number, phase: string) => void;
const CHUNK = 5_000;

export async function writeWork(
  ctx: Ctx,
  plan: CountyPlan,
  subjects: readonly WorkSubject[],
  idOf: (code: string) => number,
  progress: Progress,
): Promise<Pick<DemoSummary, 'study' | 'service' | 'honors' | 'donations'>> {
  const { frame } = plan;

  // Study and training: the classes first (attendance refers to them), then the members a chunk at a time.
  const catalog = buildTrainingCatalog(frame, plan.orgs, subjects, plan.development);
  const trainingIds = await insertTrainingsBulk(ctx, catalog.trainings.map(({ orgCode, ...t }) => ({ ...t, orgId: idOf(orgCode) })));
  const planted = plantSecretaries(frame, subjects);
  const campaignList = campaigns(frame);
  const study = { trainings: trainingIds.length, attendance: 0, records: 0, year: lastCompleteYear(frame), below32: 0, secretariesBetween: 0, secretariesNoTraining: 0 };
  const donations = { campaigns: campaignList.length, donations: 0, amountFen: 0 };
  progress(0, subjects.length, '学习培训和捐款');
  for (let i = 0; i < subjects.length; i += CHUNK) {
    const out = emptyStudy();
    const gifts: DonationPlan[] = [];
    for (const s of subjects.slice(i, i + CHUNK)) {
      buildMemberStudy(frame, catalog, s, planted, out);
      buildMemberDonations(frame, campaignList, s, gifts);
    }
    await insertStudyRecordsBulk(ctx, out.records.map(({ orgCode, ...r }) => ({ ...r, orgId: idOf(orgCode) })));
    await insertTrainingAttendanceBulk(ctx, out.attendance.map(({ orgCode, training, ...r }) => ({ ...r, trainingId: trainingIds[training]!, orgId: idOf(orgCode) })));
    await insertDonationsBulk(ctx, gifts.map(({ orgCode, ...d }) => ({ ...d, orgId: idOf(orgCode) })));
    study.attendance += out.attendance.length;
    study.records += out.records.length;
    study.below32 += out.below32;
    study.secretariesBetween += out.secretariesBetween;
    study.secretariesNoTraining += out.secretariesNoTraining;
    donations.donations += gifts.length;
    for (const g of gifts) donations.amountFen += g.amountFen;
    progress(Math.min(subjects.length, i + CHUNK), subjects.length, '学习培训和捐款');
  }

  progress(0, 1, '服务记录和表彰');
  const service = buildService(frame, plan.orgs, subjects);
  const honors = buildHonors(frame, plan.orgs, subjects);
  verifyWork(service, honors, ctx.clock.today());
  await insertServiceRecordsBulk(ctx, service.records.map(({ orgCode, ...r }) => ({ ...r, orgId: idOf(orgCode) })));
  await insertCommunityReportsBulk(
    ctx,
    service.reports.map(({ orgCode, communityCode, ...r }) => ({ ...r, orgId: idOf(orgCode), communityOrgId: communityCode ? idOf(communityCode) : null })),
  );
  const teamIds = await insertServiceTeamsBulk(ctx, service.teams.map(({ orgCode, people: _p, ...t }) => ({ ...t, orgId: idOf(orgCode) })));
  const teamPeople = service.teams.flatMap((t, i) => t.people.map((p) => ({ ...p, teamId: teamIds[i]!, orgId: idOf(t.orgCode) })));
  await insertTeamMembersBulk(ctx, teamPeople);
  const byKind = Object.fromEntries(SERVICE_KINDS.map((k) => [k, 0])) as Record<ServiceKind, number>;
  for (const r of service.records) byKind[r.kind as ServiceKind]++;

  await insertHonorsBulk(ctx, honors.map(({ orgCode, recipientOrgCode, ...h }) => ({ ...h, orgId: idOf(orgCode), recipientOrgId: recipientOrgCode ? idOf(recipientOrgCode) : null })));
  const honorKinds = Object.fromEntries(HONOR_KINDS.map((k) => [k, 0])) as Record<HonorKind, number>;
  for (const h of honors) honorKinds[h.kind as HonorKind]++;
  progress(1, 1, '服务记录和表彰');

  return {
    study,
    service: {
      records: service.records.length, byKind, longOpen: service.longOpen, reports: service.reports.length, teams: service.teams.length, teamPeople: teamPeople.length,
    },
    honors: { total: honors.length, byKind: honorKinds, revoked: honors.filter((h) => h.revokedOn).length },
    donations,
  };
}
