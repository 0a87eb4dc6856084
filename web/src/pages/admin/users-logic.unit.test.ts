import { describe, expect, it } from 'vitest';
import { accountState, fieldErrors, generatePassword, otherIssues, roleNames, ROLE_OPTIONS } from './users-logic';

/** A fixed sequence of "random" numbers, for a repeatable password. */
function seq(values: number[]): (n: number) => number {
  let i = 0;
  return (n) => values[i++ % values.length]! % n;
}

describe('the users page’s pieces', () => {
  it('names the four roles in Chinese, in the server’s order', () => {
    expect(ROLE_OPTIONS.map((o) => o.label)).toEqual(['系统管理员', '组织管理员', '支部书记/党务工作者', '查看']);
    expect(roleNames(['org_admin', 'viewer'])).toEqual(['组织管理员', '查看']);
  });

  it('generates passwords of 14 characters with all four classes and never containing the username', () => {
    for (let k = 0; k < 200; k++) {
      const pw = generatePassword('zhangsan');
      expect(pw).toHaveLength(14);
      expect(pw).toMatch(/[a-z]/);
      expect(pw).toMatch(/[A-Z]/);
      expect(pw).toMatch(/[0-9]/);
      expect(pw).toMatch(/[^A-Za-z0-9]/);
      expect(pw.toLowerCase()).not.toContain('zhangsan');
      expect(pw).not.toMatch(/[0O1lI]/);
    }
  });

  it('draws again when the password happens to contain the username', () => {
    // A generator answering 0 draws 'a', 'A', '2', '#' and ten more 'a's: the username "aa" is inside, so it draws
    // again until the generator changes (after 40 calls) and the password no longer holds "aa".
    let calls = 0;
    const zeros = (n: number) => {
      calls++;
      return calls > 40 ? 1 % n : 0;
    };
    const pw = generatePassword('aa', zeros);
    expect(pw.toLowerCase()).not.toContain('aa');
    expect(generatePassword('', seq([3, 7, 11, 5]))).toHaveLength(14);
  });

  it('groups the server’s issues by form field, several messages under one field, the rest apart', () => {
    const issues = [
      { code: 'PASSWORD_TOO_WEAK', field: 'password', message: '密码至少需要10个字符' },
      { code: 'PASSWORD_TOO_WEAK', field: 'password', message: '密码应至少包含小写字母、大写字母、数字、符号中的三类' },
      { code: 'USERNAME_TAKEN', field: 'username', message: '用户名“li”已被使用' },
      { code: 'FIELD_INVALID', field: 'roles.0', message: '应为以下之一' },
      { code: 'PERMISSION_DENIED', field: 'audit', message: '无权' },
      { code: 'X', message: '没有字段' },
    ];
    const fields = ['username', 'password', 'roles'];
    expect(fieldErrors(issues, fields)).toEqual([
      { name: 'password', errors: ['密码至少需要10个字符', '密码应至少包含小写字母、大写字母、数字、符号中的三类'] },
      { name: 'username', errors: ['用户名“li”已被使用'] },
      { name: 'roles', errors: ['应为以下之一'] },
    ]);
    expect(otherIssues(issues, fields).map((i) => i.message)).toEqual(['无权', '没有字段']);
  });

  it('tells an account’s state: disabled first, then locked (until a later moment), then a password to change', () => {
    const now = '2026-03-05T06:00:00.000Z';
    const base = { disabled: false, lockedUntil: null, mustChangePassword: false };
    expect(accountState(base, now).label).toBe('正常');
    expect(accountState({ ...base, mustChangePassword: true }, now).label).toBe('待修改密码');
    expect(accountState({ ...base, lockedUntil: '2026-03-05T06:15:00.000Z' }, now).label).toBe('已锁定');
    expect(accountState({ ...base, lockedUntil: '2026-03-05T05:15:00.000Z' }, now).label).toBe('正常');
    expect(accountState({ ...base, disabled: true, lockedUntil: '2026-03-05T06:15:00.000Z' }, now).label).toBe('已停用');
  });
});
