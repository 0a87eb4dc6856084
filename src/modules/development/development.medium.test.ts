import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../../../test/helpers/test-db.js';
import { idNumberFor, makeCounty } from '../../../test/factories.js';
import { AppError } from '../../shared/errors.js';
import { countMembers, getMember } from '../members/find-members.js';
import { createDevelopment, updateDevelopment } from './record-development.js';
import { findDevelopment } from './find-development.js';

describe.each(ENGINES)('development pipeline on %s', (engine) => {
  const t = useTestDatabase(engine);

  it('derives the stage from the dates and makes an approved person a member', async () => {
    await makeCounty(t.ctx, 1);
    const d = await createDevelopment(t.ctx, {
      name: '赵敏', idNumber: idNumberFor('1998-02-03', '女'), orgCode: 'C.T1.B1',
      appliedOn: '2023-03-01', interviewedOn: '2023-03-20', activistOn: '2023-09-01',
    });
    expect(d.stage).toBe('入党积极分子');
    expect(d.membershipId).toBe(null);
    const candidate = await updateDevelopment(t.ctx, d.id, { candidateOn: '2024-09-10', politicalReviewOn: '2024-10-01', trainingStartOn: '2024-10-08', trainingEndOn: '2024-10-10', trainingHours: 24 });
    expect(candidate.stage).toBe('发展对象');
    const approved = await updateDevelopment(t.ctx, d.id, { preReviewOn: '2024-11-01', branchMeetingOn: '2024-11-20', superiorInterviewOn: '2024-12-01', approvedOn: '2024-12-20', oathOn: '2025-01-05' });
    expect(approved.stage).toBe('预备党员');
    expect(approved.probationEndsOn).toBe('2025-11-20');
    const member = await getMember(t.ctx, approved.membershipId!);
    expect(member).toMatchObject({ status: '预备党员', joinedOn: '2024-11-20', entryKind: '发展党员', orgCode: 'C.T1.B1' });
    const converted = await updateDevelopment(t.ctx, d.id, { conversionAppliedOn: '2025-10-20', conversionMeetingOn: '2025-11-21', conversionApprovedOn: '2025-12-15' });
    expect(converted.stage).toBe('正式党员');
    expect(await getMember(t.ctx, approved.membershipId!)).toMatchObject({ status: '正式党员', confirmedOn: '2025-11-20' });
    expect(await countMembers(t.ctx, 'C')).toBe(1);
    await expect(updateDevelopment(t.ctx, d.id, { approvedOn: null, conversionApprovedOn: null, conversionMeetingOn: null, oathOn: null, conversionAppliedOn: null })).rejects.toMatchObject({ code: 'DEVELOPMENT_STEP_ORDER' });
    expect((await findDevelopment(t.ctx, { org: 'C', stage: '正式党员' })).total).toBe(1);
    expect((await findDevelopment(t.ctx, { org: 'C', stage: '发展对象' })).total).toBe(0);
  });

  it('rejects an applicant under 18 and steps out of order, storing nothing', async () => {
    await makeCounty(t.ctx, 1);
    const young = createDevelopment(t.ctx, { name: '少年', idNumber: idNumberFor('2009-01-01'), orgCode: 'C.T1.B1', appliedOn: '2026-06-01' });
    await expect(young).rejects.toMatchObject({ code: 'APPLICANT_UNDER_18' });
    const outOfOrder = createDevelopment(t.ctx, { name: '某人', idNumber: idNumberFor('1995-01-01'), orgCode: 'C.T1.B1', appliedOn: '2024-06-01', candidateOn: '2025-06-01' });
    await expect(outOfOrder).rejects.toMatchObject({ code: 'DEVELOPMENT_STEP_ORDER' });
    const people = await t.ctx.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(people.n)).toBe(0);
    const d = await createDevelopment(t.ctx, { name: '某人', idNumber: idNumberFor('1995-01-01'), orgCode: 'C.T1.B1', appliedOn: '2024-06-01' });
    const err = await updateDevelopment(t.ctx, d.id, { activistOn: '2024-05-01' }).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).issues[0]).toMatchObject({ field: 'activistOn', code: 'DEVELOPMENT_STEP_ORDER' });
    expect((await findDevelopment(t.ctx, { org: 'C' })).items[0]!.activistOn).toBe(null);
  });
});
