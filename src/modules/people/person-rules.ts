import type { FieldIssue } from '../../shared/errors.js';
import { idNumberProblemMessage, isValidMobile, parseIdNumber } from '../../shared/id-number.js';

export interface CheckedPerson {
  name: string;
  idNumber: string;
  gender: '男' | '女';
  ethnicity: string;
  birthDate: string;
  education: string | null;
  occupation: string | null;
  phone: string | null;
}

/**
 * Checks a person against the ID number (GB 11643): the check digit, and that the birth date and gender entered,
 * if any, agree with it. Missing birth date and gender are taken from the number.
 */
export function checkPerson(
  input: {
    name: string;
    idNumber: string;
    gender?: string | null | undefined;
    ethnicity?: string | null | undefined;
    birthDate?: string | null | undefined;
    education?: string | null | undefined;
    occupation?: string | null | undefined;
    phone?: string | null | undefined;
  },
  today: string,
): { issues: FieldIssue[]; person: CheckedPerson | null } {
  const issues: FieldIssue[] = [];
  const parsed = parseIdNumber(input.idNumber);
  if (!parsed.ok) {
    issues.push({ code: 'ID_NUMBER_INVALID', field: 'idNumber', message: idNumberProblemMessage[parsed.problem] });
    return { issues, person: null };
  }
  const id = parsed.value;
  if (input.birthDate && input.birthDate !== id.birthDate) {
    issues.push({
      code: 'ID_NUMBER_MISMATCH',
      field: 'birthDate',
      message: `出生日期${input.birthDate}与公民身份号码中的${id.birthDate}不一致`,
    });
  }
  if (id.birthDate > today) {
    issues.push({ code: 'DATE_IN_FUTURE', field: 'idNumber', message: '公民身份号码中的出生日期晚于今天' });
  }
  if (input.gender && input.gender !== id.gender) {
    issues.push({ code: 'ID_NUMBER_MISMATCH', field: 'gender', message: `性别“${input.gender}”与公民身份号码（${id.gender}）不一致` });
  }
  const phone = input.phone ? input.phone.replace(/[\s-]/g, '') : null;
  if (phone && !isValidMobile(phone)) {
    issues.push({ code: 'PHONE_INVALID', field: 'phone', message: '手机号码应为11位数字，以13–19开头' });
  }
  return {
    issues,
    person: {
      name: input.name.trim(),
      idNumber: id.idNumber,
      gender: id.gender,
      ethnicity: input.ethnicity ?? '汉族',
      birthDate: id.birthDate,
      education: input.education ?? null,
      occupation: input.occupation ?? null,
      phone,
    },
  };
}

/** A date of an event in a membership: not after today, not before the member joined. */
export function checkMembershipDate(
  field: string,
  label: string,
  date: string,
  joinedOn: string,
  today: string,
): FieldIssue[] {
  if (date > today) return [{ code: 'DATE_IN_FUTURE', field, message: `${label}${date}晚于今天` }];
  if (date < joinedOn) return [{ code: 'DATE_ORDER_INVALID', field, message: `${label}${date}早于入党日期${joinedOn}` }];
  return [];
}

/** A date of an event in this person's life: not after today, not before birth. */
export function checkLifeDate(
  field: string,
  label: string,
  date: string | null | undefined,
  birthDate: string | null,
  today: string,
): FieldIssue[] {
  if (!date) return [];
  if (date > today) return [{ code: 'DATE_IN_FUTURE', field, message: `${label}${date}晚于今天` }];
  if (birthDate && date < birthDate) return [{ code: 'DATE_BEFORE_BIRTH', field, message: `${label}${date}早于出生日期${birthDate}` }];
  return [];
}
