import { z } from 'zod';
import { EDUCATIONS, ETHNICITIES, GENDERS, OCCUPATIONS } from '../../shared/vocab.js';
import { optionalIsoDate } from '../../shared/validation.js';

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: `应为以下之一：${values.join('、')}` });

/** A person's own fields, shared by members and people in development. */
export const personInput = z.object({
  name: z.string().trim().min(1, { message: '不能为空' }).max(50, { message: '不能超过50个字符' }),
  idNumber: z.string().trim().min(1, { message: '不能为空' }),
  gender: oneOf(GENDERS).nullish(),
  ethnicity: oneOf(ETHNICITIES).default('汉族'),
  birthDate: optionalIsoDate,
  education: oneOf(EDUCATIONS).nullish(),
  occupation: oneOf(OCCUPATIONS).nullish(),
  phone: z.string().trim().nullish(),
});
export type PersonInput = z.input<typeof personInput>;

export const PERSON_LABELS: Record<string, string> = {
  name: '姓名',
  idNumber: '公民身份号码',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  education: '学历',
  occupation: '人员类别',
  phone: '手机号码',
};
