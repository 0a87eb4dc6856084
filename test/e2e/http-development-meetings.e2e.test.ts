import { describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/test-db.js';
import { expectError, snapshot, useApi } from '../helpers/http.js';
import { idNumberFor, makeCounty } from '../factories.js';

function applicant(overrides: Record<string, unknown> = {}) {
  return {
    name: '李向阳',
    idNumber: idNumberFor('1995-09-20', '男'),
    education: '大学专科',
    occupation: '农牧渔民',
    orgCode: 'C.T1.B1',
    appliedOn: '2022-03-05',
    interviewedOn: '2022-03-20',
    activistOn: '2022-06-01',
    ...overrides,
  };
}

describe.each(ENGINES)('HTTP API on %s: development', (engine) => {
  const api = useApi(engine);

  it('starts a record, lists and reads it, and enters later steps up to a probationary member', async () => {
    await makeCounty(api.ctx, 2);
    const created = await api.request('POST', '/api/development', applicant());
    expect(created.statusCode).toBe(201);
    const record = created.json();
    expect(record).toMatchObject({ name: '李向阳', stage: '入党积极分子', orgCode: 'C.T1.B1', appliedOn: '2022-03-05', membershipId: null });
    expect(record.idNumberMasked).toMatch(/^110101\*{8}\d{3}[\dX]$/);

    await api.request('POST', '/api/development', applicant({ name: '王小明', idNumber: idNumberFor('1990-01-01'), orgCode: 'C.T1.B2', activistOn: null, interviewedOn: null }));
    const all = await api.request('GET', '/api/development?org=C');
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(2);
    const activists = await api.request('GET', `/api/development?org=C&stage=${encodeURIComponent('入党积极分子')}`);
    expect(activists.json()).toMatchObject({ total: 1, items: [{ id: record.id }] });
    expect((await api.request('GET', '/api/development?org=C.T1.B2&limit=1&offset=0')).json().items[0].stage).toBe('入党申请人');

    expect((await api.request('GET', `/api/development/${record.id}`)).json()).toMatchObject({ id: record.id, stage: '入党积极分子' });

    const approved = await api.request('PATCH', `/api/development/${record.id}`, {
      contactsOn: '2022-06-10',
      contacts: '赵书记、钱委员',
      candidateOn: '2023-07-01',
      politicalReviewOn: '2023-08-01',
      trainingStartOn: '2023-08-10',
      trainingEndOn: '2023-08-14',
      trainingHours: 24,
      committeeReviewOn: '2023-09-01',
      preReviewOn: '2023-09-15',
      branchMeetingOn: '2023-10-08',
      introducers: '赵书记、钱委员',
      superiorInterviewOn: '2023-10-20',
      approvedOn: '2023-11-01',
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ stage: '预备党员', probationEndsOn: '2024-10-08', trainingHours: 24 });
    const membershipId = approved.json().membershipId;
    expect(membershipId).toBeGreaterThan(0);
    const member = await api.request('GET', `/api/members/${membershipId}`);
    expect(member.json()).toMatchObject({ status: '预备党员', joinedOn: '2023-10-08', orgCode: 'C.T1.B1' });
  });

  it('refuses an applicant under 18, steps out of order, future dates and unknown records, storing nothing', async () => {
    await makeCounty(api.ctx, 1);
    const ok = (await api.request('POST', '/api/development', applicant())).json();
    const before = await snapshot(api.ctx);

    const young = expectError(
      await api.request('POST', '/api/development', applicant({ idNumber: idNumberFor('2006-01-10'), appliedOn: '2023-05-01', interviewedOn: null, activistOn: null })),
      400,
      'APPLICANT_UNDER_18',
      '申请入党',
    );
    expect(young.issues[0]!.field).toBe('appliedOn');

    const order = expectError(await api.request('POST', '/api/development', applicant({ activistOn: '2021-01-01', interviewedOn: null })), 400, 'DEVELOPMENT_STEP_ORDER', '确定入党积极分子日期');
    expect(order.issues[0]!.field).toBe('activistOn');

    expectError(await api.request('POST', '/api/development', applicant({ appliedOn: '2027-01-01', interviewedOn: null, activistOn: null })), 400, 'DATE_IN_FUTURE', '申请入党日期');
    expectError(await api.request('POST', '/api/development', applicant({ appliedOn: undefined })), 400, 'FIELD_REQUIRED', '申请入党日期');
    expectError(await api.request('POST', '/api/development', applicant({ orgCode: 'NOPE' })), 404, 'ORG_NOT_FOUND', 'NOPE');
    expectError(await api.request('POST', '/api/development', applicant({ appliedOn: '2022-13-01' })), 400, 'FIELD_INVALID', '申请入党日期');
    expectError(await api.request('POST', '/api/development', applicant({ trainingHours: 'many' })), 400, 'FIELD_INVALID', '集中培训学时');

    expectError(await api.request('PATCH', `/api/development/${ok.id}`, { approvedOn: '2023-01-01' }), 400, 'DEVELOPMENT_STEP_ORDER', '支部大会讨论日期');
    expectError(await api.request('PATCH', `/api/development/${ok.id}`, { candidateOn: '2099-01-01' }), 400, 'DATE_IN_FUTURE', '确定发展对象日期');
    expectError(await api.request('PATCH', `/api/development/${ok.id}`, { orgCode: 'C.T1' }), 400, 'FIELD_INVALID', '所在组织代码');
    expectError(await api.request('PATCH', '/api/development/424242', { contacts: 'x' }), 404, 'DEVELOPMENT_NOT_FOUND', '424242');
    expectError(await api.request('GET', '/api/development/424242'), 404, 'DEVELOPMENT_NOT_FOUND', '424242');
    expectError(await api.request('GET', `/api/development?org=C&stage=${encodeURIComponent('群众')}`), 400, 'VALUE_NOT_ALLOWED', '所处阶段');

    expect(await snapshot(api.ctx)).toEqual(before);
  });
});

describe.each(ENGINES)('HTTP API on %s: meetings', (engine) => {
  const api = useApi(engine);

  const meeting = (overrides: Record<string, unknown> = {}) => ({
    orgCode: 'C.T1.B1',
    kind: '支委会',
    heldOn: '2026-03-05',
    topic: '研究发展党员工作',
    host: '赵书记',
    expectedCount: 5,
    attendedCount: 4,
    absentees: [{ name: '钱委员', reason: '病假' }],
    ...overrides,
  });

  it('records meetings, lists them with filters and reads one', async () => {
    await makeCounty(api.ctx, 2);
    const created = await api.request('POST', '/api/meetings', meeting());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ orgCode: 'C.T1.B1', kind: '支委会', absentees: [{ name: '钱委员', reason: '病假' }], minutes: null });
    await api.request('POST', '/api/meetings', meeting({ kind: '党课', heldOn: '2026-04-10', absentees: [], attendedCount: 5 }));
    await api.request('POST', '/api/meetings', meeting({ orgCode: 'C.T1.B2', kind: '主题党日', heldOn: '2026-05-01', absentees: [] }));

    const all = await api.request('GET', '/api/meetings?org=C');
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(3);
    expect(all.json().items.map((m: { heldOn: string }) => m.heldOn)).toEqual(['2026-05-01', '2026-04-10', '2026-03-05']);
    expect((await api.request('GET', '/api/meetings?org=C.T1.B1')).json().total).toBe(2);
    expect((await api.request('GET', `/api/meetings?org=C&kind=${encodeURIComponent('党课')}`)).json().total).toBe(1);
    expect((await api.request('GET', '/api/meetings?org=C&from=2026-04-01&to=2026-04-30')).json()).toMatchObject({ total: 1, items: [{ kind: '党课' }] });
    expect((await api.request('GET', '/api/meetings?org=C&limit=2&offset=2')).json().items).toHaveLength(1);

    const one = await api.request('GET', `/api/meetings/${created.json().id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(created.json());
  });

  it('refuses bad meetings, storing nothing', async () => {
    await makeCounty(api.ctx, 1);
    const before = await snapshot(api.ctx);
    const countBefore = (await api.request('GET', '/api/meetings?org=C')).json().total;

    const future = expectError(await api.request('POST', '/api/meetings', meeting({ heldOn: '2026-12-01' })), 400, 'DATE_IN_FUTURE', '会议日期');
    expect(future.issues[0]!.field).toBe('heldOn');
    expectError(await api.request('POST', '/api/meetings', meeting({ heldOn: '1999-01-01' })), 400, 'DATE_ORDER_INVALID', '成立日期');
    expectError(await api.request('POST', '/api/meetings', meeting({ attendedCount: 6 })), 400, 'ATTENDANCE_INVALID', '实到人数');
    expectError(await api.request('POST', '/api/meetings', meeting({ orgCode: 'NOPE' })), 404, 'ORG_NOT_FOUND', 'NOPE');
    expectError(await api.request('POST', '/api/meetings', meeting({ kind: '茶话会' })), 400, 'VALUE_NOT_ALLOWED', '会议类型');
    expectError(await api.request('POST', '/api/meetings', meeting({ expectedCount: -1 })), 400, 'FIELD_INVALID', '应到人数');
    const absentee = expectError(await api.request('POST', '/api/meetings', meeting({ absentees: [{ name: '' }] })), 400, 'FIELD_INVALID', '缺席人员');
    expect(absentee.issues[0]!.field).toBe('absentees.0.name');
    expectError(await api.request('POST', '/api/meetings', meeting({ topic: undefined })), 400, 'FIELD_REQUIRED', '主题');
    expectError(await api.request('GET', '/api/meetings?org=C&from=2026-02-30'), 400, 'FIELD_INVALID', '起始日期');
    expectError(await api.request('GET', '/api/meetings/777'), 404, 'MEETING_NOT_FOUND', '777');

    expect(await snapshot(api.ctx)).toEqual(before);
    expect((await api.request('GET', '/api/meetings?org=C')).json().total).toBe(countBefore);
  });
});
