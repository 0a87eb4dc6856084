import { z } from 'zod';
import { isoDate, queryBool } from '../../shared/validation.js';
import { LEVELS, PARTY_POSTS, STUDY_KINDS, TRAINING_AUDIENCES, TRAINING_KINDS } from '../../shared/vocab.js';
import { orgCode } from '../orgs/orgs.schema.js';
import { parseHours } from './study-points.js';

export const STUDY_LABELS: Record<string, string> = {
  memberId: '党员记录编号',
  memberIds: '党员记录编号',
  studiedOn: '学习日期',
  kind: '类别',
  title: '名称',
  hours: '学时（小时）',
  source: '来源',
  orgCode: '组织代码',
  org: '组织代码',
  level: '层级',
  audience: '培训对象',
  subject: '主题',
  startOn: '开始日期',
  endOn: '结束日期',
  concentrated: '是否集中培训',
  audienceCount: '参加人数',
  completed: '是否完成',
  note: '备注',
  from: '起始日期',
  to: '截止日期',
  period: '统计期',
  year: '年度',
};

const recordId = z.number().int().min(1).max(2_147_483_647);
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: `应为以下之一：${values.join('、')}` });
const text = (max: number) => z.string().trim().min(1, { message: '不能为空' }).max(max, { message: `不能超过${max}个字` });
const note = z.string().trim().max(500, { message: '不能超过500个字' }).nullish();

/** Hours as people write them: a number with at most one decimal, more than 0 and at most `max`. */
function hoursField(max: number) {
  return z.union([z.string(), z.number()]).refine(
    (v) => {
      const minutes = parseHours(v);
      return minutes !== null && minutes > 0 && minutes <= max * 60;
    },
    { message: `应为大于0、不超过${max}的小时数，最多一位小数（如 1.5）` },
  );
}
/** A study record covers one day: at most 24 hours. */
export const MAX_STUDY_HOURS = 24;
/** A training class (several days or weeks): at most 2000 hours. */
export const MAX_TRAINING_HOURS = 2000;

export const studyRecordInput = z.object({
  memberId: recordId,
  studiedOn: isoDate,
  kind: oneOf(STUDY_KINDS),
  title: text(200),
  hours: hoursField(MAX_STUDY_HOURS),
  source: z.string().trim().max(200, { message: '不能超过200个字' }).nullish(),
});
export type StudyRecordInput = z.input<typeof studyRecordInput>;

const pageQuery = {
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const studyListQuery = z.object({
  org: orgCode.optional(),
  memberId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  kind: oneOf(STUDY_KINDS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
});
export type StudyListQuery = z.input<typeof studyListQuery>;

export const memberStudyQuery = z.object({
  year: z.coerce.number().int().min(1900, { message: '应为四位年份' }).max(9999, { message: '应为四位年份' }).optional(),
});

const trainingFields = {
  orgCode,
  title: text(200),
  kind: oneOf(TRAINING_KINDS),
  level: oneOf(LEVELS),
  audience: oneOf(TRAINING_AUDIENCES),
  subject: z.string().trim().max(100, { message: '不能超过100个字' }).nullish(),
  startOn: isoDate,
  endOn: isoDate,
  hours: hoursField(MAX_TRAINING_HOURS),
  concentrated: z.boolean().default(false),
  audienceCount: z.number().int().min(0).max(10_000_000).nullish(),
  note,
};
export const trainingInput = z.object(trainingFields);
export type TrainingInput = z.input<typeof trainingInput>;

export const trainingPatch = z.object({
  orgCode: trainingFields.orgCode.optional(),
  title: trainingFields.title.optional(),
  kind: trainingFields.kind.optional(),
  level: trainingFields.level.optional(),
  audience: trainingFields.audience.optional(),
  subject: trainingFields.subject,
  startOn: isoDate.optional(),
  endOn: isoDate.optional(),
  hours: trainingFields.hours.optional(),
  concentrated: z.boolean().optional(),
  audienceCount: trainingFields.audienceCount,
  note,
});
export type TrainingPatch = z.input<typeof trainingPatch>;

export const trainingListQuery = z.object({
  org: orgCode.optional(),
  period: z.string().trim().max(40).optional(),
  kind: oneOf(TRAINING_KINDS).optional(),
  audience: oneOf(TRAINING_AUDIENCES).optional(),
  concentrated: queryBool.optional(),
  ...pageQuery,
});
export type TrainingListQuery = z.input<typeof trainingListQuery>;

export const attendanceInput = z.object({
  memberIds: z.array(recordId).min(1, { message: '至少一名党员' }).max(1000, { message: '一次最多1000名' }),
  hours: hoursField(MAX_TRAINING_HOURS).nullish(),
  completed: z.boolean().default(true),
});
export type AttendanceInput = z.input<typeof attendanceInput>;

export const attendanceRemoveInput = z.object({
  memberIds: z.array(recordId).min(1, { message: '至少一名党员' }).max(1000, { message: '一次最多1000名' }),
});

export const studyFiguresQuery = z.object({ org: orgCode.optional(), period: z.string().trim().min(1).max(40) });

export const RANKING_LEVELS = ['children', 'branches'] as const;
export const studyRankingQuery = studyFiguresQuery.extend({
  level: z.enum(RANKING_LEVELS, { message: 'children（下一级组织）或 branches（所属党支部）' }).optional(),
});

// ── Views ─────────────────────────────────────────────────────────────────────────────────────────────────────

const hours = z.string().describe('学时（小时，一位小数）');

export const studyRecordView = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  name: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  studiedOn: z.string(),
  kind: z.string(),
  title: z.string(),
  minutes: z.number().int(),
  hours,
  points: z.number().int().describe('记入的积分（每日上限后）'),
  source: z.string().nullable(),
});
export type StudyRecordView = z.infer<typeof studyRecordView>;

