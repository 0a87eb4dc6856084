import { z } from 'zod';
import { ORG_KINDS, SECTORS } from '../../shared/vocab.js';
import { optionalIsoDate } from '../../shared/validation.js';

export const ORG_LABELS: Record<string, string> = {
  code: '组织代码',
  name: '组织名称',
  parentCode: '上级组织代码',
  kind: '组织类别',
  sector: '单位类型',
  establishedOn: '成立日期',
  lastElectionOn: '本届选举日期',
  termYears: '任期(年)',
  committeeSize: '支委会委员人数',
  termExtendedTo: '延期换届至',
};

export const orgCode = z
  .string()
  .trim()
  .min(1, { message: '不能为空' })
  .max(64, { message: '不能超过64个字符' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: '只能包含字母、数字、点、下划线和连字符' });

export const orgInput = z.object({
  code: orgCode,
  name: z.string().trim().min(1, { message: '不能为空' }).max(200, { message: '不能超过200个字符' }),
  parentCode: orgCode.nullish(),
  kind: z.enum(ORG_KINDS, { message: `应为以下之一：${ORG_KINDS.join('、')}` }),
  sector: z.enum(SECTORS, { message: `应为以下之一：${SECTORS.join('、')}` }),
  establishedOn: optionalIsoDate,
  lastElectionOn: optionalIsoDate,
  termYears: z.number().int().min(1, { message: '应为1–5的整数' }).max(5, { message: '应为1–5的整数' }).nullish(),
  committeeSize: z
    .number()
    .int({ message: '应为0–15的整数' })
    .min(0, { message: '应为0–15的整数' })
    .max(15, { message: '应为0–15的整数' })
    .nullish()
    .describe('支部委员会委员人数：0 表示不设支部委员会（只设书记，必要时设副书记）；不填表示未记录'),
  termExtendedTo: optionalIsoDate.describe('经上级党组织批准延期换届的，延期至哪一天'),
});
export type OrgInput = z.infer<typeof orgInput>;

export const orgPatch = orgInput.omit({ code: true, parentCode: true }).partial();
export type OrgPatch = z.infer<typeof orgPatch>;

export const moveOrgInput = z.object({ parentCode: orgCode });

export const orgView = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  parentId: z.number().int().nullable(),
  parentCode: z.string().nullable(),
  kind: z.string(),
  sector: z.string(),
  establishedOn: z.string().nullable(),
  lastElectionOn: z.string().nullable(),
  termYears: z.number().int().nullable(),
  committeeSize: z.number().int().nullable().describe('支部委员会委员人数：0 表示不设支部委员会；空表示未记录'),
  termExtendedTo: z.string().nullable().describe('经批准延期换届至'),
  depth: z.number().int(),
  path: z.string(),
});
export type OrgView = z.infer<typeof orgView>;

/** An organization's own fields, as the workbook carries them and the audit log records them (no ids, no path). */
export function orgFields(o: OrgView) {
  return {
    code: o.code,
    name: o.name,
    parentCode: o.parentCode,
    kind: o.kind,
    sector: o.sector,
    establishedOn: o.establishedOn,
    lastElectionOn: o.lastElectionOn,
    termYears: o.termYears,
    committeeSize: o.committeeSize,
    termExtendedTo: o.termExtendedTo,
  };
}

export const orgListQuery = z.object({
  root: orgCode.optional().describe('只列出此组织及其下级；不填则列出全部'),
  format: z.enum(['flat', 'tree'], { message: '应为 flat 或 tree' }).default('flat').describe('flat：按层级排列的列表；tree：嵌套的树'),
});

/** An organization with its children, for the tree view. Named, because it refers to itself. */
export interface OrgTreeNode extends OrgView {
  children: OrgTreeNode[];
}
export const orgTreeNode: z.ZodType<OrgTreeNode> = orgView
  .extend({
    get children() {
      return z.array(orgTreeNode);
    },
  })
  .meta({ id: 'OrgTreeNode' });

export const orgList = z.discriminatedUnion('format', [
  z.object({ format: z.literal('flat'), items: z.array(orgView) }),
  z.object({ format: z.literal('tree'), items: z.array(orgTreeNode) }),
]);
export type OrgList = z.infer<typeof orgList>;

export const memberCountView = z.object({
  orgCode: z.string(),
  count: z.number().int().describe('本组织及其下级组织现有党员人数（不含已离开的）'),
});
