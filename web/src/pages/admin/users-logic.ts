/**
 * The pure parts of the users page: the role names (the server's own list — actor.ts is plain data, safe to bundle),
 * a one-time password for a reset, server field issues grouped by form field, and an account's state in words.
 */
import { ROLES, ROLE_LABELS } from '../../../../src/modules/access/actor.js';
import type { FieldIssue } from '../../lib/api';
import type { Role, UserView } from '../../lib/types';

export { ROLES, ROLE_LABELS };

export const ROLE_OPTIONS: { value: Role; label: string }[] = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function roleNames(roles: readonly Role[]): string[] {
  return roles.map((r) => ROLE_LABELS[r] ?? r);
}

// Letters and digits that cannot be mistaken for each other when read aloud or copied by hand (no 0/O, 1/l/I).
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '#%+=@?';
const ALL = LOWER + UPPER + DIGITS + SYMBOLS;

/** Random integers below `n`, from the browser's cryptographic generator unless one is given (tests). */
export type RandomInt = (n: number) => number;

export const cryptoRandomInt: RandomInt = (n) => {
  const buf = new Uint32Array(1);
  // Rejection sampling: no bias towards the first characters.
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  do crypto.getRandomValues(buf);
  while (buf[0]! >= limit);
  return buf[0]! % n;
};

/**
 * A one-time password of `length` characters with all four classes (the server asks for three of four, at least 10
 * characters, not containing the username: src/modules/users/password-rules.ts), shuffled.
 */
export function generatePassword(username: string, random: RandomInt = cryptoRandomInt, length = 14): string {
  for (;;) {
    const chars = [LOWER, UPPER, DIGITS, SYMBOLS].map((set) => set[random(set.length)]!);
    while (chars.length < length) chars.push(ALL[random(ALL.length)]!);
    for (let i = chars.length - 1; i > 0; i--) {
      const j = random(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const pw = chars.join('');
    if (!username || !pw.toLowerCase().includes(username.toLowerCase())) return pw;
  }
}

/** The server's field issues grouped by field (a weak password may break several rules at once), for form.setFields. */
export function fieldErrors(issues: FieldIssue[], fields: readonly string[]): { name: string; errors: string[] }[] {
  const by = new Map<string, string[]>();
  for (const i of issues) {
    const head = i.field?.split('.')[0];
    if (!head || !fields.includes(head)) continue;
    by.set(head, [...(by.get(head) ?? []), i.message]);
  }
  return [...by].map(([name, errors]) => ({ name, errors }));
}

/** The issues that name no field of the form (shown above it). */
export function otherIssues(issues: FieldIssue[], fields: readonly string[]): FieldIssue[] {
  return issues.filter((i) => !i.field || !fields.includes(i.field.split('.')[0]!));
}

export type AccountState = { label: string; color: 'default' | 'success' | 'error' | 'warning' };

/** An account's state: 已停用, 已锁定 (until a moment), 待改密码 (first login or after a reset), or 正常. */
export function accountState(u: Pick<UserView, 'disabled' | 'lockedUntil' | 'mustChangePassword'>, nowIso: string): AccountState {
  if (u.disabled) return { label: '已停用', color: 'default' };
  if (u.lockedUntil && u.lockedUntil > nowIso) return { label: '已锁定', color: 'error' };
  if (u.mustChangePassword) return { label: '待修改密码', color: 'warning' };
  return { label: '正常', color: 'success' };
}
