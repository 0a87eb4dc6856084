import { z } from 'zod';
import { LEVELS, SERVICE_KINDS, SERVICE_STATUSES, TEAM_KINDS } from '../../shared/vocab.js';
import { isoDate, queryBool } from '../../shared/validation.js';
import { orgCode } from '../orgs/orgs.schema.js';

export const SERVICE_LABELS: Record<string, string> = {
  orgCode: '组织代码',
  org: '组织代码',
  kind: '类别',
  memberId: '党员记录编号',
  memberIds: '党员记录编号',
  category: '具体类型',
  title: '事项',
  happenedOn: '日期',
  status: '办理状态',
  doneOn: '办结日期',
  hours: '服务时长（小时）',
  beneficiaries: '服务对象人数',
  reopen: '重新办理',
  note: '备注',
  from: '起始日期',
  to: '截止日期',
  communityCode: '社区党组织代码',
  communityName: '社区名称',
  unitLevel: '单位层级',
  reportedOn: '报到日期',
  endedOn: '结束日期',
  active: '仅在报到期内',
  name: '名称',
  establishedOn: '成立日期',
  dissolvedOn: '撤销日期',
  joinedOn: '加入日期',
  leftOn: '退出日期',
  year: '年度',
  period: '统计期',
  limit: '每页条数',
  offset: '起始位置',
};

/** The kinds of dispute people name most (矛盾纠纷化解); the category stays free text. */
export const DISPUTE_CATEGORIES = ['邻里纠纷', '婚姻家庭纠纷', '土地纠纷', '山林水利纠纷', '劳资纠纷', '集访', '征地拆迁纠纷', '物业纠纷', '其他'] as const;
/** The categories counted as collective petitions handled (collective_petitions_handled). */
export const COLLECTIVE_CATEGORIES: readonly string[] = ['集访', '劳资纠纷'];

const oneOf = <T extends readonly [string, ...string[]]>(list: T) => z.enum(list, { message: `应为以下之一：${list.join('、')}` });
const note = z.string().trim().max(500).nullish();
const recordId = z.number().int().min(1).max(2_147_483_647);

/** Hours as people write them (2, 2.5, "1.25"): positive, at most two decimals, at most 24 hours a record. */
export function parseHours(v: unknown): number | null {
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(text)) return null;
  const minutes = Math.round(Number(text) * 60);
  return minutes > 0 && minutes <= 24 * 60 ? minutes : null;
}
export const hoursText = z
  .union([z.number(), z.string()])
  .refine((v) => parseHours(v) !== null, { message: '应为大于0、不超过24的小时数（最多两位小数）' });

/** Minutes shown as hours with one decimal (32.0). */
export function hoursOf(minutes: number): string {
  return (Math.round(minutes / 6) / 10).toFixed(1);
}

// ── Service records ─────────────────────────────────────────────────────────────────────────────────────────────

export const serviceRecordInput = z.object({
  orgCode,
  kind: oneOf(SERVICE_KINDS),
  memberId: recordId.nullish(),
  category: z.string().trim().max(50).nullish(),
  title: z.string().trim().min(1, { message: '不能为空' }).max(200),
  happenedOn: isoDate,
  status: oneOf(SERVICE_STATUSES).nullish(),
  doneOn: isoDate.nullish(),
  hours: hoursText.nullish(),
  beneficiaries: z.number().int().min(0).max(10_000_000).nullish(),
  note,
});
export type ServiceRecordInput = z.input<typeof serviceRecordInput>;

export const serviceRecordPatch = z.object({
  memberId: recordId.nullish(),
  category: z.string().trim().max(50).nullish(),
  title: z.string().trim().min(1, { message: '不能为空' }).max(200).optional(),
  happenedOn: isoDate.optional(),
  status: oneOf(SERVICE_STATUSES).optional(),
  doneOn: isoDate.nullish(),
  hours: hoursText.nullish(),
  beneficiaries: z.number().int().min(0).max(10_000_000).nullish(),
  /** Moving a finished record back to 办理中 must be asked for explicitly. */
  reopen: z.boolean().optional(),
  note,
});
export type ServiceRecordPatch = z.input<typeof serviceRecordPatch>;

const pageQuery = {
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const serviceRecordQuery = z.object({
  org: orgCode.optional(),
  kind: oneOf(SERVICE_KINDS).optional(),
  status: oneOf(SERVICE_STATUSES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  memberId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  ...pageQuery,
});
export type ServiceRecordQuery = z.input<typeof serviceRecordQuery>;

export const serviceRecordView = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  orgName: z.string(),
  kind: z.string(),
  memberId: z.number().int().nullable(),
  memberName: z.string().nullable(),
  category: z.string().nullable(),
  title: z.string(),
  happenedOn: z.string(),
  status: z.string(),
  doneOn: z.string().nullable(),
  minutes: z.number().int().nullable().describe('服务时长（分钟），仅志愿服务'),
  hours: z.string().nullable().describe('服务时长（小时，一位小数）'),
  beneficiaries: z.number().int().nullable(),
  note: z.string().nullable(),
});
export type ServiceRecordView = z.infer<typeof serviceRecordView>;

export const serviceRecordList = z.object({ total: z.number().int(), items: z.array(serviceRecordView) });
export type ServiceRecordList = z.infer<typeof serviceRecordList>;

