import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../../../test/helpers/test-db.js';
import { makeCounty, makeMember, makeOrg } from '../../../test/factories.js';
import { AppError } from '../../shared/errors.js';
import { createOrg } from './create-org.js';
import { getOrg, listSubtree } from './find-orgs.js';
import { moveOrg } from './move-org.js';
import { updateOrg } from './update-org.js';
import { countMembers } from '../members/find-members.js';
import { codeOf, failure } from '../../../test/helpers/errors.js';
import { orgInput, orgPatch } from './orgs.schema.js';

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

  it('records the committee size and an approved extension of the term, and audits their changes', async () => {
    await makeCounty(t.ctx, 1);
    const created = await makeOrg(t.ctx, {
      code: 'C.T1.B2', parentCode: 'C.T1', establishedOn: '2000-01-01', lastElectionOn: '2021-03-01', termYears: 5, committeeSize: 5, termExtendedTo: '2026-09-01',
    });
    expect(created).toMatchObject({ committeeSize: 5, termExtendedTo: '2026-09-01' });
    expect(await getOrg(t.ctx, 'C.T1.B2')).toMatchObject({ committeeSize: 5, termExtendedTo: '2026-09-01' });
    expect(await getOrg(t.ctx, 'C.T1.B1')).toMatchObject({ committeeSize: null, termExtendedTo: null });
    expect((await listSubtree(t.ctx, 'C.T1.B2'))[0]).toMatchObject({ committeeSize: 5, termExtendedTo: '2026-09-01' });

    // 0: no committee (a 书记 only) is a value of its own, not the same as not recorded.
    const updated = await updateOrg(t.ctx, 'C.T1.B2', { committeeSize: 0, termExtendedTo: '2027-03-01' });
    expect(updated).toMatchObject({ committeeSize: 0, termExtendedTo: '2027-03-01', lastElectionOn: '2021-03-01' });
    const cleared = await updateOrg(t.ctx, 'C.T1.B2', { committeeSize: null, termExtendedTo: null });
    expect(cleared).toMatchObject({ committeeSize: null, termExtendedTo: null });

    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'changes']).where('record_id', '=', 'C.T1.B2').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect(JSON.parse(audit[0]!.changes!)).toMatchObject({ committeeSize: [null, 5], termExtendedTo: [null, '2026-09-01'] });
    expect(JSON.parse(audit[1]!.changes!)).toEqual({ committeeSize: [5, 0], termExtendedTo: ['2026-09-01', '2027-03-01'] });
    expect(JSON.parse(audit[2]!.changes!)).toEqual({ committeeSize: [0, null], termExtendedTo: ['2027-03-01', null] });
  });

  it('rejects a committee in a 党小组 and an extension without an election before it, changing nothing', async () => {
    await makeCounty(t.ctx, 1);
    const group = await failure(makeOrg(t.ctx, { code: 'C.T1.B1.G1', kind: '党小组', parentCode: 'C.T1.B1', committeeSize: 3 }));
    expect(group.code).toBe('ORG_COMMITTEE_NOT_ALLOWED');
    expect(group.issues).toEqual([{ code: 'ORG_COMMITTEE_NOT_ALLOWED', field: 'committeeSize', message: '党小组不设支部委员会，支委会委员人数只能填0或不填' }]);
    expect(await codeOf(makeOrg(t.ctx, { code: 'C.T1.B1.G1', kind: '党小组', parentCode: 'C.T1.B1', committeeSize: 0 }))).toBe('OK');
    expect(await codeOf(makeOrg(t.ctx, { code: 'C.T1.Z', kind: '党总支', parentCode: 'C.T1', committeeSize: 5 }))).toBe('OK');
    expect(await codeOf(updateOrg(t.ctx, 'C.T1.B1.G1', { committeeSize: 3 }))).toBe('ORG_COMMITTEE_NOT_ALLOWED');

    const noElection = await failure(makeOrg(t.ctx, { code: 'X', termExtendedTo: '2026-06-01' }));
    expect(noElection.issues).toEqual([expect.objectContaining({ code: 'FIELD_REQUIRED', field: 'lastElectionOn' })]);
    expect(noElection.message).toContain('本届选举日期');
    const early = await failure(makeOrg(t.ctx, { code: 'X', lastElectionOn: '2023-05-01', termExtendedTo: '2023-05-01' }));
    expect(early.issues).toEqual([expect.objectContaining({ code: 'DATE_ORDER_INVALID', field: 'termExtendedTo' })]);

    // The checks see the record as it would be after the change.
    await updateOrg(t.ctx, 'C.T1.B1', { lastElectionOn: '2021-03-01', termYears: 3, committeeSize: 3, termExtendedTo: '2024-09-01' });
    const before = await getOrg(t.ctx, 'C.T1.B1');
    expect(await codeOf(updateOrg(t.ctx, 'C.T1.B1', { lastElectionOn: null }))).toBe('FIELD_REQUIRED');
    expect(await codeOf(updateOrg(t.ctx, 'C.T1.B1', { lastElectionOn: '2024-09-01' }))).toBe('DATE_ORDER_INVALID');
    expect(await getOrg(t.ctx, 'C.T1.B1')).toEqual(before);
    expect((await listSubtree(t.ctx)).map((o) => o.code)).toEqual(['C', 'C.T1', 'C.T1.B1', 'C.T1.Z', 'C.T1.B1.G1']);
  });

  it('accepts a committee of 0–15 members and an extension as a date, at the edge', () => {
    const base = { code: 'X', name: 'x', kind: '党支部', sector: '农村' };
    for (const committeeSize of [0, 15, null, undefined]) expect(orgInput.safeParse({ ...base, committeeSize }).success, String(committeeSize)).toBe(true);
    for (const committeeSize of [-1, 16, 2.5, '3']) expect(orgInput.safeParse({ ...base, committeeSize }).success, String(committeeSize)).toBe(false);
    expect(orgPatch.safeParse({ termExtendedTo: '2026-02-30' }).success).toBe(false);
    expect(orgPatch.parse({ termExtendedTo: ' 2026-02-28 ', committeeSize: 3 })).toEqual({ termExtendedTo: '2026-02-28', committeeSize: 3 });
  });
});
