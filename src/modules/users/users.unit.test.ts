import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../access/actor.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import { passwordProblems } from './password-rules.js';
import { canPlaceUserIn, canSeeUser, grantProblem, manageProblem, userScopeOf } from './user-rules.js';

const user = (roles: Role[], orgPath = '/1/2/', userId = 7): Actor => ({
  kind: 'user', userId, username: 'u', orgId: 2, orgPath, roles, ip: null,
});

describe('password rules', () => {
  const fields = (password: string, username = 'zhangsan') => passwordProblems(password, username).map((p) => p.message);

  it('accepts a long password of three classes that is neither common nor the username', () => {
    expect(passwordProblems('Hongqi-piaopiao-2026', 'zhangsan')).toEqual([]);
    expect(passwordProblems('mountain river 7 stars', 'zhangsan')).toEqual([]); // lowercase, digit, symbol (spaces)
    expect(passwordProblems('红旗飘飘Hongqi2026', 'zhangsan')).toEqual([]); // Chinese characters count as symbols
  });

  it('refuses short, one- or two-class, username-based and common passwords, naming the field in Chinese', () => {
    expect(fields('Ab1!')).toEqual(['密码至少需要10个字符']);
    expect(fields('abcdefghijkl')).toEqual(['密码应至少包含小写字母、大写字母、数字、符号中的三类']);
    expect(fields('abcdefgh1234')).toEqual(['密码应至少包含小写字母、大写字母、数字、符号中的三类']);
    expect(fields('ZhangSan-2026!')).toEqual(['密码不能包含用户名']);
    expect(fields('P@ssw0rd123')).toEqual(['密码过于常见，容易被猜中，请换一个']);
    expect(fields('1qaz@WSX3edc')).toEqual(['密码过于常见，容易被猜中，请换一个']);
    expect(fields('x'.repeat(129) + 'A1')).toContain('密码不能超过128个字符');
    const issues = passwordProblems('short', 'zhangsan', 'next', '新密码');
    expect(issues[0]).toEqual({ code: 'PASSWORD_TOO_WEAK', field: 'next', message: '新密码至少需要10个字符' });
    for (const i of issues) expect(i.message).not.toContain('short');
  });
});

describe('password hashing (scrypt)', () => {
  it('stores a self-describing salted hash that verifies only the right password', async () => {
    const a = await hashPassword('Hongqi-piaopiao-2026');
    const b = await hashPassword('Hongqi-piaopiao-2026');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b); // a fresh salt each time
    expect(a).not.toContain('Hongqi');
    expect(await verifyPassword('Hongqi-piaopiao-2026', a)).toBe(true);
    expect(await verifyPassword('hongqi-piaopiao-2026', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('answers false, never throws, for a malformed or outrageous stored hash', async () => {
    for (const bad of ['', 'plain', 'bcrypt$x', 'scrypt$abc$8$1$c2FsdA$aGFzaA', 'scrypt$1048577$8$1$c2FsdA$aGFzaA', 'scrypt$4194304$8$1$c2FsdA$aGFzaA', 'scrypt$16384$8$1$$aGFzaA']) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });
});

describe('who sees and manages which accounts', () => {
  const system: Actor = { kind: 'system', name: 'cli' };
  const admin = user(['admin']);
  const orgAdmin = user(['org_admin'], '/1/2/');
  const secretary = user(['secretary'], '/1/2/');
  const inSubtree = { id: 20, orgPath: '/1/2/5/', roles: ['secretary'] as const };
  const outside = { id: 21, orgPath: '/1/3/', roles: ['viewer'] as const };
  const adminInSubtree = { id: 22, orgPath: '/1/2/', roles: ['admin'] as const };
  const noOrgAdmin = { id: 23, orgPath: null, roles: ['admin'] as const };

  it('scopes the list: everything, a subtree, or oneself', () => {
    expect(userScopeOf(system)).toEqual({ kind: 'all' });
    expect(userScopeOf(admin)).toEqual({ kind: 'all' });
    expect(userScopeOf(orgAdmin)).toEqual({ kind: 'subtree', path: '/1/2/', userId: 7 });
    expect(userScopeOf(secretary)).toEqual({ kind: 'self', userId: 7 });
    expect(canSeeUser(orgAdmin, inSubtree)).toBe(true);
    expect(canSeeUser(orgAdmin, outside)).toBe(false);
    expect(canSeeUser(orgAdmin, noOrgAdmin)).toBe(false);
    expect(canSeeUser(secretary, inSubtree)).toBe(false);
    expect(canSeeUser(secretary, { id: 7, orgPath: '/1/2/' })).toBe(true);
  });

  it('lets an organization administrator manage its subtree but never a system administrator, nor grant the role', () => {
    expect(manageProblem(admin, adminInSubtree)).toBeNull();
    expect(manageProblem(orgAdmin, { ...inSubtree, roles: [...inSubtree.roles] })).toBeNull();
    expect(manageProblem(orgAdmin, { ...adminInSubtree, roles: [...adminInSubtree.roles] })).toMatch(/系统管理员/);
    expect(manageProblem(secretary, { id: 7, orgPath: '/1/2/', roles: ['secretary'] })).toMatch(/只有/);
    expect(grantProblem(admin, ['admin'])).toBeNull();
    expect(grantProblem(orgAdmin, ['org_admin', 'viewer'])).toBeNull();
    expect(grantProblem(orgAdmin, ['admin'])).toMatch(/只有系统管理员/);
    expect(grantProblem(secretary, ['viewer'])).not.toBeNull();
    expect(canPlaceUserIn(orgAdmin, '/1/2/9/')).toBe(true);
    expect(canPlaceUserIn(orgAdmin, '/1/')).toBe(false);
    expect(canPlaceUserIn(orgAdmin, null)).toBe(false);
    expect(canPlaceUserIn(system, null)).toBe(true);
  });
});