// ── 在职党员到社区报到 ────────────────────────────────────────────────────────────────────────────────────────────

export const communityReportInput = z.object({
  memberId: recordId,
  /** A community's party organization in the tree (one the caller can see, of the 社区 sector) … */
  communityCode: orgCode.nullish(),
  /** … or, when the community is not in the tree, its name. */
  communityName: z.string().trim().min(1, { message: '不能为空' }).max(100).nullish(),
  unitLevel: oneOf(LEVELS),
  reportedOn: isoDate,
  note,
});
export type CommunityReportInput = z.input<typeof communityReportInput>;

export const communityReportEnd = z.object({ endedOn: isoDate, note });
export type CommunityReportEnd = z.input<typeof communityReportEnd>;

export const communityReportQuery = z.object({
  org: orgCode.optional(),
  memberId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  active: queryBool.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
});
export type CommunityReportQuery = z.input<typeof communityReportQuery>;

export const communityReportView = z.object({
  id: z.number().int().nullable().describe('记录编号；报到到本社区、本人组织在查询范围以外的党员为空'),
  restricted: z.boolean().describe('是否为到本社区报到的外单位党员（只显示姓名、单位层级和报到日期）'),
  memberId: z.number().int().nullable(),
  name: z.string(),
  orgCode: z.string().nullable(),
  orgName: z.string().nullable(),
  communityCode: z.string().nullable(),
  communityName: z.string(),
  unitLevel: z.string(),
  reportedOn: z.string(),
  endedOn: z.string().nullable(),
  note: z.string().nullable(),
});
export type CommunityReportView = z.infer<typeof communityReportView>;

export const communityReportList = z.object({ total: z.number().int(), items: z.array(communityReportView) });
export type CommunityReportList = z.infer<typeof communityReportList>;

// ── Teams ───────────────────────────────────────────────────────────────────────────────────────────────────────

export const serviceTeamInput = z.object({
  orgCode,
  kind: oneOf(TEAM_KINDS),
  name: z.string().trim().min(1, { message: '不能为空' }).max(100),
  establishedOn: isoDate,
  dissolvedOn: isoDate.nullish(),
  note,
});
export type ServiceTeamInput = z.input<typeof serviceTeamInput>;

export const teamPeopleInput = z.object({
  memberIds: z.array(recordId).min(1, { message: '至少一名党员' }).max(500).nullish(),
  /** A volunteer from the public (群众志愿者), by name. */
  name: z.string().trim().min(1, { message: '不能为空' }).max(50).nullish(),
  joinedOn: isoDate,
});
export type TeamPeopleInput = z.input<typeof teamPeopleInput>;

export const teamPeopleLeave = z.object({
  memberIds: z.array(recordId).min(1, { message: '至少一名党员' }).max(500).nullish(),
  name: z.string().trim().min(1, { message: '不能为空' }).max(50).nullish(),
  leftOn: isoDate,
});
export type TeamPeopleLeave = z.input<typeof teamPeopleLeave>;

export const serviceTeamQuery = z.object({
  org: orgCode.optional(),
  kind: oneOf(TEAM_KINDS).optional(),
  ...pageQuery,
});
export type ServiceTeamQuery = z.input<typeof serviceTeamQuery>;

export const teamPersonView = z.object({
  entryId: z.number().int(),
  memberId: z.number().int().nullable().describe('党员记录编号；群众志愿者或查询范围以外的党员为空'),
  isMember: z.boolean(),
  name: z.string(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
});
export type TeamPersonView = z.infer<typeof teamPersonView>;

export const serviceTeamView = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  orgName: z.string(),
  kind: z.string(),
  name: z.string(),
  establishedOn: z.string(),
  dissolvedOn: z.string().nullable(),
  note: z.string().nullable(),
  headCount: z.number().int().describe('现有人数（未退出）'),
  memberCount: z.number().int().describe('其中党员'),
  publicCount: z.number().int().describe('其中群众志愿者'),
});
export type ServiceTeamView = z.infer<typeof serviceTeamView>;

export const serviceTeamDetail = serviceTeamView.extend({ people: z.array(teamPersonView) });
export type ServiceTeamDetail = z.infer<typeof serviceTeamDetail>;

export const serviceTeamList = z.object({ total: z.number().int(), items: z.array(serviceTeamView) });
export type ServiceTeamList = z.infer<typeof serviceTeamList>;

// ── A member's service ──────────────────────────────────────────────────────────────────────────────────────────

export const memberServiceQuery = z.object({ year: z.coerce.number().int().min(1900).max(2999).optional() });

export const memberServiceView = z.object({
  memberId: z.number().int(),
  name: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  records: z.array(serviceRecordView).describe('本年度的服务记录（按日期）'),
  volunteerMinutes: z.number().int(),
  volunteerHours: z.string().describe('本年度志愿服务时长（小时，一位小数）'),
  reports: z.array(communityReportView).describe('到社区报到（全部）'),
  teams: z.array(
    z.object({ teamId: z.number().int(), kind: z.string(), name: z.string(), orgCode: z.string(), joinedOn: z.string(), leftOn: z.string().nullable() }),
  ),
});
export type MemberServiceView = z.infer<typeof memberServiceView>;

export const serviceFiguresQuery = z.object({ org: orgCode.optional(), period: z.string().trim().min(1).max(40) });
