import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { countingCtx } from '../../../test/helpers/query-counter.js';
import { asUser, makeCounty, makeOrg, makeUser } from '../../../test/factories.js';
import type { OrgInput } from './orgs.schema.js';
import { orgFigures } from './org-figures.js';

// Today in these tests is 2026-11-23 (TEST_TODAY).
type Spec = Partial<OrgInput> & { code: string; kind: OrgInput['kind']; sector: OrgInput['sector'] };

/**
 * The county of makeCounty (C; 镇 C.T1 with village branches B1, B2), grown into every shape the figures tell apart.
 * Dates in 2026 make an organization absent from 2025's figures.
 */
const SPECS: Spec[] = [
  { code: 'C.T1.B1.G1', kind: '党小组', sector: '农村', parentCode: 'C.T1.B1' },
  { code: 'C.T1.V3', kind: '党委', sector: '农村', parentCode: 'C.T1', establishedOn: '1990-01-01', lastElectionOn: '2026-03-10', termYears: 5 },
  { code: 'C.T1.V3.1', kind: '党支部', sector: '农村', parentCode: 'C.T1.V3', establishedOn: '1990-01-01', lastElectionOn: '2026-03-15', termYears: 3 },
  { code: 'C.T1.V3.2', kind: '党支部', sector: '农村', parentCode: 'C.T1.V3', establishedOn: '1995-01-01', lastElectionOn: '2023-03-01', termYears: 3 },
  { code: 'C.T1.Q', kind: '党支部', sector: '社区', parentCode: 'C.T1', establishedOn: '2010-01-01', lastElectionOn: '2026-01-20', termYears: 5 },
  { code: 'C.T1.J', kind: '党支部', sector: '机关', parentCode: 'C.T1', establishedOn: '1990-01-01' },
  { code: 'C.T1.P', kind: '党支部', sector: '非公有制企业', parentCode: 'C.T1', establishedOn: '2012-01-01' },
  { code: 'C.T1.L', kind: '临时党支部', sector: '农村', parentCode: 'C.T1', establishedOn: '2026-02-01' },
  { code: 'C.S1', kind: '党工委', sector: '社区', parentCode: 'C', establishedOn: '2005-01-01' },
  { code: 'C.S1.K1', kind: '党总支', sector: '社区', parentCode: 'C.S1', establishedOn: '2008-01-01', lastElectionOn: '2026-04-01', termYears: 5 },
  { code: 'C.S1.K1.1', kind: '党支部', sector: '社区', parentCode: 'C.S1.K1', establishedOn: '2008-01-01' },
  { code: 'C.W', kind: '党工委', sector: '机关', parentCode: 'C', establishedOn: '1985-01-01' },
  { code: 'C.W.D1', kind: '党支部', sector: '机关', parentCode: 'C.W', establishedOn: '1985-01-01', lastElectionOn: '2024-05-01', termYears: 3 },
  { code: 'C.W.D2', kind: '党委', sector: '机关', parentCode: 'C.W', establishedOn: '1985-01-01' },
  { code: 'C.W.D2.1', kind: '党支部', sector: '机关', parentCode: 'C.W.D2', establishedOn: '1985-01-01' },
  { code: 'C.W.R', kind: '党支部', sector: '其他', parentCode: 'C.W', establishedOn: '1995-01-01' },
  { code: 'C.W.H', kind: '党支部', sector: '事业单位', parentCode: 'C.W', establishedOn: '2026-09-01' },
  { code: 'C.E', kind: '党委', sector: '学校', parentCode: 'C', establishedOn: '2000-01-01' },
  { code: 'C.E.S1', kind: '党总支', sector: '学校', parentCode: 'C.E', establishedOn: '2000-01-01' },
  { code: 'C.E.S1.1', kind: '党支部', sector: '学校', parentCode: 'C.E.S1', establishedOn: '2000-01-01' },
  { code: 'C.G', kind: '党委', sector: '国有企业', parentCode: 'C', establishedOn: '2005-01-01' },
  { code: 'C.G.F1', kind: '党支部', sector: '国有企业', parentCode: 'C.G', establishedOn: '2006-01-01' },
  { code: 'C.G.L', kind: '临时党支部', sector: '国有企业', parentCode: 'C.G', establishedOn: '2025-06-01' },
  { code: 'C.N', kind: '党工委', sector: '非公有制企业', parentCode: 'C', establishedOn: '2009-01-01' },
  { code: 'C.N.F1', kind: '党支部', sector: '非公有制企业', parentCode: 'C.N', establishedOn: '2026-05-01' },
  { code: 'C.N.F2', kind: '党委', sector: '非公有制企业', parentCode: 'C.N', establishedOn: '2015-01-01' },
  { code: 'C.N.F2.1', kind: '党支部', sector: '非公有制企业', parentCode: 'C.N.F2', establishedOn: '2026-03-01' },
  { code: 'C.N.J', kind: '联合党支部', sector: '非公有制企业', parentCode: 'C.N', establishedOn: '2026-06-01' },
  { code: 'C.N.O', kind: '党支部', sector: '社会组织', parentCode: 'C.N', establishedOn: '2026-07-01' },
  { code: 'C.N.O2', kind: '联合党支部', sector: '社会组织', parentCode: 'C.N', establishedOn: '2025-03-01' },
  { code: 'C.L0', kind: '临时党支部', sector: '机关', parentCode: 'C', establishedOn: '2025-08-01' },
];

