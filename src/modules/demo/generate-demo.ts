/**
 * The demo county (演示县): a realistic, deterministic county of `members` party members with its organizations,
 * development records, organizational life, party dues, party posts, study and training hours, service records,
 * honors and donations, and the supervision ledgers (lists and tasks, inspections and rectification, ratings,
 * disclosures, cadre and publicity records, hand-entered figure sets), for demonstrations, the benchmarks and the rule engine's tests.
 * Same seed, options and "today" → the same records. Written in one transaction through insertOrg and the bulk
 * writers, and only into an empty database.
 */
import { refreshStatistics } from '../../db/statistics.js';
import { inTransaction, type Ctx } from '../../context.js';
import { toIso } from '../../shared/dates.js';
import { AppError } from '../../shared/errors.js';
import { insertDevelopmentBulk } from '../development/insert-development-bulk.js';
import { insertDuesApprovalsBulk, insertDuesBasesBulk, insertDuesPaymentsBulk } from '../dues/insert-dues-bulk.js';
import { insertMeetingsBulk } from '../meetings/insert-meetings-bulk.js';
import { insertMembersBulk } from '../members/insert-members-bulk.js';
import { insertOrg } from '../orgs/create-org.js';
import { childPath } from '../orgs/tree.js';
import { buildMemberDues, emptyDues, paysQuarterly } from './build-dues.js';
import type { DemoFrame, DemoOptions, DemoSummary } from './demo-types.js';
import { COUNTIES } from './places.js';
import { isBranch, meetingBatches, planCounty, type CountyPlan } from './plan-county.js';
import { hash32, minDate } from './rng.js';
import { summarize } from './summarize.js';
import { verifyMeetings, verifyPlan } from './verify-plan.js';
import { workSubjects, type WorkSubject } from './work-subjects.js';
import { writeSupervision } from './write-supervision.js';
import { writeWork } from './write-work.js';

export type { DemoOptions, DemoSummary } from './demo-types.js';

export const DEFAULT_MEMBERS = 25_000;
const CHUNK = 5_000;

/** True when there are no organizations and no people yet: the only state a demo county may be written into. */
export async function isDatabaseEmpty(ctx: Ctx): Promise<boolean> {
  const org = await ctx.db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  if (org) return false;
  const person = await ctx.db.selectFrom('people').select('id').limit(1).executeTakeFirst();
  return !person;
}

export async function generateDemo(ctx: Ctx, opts: DemoOptions = {}): Promise<DemoSummary> {
  const frame = resolveFrame(ctx.clock.today(), opts);
  const progress = opts.onProgress ?? (() => undefined);
  const summary = await inTransaction(ctx, async (tx) => {
    if (!(await isDatabaseEmpty(tx))) {
      throw new AppError('DATABASE_NOT_EMPTY', '数据库中已有组织数据，不能生成演示县：演示县只能生成到空数据库中');
    }
    progress(0, 1, '生成演示数据');
    const plan = planCounty(frame);
    verifyPlan(plan, tx.clock.today());
    progress(1, 1, '生成演示数据');
    const { meetings, dues, work, supervision } = await writePlan(tx, plan, progress);
    return summarize(plan, meetings, dues, work, supervision);
  });
  await refreshStatistics(ctx.db);
  return summary;
}

export function resolveFrame(today: string, opts: DemoOptions): DemoFrame {
  const thisYear = Number(today.slice(0, 4));
  const members = opts.members ?? DEFAULT_MEMBERS;
  const seed = opts.seed ?? 1;
  const fromYear = opts.fromYear ?? thisYear - 1;
  const toYear = Math.min(opts.toYear ?? thisYear, thisYear);
  const invalid = (field: string, message: string) => new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field, message }]);
  if (!Number.isInteger(members) || members < 100 || members > 5_000_000) throw invalid('members', '党员人数应为100–5000000之间的整数');
  if (!Number.isSafeInteger(seed)) throw invalid('seed', '随机种子应为整数');
  if (!Number.isInteger(fromYear) || fromYear < 1990 || fromYear > thisYear) throw invalid('fromYear', `起始年份应为1990–${thisYear}之间的整数`);
  if (!Number.isInteger(toYear) || toYear < fromYear) throw invalid('toYear', '截止年份不能早于起始年份');
  const county = COUNTIES[hash32('county', seed) % COUNTIES.length]!;
  return { seed, members, fromYear, toYear, start: toIso(fromYear, 1, 1), end: minDate(today, toIso(toYear, 12, 31)), county };
}

type Progress = (done: number, total: number, phase: string) => void;

