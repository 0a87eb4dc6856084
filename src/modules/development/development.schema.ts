import { z } from 'zod';
import { DEVELOPMENT_STAGES } from '../../shared/vocab.js';
import { optionalIsoDate } from '../../shared/validation.js';
import { orgCode } from '../orgs/orgs.schema.js';
import { PERSON_LABELS, personInput } from '../people/people.schema.js';
import { STEPS, STEP_KEYS, type StepKey } from './steps.js';

export const DEVELOPMENT_LABELS: Record<string, string> = {
  ...PERSON_LABELS,
  orgCode: '所在组织代码',
  contacts: '培养联系人',
  introducers: '入党介绍人',
  trainingHours: '集中培训学时',
  extensionMonths: '延长预备期(月)',
  ...Object.fromEntries(STEPS.map((s) => [s.key, s.label])),
};

const stepShape = Object.fromEntries(STEP_KEYS.map((k) => [k, optionalIsoDate])) as Record<StepKey, typeof optionalIsoDate>;

export const developmentFields = z.object({
  ...stepShape,
  contacts: z.string().trim().max(100).nullish(),
  introducers: z.string().trim().max(100).nullish(),
  trainingHours: z.number().int().nullish(),
  extensionMonths: z.number().int().nullish(),
});

export const developmentInput = personInput.extend({ orgCode }).extend(developmentFields.shape);
export type DevelopmentInput = z.input<typeof developmentInput>;

/** Entering or correcting step dates; null clears a date. */
export const developmentPatch = developmentFields.partial();
export type DevelopmentPatch = z.input<typeof developmentPatch>;

export const developmentListQuery = z.object({
  org: orgCode,
  stage: z.enum(DEVELOPMENT_STAGES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const developmentView = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  stage: z.string(),
  membershipId: z.number().int().nullable(),
  contacts: z.string().nullable(),
  introducers: z.string().nullable(),
  trainingHours: z.number().int().nullable(),
  extensionMonths: z.number().int().nullable(),
  probationEndsOn: z.string().nullable(),
  ...(Object.fromEntries(STEP_KEYS.map((k) => [k, z.string().nullable()])) as Record<StepKey, z.ZodNullable<z.ZodString>>),
});
export type DevelopmentView = z.infer<typeof developmentView>;
