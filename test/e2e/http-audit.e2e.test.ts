/**
 * The audit log over HTTP: administrators query and export it; others are refused; viewing a person's full data is
 * itself audited; behind a trusted proxy the real client address is recorded.
 */
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/test-db.js';
import { expectError, logIn, useApi } from '../helpers/http.js';
import { idNumberFor, makeCounty, makeMember, makeUser, TEST_PASSWORD } from '../factories.js';
import { XLSX_TYPE } from '../../src/server/workbook.routes.js';

describe.each(ENGINES)('HTTP API on %s: audit log', (engine) => {
  const api = useApi(engine);

  it('lists and exports entries for an administrator, newest first, by record and user', async () => {
    await makeCounty(api.ctx, 1);
    const id = idNumberFor('1980-02-02');
    const created = await api.request('POST', '/api/members', {
      name: '李审', idNumber: id, orgCode: 'C.T1.B1', status: '正式党员', joinedOn: '2010-01-01', confirmedOn: '2011-01-01', phone: '13700001234',
    });
    expect(created.statusCode).toBe(201);
    const memberId = (created.json() as { id: number }).id;
    const res = await api.request('GET', `/api/audit?recordType=member&recordId=${memberId}`);
    expect(res.statusCode).toBe(200);
    const page = res.json() as { total: number; items: { action: string; actorName: string; ip: string; changes: Record<string, [unknown, unknown]> }[] };
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ action: 'create', actorName: 'test-admin' });
    expect(page.items[0]!.changes.idNumber![1]).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(res.body).not.toContain(id);
    expect(res.body).not.toContain('13700001234');
    const logins = await api.request('GET', '/api/audit?action=login&user=test-admin');
    expect((logins.json() as { total: number }).total).toBe(1);
    const exported = await api.request('GET', '/api/audit/export?action=create');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain(XLSX_TYPE);
    expect(exported.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expectError(await api.request('GET', '/api/audit?from=2026-13-01'), 400, 'FIELD_INVALID', '起始日期');
  });

  it('refuses everyone but administrators, and audits a full view of a member', async () => {
    await makeCounty(api.ctx, 1);
    const m = await makeMember(api.ctx, 'C.T1.B1', { phone: '13600005678' });
    await makeUser(api.ctx, 'town', ['org_admin'], 'C.T1');
    await makeUser(api.ctx, 'look', ['viewer'], 'C.T1');
    const town = await logIn(api.app, 'town', TEST_PASSWORD);
    const look = await logIn(api.app, 'look', TEST_PASSWORD);
    expectError(await api.app.inject({ method: 'GET', url: '/api/audit', headers: town }), 403, 'PERMISSION_DENIED');
    expectError(await api.app.inject({ method: 'GET', url: '/api/audit/export', headers: look }), 403, 'PERMISSION_DENIED');

    const full = await api.app.inject({ method: 'GET', url: `/api/members/${m.id}`, headers: town });
    expect((full.json() as { idNumber: string }).idNumber).toBe(m.idNumber);
    const masked = await api.app.inject({ method: 'GET', url: `/api/members/${m.id}`, headers: look });
    expect((masked.json() as { idNumber: string; phone: string }).idNumber).not.toBe(m.idNumber);
    expect((masked.json() as { phone: string }).phone).toBe('136****5678');
    const views = (await api.request('GET', `/api/audit?action=view_personal_data`)).json() as { items: { actorName: string; recordId: string }[] };
    expect(views.items.map((v) => v.actorName)).toEqual(['town']);
    expect(views.items[0]!.recordId).toBe(String(m.id));
  });
});

describe.each(ENGINES)('HTTP API on %s: behind a trusted proxy', (engine) => {
  const api = useApi(engine, { app: { trustProxy: 1 } });

  it('records the forwarded client address', async () => {
    await makeUser(api.ctx, 'proxied', ['admin'], null);
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': '203.0.113.9' },
      payload: { username: 'proxied', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const entries = (await api.request('GET', '/api/audit?user=proxied&action=login')).json() as { items: { ip: string }[] };
    expect(entries.items[0]!.ip).toBe('203.0.113.9');
  });
});

describe.each(ENGINES)('HTTP API on %s: unknown fields', (engine) => {
  const api = useApi(engine);

  it('refuses a body field the route does not know, storing nothing', async () => {
    await makeCounty(api.ctx, 1);
    const res = await api.request('POST', '/api/meetings', {
      orgCode: 'C.T1.B1', kind: '主题党日', heldOn: '2026-05-08', topic: '学习', expectedCount: 3, attendedCount: 3, attendance: 3,
    });
    const error = expectError(res, 400, 'FIELD_INVALID');
    expect(error.issues[0]!.field).toBe('attendance');
    expect(error.message).toContain('无法识别的字段');
    expect((await api.request('GET', '/api/meetings?org=C')).json()).toMatchObject({ total: 0 });
  });
});
