/**
 * The edge of the rule engine (STYLE §3): the queries of the checks, findings, due-list and settings routes and the
 * shapes of their answers, from which the OpenAPI document is generated. The CLI validates with the same schemas.
 */
import { z } from 'zod';
import { orgCode } from '../modules/orgs/orgs.schema.js';
import { parsePeriod } from '../shared/period.js';
import { WEAK_REASON_CODES, WEAK_REASON_LABELS } from './weak-org-flags.js';
import { CERTAINTY_LABELS, EVIDENCE_TYPES, FAMILIES, FAMILY_LABELS, STATUS_LABELS, type Certainty, type FindingStatus } from './types.js';

export const FINDING_STATUSES = Object.keys(STATUS_LABELS) as [FindingStatus, ...FindingStatus[]];
const CERTAINTIES = Object.keys(CERTAINTY_LABELS) as [Certainty, ...Certainty[]];

export const RULES_LABELS: Record<string, string> = {
  org: '组织代码',
  period: '统计期',
  status: '状态',
  family: '类别',
  rule: '规则编号',
  days: '提前天数',
  key: '设置项',
  value: '取值',
  limit: '每页条数',
  offset: '起始位置',
  months: '月数',
  to: '截止月份',
};

const PERIOD_FORMS = '月份（2022-03）、季度（2022Q1）、半年（2022H1）或年份（2022）';

function isPeriod(text: string): boolean {
  try {
    parsePeriod(text);
    return true;
  } catch {
    return false;
  }
}

export const periodText = z
  .string()
  .trim()
  .max(16, { message: `应为${PERIOD_FORMS}` })
  .refine(isPeriod, { message: `应为${PERIOD_FORMS}` })
  .describe(`统计期：${PERIOD_FORMS}`);

const enumText = (labels: Record<string, string>) =>
  `应为以下之一：${Object.entries(labels)
    .map(([k, v]) => `${k}（${v}）`)
    .join('、')}`;

export const checkQuery = z.object({
  org: orgCode.optional().describe('组织代码；不填则为本人可见范围的最上级组织'),
  period: periodText,
});

