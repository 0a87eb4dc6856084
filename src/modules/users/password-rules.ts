/**
 * Minimum password strength. GB/T 22239-2019 (等级保护 2.0) 8.1.4.1 a) asks that passwords be complex and changed;
 * we take the usual reading of it: at least 10 characters drawn from at least three of four classes (lowercase,
 * uppercase, digits, symbols), not built on the username, and not one of the passwords every guesser tries first.
 */
import type { FieldIssue } from '../../shared/errors.js';

export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for any passphrase; a bound so that a request cannot make the hash work on megabytes. */
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;

/**
 * Passwords that meet the length and class rules yet top every leaked-password list (the Chinese lists add the
 * pinyin and keyboard patterns). Compared case-insensitively.
 */
const COMMON = new Set(
  [
    'password123!', 'password@123', 'password#123', 'p@ssw0rd123', 'p@ssword123', 'passw0rd!23', 'passw0rd@123', 'p@ssw0rd!23',
    'admin@123456', 'admin@12345', 'admin123456!', 'administrator1', 'abc@1234567', 'abc123456789!', 'abcd@1234567',
    'aa123456789!', 'aa@123456789', 'a123456789!', 'qwer@123456', 'qwerty@12345', 'qwerty123456!', 'qwe123!@#qwe',
    '1qaz!qaz2wsx', '1qaz@wsx3edc', '1qaz2wsx#edc', '!qaz2wsx3edc', 'zaq1@wsx3edc', 'zxcvbnm@123', 'asdf@1234567',
    'woaini@1314', 'woaini1314!', 'iloveyou@123', 'welcome@123', 'welcome123!', 'changeme@123', 'letmein@123',
    'test@123456', 'root@123456', 'huawei@1234', 'huawei@123', 'dangjian@123', 'dangjian123!', 'dangjian@2024',
    'dangjian@2025', 'dangjian@2026', 'gongchandang1!', 'zhongguo@123', 'china@123456', 'beijing@123', 'abc!123456789',
  ].map((p) => p.toLowerCase()),
);

function classesOf(password: string): number {
  let lower = false;
  let upper = false;
  let digit = false;
  let symbol = false;
  for (const ch of password) {
    if (ch >= 'a' && ch <= 'z') lower = true;
    else if (ch >= 'A' && ch <= 'Z') upper = true;
    else if (ch >= '0' && ch <= '9') digit = true;
    else symbol = true;
  }
  return [lower, upper, digit, symbol].filter(Boolean).length;
}

/**
 * What is wrong with a new password, as field issues (PASSWORD_TOO_WEAK) naming the field by its Chinese label;
 * empty when it is strong enough. Never quotes the password.
 */
export function passwordProblems(password: string, username: string, field = 'password', label = '密码'): FieldIssue[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`${label}至少需要${PASSWORD_MIN_LENGTH}个字符`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`${label}不能超过${PASSWORD_MAX_LENGTH}个字符`);
  if (classesOf(password) < PASSWORD_MIN_CLASSES) problems.push(`${label}应至少包含小写字母、大写字母、数字、符号中的三类`);
  if (username.length > 0 && password.toLowerCase().includes(username.toLowerCase())) problems.push(`${label}不能包含用户名`);
  if (COMMON.has(password.toLowerCase())) problems.push(`${label}过于常见，容易被猜中，请换一个`);
  return problems.map((message) => ({ code: 'PASSWORD_TOO_WEAK', field, message }));
}