async function writePlan(
  ctx: Ctx,
  plan: CountyPlan,
  progress: Progress,
): Promise<Pick<DemoSummary, 'meetings' | 'dues' | 'supervision'> & { work: Pick<DemoSummary, 'study' | 'service' | 'honors' | 'donations'> }> {
  // Organizations one by one through insertOrg (parents come first in the plan), a few hundred to a few thousand.
  const orgs = new Map<string, { id: number; path: string; depth: number }>();
  for (const [i, o] of plan.orgs.entries()) {
    const parent = o.parentCode ? orgs.get(o.parentCode)! : null;
    const id = await insertOrg(
      ctx,
      {
        code: o.code, name: o.name, kind: o.kind, sector: o.sector, parentCode: o.parentCode, establishedOn: o.establishedOn, lastElectionOn: o.lastElectionOn,
        termYears: o.termYears, committeeSize: o.committeeSize, termExtendedTo: o.termExtendedTo,
      },
      parent,
    );
    orgs.set(o.code, { id, path: childPath(parent?.path ?? null, id), depth: parent ? parent.depth + 1 : 0 });
    if (i % 100 === 0 || i === plan.orgs.length - 1) progress(i + 1, plan.orgs.length, '组织');
  }
  const idOf = (code: string) => orgs.get(code)!.id;

  const membershipIds: number[] = [];
  await inChunks(plan.members, '党员', progress, async (chunk) =>
    membershipIds.push(...(await insertMembersBulk(
      ctx,
      chunk.map((m) => ({
        person: m.person, orgId: idOf(m.orgCode), status: m.status, joinedOn: m.joinedOn, confirmedOn: m.confirmedOn, entryKind: m.entryKind,
        entryOn: m.entryOn, isMobile: m.isMobile, mobileDestination: m.mobileDestination, partyPost: m.partyPost, leftOn: m.leftOn, leaveReason: m.leaveReason,
        leaveNote: m.leaveNote,
      })),
    ))),
  );
  const developmentIds: number[] = [];
  await inChunks(plan.development, '发展党员', progress, async (chunk) =>
    developmentIds.push(...(await insertDevelopmentBulk(
      ctx,
      chunk.map((d) => ({
        person: d.person, orgId: idOf(d.orgCode), dates: d.dates, contacts: d.contacts, introducers: d.introducers, trainingHours: d.trainingHours, extensionMonths: d.extensionMonths,
      })),
    ))),
  );
  const subjects = workSubjects(plan, membershipIds, await recruitMemberships(ctx, developmentIds));
  const dues = await writeDues(ctx, plan, subjects, idOf, progress);
  // Meetings are made and written a batch at a time (checked like the rest), so memory stays flat as counties grow.
  const byCode = new Map(plan.orgs.map((o) => [o.code, o]));
  const written = { total: 0, absences: 0 };
  progress(0, plan.orgs.length, '组织生活');
  for (const batch of meetingBatches(plan)) {
    verifyMeetings(batch.meetings, byCode, ctx.clock.today());
    await insertMeetingsBulk(ctx, batch.meetings.map((m) => ({ ...m, orgId: idOf(m.orgCode) })));
    written.total += batch.meetings.length;
    for (const m of batch.meetings) written.absences += m.absentees.length;
    progress(batch.done, batch.total, '组织生活');
  }
  const work = await writeWork(ctx, plan, subjects, idOf, progress);
  const supervision = await writeSupervision(ctx, plan, subjects, idOf, progress);
  return { meetings: written, dues, work, supervision };
}

/** The membership each development record received on approval, by the record's position (undefined: none). */
async function recruitMemberships(ctx: Ctx, developmentIds: number[]): Promise<(number | undefined)[]> {
  const membershipOfDevelopment = new Map<number, number>();
  for (let i = 0; i < developmentIds.length; i += CHUNK) {
    const rows = await ctx.db
      .selectFrom('development_records')
      .select(['id', 'membership_id'])
      .where('id', 'in', developmentIds.slice(i, i + CHUNK))
      .where('membership_id', 'is not', null)
      .execute();
    for (const r of rows) membershipOfDevelopment.set(r.id, r.membership_id!);
  }
  return developmentIds.map((id) => membershipOfDevelopment.get(id));
}

/**
 * Dues for every member of a standing branch (those already on the roll and the approved recruits, whose memberships
 * insertDevelopmentBulk made), built and written a few thousand members at a time so memory stays flat.
 */
async function writeDues(ctx: Ctx, plan: CountyPlan, subjects: readonly WorkSubject[], idOf: (code: string) => number, progress: Progress): Promise<DemoSummary['dues']> {
  const { frame } = plan;
  const orgs = new Map(plan.orgs.map((o) => [o.code, o]));
  const summary = { bases: 0, approvals: 0, payments: 0, quarterlyBranches: 0, arrears3to5: 0, arrears6plus: 0 };
  for (const o of plan.orgs) if (isBranch(o) && paysQuarterly(frame, o)) summary.quarterlyBranches++;
  progress(0, subjects.length, '党费');
  for (let i = 0; i < subjects.length; i += CHUNK) {
    const dues = emptyDues();
    for (const s of subjects.slice(i, i + CHUNK)) {
      const org = orgs.get(s.orgCode)!;
      // 临时党支部不收缴党费: its participants pay in their own branches.
      if (org.kind === '临时党支部') continue;
      buildMemberDues(frame, org, org.parentCode ? orgs.get(org.parentCode)!.name : org.name, s, dues);
    }
    const orgIdOf = new Map(subjects.slice(i, i + CHUNK).map((s) => [s.membershipId, idOf(s.orgCode)]));
    const withOrg = <T extends { membershipId: number }>(rows: T[]) => rows.map((r) => ({ ...r, orgId: orgIdOf.get(r.membershipId)! }));
    await insertDuesBasesBulk(ctx, withOrg(dues.bases).map((b) => ({ ...b, baseFen: b.baseFen })));
    await insertDuesApprovalsBulk(ctx, withOrg(dues.approvals));
    await insertDuesPaymentsBulk(ctx, withOrg(dues.payments));
    summary.bases += dues.bases.length;
    summary.approvals += dues.approvals.length;
    summary.payments += dues.payments.length;
    summary.arrears3to5 += dues.arrears3to5;
    summary.arrears6plus += dues.arrears6plus;
    progress(Math.min(subjects.length, i + CHUNK), subjects.length, '党费');
  }
  return summary;
}

async function inChunks<T>(rows: T[], phase: string, progress: Progress, write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  progress(0, rows.length, phase);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await write(rows.slice(i, i + CHUNK));
    progress(Math.min(rows.length, i + CHUNK), rows.length, phase);
  }
}