export const findingsQuery = checkQuery.extend({
  status: z.enum(FINDING_STATUSES, { message: enumText(STATUS_LABELS) }).optional().describe(enumText(STATUS_LABELS)),
  family: z.enum(FAMILIES, { message: enumText(FAMILY_LABELS) }).optional().describe(enumText(FAMILY_LABELS)),
  rule: z.string().trim().min(1).max(64).optional().describe('规则编号，如 life.party-day'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type FindingsQuery = z.infer<typeof findingsQuery>;

export const dueQuery = z.object({
  org: orgCode.optional().describe('组织代码；不填则为本人可见范围的最上级组织'),
  days: z.coerce
    .number({ message: '应为1–366之间的整数' })
    .int({ message: '应为1–366之间的整数' })
    .min(1, { message: '应为1–366之间的整数' })
    .max(366, { message: '应为1–366之间的整数' })
    .optional()
    .describe('列出多少天内到期的事项（1–366，默认为规则设置“即将到期”提前天数）'),
});
export type DueQuery = z.infer<typeof dueQuery>;

const TREND_MONTHS = '应为1–12之间的整数';
const MONTH_FORM = '应为月份（如2026-05），1921年至2100年之间';

export const trendQuery = z.object({
  org: orgCode.optional().describe('组织代码；不填则为本人可见范围的最上级组织'),
  months: z.coerce
    .number({ message: TREND_MONTHS })
    .int({ message: TREND_MONTHS })
    .min(1, { message: TREND_MONTHS })
    .max(12, { message: TREND_MONTHS })
    .default(6)
    .describe('月数（1–12，默认6）：截止月份及其前若干个月'),
  to: z
    .string()
    .trim()
    .regex(/^(19(2[1-9]|[3-9]\d)|20\d\d|2100)-(0[1-9]|1[0-2])$/, { message: MONTH_FORM })
    .optional()
    .describe('截止月份（YYYY-MM）；不填则为本月'),
});
export type TrendQuery = z.infer<typeof trendQuery>;

// ── Answers ─────────────────────────────────────────────────────────────────────────────────────────────────────

const count = z.number().int();

const rate = z
  .object({
    met: count.describe('已落实'),
    failed: count.describe('未落实'),
    rate: z.number().nullable().describe('落实率（0–1）；本期无应落实事项时为 null'),
  })
  .meta({ id: 'ComplianceRate' });

const familyRates = z.object({ 'org-life': rate, 'org-setup': rate, development: rate, members: rate, supervision: rate }).describe(enumText(FAMILY_LABELS));

const lightCounts = z.object({ green: count, yellow: count, red: count });

const evidence = z.object({
  records: z.array(
    z.object({
      type: z.enum(EVIDENCE_TYPES).describe('organization 组织、meeting 会议、development 发展党员记录、membership 党员、task 任务、problem 整改问题、problem-event 整改进程记录、disclosure-item 公开目录事项、disclosure 公开记录'),
      id: count,
      summary: z.string(),
    }),
  ).describe('所依据的记录；事项缺失时为空'),
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).describe('比对的事实（日期、次数等）'),
  searched: z.string().optional().describe('事项缺失时：查找了什么而未找到'),
});

export const findingView = z
  .object({
    org: z.string().describe('组织代码'),
    orgName: z.string(),
    period: z.string().describe('所判断的期间（2022Q1、2022-03、2022），或期限所在的月份'),
    rule: z.string().describe('规则编号'),
    ruleSet: z.string().describe('规则集编号'),
    family: z.enum(FAMILIES).describe(enumText(FAMILY_LABELS)),
    status: z.enum(FINDING_STATUSES).describe(enumText(STATUS_LABELS)),
    severity: z.enum(['warn', 'block']).describe('warn：提醒；block：否决（有关记录无效）'),
    citation: z.string().describe('依据：法规名称和条目'),
    certainty: z.enum(CERTAINTIES).describe(enumText(CERTAINTY_LABELS)),
    message: z.string(),
    dueOn: z.string().nullable().describe('期限'),
    person: z.string().nullable().describe('涉及的人员（姓名）'),
    evidence,
    open: z.boolean().describe('是否仍可办理（补开会议、办理步骤）'),
  })
  .meta({ id: 'Finding', description: '检查发现的问题或即将到期的事项' });

const noticeRow = z.object({
  org: z.string(),
  name: z.string(),
  kind: z.string(),
  parent: z.string().nullable(),
  level: count.describe('0 为通报对象本身，1 为其直属组织，依此类推'),
  families: familyRates,
  overall: rate,
  status: z.enum(['green', 'yellow', 'red']).nullable().describe('green 绿、yellow 黄、red 红；无应落实事项时为 null'),
  rank: count.nullable().describe('在同级同类组织中的排名'),
  peers: count.describe('参与排名的同级同类组织数'),
  problems: z.array(findingView).describe('本组织（含所属党小组）未落实、已逾期和违规的事项'),
});

export const noticeView = z
  .object({
    org: z.string(),
    orgName: z.string(),
    period: z.string(),
    periodTitle: z.string(),
    asOf: z.string().describe('统计截止日期：统计期末，或统计期尚未结束时的今天'),
    thresholds: z.object({ greenAt: z.number(), redBelow: z.number() }).describe('综合落实率（%）达到 greenAt 为绿，低于 redBelow 为红'),
    ruleSets: z.array(z.object({ id: z.string(), title: z.string(), certainty: z.string(), note: z.string().nullable() })),
    summary: z.object({
      organizations: count,
      byStatus: lightCounts,
      findings: z.object({ violation: count, overdue: count, missed: count, upcoming: count }),
      families: familyRates,
      overall: rate,
    }),
    rows: z.array(noticeRow),
    findings: z.array(findingView),
  })
  .meta({ id: 'Notice', description: '监测通报' });

export const trendView = z
  .object({
    org: z.object({ code: z.string(), name: z.string() }),
    points: z.array(
      z.object({
        period: z.string().describe('月份（2026-05）'),
        overall: rate,
        families: familyRates,
        byStatus: lightCounts.describe('本组织及各下级组织中红、黄、绿的个数'),
        organizations: count.describe('参与通报的组织数（不含党小组）'),
      }),
    ).describe('按月份先后排列，与该月监测通报的汇总一致'),
  })
  .meta({ id: 'ComplianceTrend', description: '逐月落实率趋势' });
export type ComplianceTrend = z.infer<typeof trendView>;

export const dueListView = z
  .object({
    org: z.string(),
    orgName: z.string(),
    today: z.string(),
    days: count,
    items: z.array(findingView),
  })
  .meta({ id: 'DueList', description: '待办事项：已逾期、未落实和即将到期的事项，按期限排列' });

const settingValue = z.union([z.number(), z.string(), z.boolean()]);

export const settingView = z
  .object({ key: z.string(), label: z.string(), value: settingValue, default: settingValue, changed: z.boolean() })
  .meta({ id: 'RuleSettingView', description: '规则设置项' });

export const settingParams = z.object({ key: z.string().trim().min(1).max(128) });
export const settingBody = z.object({
  value: z.union([z.number(), z.string(), z.boolean(), z.null()]).describe('新的取值；null 恢复默认值'),
});

const ruleView = z.object({
  id: z.string(),
  title: z.string(),
  family: z.enum(FAMILIES),
  familyLabel: z.string(),
  enforcement: z.enum(['deadline', 'interval']),
  enforcementLabel: z.string().describe('提醒，或否决（记录无效）'),
  appliesTo: z.string().describe('适用的组织'),
  requirement: z.string().describe('要求（按本系统的设置）'),
  citation: z.string(),
  certainty: z.enum(CERTAINTIES),
  certaintyLabel: z.string(),
  source: z.string().nullable(),
  unverified: z.array(z.string()).describe('未核实的参数'),
  optional: z.boolean().describe('地方做法，默认不启用'),
  enabled: z.boolean(),
});

export const ruleCatalogView = z
  .object({
    thresholds: z.object({ greenAt: count, redBelow: count, dueDays: count }),
    ruleSets: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        regulation: z.string(),
        issuedOn: z.string().nullable(),
        effectiveFrom: z.string().nullable().describe('施行日期（按本系统的设置）'),
        line: z.string(),
        certainty: z.enum(CERTAINTIES),
        certaintyLabel: z.string(),
        note: z.string().nullable(),
        rules: z.array(ruleView),
      }),
    ),
  })
  .meta({ id: 'RuleCatalog', description: '规则集和规则' });
