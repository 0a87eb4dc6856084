/**
 * The rule catalog as people read it: every rule set and rule with its citation and how sure we are of it, what it
 * requires with this deployment's parameters, whether it is switched on, and the thresholds of the notice. For
 * `dangjian rules`, GET /api/rules and the 规则说明 sheet of the notice workbook.
 */
import type { Ctx } from '../context.js';
import { STEP_BY_KEY, type StepKey } from '../modules/development/steps.js';
import { RULE_SETS } from './catalog/index.js';
import { citationText } from './context.js';
import { ruleLines } from './evaluate.js';
import { EVERY_LABELS } from '../shared/period.js';
import type { RuleCatalog, RuleView } from './rules.schema.js';
import { loadRuleSettings, type RuleSettings } from './settings.js';
import { CERTAINTY_LABELS, FAMILY_LABELS, type Enforcement, type Requirement, type RuleDef } from './types.js';

/** deadline: a late or missing step is reminded; interval: an order, minimum or threshold broken is a violation to correct. */
export const ENFORCEMENT_LABELS: Record<Enforcement, string> = { deadline: '时限（逾期提醒）', interval: '硬性要求（违反即为违规）' };

/** Names of the parameters a rule may mark unverified. */
const PARAM_LABELS: Record<string, string> = { article: '条目编号', months: '期限（月数）' };

/** The organizations a disclosure item reaches, in words (see families/supervision.ts). */
const DISCLOSING_NOTE = '公开目录事项所属组织及其下级中单位类型相符的；党总支下的党支部由党总支统一公开；已有公开记录的其他组织也应按期公开';

export async function describeRules(ctx: Ctx): Promise<RuleCatalog> {
  return ruleCatalog(await loadRuleSettings(ctx));
}

export function ruleCatalog(settings: RuleSettings): RuleCatalog {
  const effective = new Map<string, string | null>();
  for (const versions of ruleLines(settings).values()) for (const v of versions) effective.set(v.set.id, v.from);
  return {
    thresholds: { greenAt: settings.int('notice.greenAt'), redBelow: settings.int('notice.redBelow'), dueDays: settings.int('due.days') },
    ruleSets: RULE_SETS.map((set) => ({
      id: set.id,
      title: set.title,
      regulation: set.regulation,
      issuedOn: set.issuedOn,
      effectiveFrom: effective.get(set.id) ?? set.effectiveFrom,
      line: set.line,
      certainty: set.certainty,
      certaintyLabel: CERTAINTY_LABELS[set.certainty],
      note: set.note ?? null,
      rules: set.rules.map((rule) => ruleView(rule, settings)),
    })),
  };
}

function ruleView(rule: RuleDef, settings: RuleSettings): RuleView {
  const applied = settings.apply(rule);
  return {
    id: rule.id,
    title: rule.title,
    family: rule.family,
    familyLabel: FAMILY_LABELS[rule.family],
    enforcement: rule.enforcement,
    enforcementLabel: ENFORCEMENT_LABELS[rule.enforcement],
    appliesTo: appliesToText(rule, settings),
    requirement: requirementText(applied.requirement),
    citation: citationText(rule),
    certainty: rule.citation.certainty,
    certaintyLabel: CERTAINTY_LABELS[rule.citation.certainty],
    source: rule.citation.source ?? null,
    unverified: (rule.unverified ?? []).map((p) => PARAM_LABELS[p] ?? p),
    optional: rule.optional ?? false,
    enabled: settings.enabled(rule),
  };
}

function appliesToText(rule: RuleDef, settings: RuleSettings): string {
  const a = rule.appliesTo;
  const notes: string[] = [];
  if (a.temporary === 'excluded' && a.kinds.includes('临时党支部')) notes.push('不含临时党支部');
  if (a.committee) notes.push('设支部委员会的');
  if (a.leadingBody) notes.push(`最上级为第0层、第${settings.int('leadership.maxDepth')}层以内的领导班子`);
  if (rule.requirement.type === 'disclosure-cadence') notes.push(DISCLOSING_NOTE);
  return `${a.kinds.join('、')}${notes.length ? `（${notes.join('，')}）` : ''}`;
}

