import { z } from 'zod';
import { figureSetView } from '../../shared/figures.js';
import { isoDate } from '../../shared/validation.js';
import { CADRE_EVENT_KINDS, EDUCATIONS } from '../../shared/vocab.js';
import { orgCode } from '../orgs/orgs.schema.js';

export const CADRE_LABELS: Record<string, string> = {
  orgCode: '登记组织代码',
  org: '组织代码',
  memberId: '党员记录编号',
  personName: '姓名',
  kind: '事项类别',
  subkind: '具体类别',
  happenedOn: '日期',
  frontline: '是否来自基层一线',
  batch: '批次',
  birthYear: '出生年份',
  education: '学历',
  note: '备注',
  from: '起始日期',
  to: '截止日期',
  period: '统计期',
};

/**
 * The subkinds the figures read (the field itself is free text; cadre-figures.ts says which figure counts which):
 * recruitment (招录) 公务员, 选调生, 事业单位, 教师, 医务人员, 公开调任; talents (引进人才) 硕士研究生, 教育人才, 医疗人才;
 * selections 中层干部; the reserve register (后备干部) 村级后备干部 and 县管干部推荐 (a cadre recommended for a
 * county-managed post); rank promotions (职级晋升) 事业单位职员; dispatch (选派) 专家人才 and 医疗专家帮扶 (experts
 * coming to help the county).
 */
export const SUGGESTED_CADRE_SUBKINDS: Record<string, readonly string[]> = {
  调整: ['中层干部', '县管干部', '乡镇干部'],
  提拔: ['中层干部', '县管干部', '乡镇干部'],
  职级晋升: ['公务员职级', '事业单位职员'],
  招录: ['公务员', '选调生', '事业单位', '教师', '医务人员', '公开调任'],
  引进人才: ['硕士研究生', '教育人才', '医疗人才'],
  后备干部: ['村级后备干部', '县管干部推荐'],
  年轻干部入库: ['优秀年轻干部'],
  选派: ['专家人才', '医疗专家帮扶', '驻村第一书记'],
  提醒谈话: ['干部监督提醒谈话'],
  诫勉: ['诫勉谈话'],
  责令检查: ['书面检查'],
  考核评优: ['月考核', '季度之星', '年度考核优秀'],
};

const oneOf = (list: readonly string[]) => ({ message: `应为以下之一：${list.join('、')}` });
const text = (max: number) => z.string().trim().min(1, { message: '不能为空' }).max(max, { message: `不能超过${max}个字` });
const note = z.string().trim().max(500, { message: '不能超过500个字' }).nullish();

export const cadreEventKind = z.enum(CADRE_EVENT_KINDS, oneOf(CADRE_EVENT_KINDS));

/**
 * A cadre event on a person: a member (`memberId`: the name and organization are the member's) or a person by name
 * (`personName`, recorded under `orgCode`).
 */
export const cadreEventInput = z.object({
  orgCode: orgCode.nullish(),
  memberId: z.number().int().min(1).max(2_147_483_647).nullish(),
  personName: text(50).nullish(),
  kind: cadreEventKind,
  subkind: text(50).nullish(),
  happenedOn: isoDate,
  frontline: z.boolean().default(false).describe('来自基层一线（提拔、调整时）'),
  batch: text(100).nullish().describe('批次，如 2026年第3次常委会'),
  birthYear: z.number().int().min(1900, { message: '应不早于1900年' }).max(2100).nullish(),
  education: z.enum(EDUCATIONS, { message: `应为以下之一：${EDUCATIONS.join('、')}` }).nullish(),
  note,
});
export type CadreEventInput = z.input<typeof cadreEventInput>;

export const cadreEventListQuery = z.object({
  org: orgCode.optional(),
  kind: cadreEventKind.optional(),
  subkind: z.string().trim().max(50).optional(),
  batch: z.string().trim().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CadreEventListQuery = z.input<typeof cadreEventListQuery>;

export const cadreFiguresQuery = z.object({
  org: orgCode.optional(),
  period: z.string().trim().min(1).max(40).describe('统计期：2026、2026H1、2026Q3、2026-03 或日期范围 2026-03-01~2026-09-30'),
});

/** A cadre event as shown: the person's name (a member's from the member record) and nothing else of the member's. */
export const cadreEventView = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  orgName: z.string(),
  memberId: z.number().int().nullable(),
  personName: z.string(),
  kind: z.string(),
  subkind: z.string().nullable(),
  happenedOn: z.string(),
  frontline: z.boolean(),
  batch: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  education: z.string().nullable(),
  note: z.string().nullable(),
});
export type CadreEventView = z.infer<typeof cadreEventView>;

export const cadreEventPageView = z.object({ total: z.number().int().describe('符合条件的总数'), items: z.array(cadreEventView) });
export type CadreEventPageView = z.infer<typeof cadreEventPageView>;

export const cadreFiguresView = figureSetView;