export type RuleCatalog = z.infer<typeof ruleCatalogView>;
export type RuleView = RuleCatalog['ruleSets'][number]['rules'][number];

// ── 软弱涣散 suggestions (weak-org-flags.ts) ────────────────────────────────────────────────────────────────────

export const WEAK_LABELS: Record<string, string> = { org: '组织代码', orgCode: '组织代码', year: '年度' };

const weakYear = z.coerce
  .number({ message: '应为年份（如2026）' })
  .int({ message: '应为年份（如2026）' })
  .min(1921, { message: '不能早于1921年' })
  .max(2100, { message: '不能晚于2100年' })
  .describe('年度');

export const weakQuery = z.object({
  org: orgCode.optional().describe('组织代码；不填则为本人可见范围的最上级组织'),
  year: weakYear,
});
export type WeakQuery = z.infer<typeof weakQuery>;

export const weakOpenBody = z.object({ orgCode: orgCode.describe('列入排查的党支部（党总支）代码'), year: weakYear });

const weakReasonView = z.object({
  code: z.enum(WEAK_REASON_CODES).describe(enumText(WEAK_REASON_LABELS)),
  text: z.string(),
  evidence: z.array(
    z.object({
      summary: z.string(),
      rule: z.string().nullable().describe('所依据的规则编号；直接从记录读取的为 null'),
      records: z.array(z.object({ type: z.enum(EVIDENCE_TYPES), id: count, summary: z.string() })),
    }),
  ),
});

export const weakSuggestionsView = z
  .object({
    org: z.string(),
    orgName: z.string(),
    orgKind: z.string(),
    year: count,
    asOf: z.string().describe('统计截止日期：年末，或年度尚未结束时的今天'),
    branches: count.describe('参与研判的基层党组织（党总支、党支部、联合党支部）数'),
    share: z.object({ min: count, max: count, text: z.string() }).describe('按5%–10%倒排的建议数量'),
    items: z.array(
      z.object({
        org: z.string(),
        orgName: z.string(),
        kind: z.string(),
        parent: z.string().nullable(),
        reasons: z.array(weakReasonView),
        withinShare: z.boolean().describe('按情形数排序后是否在建议数量之内'),
        existingCase: z.object({ id: count, status: z.string(), source: z.string() }).nullable().describe('本年度已有的软弱涣散整顿记录'),
      }),
    ),
  })
  .meta({ id: 'WeakOrgSuggestions', description: '软弱涣散基层党组织数据提示' });
