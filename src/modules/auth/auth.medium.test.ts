import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import { ENGINES, useTestDatabase } from '../../../test/helpers/test-db.js';
import { DAY, HOUR, MINUTE, movableClock } from '../../../test/helpers/clock.js';
import { TEST_PASSWORD, asUser, makeCounty, makeUser } from '../../../test/factories.js';
import { setUserDisabled } from '../users/set-user-disabled.js';
import { createApiToken } from './create-api-token.js';
import { findApiTokens } from './find-api-tokens.js';
import { login } from './login.js';
import { logout } from './logout.js';
import { resolveApiToken } from './resolve-api-token.js';
import { resolveSession } from './resolve-session.js';
import { revokeApiToken } from './revoke-api-token.js';
import { sha256Hex } from './secrets.js';
import { failure } from '../../../test/helpers/errors.js';


async function audit(ctx: Ctx) {
  return ctx.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
}

describe.each(ENGINES)('authentication on %s', (engine) => {
  const clock = movableClock();
  beforeEach(() => clock.reset());
  const t = useTestDatabase(engine, clock);
  const attempt = (password: string, username = 'zhou', ip: string | null = '10.1.1.1') => login(t.ctx, { username, password, ip, userAgent: 'vitest' });

  async function setup() {
    await makeCounty(t.ctx, 1);
    return makeUser(t.ctx, 'zhou', ['secretary'], 'C.T1.B1');
  }

  it('logs in: a session stored only as a hash, with its CSRF token, audited', async () => {
    const user = await setup();
    const result = await attempt(TEST_PASSWORD, '  ZHOU ');
    expect(result.user).toMatchObject({ id: user.id, username: 'zhou', roles: ['secretary'] });
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(result.expiresAt) - Date.parse(clock.nowIso())).toBe(7 * DAY);
    const stored = await t.ctx.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ token_hash: sha256Hex(result.token), user_id: user.id, ip: '10.1.1.1', user_agent: 'vitest', revoked_at: null });
    expect(JSON.stringify(stored)).not.toContain(result.token);
    const entry = (await audit(t.ctx)).at(-1)!;
    expect(entry).toMatchObject({ action: 'login', actor_user_id: user.id, actor_name: 'zhou', ip: '10.1.1.1', record_type: 'user', record_id: String(user.id) });
  });

  it('answers a wrong password, an unknown name and a disabled account alike, auditing each', async () => {
    const user = await setup();
    const wrong = await failure(() => attempt('Wrong-Password-2026'));
    const unknown = await failure(() => attempt(TEST_PASSWORD, 'nobody'));
    await setUserDisabled(t.ctx, user.id, true);
    const disabled = await failure(() => attempt(TEST_PASSWORD));
    for (const f of [wrong, unknown, disabled]) expect(f).toMatchObject({ code: 'LOGIN_FAILED', message: '用户名或密码错误' });
    const failed = (await audit(t.ctx)).filter((e) => e.action === 'login_failed');
    expect(failed.map((e) => [e.record_id, e.ip, e.actor_user_id])).toEqual([
      [String(user.id), '10.1.1.1', null],
      [null, '10.1.1.1', null],
      [String(user.id), '10.1.1.1', null],
    ]);
    expect(failed[1]!.note).toBe('未知用户名“nobody”');
    // A password typed into the username box is not kept.
    await failure(() => attempt(TEST_PASSWORD, 'Hongqi piaopiao!'));
    expect((await audit(t.ctx)).at(-1)!.note).toBe('未知用户名（格式无效）');
  });

  it('locks an account for 15 minutes after 5 failures in a row, audited, then lets it in again', async () => {
    const user = await setup();
    for (let i = 1; i <= 4; i++) expect(await failure(() => attempt(`Wrong-Password-${i}`))).toMatchObject({ code: 'LOGIN_FAILED' });
    const locked = await failure(() => attempt('Wrong-Password-5'));
    expect(locked).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringContaining('2026-11-23 12:15（北京时间）') });
    // Even the right password waits.
    expect(await failure(() => attempt(TEST_PASSWORD))).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    clock.advance(14 * MINUTE);
    expect(await failure(() => attempt(TEST_PASSWORD))).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    clock.advance(1 * MINUTE);
    expect((await attempt(TEST_PASSWORD)).user.id).toBe(user.id);
    const row = await t.ctx.db.selectFrom('users').select(['failed_logins', 'locked_until']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
    const actions = (await audit(t.ctx)).filter((e) => e.record_id === String(user.id)).map((e) => e.action);
    expect(actions).toEqual(['create', ...Array(5).fill('login_failed'), 'account_locked', 'login_failed', 'login_failed', 'login']);
  });

  it('counts only consecutive failures: a success in between starts again', async () => {
    await setup();
    for (let i = 0; i < 4; i++) await failure(() => attempt('Wrong-Password-x'));
    await attempt(TEST_PASSWORD);
    for (let i = 0; i < 4; i++) expect(await failure(() => attempt('Wrong-Password-y'))).toMatchObject({ code: 'LOGIN_FAILED' });
  });

  it('ends a session after 8 idle hours, however long it has been in use before', async () => {
    const user = await setup();
    const session = await attempt(TEST_PASSWORD);
    expect((await resolveSession(t.ctx, session.token, '10.9.9.9')).actor).toMatchObject({ kind: 'user', userId: user.id, ip: '10.9.9.9' });
    clock.advance(8 * HOUR - 1);
    expect((await resolveSession(t.ctx, session.token, null)).sessionId).toBe(session.sessionId);
    clock.advance(8 * HOUR - 1);
    expect((await resolveSession(t.ctx, session.token, null)).sessionId).toBe(session.sessionId);
    clock.advance(8 * HOUR);
    expect(await failure(() => resolveSession(t.ctx, session.token, null))).toMatchObject({ code: 'SESSION_EXPIRED', message: '登录已过期或已失效，请重新登录' });
  });

  it('ends a session 7 days after login even if in use, and at once at logout or when the account is disabled', async () => {
    const user = await setup();
    const busy = await attempt(TEST_PASSWORD);
    const end = Date.parse(busy.expiresAt);
    while (Date.parse(clock.nowIso()) + 7 * HOUR < end) {
      await resolveSession(t.ctx, busy.token, null);
      clock.advance(7 * HOUR);
    }
    await resolveSession(t.ctx, busy.token, null);
    clock.advance(end - 1 - Date.parse(clock.nowIso()));
    expect((await resolveSession(t.ctx, busy.token, null)).sessionId).toBe(busy.sessionId);
    clock.advance(1);
    expect(await failure(() => resolveSession(t.ctx, busy.token, null))).toMatchObject({ code: 'SESSION_EXPIRED' });

    const ended = await attempt(TEST_PASSWORD);
    const kept = await attempt(TEST_PASSWORD);
    await logout(await asUser(t.ctx, user), ended.sessionId);
    expect(await failure(() => resolveSession(t.ctx, ended.token, null))).toMatchObject({ code: 'SESSION_EXPIRED' });
    expect((await resolveSession(t.ctx, kept.token, null)).sessionId).toBe(kept.sessionId);
    await setUserDisabled(t.ctx, user.id, true);
    expect(await failure(() => resolveSession(t.ctx, kept.token, null))).toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(await failure(() => resolveSession(t.ctx, 'forged-token-forged-token-forged-token-xyz', null))).toMatchObject({ code: 'SESSION_EXPIRED' });
    expect((await audit(t.ctx)).filter((e) => e.action === 'logout')).toHaveLength(1);
  });

  it('creates, lists, uses and revokes API tokens, stored hashed; forged, expired and revoked ones are refused', async () => {
    const user = await setup();
    const other = await makeUser(t.ctx, 'wuyi', ['viewer'], 'C');
    const as = await asUser(t.ctx, user);
    const created = await createApiToken(as, { name: '组织部数据同步' });
    expect(created.token).toMatch(/^djt_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: '组织部数据同步', prefix: created.token.slice(0, 12), expiresAt: null, lastUsedAt: null });
    const shortLived = await createApiToken(as, { name: '临时', expiresInDays: 1 });
    expect(await findApiTokens(as)).toEqual([
      { id: created.id, name: '组织部数据同步', prefix: created.prefix, createdAt: clock.nowIso(), lastUsedAt: null, expiresAt: null },
      expect.objectContaining({ id: shortLived.id, expiresAt: new Date(Date.parse(clock.nowIso()) + DAY).toISOString() }),
    ]);
    expect(await findApiTokens(await asUser(t.ctx, other))).toEqual([]);
    const stored = await t.ctx.db.selectFrom('api_tokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(sha256Hex(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token);

    const used = await resolveApiToken(t.ctx, created.token, '10.2.2.2');
    expect(used).toMatchObject({ via: 'token', tokenId: created.id, csrfToken: null, actor: { userId: user.id, ip: '10.2.2.2' } });
    expect((await findApiTokens(as))[0]!.lastUsedAt).toBe(clock.nowIso());

    const forged = `djt_${'A'.repeat(43)}`;
    for (const bad of [forged, 'djt_short', created.token.slice(0, -1), `Bearer ${created.token}`]) {
      expect(await failure(() => resolveApiToken(t.ctx, bad, null))).toMatchObject({ code: 'TOKEN_INVALID', message: '访问令牌无效、已过期或已撤销' });
    }
    clock.advance(DAY);
    expect(await failure(() => resolveApiToken(t.ctx, shortLived.token, null))).toMatchObject({ code: 'TOKEN_INVALID' });

    expect(await failure(async () => revokeApiToken(await asUser(t.ctx, other), created.id))).toMatchObject({ code: 'TOKEN_NOT_FOUND' });
    await revokeApiToken(as, created.id);
    expect(await failure(() => resolveApiToken(t.ctx, created.token, null))).toMatchObject({ code: 'TOKEN_INVALID' });
    expect(await failure(() => revokeApiToken(as, created.id))).toMatchObject({ code: 'TOKEN_NOT_FOUND' });
    expect((await findApiTokens(as)).map((x) => x.id)).toEqual([shortLived.id]);

    // A disabled account's tokens stop working.
    const third = await createApiToken(as, { name: '第三个' });
    await setUserDisabled(t.ctx, user.id, true);
    expect(await failure(() => resolveApiToken(t.ctx, third.token, null))).toMatchObject({ code: 'TOKEN_INVALID' });

    const entries = (await audit(t.ctx)).filter((e) => e.record_type === 'api_token');
    expect(entries.map((e) => [e.action, e.record_id, e.actor_user_id])).toEqual([
      ['token_create', String(created.id), user.id],
      ['token_create', String(shortLived.id), user.id],
      ['token_revoke', String(created.id), user.id],
      ['token_create', String(third.id), user.id],
    ]);
    const dump = JSON.stringify(await audit(t.ctx));
    for (const secret of [created.token, shortLived.token, third.token, TEST_PASSWORD, stored.token_hash]) expect(dump).not.toContain(secret);
  });
});
