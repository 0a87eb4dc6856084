import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { asUser, makeCounty, makeMember, makeOrg, makeUser } from '../../../test/factories.js';
import type { Ctx } from '../../context.js';
import type { FigureSet } from '../../shared/figures.js';
import { leaveMember } from './leave-member.js';
import { memberFigures } from './member-figures.js';
import { transferMember } from './transfer-member.js';

/** A member as the test knows them: where they were over time, and whether probationary, stated by hand per date. */
interface Made {
  id: number;
  /** [from date, organization]: the first from the day they came onto the roll. */
  where: [string, string][];
  leftOn: string | null;
  /** The last day they were probationary: null if never on the dates asked, 9999-12-31 while they still are. */
  probationaryUntil: string | null;
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
const within = (org: string, under: string) => org === under || org.startsWith(`${under}.`);

describe.each(ENGINES)('member figures on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  async function scenario(ctx: Ctx): Promise<Made[]> {
    await makeCounty(ctx, 2);
    await makeOrg(ctx, { code: 'C.T2', name: '中共测试乡委员会', kind: '党委', parentCode: 'C' });
    await makeOrg(ctx, { code: 'C.T2.B1', name: '测试乡某村党支部', parentCode: 'C.T2', establishedOn: '2000-01-01' });
    const made: Made[] = [];
    const member = async (org: string, input: Parameters<typeof makeMember>[2], since: string, probationaryUntil: string | null) => {
      const m = await makeMember(ctx, org, input);
      const entry: Made = { id: m.id, where: [[since, org]], leftOn: null, probationaryUntil };
      made.push(entry);
      return entry;
    };
    const move = async (m: Made, to: string, on: string) => {
      await transferMember(ctx, m.id, { toOrgCode: to, transferredOn: on });
      m.where.push([on, to]);
    };
    const leave = async (m: Made, reason: '死亡' | '转出组织关系', on: string) => {
      await leaveMember(ctx, m.id, { reason, leftOn: on });
      m.leftOn = on;
    };
    await member('C.T1.B1', {}, '2005-07-01', null); // full since 2006
    await member('C.T1.B1', { status: '预备党员', joinedOn: '2025-01-10', confirmedOn: null }, '2025-01-10', '9999-12-31');
    await member('C.T1.B2', { joinedOn: '2024-03-01', confirmedOn: '2025-03-01' }, '2024-03-01', '2025-02-28');
    await member('C.T1.B2', { joinedOn: '2024-09-01', confirmedOn: '2025-09-01' }, '2024-09-01', '2025-08-31');
    await member('C.T1.B1', { status: '预备党员', joinedOn: '2025-08-01', confirmedOn: null }, '2025-08-01', '9999-12-31'); // joined after the end
    await member('C.T1.B1', { joinedOn: '2010-07-01', confirmedOn: '2011-07-01', entryKind: '转入组织关系', entryOn: '2025-09-01' }, '2025-09-01', null); // came in after the end
    await member('C.T1.B2', { joinedOn: '2012-07-01', confirmedOn: '2013-07-01', entryKind: '转入组织关系', entryOn: '2025-02-01' }, '2025-02-01', null);
    await leave(await member('C.T1.B1', {}, '2005-07-01', null), '死亡', '2025-05-01'); // left before the end
    await leave(await member('C.T1.B2', {}, '2005-07-01', null), '转出组织关系', '2025-08-01'); // left after it
    await leave(await member('C.T1.B2', {}, '2005-07-01', null), '死亡', '2025-06-30'); // left on the end day
    // Transfers within the county: the organization on the end day decides.
    await move(await member('C.T1.B1', {}, '2005-07-01', null), 'C.T2.B1', '2025-10-01');
    await move(await member('C.T2.B1', {}, '2005-07-01', null), 'C.T1.B2', '2025-08-01');
    await move(await member('C.T2.B1', {}, '2005-07-01', null), 'C.T1.B1', '2025-03-01');
    await move(await member('C.T2.B1', {}, '2005-07-01', null), 'C.T1.B1', '2025-06-30'); // transferred on the end day
    const twice = await member('C.T2.B1', { status: '预备党员', joinedOn: '2025-02-01', confirmedOn: null }, '2025-02-01', '9999-12-31');
    await move(twice, 'C.T1.B1', '2025-08-01');
    await move(twice, 'C.T1.B2', '2025-09-01');
    await member('C.T2.B1', {}, '2005-07-01', null);
    await member('C.T2.B1', { joinedOn: '2024-12-01', confirmedOn: '2025-12-01' }, '2024-12-01', '2025-11-30');
    return made;
  }

