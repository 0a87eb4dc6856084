import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { isPublicRoute } from '../../src/server/auth.js';
import { ENGINES, createTestDatabase } from '../helpers/test-db.js';
import { MINUTE, HOUR, movableClock } from '../helpers/clock.js';
import { TEST_ADMIN, expectError, logIn, snapshot, useApi } from '../helpers/http.js';
import { TEST_PASSWORD, makeCounty, makeUser } from '../factories.js';

type Headers = Record<string, string>;

function sessionCookieOf(res: LightMyRequestResponse) {
  return res.cookies.find((c) => c.name === 'dj_session');
}

describe.each(ENGINES)('HTTP authentication on %s', (engine) => {
  const clock = movableClock();
  beforeEach(() => clock.reset());
  const api = useApi(engine, { clock });
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Headers, payload?: object, remoteAddress?: string) =>
    api.app.inject({ method, url, headers, ...(payload && { payload }), ...(remoteAddress && { remoteAddress }) });

  it('logs in with an HttpOnly, SameSite=Strict, Secure session cookie, shows who is in, and logs out', async () => {
    const res = await send('POST', '/api/auth/login', {}, { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
    expect(res.statusCode).toBe(200);
    const raw = String(res.headers['set-cookie']);
    expect(raw).toMatch(/^dj_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=604800; HttpOnly; SameSite=Strict; Secure$/);
    expect(sessionCookieOf(res)).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true, path: '/', maxAge: 604800 });
    const body = res.json();
    expect(body.user).toMatchObject({ username: TEST_ADMIN.username, roles: ['admin'], orgCode: null });
    expect(res.body).not.toContain(TEST_ADMIN.password);
    expect(res.body).not.toMatch(/scrypt|passwordHash|password_hash/);
    const headers = { cookie: `dj_session=${sessionCookieOf(res)!.value}`, 'x-csrf-token': body.csrfToken };

    const me = await send('GET', '/api/auth/me', { cookie: headers.cookie });
    expect(me.json()).toMatchObject({ via: 'session', csrfToken: body.csrfToken, user: { username: TEST_ADMIN.username } });

    const out = await send('POST', '/api/auth/logout', headers);
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toContain('dj_session=; Path=/; Max-Age=0');
    const after = expectError(await send('GET', '/api/auth/me', headers), 401, 'SESSION_EXPIRED', '重新登录');
    expect(after.issues).toEqual([]);
    // The other session (the harness's) is still alive; "everywhere" ends it too.
    expect((await api.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await send('POST', '/api/auth/logout', api.headers, { everywhere: true })).statusCode).toBe(200);
    expectError(await api.request('GET', '/api/auth/me'), 401, 'SESSION_EXPIRED');
  });

  it('leaves out Secure only when configured for plain http', async () => {
    const db = await createTestDatabase(engine);
    const app = await buildApp({ ctx: db.ctx, cookieSecure: false });
    try {
      await makeUser(db.ctx, 'plain', ['admin'], null);
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'plain', password: TEST_PASSWORD } });
      expect(String(res.headers['set-cookie'])).toMatch(/; HttpOnly; SameSite=Strict$/);
      expect(sessionCookieOf(res)!.secure).toBeUndefined();
    } finally {
      await app.close();
      await db.close();
    }
  });

  it('ends a session after 8 idle hours and 7 days after login, over HTTP', async () => {
    clock.advance(8 * HOUR);
    expectError(await api.request('GET', '/api/orgs'), 401, 'SESSION_EXPIRED');
    const headers = await logIn(api.app, TEST_ADMIN.username, TEST_ADMIN.password);
    for (let i = 0; i < 24; i++) {
      expect((await send('GET', '/api/auth/me', headers)).statusCode).toBe(200);
      clock.advance(7 * HOUR);
    }
    expectError(await send('GET', '/api/auth/me', headers), 401, 'SESSION_EXPIRED');
  });

  it('refuses a cookie-authenticated write without the right CSRF token, changing nothing; reads and tokens need none', async () => {
    await makeCounty(api.ctx, 1);
    const before = await snapshot(api.ctx);
    const org = { code: 'C.T2', name: '第二镇党委', parentCode: 'C', kind: '党委', sector: '农村' };
    const cookieOnly = { cookie: api.headers.cookie! };
    const missing = expectError(await send('POST', '/api/orgs', cookieOnly, org), 403, 'CSRF_TOKEN_INVALID', 'X-CSRF-Token');
    expect(missing.message).toMatch(/CSRF/);
    expectError(await send('POST', '/api/orgs', { ...cookieOnly, 'x-csrf-token': 'guess' }, org), 403, 'CSRF_TOKEN_INVALID');
    const other = await logIn(api.app, TEST_ADMIN.username, TEST_ADMIN.password);
    expectError(await send('PATCH', '/api/orgs/C.T1', { ...cookieOnly, 'x-csrf-token': other['x-csrf-token']! }, { name: 'x' }), 403, 'CSRF_TOKEN_INVALID');
    expectError(await send('DELETE', '/api/auth/tokens/1', cookieOnly), 403, 'CSRF_TOKEN_INVALID');
    expect(await snapshot(api.ctx)).toEqual(before);

    expect((await send('GET', '/api/orgs', cookieOnly)).statusCode).toBe(200);
    expect((await send('POST', '/api/orgs', api.headers, org)).statusCode).toBe(201);
    const token = (await api.request('POST', '/api/auth/tokens', { name: '对接' })).json().token as string;
    const viaToken = await send('POST', '/api/orgs', { authorization: `Bearer ${token}` }, { ...org, code: 'C.T3' });
    expect(viaToken.statusCode).toBe(201);
  });

  it('answers failed logins alike, locks an account after 5 with a 429 saying until when, and lets it in 15 minutes later', async () => {
    await makeCounty(api.ctx, 1);
    await makeUser(api.ctx, 'feng', ['viewer'], 'C.T1.B1');
    const loginAs = (username: string, password: string) => send('POST', '/api/auth/login', {}, { username, password }, '10.3.3.3');
    const wrong = expectError(await loginAs('feng', 'Wrong-Password-2026'), 401, 'LOGIN_FAILED');
    const unknown = expectError(await loginAs('nobody', TEST_PASSWORD), 401, 'LOGIN_FAILED');
    expect(unknown).toEqual(wrong);
    expect(wrong.message).toBe('用户名或密码错误');
    expect((await loginAs('feng', 'Wrong-Password-2026')).headers['set-cookie']).toBeUndefined();
    expectError(await send('POST', '/api/auth/login', {}, { username: 'feng' }), 400, 'FIELD_REQUIRED', '密码');

    for (let i = 0; i < 3; i++) await loginAs('feng', 'Wrong-Password-2026');
    const locked = expectError(await loginAs('feng', 'Wrong-Password-2026'), 429, 'ACCOUNT_LOCKED', '2026-11-23 12:15');
    expect(locked.message).toContain('北京时间');
    expectError(await loginAs('feng', TEST_PASSWORD), 429, 'ACCOUNT_LOCKED');
    clock.advance(15 * MINUTE);
    expect((await loginAs('feng', TEST_PASSWORD)).statusCode).toBe(200);
    const actions = await api.ctx.db.selectFrom('audit_log').select(['action', 'ip']).where('action', 'in', ['login_failed', 'account_locked']).execute();
    expect(actions.filter((a) => a.action === 'account_locked')).toEqual([{ action: 'account_locked', ip: '10.3.3.3' }]);
    expect(actions.filter((a) => a.action === 'login_failed')).toHaveLength(8);
  });

  it('limits login attempts per address: 20 in 10 minutes, then 429 until the window slides', async () => {
    await makeUser(api.ctx, 'chen', ['admin'], null);
    const from = (ip: string, password = 'Wrong-Password-2026', username = 'ghost') => send('POST', '/api/auth/login', {}, { username, password }, ip);
    for (let i = 0; i < 20; i++) {
      expect((await from('10.4.4.4')).statusCode).toBe(401);
      clock.advance(10 * 1000);
    }
    const limited = expectError(await from('10.4.4.4', TEST_PASSWORD, 'chen'), 429, 'RATE_LIMITED', '分钟后再试');
    expect(limited.message).toContain('登录尝试过于频繁');
    expect((await from('10.5.5.5', TEST_PASSWORD, 'chen')).statusCode).toBe(200);
    clock.advance(10 * MINUTE - 20 * 10 * 1000 + 1);
    expect((await from('10.4.4.4', TEST_PASSWORD, 'chen')).statusCode).toBe(200);
  });

  it('issues API tokens shown once, lists them without the secret, uses them as Bearer, and revokes them', async () => {
    const created = await api.request('POST', '/api/auth/tokens', { name: '组织部数据同步', expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token).toMatch(/^djt_[A-Za-z0-9_-]{43}$/);
    expect(prefix).toBe(token.slice(0, 12));
    const list = await api.request('GET', '/api/auth/tokens');
    expect(list.json().items).toEqual([expect.objectContaining({ id, name: '组织部数据同步', prefix, lastUsedAt: null })]);
    expect(list.body).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    const me = await send('GET', '/api/auth/me', bearer);
    expect(me.json()).toMatchObject({ via: 'token', csrfToken: null, user: { username: TEST_ADMIN.username } });
    // A token cannot mint tokens, change the password or revoke: those need the person, logged in.
    expectError(await send('POST', '/api/auth/tokens', bearer, { name: 'x' }), 403, 'PERMISSION_DENIED', '访问令牌');
    expectError(await send('DELETE', `/api/auth/tokens/${id}`, bearer), 403, 'PERMISSION_DENIED');
    expectError(await send('POST', '/api/auth/password', bearer, { current: TEST_ADMIN.password, next: 'Another-Strong-Pass-1' }), 403, 'PERMISSION_DENIED');

    for (const forged of [`Bearer djt_${'x'.repeat(43)}`, 'Bearer nonsense', 'Basic dXNlcjpwYXNz', `Bearer ${token}x`, 'Bearer']) {
      expectError(await send('GET', '/api/orgs', { authorization: forged }), 401, 'TOKEN_INVALID', '访问令牌');
    }
    expect((await api.request('DELETE', `/api/auth/tokens/${id}`)).json()).toEqual({ ok: true });
    expectError(await send('GET', '/api/orgs', bearer), 401, 'TOKEN_INVALID');
    expectError(await api.request('DELETE', `/api/auth/tokens/${id}`), 404, 'TOKEN_NOT_FOUND');
    expectError(await api.request('POST', '/api/auth/tokens', { name: '' }), 400, 'FIELD_INVALID', '令牌名称');
  });

  it('makes an account whose password was reset change it before anything else', async () => {
    await makeCounty(api.ctx, 1);
    const user = await makeUser(api.ctx, 'jiang', ['secretary'], 'C.T1.B1');
    const reset = await api.request('POST', `/api/users/${user.id}/password`, { password: 'Temporary-Pass-2026' });
    expect(reset.json()).toMatchObject({ mustChangePassword: true });
    const headers = await logIn(api.app, 'jiang', 'Temporary-Pass-2026');
    expectError(await send('GET', '/api/members?org=C.T1.B1', headers), 403, 'PERMISSION_DENIED', '请先修改密码');
    expect((await send('GET', '/api/auth/me', headers)).json().user.mustChangePassword).toBe(true);
    expectError(await send('POST', '/api/auth/password', headers, { current: 'Wrong-Pass-2026x', next: 'My-Own-Pass-2026' }), 400, 'FIELD_INVALID', '当前密码');
    expectError(await send('POST', '/api/auth/password', headers, { current: 'Temporary-Pass-2026', next: 'jiang-Jiang-2026' }), 400, 'PASSWORD_TOO_WEAK', '新密码');
    const changed = await send('POST', '/api/auth/password', headers, { current: 'Temporary-Pass-2026', next: 'My-Own-Pass-2026' });
    expect(changed.json()).toMatchObject({ mustChangePassword: false });
    expect((await send('GET', '/api/members?org=C.T1.B1', headers)).statusCode).toBe(200);
  });

  it('manages users within the rules: org admins never grant admin, nobody removes the last admin', async () => {
    await makeCounty(api.ctx, 2);
    const townAdmin = await makeUser(api.ctx, 'town', ['org_admin'], 'C.T1');
    const headers = await logIn(api.app, 'town', TEST_PASSWORD);
    const created = await send('POST', '/api/users', headers, { username: 'b1', displayName: '一支书', orgCode: 'C.T1.B1', roles: ['secretary'], password: 'Zhibu-Shuji-2026' });
    expectError(created, 400, 'FIELD_INVALID', '用户名');
    const ok = await send('POST', '/api/users', headers, { username: 'b1sec', displayName: '一支书', orgCode: 'C.T1.B1', roles: ['secretary'], password: 'Zhibu-Shuji-2026' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ username: 'b1sec', mustChangePassword: true, orgCode: 'C.T1.B1' });
    const id = ok.json().id;
    expectError(await send('PATCH', `/api/users/${id}`, headers, { roles: ['admin'] }), 403, 'PERMISSION_DENIED', '系统管理员');
    expectError(await send('PATCH', `/api/users/${id}`, headers, { username: 'other' }), 400, 'FIELD_INVALID', '用户名');
    expect((await send('PATCH', `/api/users/${id}`, headers, { roles: ['viewer'], displayName: '一支部' })).json()).toMatchObject({ roles: ['viewer'], displayName: '一支部' });
    expect((await send('GET', '/api/users', headers)).json().items.map((u: { username: string }) => u.username)).toEqual(['b1sec', 'town']);
    const me = (await api.request('GET', '/api/auth/me')).json().user;
    expectError(await send('GET', `/api/users/${me.id}`, headers), 404, 'USER_NOT_FOUND');
    expectError(await api.request('PATCH', `/api/users/${me.id}`, { disabled: true }), 403, 'PERMISSION_DENIED', '自己');
    expectError(await api.request('PATCH', `/api/users/${me.id}`, { roles: [] }), 400, 'FIELD_INVALID');
    const weak = expectError(await api.request('POST', '/api/users', { username: 'weakling', displayName: 'x', orgCode: 'C', roles: ['viewer'], password: 'password' }), 400, 'PASSWORD_TOO_WEAK', '密码');
    expect(weak.issues.every((i) => i.field === 'password')).toBe(true);
    expect(townAdmin.roles).toEqual(['org_admin']);
  });

  it('answers 401 on every /api route but the public ones, without credentials or with forged ones, changing nothing', async () => {
    await makeCounty(api.ctx, 1);
    const before = await snapshot(api.ctx);
    const users = await api.ctx.db.selectFrom('users').selectAll().execute();
    const routes = api.app.routeList().filter((r) => r.url.startsWith('/api') && !isPublicRoute(r.url));
    // Enumerated from the router: the new routes of every module are swept without listing them here.
    expect(routes.length).toBeGreaterThan(30);
    for (const expected of ['POST /api/orgs', 'GET /api/users', 'DELETE /api/auth/tokens/:id', 'POST /api/import', 'GET /api/export']) {
      expect(routes.map((r) => `${r.method} ${r.url}`)).toContain(expected);
    }
    const attempts: [Headers, string][] = [
      [{}, 'UNAUTHENTICATED'],
      [{ cookie: 'dj_session=forged-forged-forged-forged-forged-forged-xyz' }, 'SESSION_EXPIRED'],
      [{ cookie: 'other=1' }, 'UNAUTHENTICATED'],
      [{ authorization: `Bearer djt_${'f'.repeat(43)}` }, 'TOKEN_INVALID'],
    ];
    for (const { method, url } of routes) {
      const path = url.replace(':id', '1').replace(':code', 'C').replace('*', 'x');
      for (const [headers, code] of attempts) {
        const res = await api.app.inject({ method: method as 'GET', url: path, headers: { ...headers, 'content-type': 'application/json' }, payload: method === 'GET' || method === 'HEAD' ? undefined : '{}' });
        expect({ route: `${method} ${url}`, status: res.statusCode }).toEqual({ route: `${method} ${url}`, status: 401 });
        if (method !== 'HEAD') expect(res.json().error.code, `${method} ${url}`).toBe(code);
      }
    }
    expectError(await api.app.inject({ url: '/api/no-such-route' }), 401, 'UNAUTHENTICATED');
    expect(await snapshot(api.ctx)).toEqual(before);
    expect(await api.ctx.db.selectFrom('users').selectAll().execute()).toEqual(users);

    // The public ones answer without credentials.
    expect((await api.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await api.app.inject({ url: '/api/openapi.json' })).statusCode).toBe(200);
    expect((await api.app.inject({ url: '/api/docs' })).statusCode).toBe(200);
    expectError(await api.app.inject({ method: 'POST', url: '/api/auth/login', payload: {} }), 400, 'FIELD_REQUIRED');
  });
});

