import { describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/test-db.js';
import { expectError, snapshot, useApi } from '../helpers/http.js';
import { idNumberFor, makeCounty, makeMember } from '../factories.js';

function memberBody(overrides: Record<string, unknown> = {}) {
  return {
    name: '张红梅',
    idNumber: idNumberFor('1988-04-12', '女'),
    ethnicity: '回族',
    education: '大学本科',
    occupation: '农牧渔民',
    phone: '13912345678',
    orgCode: 'C.T1.B1',
    status: '正式党员',
    joinedOn: '2010-07-01',
    confirmedOn: '2011-07-01',
    ...overrides,
  };
}

describe.each(ENGINES)('HTTP API on %s: members', (engine) => {
  const api = useApi(engine);

  it('registers a member, shows the detail, lists masked, corrects, transfers and records leaving', async () => {
    await makeCounty(api.ctx, 2);
    const body = memberBody();
    const created = await api.request('POST', '/api/members', body);
    expect(created.statusCode).toBe(201);
    const member = created.json();
    expect(member).toMatchObject({ name: '张红梅', idNumber: body.idNumber, gender: '女', birthDate: '1988-04-12', orgCode: 'C.T1.B1', ethnicity: '回族' });

    const detail = await api.request('GET', `/api/members/${member.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ idNumber: body.idNumber, phone: '13912345678', transfers: [] });

    await makeMember(api.ctx, 'C.T1.B2');
    const list = await api.request('GET', '/api/members?org=C.T1');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(2);
    const row = list.json().items.find((m: { id: number }) => m.id === member.id);
    expect(row.idNumberMasked).toBe(`${body.idNumber.slice(0, 6)}********${body.idNumber.slice(-4)}`);
    expect(row.phoneMasked).toBe('139****5678');
    expect(row).not.toHaveProperty('idNumber');
    expect(row).not.toHaveProperty('phone');
    expect(list.body).not.toContain(body.idNumber);
    expect(list.body).not.toContain('13912345678');

    const page = await api.request('GET', '/api/members?org=C&subtree=true&limit=1&offset=1');
    expect(page.json().total).toBe(2);
    expect(page.json().items).toHaveLength(1);
    expect((await api.request('GET', '/api/members?org=C.T1&subtree=false')).json().total).toBe(0);
    expect((await api.request('GET', `/api/members?org=C&name=${encodeURIComponent('红梅')}`)).json().total).toBe(1);
    expect((await api.request('GET', `/api/members?org=C&status=${encodeURIComponent('预备党员')}`)).json().total).toBe(0);

    // A correction that leaves 民族 out keeps it (it used to be reset to the default 汉族).
    const patched = await api.request('PATCH', `/api/members/${member.id}`, { education: '研究生', phone: null });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ education: '研究生', phone: null, ethnicity: '回族' });

    const transferred = await api.request('POST', `/api/members/${member.id}/transfer`, { toOrgCode: 'C.T1.B2', transferredOn: '2020-03-01', note: '工作调动' });
    expect(transferred.statusCode).toBe(200);
    expect(transferred.json()).toMatchObject({
      orgCode: 'C.T1.B2',
      transfers: [{ fromOrgCode: 'C.T1.B1', toOrgCode: 'C.T1.B2', transferredOn: '2020-03-01', note: '工作调动' }],
    });

    const left = await api.request('POST', `/api/members/${member.id}/leave`, { reason: '转出组织关系', leftOn: '2025-06-30' });
    expect(left.statusCode).toBe(200);
    expect(left.json()).toMatchObject({ leftOn: '2025-06-30', leaveReason: '转出组织关系' });
    expect((await api.request('GET', '/api/members?org=C')).json().total).toBe(1);
    expect((await api.request('GET', '/api/members?org=C&includeLeft=true')).json().total).toBe(2);
    expect((await api.request('GET', '/api/orgs/C/member-count')).json().count).toBe(1);
  });

  it('refuses a taken or invalid ID number, an unknown organization and bad dates, storing nothing', async () => {
    await makeCounty(api.ctx, 1);
    const existing = await makeMember(api.ctx, 'C.T1.B1');
    const before = await snapshot(api.ctx);

    const taken = expectError(await api.request('POST', '/api/members', memberBody({ idNumber: existing.idNumber })), 409, 'ID_NUMBER_TAKEN', '公民身份号码');
    expect(taken.issues[0]!.field).toBe('idNumber');

    const valid = idNumberFor('1988-04-12', '女');
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const invalid = expectError(await api.request('POST', '/api/members', memberBody({ idNumber: wrongCheck })), 400, 'ID_NUMBER_INVALID', '校验位');
    expect(invalid.issues[0]!.field).toBe('idNumber');

    const unknownOrg = expectError(await api.request('POST', '/api/members', memberBody({ orgCode: 'NOPE' })), 404, 'ORG_NOT_FOUND', 'NOPE');
    expect(unknownOrg.issues[0]!.field).toBe('orgCode');

    const future = expectError(await api.request('POST', '/api/members', memberBody({ joinedOn: '2027-01-01', confirmedOn: null })), 400, 'DATE_IN_FUTURE', '入党日期');
    expect(future.issues[0]!.field).toBe('joinedOn');

    const beforeBirth = expectError(
      await api.request('POST', '/api/members', memberBody({ joinedOn: '1980-07-01', confirmedOn: null, status: '预备党员' })),
      400,
      'DATE_BEFORE_BIRTH',
      '出生日期',
    );
    expect(beforeBirth.issues[0]!.field).toBe('joinedOn');

    const young = expectError(
      await api.request('POST', '/api/members', memberBody({ joinedOn: '2005-07-01', confirmedOn: '2006-07-01' })),
      400,
      'APPLICANT_UNDER_18',
      '18',
    );
    expect(young.issues[0]!.field).toBe('joinedOn');

    const missing = expectError(await api.request('POST', '/api/members', memberBody({ name: undefined })), 400, 'FIELD_REQUIRED', '姓名');
    expect(missing.issues[0]!.field).toBe('name');
    expectError(await api.request('POST', '/api/members', memberBody({ status: '党员' })), 400, 'VALUE_NOT_ALLOWED', '党员类别');
    expectError(await api.request('POST', '/api/members', memberBody({ joinedOn: '2010/07/01' })), 400, 'FIELD_INVALID', '入党日期');
    expectError(await api.request('POST', '/api/members', memberBody({ phone: '12345' })), 400, 'PHONE_INVALID', '手机号码');
    expectError(await api.request('POST', '/api/members', memberBody({ orgCode: 'C.T1' })), 400, 'MEMBER_ORG_NOT_BRANCH', '党支部');

    expect(await snapshot(api.ctx)).toEqual(before);
  });

  it('refuses bad corrections, transfers and departures, changing nothing', async () => {
    await makeCounty(api.ctx, 2);
    const m = await makeMember(api.ctx, 'C.T1.B1', { birthDate: '1980-03-01' });
    const before = await snapshot(api.ctx);

    expectError(await api.request('GET', '/api/members/999999'), 404, 'MEMBER_NOT_FOUND', '999999');
    expectError(await api.request('PATCH', '/api/members/999999', { name: 'x' }), 404, 'MEMBER_NOT_FOUND');
    expectError(await api.request('GET', '/api/members/abc'), 400, 'FIELD_INVALID', '党员记录编号');

    const idChange = expectError(await api.request('PATCH', `/api/members/${m.id}`, { idNumber: idNumberFor() }), 400, 'FIELD_INVALID', '公民身份号码');
    expect(idChange.issues[0]!.field).toBe('idNumber');
    expectError(await api.request('PATCH', `/api/members/${m.id}`, { joinedOn: '2099-07-01' }), 400, 'DATE_IN_FUTURE', '入党日期');
    expectError(await api.request('PATCH', `/api/members/${m.id}`, { joinedOn: '1990-07-01', confirmedOn: '1991-07-01' }), 400, 'APPLICANT_UNDER_18');

    expectError(await api.request('POST', `/api/members/${m.id}/transfer`, { toOrgCode: 'NOPE', transferredOn: '2020-01-01' }), 404, 'ORG_NOT_FOUND', 'NOPE');
    expectError(await api.request('POST', `/api/members/${m.id}/transfer`, { toOrgCode: 'C.T1.B2', transferredOn: '2099-01-01' }), 400, 'DATE_IN_FUTURE', '转接日期');
    expectError(await api.request('POST', `/api/members/${m.id}/transfer`, { toOrgCode: 'C.T1.B2' }), 400, 'FIELD_REQUIRED', '转接日期');

    expectError(await api.request('POST', `/api/members/${m.id}/leave`, { reason: '调走', leftOn: '2020-01-01' }), 400, 'VALUE_NOT_ALLOWED', '离开原因');
    expectError(await api.request('POST', `/api/members/${m.id}/leave`, { reason: '死亡', leftOn: '2099-01-01' }), 400, 'DATE_IN_FUTURE', '离开日期');

    const noOrg = expectError(await api.request('GET', '/api/members'), 400, 'FIELD_REQUIRED', '组织代码');
    expect(noOrg.issues[0]!.field).toBe('org');
    expectError(await api.request('GET', '/api/members?org=C&limit=abc'), 400, 'FIELD_INVALID', '每页条数');
    expectError(await api.request('GET', '/api/members?org=C&limit=5000'), 400, 'FIELD_INVALID', '每页条数');
    expectError(await api.request('GET', '/api/members?org=C&includeLeft=maybe'), 400, 'FIELD_INVALID', '是否含已离开的党员');
    expectError(await api.request('GET', '/api/members?org=NOPE'), 404, 'ORG_NOT_FOUND', 'NOPE');

    expect(await snapshot(api.ctx)).toEqual(before);

    await api.request('POST', `/api/members/${m.id}/leave`, { reason: '死亡', leftOn: '2024-01-01' });
    const afterLeaving = await snapshot(api.ctx);
    expectError(await api.request('POST', `/api/members/${m.id}/leave`, { reason: '死亡', leftOn: '2024-01-01' }), 409, 'MEMBER_ALREADY_LEFT');
    expectError(await api.request('POST', `/api/members/${m.id}/transfer`, { toOrgCode: 'C.T1.B2', transferredOn: '2024-02-01' }), 409, 'MEMBER_ALREADY_LEFT');
    expect(await snapshot(api.ctx)).toEqual(afterLeaving);
  });
});
