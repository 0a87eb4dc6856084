import { z } from 'zod';
import { isoDate } from '../../shared/validation.js';
import { LIST_KINDS, TASK_EVENT_KINDS, TASK_STATUSES } from '../../shared/vocab.js';
import { orgCode } from '../orgs/orgs.schema.js';

export const TASK_LABELS: Record<string, string> = {
  orgCode: '组织代码',
  org: '组织代码',
  year: '年度',
  kind: '类别',
  title: '标题',
  issuedOn: '印发日期',
  note: '备注',
  items: '清单事项',
  content: '内容',
  category: '分类',
  seq: '序号',
  targetValue: '计划目标值',
  targetUnit: '目标单位',
  itemId: '清单事项编号',
  assignedByCode: '交办组织代码',
  assignedBy: '交办组织代码',
  ownerName: '责任人',
  owner: '责任人',
  startOn: '开始日期',
  deadline: '完成时限',
  status: '状态',
  completedOn: '完成日期',
  happenedOn: '日期',
  percent: '完成进度（%）',
  from: '完成时限起',
  to: '完成时限止',
  days: '临期天数',
  period: '统计期',
  listId: '清单编号',
};

/**
 * Task categories people most often record (the field itself is free text): the figures of the indicator catalog
 * count tasks by these names (task-figures.ts).
 */
export const SUGGESTED_TASK_CATEGORIES = [
  '书记项目',
  '党建品牌项目',
  '包联支部',
  '党建联系点',
  '责任书签订',
  '经济事项交接',
  '人才工作',
  '文明创建',
  '其他',
] as const;

/**
 * List-item categories the figures read (free text otherwise): the 工作要点 items of 党的制度建设, and the planned
 * targets a list sets itself — an item of category “三治融合”试点村 with target_value 5 plans five pilot villages.
 */
export const SUGGESTED_ITEM_CATEGORIES = ['党的制度建设', '“三治融合”试点村', '赴外参观学习'] as const;

/** "Overdue" is derived, never stored: an open task past its deadline. 未完成 is 未开始 and 进行中 together. */
export const TASK_STATUS_FILTERS = [...TASK_STATUSES, '未完成', '逾期'] as const;
/** Who records an event: 进展 the responsible organization, the others (督办, 催办, 约谈, 提醒) the assigning one. */
export const SUPERVISION_KINDS = TASK_EVENT_KINDS.filter((k) => k !== '进展');

const oneOf = (list: readonly string[]) => ({ message: `应为以下之一：${list.join('、')}` });
const text = (max: number) => z.string().trim().min(1, { message: '不能为空' }).max(max, { message: `不能超过${max}个字` });
const note = z.string().trim().max(500, { message: '不能超过500个字' }).nullish();
const recordId = z.coerce.number().int().min(1).max(2_147_483_647);
const year = z.coerce.number().int().min(1949, { message: '应为1949–2100的年份' }).max(2100, { message: '应为1949–2100的年份' });

export const listKind = z.enum(LIST_KINDS, oneOf(LIST_KINDS));
export const taskStatus = z.enum(TASK_STATUSES, oneOf(TASK_STATUSES));
export const taskEventKind = z.enum(TASK_EVENT_KINDS, oneOf(TASK_EVENT_KINDS));

export const listItemInput = z.object({
  content: text(1000),
  category: text(50).nullish(),
  targetValue: z.number().min(0, { message: '不能为负数' }).max(1e9).nullish(),
  targetUnit: text(10).nullish(),
});
export type ListItemInput = z.input<typeof listItemInput>;

/** A list with its items, numbered 1, 2, 3 … in the order given. */
export const listInput = z.object({
  orgCode,
  year,
  kind: listKind,
  title: text(200),
  issuedOn: isoDate.nullish(),
  note,
  items: z.array(listItemInput).max(500, { message: '一次最多500项' }).default([]),
});
export type ListInput = z.input<typeof listInput>;

export const listPatch = z.object({
  year: year.optional(),
  kind: listKind.optional(),
  title: text(200).optional(),
  issuedOn: isoDate.nullish(),
  note,
});
export type ListPatch = z.input<typeof listPatch>;

/** Items appended to a list, numbered after its last one. */
export const listItemsInput = z.object({ items: z.array(listItemInput).min(1, { message: '至少一项' }).max(500, { message: '一次最多500项' }) });
export type ListItemsInput = z.input<typeof listItemsInput>;

export const listItemPatch = z.object({
  content: text(1000).optional(),
  category: text(50).nullish(),
  targetValue: z.number().min(0, { message: '不能为负数' }).max(1e9).nullish(),
  targetUnit: text(10).nullish(),
});
export type ListItemPatch = z.input<typeof listItemPatch>;