const MEETING_VERBS: Record<string, string> = { 主题党日: '开展', 党课: '上', 民主评议党员: '开展' };

const stepName = (key: StepKey) => STEP_BY_KEY.get(key)!.step.replace(/^[①-⑳㉑-㉕]/, '');
const stepLabel = (key: StepKey) => STEP_BY_KEY.get(key)!.label;

/** What a rule requires, in words, with the deployment's parameters. */
export function requirementText(req: Requirement): string {
  switch (req.type) {
    case 'meeting-frequency':
      return `${EVERY_LABELS[req.every]}至少${MEETING_VERBS[req.meetingKind] ?? '召开'}${req.meetingKind}${req.count}次`;
    case 'meeting-quorum':
      return `${req.meetingKinds.join('、')}实到人数须${req.inclusive ? '达到' : '超过'}应到人数的${req.num}/${req.den}`;
    case 'committee-required':
      return `正式党员${req.minFull}人以上的设支部委员会`;
    case 'branch-min-full':
      return `正式党员不少于${req.minFull}人`;
    case 'branch-max-members':
      return `党员不超过${req.max}人`;
    case 'term-expiry':
      return '任期届满按期换届（未记载任期的：基层党委5年，党总支、党支部3年，村和社区5年）';
    case 'term-reminder':
      return `任期届满前${req.monthsAhead}个月提醒${req.notify === 'superior' ? '（由上级党组织）' : '（本组织）'}`;
    case 'term-extension':
      return `延期换届不超过${req.maxMonths}个月`;
    case 'min-age':
      return `申请入党时年满${req.years}周岁`;
    case 'step-deadline':
      return `${stepLabel(req.from)}起${req.months}个月内${stepName(req.to)}${req.hardMonths ? `（特殊情况不超过${req.hardMonths}个月）` : ''}`;
    case 'step-interval':
      return `${stepLabel(req.from)}至${stepLabel(req.to)}至少间隔${req.months}个月`;
    case 'step-before':
      return `${stepName(req.step)}须在${stepName(req.before)}之前`;
    case 'introducers':
      return `${req.count}名正式党员作入党介绍人`;
    case 'training':
      return `集中培训不少于${req.minDays}天或${req.minHours}学时`;
    case 'probation-not-before':
      return '预备期满后方可讨论转正';
    case 'conversion-promptly':
      return `预备期满后${req.months}个月内讨论转正（预备期内转入的，可推迟至${req.transferredInMonths}个月）`;
    case 'extension-range':
      return `延长预备期${req.minMonths}–${req.maxMonths}个月，只能一次`;
    case 'org-life-lapse':
      return `连续${req.months}个月不参加党的组织生活的按党章第九条处理（满${req.warnMonths}个月起提醒）`;
    case 'dues-arrears':
      return `连续${req.months}个月不交纳党费的按党章第九条处理（满${req.warnMonths}个月起提醒）`;
    case 'dues-backpay':
      return `补交党费不超过${req.months}个月`;
    case 'training-hours':
      return `党员每年集中学习培训不少于${req.memberHours}学时；基层党组织书记和班子成员（书记、副书记、委员）不少于${req.leaderHours}学时，且至少参加${req.leaderTrainings}次集中培训（第四季度起提醒尚未达标的）`;
    case 'task-deadline':
      return '责任清单分解的任务和督办事项在期限内完成（逾期未完成、逾期完成的提醒；即将到期的提前提醒）';
    case 'rectification-deadline':
      return '整改问题在整改时限内完成整改（以整改完成日期为准，验收销号在后；逾期未整改、逾期完成的提醒）';
    case 'disclosure-cadence':
      return `公开目录中每月、每季度、每半年、每年公开的事项，每期结束后${req.graceDays}天内公布（自事项列入目录后的下一期起）；提出公开后${req.reviewDays}天内完成审核`;
  }
}