/** The county, and each organization's id by code. */
async function makeTree(ctx: Ctx): Promise<Map<string, number>> {
  const { county, town, branches } = await makeCounty(ctx, 2);
  const ids = new Map<string, number>([county, town, ...branches].map((o) => [o.code, o.id]));
  for (const spec of SPECS) ids.set(spec.code, (await makeOrg(ctx, spec)).id);
  // B2 elected its committee in 2025, B1 long before.
  await ctx.db.updateTable('organizations').set({ last_election_on: '2025-02-01', term_years: 3 }).where('code', '=', 'C.T1.B2').execute();
  await ctx.db.updateTable('organizations').set({ last_election_on: '2019-02-01', term_years: 3 }).where('code', '=', 'C.T1.B1').execute();
  return ids;
}

type Expected = Record<string, string[]>;

describe.each(ENGINES)('organization figures on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  /** Each figure's value is the number of its organizations, and its evidence their ids in id order. */
  async function expectFigures(ctx: Ctx, ids: Map<string, number>, q: { period: string; orgCode?: string }, expected: Expected) {
    const set = await orgFigures(ctx, q);
    const got = Object.fromEntries(set.figures.map((f) => [f.id, { value: f.value, evidence: f.evidence }]));
    const want = Object.fromEntries(
      Object.entries(expected).map(([id, codes]) => [
        id,
        { value: codes.length, evidence: { table: 'organizations', ids: codes.map((c) => ids.get(c)!).sort((a, b) => a - b) } },
      ]),
    );
    expect(got).toEqual(want);
  }

  it('counts organizations, villages, townships, units, two-new organizations and elections of the whole county', async () => {
    const ctx = db.ctx;
    const ids = await makeTree(ctx);

    await expectFigures(ctx, ids, { period: '2026' }, {
      // Not counted: C (县委), 党工委 C.S1, C.W, C.N, the 党小组 and the 临时党支部.
      party_orgs_total: [
        'C.T1', 'C.T1.B1', 'C.T1.B2', 'C.T1.V3', 'C.T1.V3.1', 'C.T1.V3.2', 'C.T1.Q', 'C.T1.J', 'C.T1.P',
        'C.S1.K1', 'C.S1.K1.1', 'C.W.D1', 'C.W.D2', 'C.W.D2.1', 'C.W.R', 'C.W.H', 'C.E', 'C.E.S1', 'C.E.S1.1',
        'C.G', 'C.G.F1', 'C.N.F1', 'C.N.F2', 'C.N.F2.1', 'C.N.J', 'C.N.O', 'C.N.O2',
      ],
      // Each village's and community's top organization: not V3's branches, nor the community 总支's 网格 branch.
      village_orgs_total: ['C.T1.B1', 'C.T1.B2', 'C.T1.V3', 'C.T1.Q', 'C.S1.K1'],
      townships_in_scope: ['C.T1', 'C.S1'],
      // The units under 机关工委 and the systems; not D2's branch, the retired cadres (其他), nor the township's 机关.
      district_units_in_scope: ['C.W.D1', 'C.W.D2', 'C.W.H', 'C.E.S1', 'C.G.F1'],
      temporary_branches_established: ['C.T1.L'],
      nonpublic_party_orgs: ['C.T1.P', 'C.N.F1', 'C.N.F2', 'C.N.F2.1', 'C.N.J'],
      // F2.1 is F2's branch; the joint branch covers an unrecorded number of firms.
      nonpublic_enterprises_with_party_org: ['C.T1.P', 'C.N.F1', 'C.N.F2'],
      two_new_party_orgs_established: ['C.N.F1', 'C.N.F2.1', 'C.N.J', 'C.N.O'],
      // Villages only (the community Q and K1 elected too).
      org_elections_completed: ['C.T1.V3'],
      party_org_elections_completed: ['C.T1.V3', 'C.T1.V3.1', 'C.T1.Q', 'C.S1.K1'],
    });

    // 2025: what was founded in 2026 does not exist yet.
    await expectFigures(ctx, ids, { period: '2025' }, {
      party_orgs_total: [
        'C.T1', 'C.T1.B1', 'C.T1.B2', 'C.T1.V3', 'C.T1.V3.1', 'C.T1.V3.2', 'C.T1.Q', 'C.T1.J', 'C.T1.P',
        'C.S1.K1', 'C.S1.K1.1', 'C.W.D1', 'C.W.D2', 'C.W.D2.1', 'C.W.R', 'C.E', 'C.E.S1', 'C.E.S1.1',
        'C.G', 'C.G.F1', 'C.N.F2', 'C.N.O2',
      ],
      village_orgs_total: ['C.T1.B1', 'C.T1.B2', 'C.T1.V3', 'C.T1.Q', 'C.S1.K1'],
      townships_in_scope: ['C.T1', 'C.S1'],
      district_units_in_scope: ['C.W.D1', 'C.W.D2', 'C.E.S1', 'C.G.F1'],
      temporary_branches_established: ['C.G.L', 'C.L0'],
      nonpublic_party_orgs: ['C.T1.P', 'C.N.F2'],
      nonpublic_enterprises_with_party_org: ['C.T1.P', 'C.N.F2'],
      two_new_party_orgs_established: ['C.N.O2'],
      org_elections_completed: ['C.T1.B2'],
      party_org_elections_completed: ['C.T1.B2'],
    });

    // Half-year 2026H1: K1's election (April) is in, C.N.O (July) and C.W.H (September) are not yet founded.
    const h1 = await orgFigures(ctx, { period: '2026H1' });
    const value = (id: string) => h1.figures.find((f) => f.id === id)!.value;
    expect([value('party_org_elections_completed'), value('two_new_party_orgs_established'), value('district_units_in_scope')]).toEqual([4, 3, 4]);
  });

  it('limits the figures to the subtree asked for, whose top may be a village or a township', async () => {
    const ctx = db.ctx;
    const ids = await makeTree(ctx);
    await expectFigures(ctx, ids, { period: '2026', orgCode: 'C.T1' }, {
      party_orgs_total: ['C.T1', 'C.T1.B1', 'C.T1.B2', 'C.T1.V3', 'C.T1.V3.1', 'C.T1.V3.2', 'C.T1.Q', 'C.T1.J', 'C.T1.P'],
      village_orgs_total: ['C.T1.B1', 'C.T1.B2', 'C.T1.V3', 'C.T1.Q'],
      townships_in_scope: ['C.T1'],
      district_units_in_scope: [],
      temporary_branches_established: ['C.T1.L'],
      nonpublic_party_orgs: ['C.T1.P'],
      nonpublic_enterprises_with_party_org: ['C.T1.P'],
      two_new_party_orgs_established: [],
      org_elections_completed: ['C.T1.V3'],
      party_org_elections_completed: ['C.T1.V3', 'C.T1.V3.1', 'C.T1.Q'],
    });
    await expectFigures(ctx, ids, { period: '2026', orgCode: 'C.N' }, {
      party_orgs_total: ['C.N.F1', 'C.N.F2', 'C.N.F2.1', 'C.N.J', 'C.N.O', 'C.N.O2'],
      village_orgs_total: [],
      townships_in_scope: [],
      district_units_in_scope: [],
      temporary_branches_established: [],
      nonpublic_party_orgs: ['C.N.F1', 'C.N.F2', 'C.N.F2.1', 'C.N.J'],
      nonpublic_enterprises_with_party_org: ['C.N.F1', 'C.N.F2'],
      two_new_party_orgs_established: ['C.N.F1', 'C.N.F2.1', 'C.N.J', 'C.N.O'],
      org_elections_completed: [],
      party_org_elections_completed: [],
    });
    // A village's own subtree: the village is told by its parent and grandparent, which lie outside the subtree.
    const village = await orgFigures(ctx, { period: '2026', orgCode: 'C.T1.V3' });
    expect(village.org).toEqual({ code: 'C.T1.V3', name: '测试组织C.T1.V3' });
    expect(village.period).toMatchObject({ label: '2026', start: '2026-01-01', end: '2026-12-31' });
    expect(village.figures.find((f) => f.id === 'village_orgs_total')!.evidence.ids).toEqual([ids.get('C.T1.V3')]);
    expect(village.figures.find((f) => f.id === 'party_orgs_total')!.value).toBe(3);

    const total = village.figures.find((f) => f.id === 'party_orgs_total')!;
    expect(total).toMatchObject({ label: '基层党组织', unit: '个' });
    expect(total.computation).toContain('基层党委1个、党总支0个、党支部2个、联合党支部0个');
    expect(total.computation).toMatch(/临时党支部不计/);
    expect(village.figures.find((f) => f.id === 'org_elections_completed')!.computation).toMatch(/只保存最近一次选举日期/);
  });

  it("answers a secretary for their own organization's subtree only", async () => {
    const ctx = db.ctx;
    await makeTree(ctx);
    const secretary = await asUser(ctx, await makeUser(ctx, 't1-sec', ['secretary'], 'C.T1'));
    const mine = await orgFigures(secretary, { period: '2026' });
    expect(mine.figures.find((f) => f.id === 'party_orgs_total')!.value).toBe(9);
    expect(mine.figures.find((f) => f.id === 'townships_in_scope')!.value).toBe(1);
    expect((await failure(orgFigures(secretary, { period: '2026', orgCode: 'C.S1' }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(orgFigures(secretary, { period: '2026', orgCode: 'C' }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(orgFigures(ctx, { period: '2026', orgCode: 'NOPE' }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(orgFigures(ctx, { period: '2026Q5' }))).code).toBe('FIELD_INVALID');
  });

  it('computes the figures in a fixed number of queries, however many organizations there are', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const counted = async () => {
      const c = countingCtx(ctx);
      await orgFigures(c.ctx, { period: '2026', orgCode: 'C' });
      return c.queries();
    };
    const few = await counted();
    for (const spec of SPECS) await makeOrg(ctx, spec);
    expect(await counted()).toBe(few);
    expect(few).toBeLessThanOrEqual(2);
  });
});