export const listQuery = z.object({
  org: orgCode.optional(),
  year: year.optional(),
  kind: listKind.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListQuery = z.input<typeof listQuery>;

/**
 * A task for an organization (orgCode: the responsible one, in the assigning organization's subtree) and a named
 * person, assigned by an organization the caller may change (assignedByCode), optionally from a list item.
 */
export const taskInput = z.object({
  orgCode,
  assignedByCode: orgCode,
  itemId: recordId.nullish(),
  title: text(200),
  category: text(50).nullish(),
  ownerName: text(50),
  startOn: isoDate,
  deadline: isoDate,
  status: taskStatus.default('未开始'),
  completedOn: isoDate.nullish(),
  note,
});
export type TaskInput = z.input<typeof taskInput>;

/** Corrections by the assigning side (including cancelling, 已取消, and reopening). */
export const taskPatch = z.object({
  itemId: recordId.nullish(),
  title: text(200).optional(),
  category: text(50).nullish(),
  ownerName: text(50).optional(),
  startOn: isoDate.optional(),
  deadline: isoDate.optional(),
  status: taskStatus.optional(),
  completedOn: isoDate.nullish(),
  note,
});
export type TaskPatch = z.input<typeof taskPatch>;

export const taskEventInput = z.object({
  kind: taskEventKind,
  happenedOn: isoDate,
  content: text(1000),
  percent: z.number().int({ message: '应为0–100的整数' }).min(0, { message: '应为0–100的整数' }).max(100, { message: '应为0–100的整数' }).nullish(),
});
export type TaskEventInput = z.input<typeof taskEventInput>;

export const taskCompleteInput = z.object({ completedOn: isoDate });
export type TaskCompleteInput = z.input<typeof taskCompleteInput>;

export const taskQuery = z.object({
  org: orgCode.optional().describe('责任组织（含下级）'),
  assignedBy: orgCode.optional().describe('交办组织（仅该组织交办的）'),
  year: year.optional().describe('年度：起止时间与该年有交集的任务'),
  status: z.enum(TASK_STATUS_FILTERS, oneOf(TASK_STATUS_FILTERS)).optional(),
  category: z.string().trim().min(1).max(50).optional(),
  itemId: recordId.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TaskQuery = z.input<typeof taskQuery>;

export const openTasksQuery = z.object({
  org: orgCode.optional().describe('责任组织（不含下级）；不填为本人所在组织'),
  days: z.coerce.number().int().min(1).max(366).default(30).describe('多少天内到期算临期'),
});
export type OpenTasksQuery = z.input<typeof openTasksQuery>;

export const taskFiguresQuery = z.object({
  org: orgCode.optional(),
  period: z.string().trim().min(1).max(40).describe('统计期：2026、2026H1、2026Q3、2026-03 或日期范围 2026-03-01~2026-09-30'),
});

export const listItemParams = z.object({ id: recordId, itemId: recordId });

// ── Views ─────────────────────────────────────────────────────────────────────────────────────────────────────

export const taskView = z.object({
  id: z.number().int(),
  orgCode: z.string().describe('责任组织'),
  orgName: z.string(),
  assignedByCode: z.string().describe('交办组织'),
  assignedByName: z.string(),
  itemId: z.number().int().nullable(),
  listId: z.number().int().nullable(),
  title: z.string(),
  category: z.string().nullable(),
  ownerName: z.string(),
  startOn: z.string(),
  deadline: z.string(),
  status: z.enum(TASK_STATUSES),
  completedOn: z.string().nullable(),
  overdue: z.boolean().describe('未完成且已过完成时限'),
  completedLate: z.boolean().describe('完成日期晚于完成时限'),
  daysOverdue: z.number().int().describe('逾期天数（未逾期为0；逾期完成为超出天数）'),
  state: z.string().describe('状态说明，如“进行中（逾期12天）”'),
  percent: z.number().int().nullable().describe('最近一次报告的完成进度'),
  note: z.string().nullable(),
});
export type TaskView = z.infer<typeof taskView>;

export const taskEventView = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  kind: z.string(),
  happenedOn: z.string(),
  content: z.string(),
  percent: z.number().int().nullable(),
  actor: z.string(),
});
export type TaskEventView = z.infer<typeof taskEventView>;

export const taskDetail = taskView.extend({
  item: z.object({ id: z.number().int(), listId: z.number().int(), listTitle: z.string(), seq: z.number().int(), content: z.string() }).nullable(),
  events: z.array(taskEventView),
});
export type TaskDetail = z.infer<typeof taskDetail>;

export const taskPageView = z.object({ total: z.number().int().describe('符合条件的总数'), items: z.array(taskView) });
export type TaskPageView = z.infer<typeof taskPageView>;

export const taskCounts = z.object({
  total: z.number().int(),
  notStarted: z.number().int().describe('未开始'),
  inProgress: z.number().int().describe('进行中'),
  completed: z.number().int().describe('已完成'),
  cancelled: z.number().int().describe('已取消'),
  overdue: z.number().int().describe('逾期未完成'),
  completedLate: z.number().int().describe('逾期完成'),
});
export type TaskCounts = z.infer<typeof taskCounts>;

export const listItemView = z.object({
  id: z.number().int(),
  listId: z.number().int(),
  seq: z.number().int(),
  content: z.string(),
  category: z.string().nullable(),
  targetValue: z.number().nullable(),
  targetUnit: z.string().nullable(),
});
export type ListItemView = z.infer<typeof listItemView>;

export const listView = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  kind: z.string(),
  title: z.string(),
  issuedOn: z.string().nullable(),
  note: z.string().nullable(),
  itemCount: z.number().int(),
});
export type ListView = z.infer<typeof listView>;

export const listDetail = listView.extend({
  items: z.array(listItemView.extend({ tasks: z.array(taskView).describe('由该事项分解的任务（可见范围内）'), counts: taskCounts })),
  counts: taskCounts.describe('全部事项的任务合计'),
});
export type ListDetail = z.infer<typeof listDetail>;

export const listPageView = z.object({ total: z.number().int().describe('符合条件的总数'), items: z.array(listView) });
export type ListPageView = z.infer<typeof listPageView>;

export const openTasksView = z.object({
  org: z.object({ code: z.string(), name: z.string() }),
  today: z.string(),
  days: z.number().int(),
  counts: z.object({ overdue: z.number().int(), dueSoon: z.number().int(), later: z.number().int() }),
  items: z.array(taskView.extend({ dueSoon: z.boolean().describe('临期：未逾期且在指定天数内到期') })).describe('逾期的在前，其次按完成时限'),
});
export type OpenTasksView = z.infer<typeof openTasksView>;