export const recordStudyView = studyRecordView.extend({
  pointsEarned: z.number().int().describe('按学时应得积分（每满半小时1分）'),
  pointsCapped: z.number().int().describe('因每日上限未记入的积分'),
  pointsToday: z.number().int().describe('当日已记入的积分（含本条）'),
  dailyCap: z.number().int().describe('每人每日积分上限'),
});
export type RecordStudyView = z.infer<typeof recordStudyView>;

export const studyListView = z.object({ total: z.number().int().describe('符合条件的总数'), items: z.array(studyRecordView) });
export type StudyListView = z.infer<typeof studyListView>;

export const trainingView = z.object({
  id: z.number().int(),
  orgCode: z.string().describe('主办组织代码'),
  orgName: z.string(),
  title: z.string(),
  kind: z.string(),
  level: z.string(),
  audience: z.string(),
  subject: z.string().nullable(),
  startOn: z.string(),
  endOn: z.string(),
  minutes: z.number().int(),
  hours,
  concentrated: z.boolean(),
  audienceCount: z.number().int().nullable(),
  note: z.string().nullable(),
  attendees: z.number().int().describe('登记参训的党员人数'),
});
export type TrainingView = z.infer<typeof trainingView>;

export const attendanceView = z.object({
  memberId: z.number().int(),
  name: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  minutes: z.number().int(),
  hours,
  completed: z.boolean(),
});
export type AttendanceView = z.infer<typeof attendanceView>;

export const trainingDetailView = trainingView.extend({
  attendance: z.array(attendanceView).describe('参训党员（仅列出可查看范围内的党员）'),
});
export type TrainingDetailView = z.infer<typeof trainingDetailView>;

export const trainingListView = z.object({ total: z.number().int().describe('符合条件的总数'), items: z.array(trainingView) });
export type TrainingListView = z.infer<typeof trainingListView>;

export const memberTrainingView = z.object({
  trainingId: z.number().int(),
  title: z.string(),
  kind: z.string(),
  organizer: z.string(),
  startOn: z.string(),
  endOn: z.string(),
  concentrated: z.boolean(),
  minutes: z.number().int(),
  hours,
  completed: z.boolean(),
});

export const memberStudyView = z.object({
  memberId: z.number().int(),
  name: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  partyPost: z.enum(PARTY_POSTS).nullable(),
  year: z.number().int(),
  requiredMinutes: z.number().int().describe('全年集中学习培训应达学时（分钟）：32学时，书记、副书记、委员56学时'),
  requiredHours: hours,
  requiredTrainings: z.number().int().describe('全年至少参加集中培训次数（书记、副书记、委员1次）'),
  concentratedMinutes: z.number().int().describe('集中学习培训学时（分钟）：集中培训参训 + 集中学习、网络培训、专题讲座'),
  concentratedHours: hours,
  concentratedTrainings: z.number().int().describe('完成的集中培训次数'),
  totalMinutes: z.number().int().describe('全部学习培训学时（分钟）'),
  totalHours: hours,
  points: z.number().int(),
  shortfallMinutes: z.number().int().describe('距应达学时尚差（分钟）'),
  shortfallHours: hours,
  met: z.boolean().describe('学时和集中培训次数均已达到'),
  records: z.array(studyRecordView),
  trainings: z.array(memberTrainingView),
});
export type MemberStudyView = z.infer<typeof memberStudyView>;

export const rankingView = z.object({
  org: z.object({ code: z.string(), name: z.string() }).nullable(),
  period: z.object({ label: z.string(), title: z.string(), start: z.string(), end: z.string() }),
  level: z.enum(RANKING_LEVELS),
  items: z.array(
    z.object({
      rank: z.number().int().nullable().describe('名次（并列同名次）；无在册党员的不排名'),
      orgCode: z.string(),
      orgName: z.string(),
      members: z.number().int().describe('期末在册党员数'),
      points: z.number().int().describe('期间学习积分合计'),
      pointsPerMember: z.number().nullable().describe('人均积分（一位小数）'),
    }),
  ),
});
export type RankingView = z.infer<typeof rankingView>;
