import { z } from 'zod';
import { ENTRY_KINDS, LEAVE_REASONS, MEMBER_STATUSES, PARTY_POSTS } from '../../shared/vocab.js';
import { isoDate, optionalIsoDate, queryBool } from '../../shared/validation.js';
import { orgCode } from '../orgs/orgs.schema.js';
import { PERSON_LABELS, personInput } from '../people/people.schema.js';

export const MEMBER_LABELS: Record<string, string> = {
  ...PERSON_LABELS,
  orgCode: '所在组织代码',
  status: '党员类别',
  joinedOn: '入党日期',
  confirmedOn: '转正日期',
  entryKind: '进入方式',
  entryOn: '进入日期',
  isMobile: '是否流动党员',
  mobileDestination: '外出流向',
  partyPost: '党内职务',
  toOrgCode: '转入组织代码',
  transferredOn: '转接日期',
  reason: '离开原因',
  leftOn: '离开日期',
  note: '备注',
};

export const memberInput = personInput.extend({
  orgCode,
  status: z.enum(MEMBER_STATUSES, { message: '应为“预备党员”或“正式党员”' }),
  joinedOn: isoDate,
  confirmedOn: optionalIsoDate,
  entryKind: z.enum(ENTRY_KINDS).nullish(),
  entryOn: optionalIsoDate,
  isMobile: z.boolean().default(false),
  mobileDestination: z.string().trim().max(200).nullish(),
  partyPost: z.enum(PARTY_POSTS, { message: `应为以下之一：${PARTY_POSTS.join('、')}` }).nullish(),
});
export type MemberInput = z.input<typeof memberInput>;

export const memberPatch = personInput
  .omit({ idNumber: true })
  .partial()
  .extend({
    // No default here: a patch that leaves 民族 out must not reset it to 汉族.
    ethnicity: personInput.shape.ethnicity.unwrap().optional(),
    status: z.enum(MEMBER_STATUSES, { message: '应为“预备党员”或“正式党员”' }).optional(),
    joinedOn: isoDate.optional(),
    confirmedOn: optionalIsoDate,
    isMobile: z.boolean().optional(),
    mobileDestination: z.string().trim().max(200).nullish(),
    partyPost: z.enum(PARTY_POSTS, { message: `应为以下之一：${PARTY_POSTS.join('、')}` }).nullish(),
  });
export type MemberPatch = z.input<typeof memberPatch>;

export const transferInput = z.object({
  toOrgCode: orgCode,
  transferredOn: isoDate,
  note: z.string().trim().max(500).nullish(),
});
export type TransferInput = z.infer<typeof transferInput>;

export const leaveInput = z.object({
  reason: z.enum(LEAVE_REASONS, { message: `应为以下之一：${LEAVE_REASONS.join('、')}` }),
  leftOn: isoDate,
  note: z.string().trim().max(500).nullish(),
});
export type LeaveInput = z.infer<typeof leaveInput>;

export const memberListQuery = z.object({
  org: orgCode,
  subtree: queryBool.default(true),
  status: z.enum(MEMBER_STATUSES).optional(),
  name: z.string().trim().max(50).optional(),
  includeLeft: queryBool.default(false),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type MemberListQuery = z.input<typeof memberListQuery>;

const memberBase = {
  id: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  gender: z.string(),
  ethnicity: z.string(),
  birthDate: z.string(),
  education: z.string().nullable(),
  occupation: z.string().nullable(),
  orgCode: z.string(),
  orgName: z.string(),
  status: z.string(),
  joinedOn: z.string(),
  confirmedOn: z.string().nullable(),
  isMobile: z.boolean(),
  partyPost: z.string().nullable(),
  leftOn: z.string().nullable(),
  leaveReason: z.string().nullable(),
};

/** A list row: the ID number and phone are masked. */
export const memberListItem = z.object({ ...memberBase, idNumberMasked: z.string(), phoneMasked: z.string().nullable() });
export type MemberListItem = z.infer<typeof memberListItem>;

export const transferView = z.object({
  fromOrgCode: z.string(),
  toOrgCode: z.string(),
  transferredOn: z.string(),
  note: z.string().nullable(),
});

export const memberDetail = z.object({
  ...memberBase,
  idNumber: z.string(),
  phone: z.string().nullable(),
  entryKind: z.string().nullable(),
  entryOn: z.string().nullable(),
  mobileDestination: z.string().nullable(),
  leaveNote: z.string().nullable(),
  transfers: z.array(transferView),
});
export type MemberDetail = z.infer<typeof memberDetail>;