describe.each(ENGINES)('HTTP authentication on %s: the log', (engine) => {
  it('never logs a password, a session cookie, a CSRF token or an API token', async () => {
    const db = await createTestDatabase(engine);
    const lines: string[] = [];
    const app: FastifyInstance = await buildApp({ ctx: db.ctx, engine, logger: { level: 'debug', stream: { write: (line: string) => lines.push(line) } } });
    try {
      await makeUser(db.ctx, 'logged', ['admin'], null);
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'logged', password: 'Wrong-Secret-Pass-1' } });
      const headers = await logIn(app, 'logged', TEST_PASSWORD);
      const token = (await app.inject({ method: 'POST', url: '/api/auth/tokens', headers, payload: { name: 't' } })).json().token as string;
      await app.inject({ url: '/api/orgs', headers: { authorization: `Bearer ${token}` } });
      await app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { current: TEST_PASSWORD, next: 'Next-Secret-Pass-2' } });
      await app.inject({ url: '/api/orgs', headers: { cookie: 'dj_session=forged-cookie-value-123' } });
      const log = lines.join('');
      expect(log).toContain('"url":"/api/auth/login"');
      expect(log).toContain('"code":"LOGIN_FAILED"');
      for (const secret of ['Wrong-Secret-Pass-1', TEST_PASSWORD, 'Next-Secret-Pass-2', headers.cookie!.split('=')[1]!, headers['x-csrf-token']!, token, 'forged-cookie-value-123']) {
        expect(log).not.toContain(secret);
      }
    } finally {
      await app.close();
      await db.close();
    }
  });
});