  function expectFigures(set: FigureSet, made: Made[], under: string, end: string) {
    const orgOn = (m: Made) => [...m.where].reverse().find(([from]) => from <= end)?.[1] ?? null;
    const roll = made.filter((m) => {
      const org = orgOn(m);
      return org !== null && within(org, under) && (m.leftOn === null || m.leftOn > end);
    });
    const probationary = roll.filter((m) => m.probationaryUntil !== null && m.probationaryUntil >= end);
    const want: Record<string, number[]> = { members_total: roll.map((m) => m.id), probationary_members_total: probationary.map((m) => m.id) };
    expect(set.period.end).toBe(end);
    expect(set.figures.map((f) => f.id).sort()).toEqual(Object.keys(want).sort());
    for (const f of set.figures) {
      expect({ id: f.id, value: f.value, table: f.evidence.table, ids: sorted(f.evidence.ids) }).toEqual({
        id: f.id,
        value: want[f.id]!.length,
        table: 'memberships',
        ids: sorted(want[f.id]!),
      });
    }
    return { roll: roll.length, probationary: probationary.length };
  }

  it('counts the members on the roll at the period’s end where they were that day, and the probationary ones', async () => {
    const ctx = db.ctx;
    const made = await scenario(ctx);
    const town = await memberFigures(ctx, { orgCode: 'C.T1', period: '2025H1' });
    expect(town.org).toEqual({ code: 'C.T1', name: '中共测试镇委员会' });
    // The scenario is not empty where it matters: 1 full, 1 probationary, 2 confirmed (before / after the end), the one
    // transferred in on 2025-02-01, the one leaving after the end, the ones transferred away after the end, in before it
    // and on the end day.
    expect(expectFigures(town, made, 'C.T1', '2025-06-30')).toEqual({ roll: 9, probationary: 2 });
    expectFigures(await memberFigures(ctx, { orgCode: 'C.T2', period: '2025H1' }), made, 'C.T2', '2025-06-30');
    expectFigures(await memberFigures(ctx, { orgCode: 'C', period: '2025H1' }), made, 'C', '2025-06-30');
    expectFigures(await memberFigures(ctx, { orgCode: 'C.T1', period: '2025' }), made, 'C.T1', '2025-12-31');
    expectFigures(await memberFigures(ctx, { orgCode: 'C.T1.B1', period: '2025-08' }), made, 'C.T1.B1', '2025-08-31');
    expectFigures(await memberFigures(ctx, { period: '2024' }), made, 'C', '2024-12-31');
  });

  it('answers "not found" for an organization outside the caller’s scope, and limits the caller to it', async () => {
    const ctx = db.ctx;
    const made = await scenario(ctx);
    const secretary = await asUser(ctx, await makeUser(ctx, 't2-sec', ['secretary'], 'C.T2'));
    expect((await failure(memberFigures(secretary, { orgCode: 'C.T1', period: '2025' }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(memberFigures(secretary, { orgCode: 'C', period: '2025' }))).code).toBe('ORG_NOT_FOUND');
    expectFigures(await memberFigures(secretary, { period: '2025H1' }), made, 'C.T2', '2025-06-30');
  });
});
