import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../../../test/helpers/test-db.js';
import { makeCounty, makeMember, makeOrg } from '../../../test/factories.js';
import { AppError } from '../../shared/errors.js';
import { createOrg } from './create-org.js';
import { getOrg, listSubtree } from './find-orgs.js';
import { moveOrg } from './move-org.js';
import { updateOrg } from './update-org.js';
import { countMembers } from '../members/find-members.js';
import { codeOf } from '../../../test/helpers/errors.js';


describe.each(ENGINES)('organizations on %s', (engine) => {
  const t = useTestDatabase(engine);

  it('keeps a materialized path and lists a subtree with one range query', async () => {
    const { county, town, branches } = await makeCounty(t.ctx, 3);
    expect(county.path).toBe(`/${county.id}/`);
    expect(town.path).toBe(`/${county.id}/${town.id}/`);
    expect(branches[0]!.path).toBe(`/${county.id}/${town.id}/${branches[0]!.id}/`);
    await makeOrg(t.ctx, { code: 'OTHER', kind: '党委', sector: '机关' });
    const sub = await listSubtree(t.ctx, 'C.T1');
    expect(sub.map((o) => o.code)).toEqual(['C.T1', 'C.T1.B1', 'C.T1.B2', 'C.T1.B3']);
    expect((await listSubtree(t.ctx)).length).toBe(6);
  });

  it('does not confuse organization 1 with 10 in the subtree range', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 11; i++) ids.push((await makeOrg(t.ctx, { code: `R${i}`, kind: '党委', sector: '机关' })).id);
    await makeOrg(t.ctx, { code: 'R0.B', parentCode: 'R0' });
    await makeOrg(t.ctx, { code: 'R9.B', parentCode: 'R9' });
    expect((await listSubtree(t.ctx, 'R0')).map((o) => o.code)).toEqual(['R0', 'R0.B']);
  });

  it('moves a subtree in one transaction and rewrites every path below it', async () => {
    const { branches } = await makeCounty(t.ctx, 1);
    await makeOrg(t.ctx, { code: 'C.T2', kind: '党委', parentCode: 'C' });
    await makeOrg(t.ctx, { code: 'C.T1.B1.G1', kind: '党小组', parentCode: 'C.T1.B1' });
    await makeMember(t.ctx, 'C.T1.B1');
    const moved = await moveOrg(t.ctx, 'C.T1.B1', 'C.T2');
    const t2 = await getOrg(t.ctx, 'C.T2');
    expect(moved.path).toBe(`${t2.path}${branches[0]!.id}/`);
    expect(moved.parentCode).toBe('C.T2');
    const group = await getOrg(t.ctx, 'C.T1.B1.G1');
    expect(group.path.startsWith(moved.path)).toBe(true);
    expect(group.depth).toBe(moved.depth + 1);
    expect(await countMembers(t.ctx, 'C.T2')).toBe(1);
    expect(await countMembers(t.ctx, 'C.T1')).toBe(0);
  });

  it('rejects a move under itself or its own descendant and changes nothing', async () => {
    await makeCounty(t.ctx, 1);
    const before = await listSubtree(t.ctx);
    expect(await codeOf(moveOrg(t.ctx, 'C.T1', 'C.T1.B1'))).toBe('ORG_CYCLE');
    expect(await codeOf(moveOrg(t.ctx, 'C.T1', 'C.T1'))).toBe('ORG_CYCLE');
    expect(await listSubtree(t.ctx)).toEqual(before);
  });

  it('rejects bad input with a stable code naming the field', async () => {
    await makeCounty(t.ctx, 1);
    expect(await codeOf(makeOrg(t.ctx, { code: 'C' }))).toBe('ORG_CODE_TAKEN');
    expect(await codeOf(makeOrg(t.ctx, { code: 'X', parentCode: 'NOPE' }))).toBe('ORG_NOT_FOUND');
    expect(await codeOf(makeOrg(t.ctx, { code: 'X', establishedOn: '2099-01-01' }))).toBe('DATE_IN_FUTURE');
    expect(await codeOf(makeOrg(t.ctx, { code: 'X', establishedOn: '2020-01-01', lastElectionOn: '2019-01-01' }))).toBe('DATE_ORDER_INVALID');
    expect(await codeOf(updateOrg(t.ctx, 'NOPE', { name: 'x' }))).toBe('ORG_NOT_FOUND');
    try {
      await createOrg(t.ctx, { code: 'Y', name: 'y', kind: '党支部', sector: '农村', parentCode: 'NOPE' });
    } catch (e) {
      expect((e as AppError).issues[0]!.field).toBe('parentCode');
    }
    expect((await listSubtree(t.ctx)).length).toBe(3);
  });

  it('updates own fields', async () => {
    await makeCounty(t.ctx, 1);
    const o = await updateOrg(t.ctx, 'C.T1.B1', { lastElectionOn: '2024-03-01', termYears: 5 });
    expect(o.lastElectionOn).toBe('2024-03-01');
    expect(o.termYears).toBe(5);
  });
});
