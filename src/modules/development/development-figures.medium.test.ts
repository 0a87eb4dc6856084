import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { asUser, idNumberFor, makeCounty, makeMember, makeOrg, makeUser } from '../../../test/factories.js';
import type { Ctx } from '../../context.js';
import type { FigureSet } from '../../shared/figures.js';
import { leaveMember } from '../members/leave-member.js';
import { developmentFigures } from './development-figures.js';
import { createDevelopment } from './record-development.js';

type Dates = {
  appliedOn: string;
  activistOn?: string;
  candidateOn?: string;
  branchMeetingOn?: string;
  approvedOn?: string;
  conversionMeetingOn?: string;
  conversionApprovedOn?: string;
};

interface Made {
  id: number;
  org: string;
  dates: Dates;
  membershipId: number | null;
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
const within = (org: string, under: string) => org === under || org.startsWith(`${under}.`);

describe.each(ENGINES)('development figures on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  async function scenario(ctx: Ctx) {
    await makeCounty(ctx, 2);
    await makeOrg(ctx, { code: 'C.T2', name: '中共测试乡委员会', kind: '党委', parentCode: 'C' });
    await makeOrg(ctx, { code: 'C.T2.B1', name: '测试乡某村党支部', parentCode: 'C.T2', establishedOn: '2000-01-01' });
    const made: Made[] = [];
    let n = 0;
    const develop = async (org: string, dates: Dates) => {
      n += 1;
      const d = await createDevelopment(ctx, { name: `申请人${n}`, idNumber: idNumberFor('1996-05-0' + ((n % 9) + 1)), orgCode: org, ...dates });
      made.push({ id: d.id, org, dates, membershipId: d.membershipId });
      return d;
    };
    await develop('C.T1.B1', { appliedOn: '2024-01-05' }); // an applicant only
    await develop('C.T1.B1', { appliedOn: '2024-01-05', activistOn: '2024-06-01' }); // an activist since before the year
    await develop('C.T1.B1', { appliedOn: '2025-01-10', activistOn: '2025-03-01' });
    await develop('C.T1.B2', { appliedOn: '2024-12-01', activistOn: '2025-02-01', candidateOn: '2025-09-01' });
    await develop('C.T1.B2', { appliedOn: '2025-05-01', activistOn: '2025-11-01', candidateOn: '2026-03-01' }); // a candidate only after the end
    await develop('C.T1.B1', { appliedOn: '2025-06-01', activistOn: '2026-02-01' }); // after the year
    await develop('C.T1.B1', { appliedOn: '2023-06-01', activistOn: '2024-03-01', candidateOn: '2024-09-01', branchMeetingOn: '2025-01-10', approvedOn: '2025-02-01' });
    await develop('C.T1.B2', {
      appliedOn: '2022-01-01', activistOn: '2023-01-01', candidateOn: '2023-06-01', branchMeetingOn: '2024-01-10', approvedOn: '2024-02-01',
      conversionMeetingOn: '2025-01-15', conversionApprovedOn: '2025-02-10',
    });
    await develop('C.T1.B2', {
      appliedOn: '2022-01-01', activistOn: '2023-01-01', candidateOn: '2023-06-01', branchMeetingOn: '2024-12-10', approvedOn: '2024-12-30',
      conversionMeetingOn: '2025-12-15', conversionApprovedOn: '2026-01-10',
    }); // approved the year before, converted the year after
    await develop('C.T2.B1', { appliedOn: '2025-01-01', activistOn: '2025-05-01' }); // another township
    await develop('C.T2.B1', { appliedOn: '2023-01-01', activistOn: '2023-06-01', candidateOn: '2024-01-01', branchMeetingOn: '2025-03-01', approvedOn: '2025-03-20' });
    // Cancellations (recorded on the roll): one in 2025 after approval in 2025, one in 2026, one who died (not a cancellation).
    const cancelled = await develop('C.T1.B1', { appliedOn: '2023-01-01', activistOn: '2023-06-01', candidateOn: '2024-06-01', branchMeetingOn: '2025-02-20', approvedOn: '2025-03-01' });
    await leaveMember(ctx, cancelled.membershipId!, { reason: '取消预备党员资格', leftOn: '2025-10-01' });
    const later = await makeMember(ctx, 'C.T1.B2', { status: '预备党员', joinedOn: '2025-06-01', confirmedOn: null });
    await leaveMember(ctx, later.id, { reason: '取消预备党员资格', leftOn: '2026-03-01' });
    const other = await makeMember(ctx, 'C.T2.B1', { status: '预备党员', joinedOn: '2025-01-01', confirmedOn: null });
    await leaveMember(ctx, other.id, { reason: '取消预备党员资格', leftOn: '2025-07-01' });
    const died = await makeMember(ctx, 'C.T1.B1', { status: '预备党员', joinedOn: '2025-01-01', confirmedOn: null });
    await leaveMember(ctx, died.id, { reason: '死亡', leftOn: '2025-08-01' });
    const leavers = [
      { id: cancelled.membershipId!, org: 'C.T1.B1', reason: '取消预备党员资格', leftOn: '2025-10-01' },
      { id: later.id, org: 'C.T1.B2', reason: '取消预备党员资格', leftOn: '2026-03-01' },
      { id: other.id, org: 'C.T2.B1', reason: '取消预备党员资格', leftOn: '2025-07-01' },
      { id: died.id, org: 'C.T1.B1', reason: '死亡', leftOn: '2025-08-01' },
    ];
    return { made, leavers };
  }

