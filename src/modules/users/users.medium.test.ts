import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import { ENGINES, useTestDatabase } from '../../../test/helpers/test-db.js';
import { TEST_PASSWORD, asUser, makeCounty, makeUser } from '../../../test/factories.js';
import { login } from '../auth/login.js';
import { resolveSession } from '../auth/resolve-session.js';
import { changeOwnPassword } from './change-password.js';
import { createUser } from './create-user.js';
import { findUsers, getUser } from './find-users.js';
import { resetPassword } from './reset-password.js';
import { setUserDisabled } from './set-user-disabled.js';
import { updateUser } from './update-user.js';
import { updateUserRoles } from './update-user-roles.js';
import { failure } from '../../../test/helpers/errors.js';

/** Runs `fn` and returns the AppError it throws (code and message), failing if it does not throw. */

async function auditRows(ctx: Ctx) {
  return ctx.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
}

describe.each(ENGINES)('accounts on %s', (engine) => {
  const t = useTestDatabase(engine);

  /** County C, township C.T1 with branches C.T1.B1 and C.T1.B2, and a system administrator without an organization. */
  async function setup() {
    const { branches } = await makeCounty(t.ctx, 2);
    const admin = await makeUser(t.ctx, 'root', ['admin'], null);
    return { admin, branches };
  }

  it('creates accounts with a salted scrypt hash, refusing weak passwords, taken names and orphans', async () => {
    await setup();
    const created = await makeUser(t.ctx, 'Wang.Fang', ['secretary', 'viewer'], 'C.T1.B1', { displayName: '王芳' });
    expect(created).toMatchObject({ username: 'wang.fang', displayName: '王芳', orgCode: 'C.T1.B1', roles: ['secretary', 'viewer'], disabled: false });
    expect(created).not.toHaveProperty('password');
    expect(created).not.toHaveProperty('passwordHash');
    const row = await t.ctx.db.selectFrom('users').select('password_hash').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);

    expect(await failure(() => makeUser(t.ctx, 'li', ['viewer'], 'C'))).toMatchObject({ code: 'FIELD_INVALID', message: expect.stringContaining('用户名') });
    expect(await failure(() => makeUser(t.ctx, 'lisi', ['viewer'], 'C', { password: 'abc12345' }))).toMatchObject({ code: 'PASSWORD_TOO_WEAK' });
    const weak2 = await failure(() => makeUser(t.ctx, 'lisi', ['viewer'], 'C', { password: 'lisi-Lisi-2026' }));
    expect(weak2).toMatchObject({ code: 'PASSWORD_TOO_WEAK', message: '密码不能包含用户名' });
    expect(weak2.issues[0]!.field).toBe('password');
    expect(await failure(() => makeUser(t.ctx, 'WANG.FANG', ['viewer'], 'C'))).toMatchObject({ code: 'USERNAME_TAKEN' });
    expect(await failure(() => makeUser(t.ctx, 'orphan', ['viewer'], null))).toMatchObject({ code: 'FIELD_REQUIRED', message: expect.stringContaining('所属组织') });
    expect(await failure(() => makeUser(t.ctx, 'nowhere', ['viewer'], 'NOPE'))).toMatchObject({ code: 'ORG_NOT_FOUND' });
    expect(await failure(() => makeUser(t.ctx, 'norole', [], 'C'))).toMatchObject({ code: 'FIELD_INVALID', message: expect.stringContaining('角色') });
    expect(await failure(() => makeUser(t.ctx, 'badrole', ['boss' as never], 'C'))).toMatchObject({ code: 'VALUE_NOT_ALLOWED' });
  });

  it('lists accounts clipped to the caller: all of them, a subtree, or only oneself', async () => {
    const { admin } = await setup();
    const townAdmin = await makeUser(t.ctx, 'town', ['org_admin'], 'C.T1');
    const b1 = await makeUser(t.ctx, 'b1sec', ['secretary'], 'C.T1.B1');
    await makeUser(t.ctx, 'county', ['viewer'], 'C');
    const names = async (ctx: Ctx) => (await findUsers(ctx)).items.map((u) => u.username);

    expect(await names(await asUser(t.ctx, admin))).toEqual(['b1sec', 'county', 'root', 'town']);
    expect(await names(await asUser(t.ctx, townAdmin))).toEqual(['b1sec', 'town']);
    expect(await names(await asUser(t.ctx, b1))).toEqual(['b1sec']);
    expect((await findUsers(await asUser(t.ctx, townAdmin))).total).toBe(2);
    // Outside the scope an account is "not found", exactly like a missing one.
    expect(await failure(async () => getUser(await asUser(t.ctx, townAdmin), admin.id))).toMatchObject({ code: 'USER_NOT_FOUND' });
    expect(await failure(async () => getUser(await asUser(t.ctx, b1), townAdmin.id))).toMatchObject({ code: 'USER_NOT_FOUND' });
    expect(await failure(async () => getUser(await asUser(t.ctx, admin), 999_999))).toMatchObject({ code: 'USER_NOT_FOUND' });
  });

  it('lets an organization administrator manage its subtree, but never grant admin or touch an administrator', async () => {
    const { admin } = await setup();
    const townAdmin = await makeUser(t.ctx, 'town', ['org_admin'], 'C.T1');
    const as = await asUser(t.ctx, townAdmin);
    const staff = await createUser(as, { username: 'b2sec', displayName: '李明', orgCode: 'C.T1.B2', roles: ['secretary'], password: TEST_PASSWORD });
    expect(staff).toMatchObject({ orgCode: 'C.T1.B2', mustChangePassword: true });
    expect(await failure(() => createUser(as, { username: 'upper', displayName: 'x', orgCode: 'C', roles: ['viewer'], password: TEST_PASSWORD }))).toMatchObject({ code: 'ORG_NOT_FOUND' });
    expect(await failure(() => createUser(as, { username: 'boss', displayName: 'x', orgCode: 'C.T1.B1', roles: ['admin'], password: TEST_PASSWORD }))).toMatchObject({
      code: 'PERMISSION_DENIED',
      message: '只有系统管理员可以授予“系统管理员”角色',
    });

    expect(await updateUserRoles(as, staff.id, ['org_admin', 'viewer'])).toMatchObject({ roles: ['org_admin', 'viewer'] });
    expect(await failure(() => updateUserRoles(as, staff.id, ['admin']))).toMatchObject({ code: 'PERMISSION_DENIED' });
    const adminInTown = await makeUser(t.ctx, 'townroot', ['admin'], 'C.T1');
    for (const attempt of [
      () => updateUserRoles(as, adminInTown.id, ['viewer']),
      () => setUserDisabled(as, adminInTown.id, true),
      () => resetPassword(as, adminInTown.id, 'Another-Strong-Pass-1'),
      () => updateUser(as, adminInTown.id, { displayName: '改名' }),
    ]) {
      expect(await failure(attempt)).toMatchObject({ code: 'PERMISSION_DENIED', message: '组织管理员不能管理系统管理员的账户' });
    }
    expect(await failure(() => updateUserRoles(as, admin.id, ['viewer']))).toMatchObject({ code: 'USER_NOT_FOUND' });

    // A secretary manages nobody, not even itself.
    const b1 = await makeUser(t.ctx, 'b1sec', ['secretary'], 'C.T1.B1');
    expect(await failure(async () => updateUserRoles(await asUser(t.ctx, b1), b1.id, ['org_admin']))).toMatchObject({ code: 'PERMISSION_DENIED' });

    const roles = await t.ctx.db.selectFrom('user_roles').select('role').where('user_id', '=', adminInTown.id).execute();
    expect(roles.map((r) => r.role)).toEqual(['admin']);
  });

  it('never takes away or disables the last enabled system administrator', async () => {
    const { admin: root } = await setup();
    const asRoot = await asUser(t.ctx, root);
    // Without an organization, an account is an administrator or nothing.
    expect(await failure(() => updateUserRoles(asRoot, root.id, ['viewer']))).toMatchObject({ code: 'FIELD_INVALID', message: expect.stringContaining('不属于任何组织') });
    expect(await failure(() => setUserDisabled(asRoot, root.id, true))).toMatchObject({ code: 'PERMISSION_DENIED', message: '不能停用自己的账户' });

    const county = await makeUser(t.ctx, 'county', ['admin', 'viewer'], 'C');
    const asCounty = await asUser(t.ctx, county);
    await setUserDisabled(asCounty, root.id, true); // another administrator remains: allowed
    const last = await failure(() => updateUserRoles(asCounty, county.id, ['viewer']));
    expect(last).toMatchObject({ code: 'PERMISSION_DENIED', message: expect.stringContaining('最后一位系统管理员') });
    expect(await failure(() => updateUserRoles(t.ctx, county.id, []))).toMatchObject({ code: 'PERMISSION_DENIED' }); // not even the system
    expect(await failure(() => setUserDisabled(t.ctx, county.id, true))).toMatchObject({ code: 'PERMISSION_DENIED', message: '不能停用最后一位系统管理员' });

    await setUserDisabled(asCounty, root.id, false);
    expect(await updateUserRoles(asCounty, county.id, ['viewer'])).toMatchObject({ roles: ['viewer'] });
    const enabledAdmins = await t.ctx.db
      .selectFrom('user_roles as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select('u.username')
      .where('r.role', '=', 'admin')
      .where('u.disabled', '=', 0)
      .execute();
    expect(enabledAdmins.map((r) => r.username)).toEqual(['root']);
  });

  it('resets a password: the account must change it, is unlocked, and loses its sessions', async () => {
    const { admin } = await setup();
    const user = await makeUser(t.ctx, 'zhao', ['viewer'], 'C.T1.B1');
    const session = await login(t.ctx, { username: 'zhao', password: TEST_PASSWORD, ip: '10.0.0.2' });
    await t.ctx.db.updateTable('users').set({ failed_logins: 3, locked_until: '2099-01-01T00:00:00.000Z' }).where('id', '=', user.id).execute();
    const as = await asUser(t.ctx, admin);
    expect(await failure(() => resetPassword(as, user.id, 'short'))).toMatchObject({ code: 'PASSWORD_TOO_WEAK' });
    expect(await failure(() => resetPassword(as, admin.id, 'Another-Strong-Pass-1'))).toMatchObject({ code: 'PERMISSION_DENIED' });
    const reset = await resetPassword(as, user.id, 'Another-Strong-Pass-1');
    expect(reset).toMatchObject({ mustChangePassword: true, lockedUntil: null });
    expect(await failure(() => resolveSession(t.ctx, session.token, null))).toMatchObject({ code: 'SESSION_EXPIRED' });
    const again = await login(t.ctx, { username: 'zhao', password: 'Another-Strong-Pass-1', ip: null });
    expect(again.user.mustChangePassword).toBe(true);
    expect((await resolveSession(t.ctx, again.token, null)).mustChangePassword).toBe(true);
    const entry = (await auditRows(t.ctx)).find((r) => r.action === 'password_change')!;
    expect(entry).toMatchObject({ actor_name: 'root', record_type: 'user', record_id: String(user.id), ip: '10.0.0.1' });
  });

  it("changes one's own password: the current one checked (and counted), the other sessions ended", async () => {
    await setup();
    const user = await makeUser(t.ctx, 'qian', ['viewer'], 'C.T1.B1', { mustChangePassword: true });
    const here = await login(t.ctx, { username: 'qian', password: TEST_PASSWORD, ip: null });
    const elsewhere = await login(t.ctx, { username: 'qian', password: TEST_PASSWORD, ip: null });
    const as = await asUser(t.ctx, user);

    const wrong = await failure(() => changeOwnPassword(as, { current: 'Not-My-Password-1', next: 'Brand-New-Pass-2026' }));
    expect(wrong).toMatchObject({ code: 'FIELD_INVALID', message: '当前密码不正确' });
    expect(wrong.issues[0]!.field).toBe('current');
    const counted = await t.ctx.db.selectFrom('users').select('failed_logins').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(counted.failed_logins).toBe(1);
    expect(await failure(() => changeOwnPassword(as, { current: TEST_PASSWORD, next: 'weak' }))).toMatchObject({ code: 'PASSWORD_TOO_WEAK', message: expect.stringContaining('新密码') });
    expect(await failure(() => changeOwnPassword(as, { current: TEST_PASSWORD, next: TEST_PASSWORD }))).toMatchObject({ code: 'PASSWORD_TOO_WEAK' });

    const changed = await changeOwnPassword(as, { current: TEST_PASSWORD, next: 'Brand-New-Pass-2026' }, { keepSessionId: here.sessionId });
    expect(changed.mustChangePassword).toBe(false);
    expect((await resolveSession(t.ctx, here.token, null)).actor.userId).toBe(user.id);
    expect(await failure(() => resolveSession(t.ctx, elsewhere.token, null))).toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(await failure(() => login(t.ctx, { username: 'qian', password: TEST_PASSWORD, ip: null }))).toMatchObject({ code: 'LOGIN_FAILED' });
    await login(t.ctx, { username: 'qian', password: 'Brand-New-Pass-2026', ip: null });
    const actions = (await auditRows(t.ctx)).filter((r) => r.record_id === String(user.id)).map((r) => r.action);
    expect(actions).toEqual(['create', 'login', 'login', 'login_failed', 'password_change', 'login_failed', 'login']);
  });

  it('audits every write — creation, permission change, disabling, renaming, password — and never a password or hash', async () => {
    const { admin } = await setup();
    const as = await asUser(t.ctx, admin, '192.168.1.9');
    const user = await createUser(as, { username: 'sunwk', displayName: '孙', orgCode: 'C.T1', roles: ['viewer'], password: 'Houzi-72-Bian-Hua', mustChangePassword: false });
    await updateUser(as, user.id, { displayName: '孙悟空', roles: ['secretary', 'viewer'], disabled: true });
    await updateUser(as, user.id, { disabled: false });
    await resetPassword(as, user.id, 'Second-Password-2026');
    const entries = (await auditRows(t.ctx)).filter((r) => r.record_type === 'user' && r.record_id === String(user.id));
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'permission_change', 'update', 'update', 'password_change']);
    for (const e of entries) expect(e).toMatchObject({ actor_user_id: admin.id, actor_name: 'root', ip: '192.168.1.9' });
    const permission = entries.find((e) => e.action === 'permission_change')!;
    expect(JSON.parse(permission.changes!)).toEqual({ roles: [['viewer'], ['secretary', 'viewer']] });
    expect(JSON.parse(entries[1]!.changes!)).toEqual({ displayName: ['孙', '孙悟空'] });
    expect(JSON.parse(entries[3]!.changes!)).toEqual({ disabled: [false, true] });

    // A refused change leaves nothing behind, not even its allowed parts: one transaction.
    const townAdmin = await makeUser(t.ctx, 'town', ['org_admin'], 'C.T1');
    const before = await auditRows(t.ctx);
    const refused = await failure(async () => updateUser(await asUser(t.ctx, townAdmin), user.id, { displayName: '齐天大圣', roles: ['admin'] }));
    expect(refused.code).toBe('PERMISSION_DENIED');
    expect(await auditRows(t.ctx)).toEqual(before);
    expect((await getUser(t.ctx, user.id)).displayName).toBe('孙悟空');

    const dump = JSON.stringify(await auditRows(t.ctx));
    for (const secret of ['Houzi-72-Bian-Hua', 'Second-Password-2026', TEST_PASSWORD, 'scrypt$']) expect(dump).not.toContain(secret);
  });
});
