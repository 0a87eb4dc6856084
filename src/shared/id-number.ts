/**
 * Citizen ID numbers (公民身份号码), GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit sequence
 * (odd for men, even for women), and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function checkCharOf(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type IdNumberProblem = 'format' | 'birth_date' | 'check_digit';

export interface IdNumberInfo {
  idNumber: string;
  birthDate: string;
  gender: '男' | '女';
}

/** Parses and validates an 18-character ID number (a lowercase x is accepted and upper-cased). */
export function parseIdNumber(raw: string): { ok: true; value: IdNumberInfo } | { ok: false; problem: IdNumberProblem } {
  const idNumber = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, problem: 'format' };
  const y = Number(idNumber.slice(6, 10));
  const m = Number(idNumber.slice(10, 12));
  const d = Number(idNumber.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1880 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, problem: 'birth_date' };
  }
  if (checkCharOf(idNumber.slice(0, 17)) !== idNumber[17]) return { ok: false, problem: 'check_digit' };
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  const gender = Number(idNumber[16]) % 2 === 1 ? '男' : '女';
  return { ok: true, value: { idNumber, birthDate, gender } };
}

export const idNumberProblemMessage: Record<IdNumberProblem, string> = {
  format: '公民身份号码应为18位（前17位为数字，末位为数字或X）',
  birth_date: '公民身份号码中的出生日期无效',
  check_digit: '公民身份号码校验位错误',
};

/** Builds a valid ID number from its parts (used by the demo county and by test factories). */
export function makeIdNumber(areaCode: string, birthDate: string, sequence: number): string {
  const first17 = `${areaCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharOf(first17);
}

/** 110101199003071234 → 110101********1234: lists never show the whole number. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 10) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 6) + '*'.repeat(idNumber.length - 10) + idNumber.slice(-4);
}

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export function isValidMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}