  function expectFigures(set: FigureSet, s: Awaited<ReturnType<typeof scenario>>, under: string, start: string, end: string) {
    const mine = s.made.filter((m) => within(m.org, under));
    const inPeriod = (d: string | undefined) => d !== undefined && d >= start && d <= end;
    const want: Record<string, { table: string; ids: number[] }> = {
      new_activists: { table: 'development_records', ids: mine.filter((m) => inPeriod(m.dates.activistOn)).map((m) => m.id) },
      new_probationary_members: { table: 'development_records', ids: mine.filter((m) => inPeriod(m.dates.approvedOn)).map((m) => m.id) },
      probationary_members_confirmed: { table: 'development_records', ids: mine.filter((m) => inPeriod(m.dates.conversionApprovedOn)).map((m) => m.id) },
      probationary_status_cancelled: {
        table: 'memberships',
        ids: s.leavers.filter((l) => within(l.org, under) && l.reason === '取消预备党员资格' && inPeriod(l.leftOn)).map((l) => l.id),
      },
      activists_total: {
        table: 'development_records',
        ids: mine
          .filter((m) => m.dates.activistOn !== undefined && m.dates.activistOn <= end && (m.dates.candidateOn === undefined || m.dates.candidateOn > end))
          .map((m) => m.id),
      },
    };
    expect(set.figures.map((f) => f.id).sort()).toEqual(Object.keys(want).sort());
    for (const f of set.figures) {
      expect({ id: f.id, value: f.value, table: f.evidence.table, ids: sorted(f.evidence.ids) }).toEqual({
        id: f.id,
        value: want[f.id]!.ids.length,
        table: want[f.id]!.table,
        ids: sorted(want[f.id]!.ids),
      });
      expect(f.unit).toBe('名');
    }
    return want;
  }

  it('counts the steps taken in the period and the activists at its end, with the records behind each', async () => {
    const ctx = db.ctx;
    const s = await scenario(ctx);
    const town = await developmentFigures(ctx, { orgCode: 'C.T1', period: '2025' });
    expect(town.org).toEqual({ code: 'C.T1', name: '中共测试镇委员会' });
    const want = expectFigures(town, s, 'C.T1', '2025-01-01', '2025-12-31');
    // The scenario is not empty where it matters.
    expect(Object.fromEntries(Object.entries(want).map(([id, w]) => [id, w.ids.length]))).toEqual({
      new_activists: 3,
      new_probationary_members: 2,
      probationary_members_confirmed: 1,
      probationary_status_cancelled: 1,
      activists_total: 3,
    });
    expectFigures(await developmentFigures(ctx, { orgCode: 'C', period: '2025' }), s, 'C', '2025-01-01', '2025-12-31');
    expectFigures(await developmentFigures(ctx, { period: '2026' }), s, 'C', '2026-01-01', '2026-12-31');
    expectFigures(await developmentFigures(ctx, { orgCode: 'C.T1.B2', period: '2025H2' }), s, 'C.T1.B2', '2025-07-01', '2025-12-31');
    expectFigures(await developmentFigures(ctx, { orgCode: 'C.T1', period: '2024' }), s, 'C.T1', '2024-01-01', '2024-12-31');
  });

  it('answers "not found" for an organization outside the caller’s scope, and limits the caller to it', async () => {
    const ctx = db.ctx;
    const s = await scenario(ctx);
    const secretary = await asUser(ctx, await makeUser(ctx, 'b2-sec', ['secretary'], 'C.T1.B2'));
    expect((await failure(developmentFigures(secretary, { orgCode: 'C.T1.B1', period: '2025' }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(developmentFigures(secretary, { orgCode: 'C.T1', period: '2025' }))).code).toBe('ORG_NOT_FOUND');
    expectFigures(await developmentFigures(secretary, { period: '2025' }), s, 'C.T1.B2', '2025-01-01', '2025-12-31');
  });
});
