/**
 * The pure checks of the disclosure ledger (三务公开), returning field issues or deciding from what is recorded: a
 * period label against the item's cadence, the dates of a disclosure and of each workflow step, the workflow's
 * order, and which organizations are expected to disclose.
 */
import { AppError, type FieldIssue } from '../../shared/errors.js';
import { isValidIsoDate } from '../../shared/dates.js';
import { parsePeriod, type Every, type Unit } from '../../shared/period.js';
import { issue } from '../../shared/validation.js';
import type { DisclosureAction, DisclosureStatus } from './disclosures.schema.js';

/** The calendar grain of a cadence; 随时 has none (each disclosure is dated by its matter). */
export const CADENCE_EVERY: Record<string, Every | null> = { 每月: 'month', 每季度: 'quarter', 每半年: 'half', 每年: 'year', 随时: null };

const LABEL_FORMS: Record<Every, { re: RegExp; example: string }> = {
  month: { re: /^\d{4}-\d{2}$/, example: '2026-03' },
  quarter: { re: /^\d{4}Q[1-4]$/i, example: '2026Q1' },
  half: { re: /^\d{4}H[12]$/i, example: '2026H1' },
  year: { re: /^\d{4}$/, example: '2026' },
};

/**
 * The period a disclosure is for, in the form its item's cadence asks (每月 2026-03, 每季度 2026Q1, 每半年 2026H1,
 * 每年 2026; 随时 the matter's date): normalized, and not begun after today.
 */
export function checkPeriodLabel(cadence: string, label: string, today: string): { issues: FieldIssue[]; unit: Unit | null; label: string } {
  const every = CADENCE_EVERY[cadence] ?? null;
  if (every === null) {
    if (!isValidIsoDate(label)) return { issues: [issue('FIELD_INVALID', 'periodLabel', `公开期次：随时公开的事项填事项日期（YYYY-MM-DD），不是“${label}”`)], unit: null, label };
    if (label > today) return { issues: [issue('DATE_IN_FUTURE', 'periodLabel', `公开期次${label}晚于今天`)], unit: null, label };
    return { issues: [], unit: null, label };
  }
  const form = LABEL_FORMS[every];
  if (!form.re.test(label)) {
    return { issues: [issue('FIELD_INVALID', 'periodLabel', `公开期次：${cadence}公开的事项按期次填写，如 ${form.example}，不是“${label}”`)], unit: null, label };
  }
  let unit: Unit;
  try {
    unit = parsePeriod(label);
  } catch {
    return { issues: [issue('FIELD_INVALID', 'periodLabel', `公开期次“${label}”不是有效的期次，如 ${form.example}`)], unit: null, label };
  }
  if (unit.start > today) return { issues: [issue('DATE_IN_FUTURE', 'periodLabel', `公开期次${unit.title}尚未开始`)], unit: null, label: unit.label };
  return { issues: [], unit, label: unit.label };
}

/** A disclosure is proposed on a day not after today, and not before its period begins. */
export function checkProposedOn(proposedOn: string, unit: Unit | null, today: string): FieldIssue[] {
  if (proposedOn > today) return [issue('DATE_IN_FUTURE', 'proposedOn', `提出日期${proposedOn}晚于今天`)];
  if (unit && proposedOn < unit.start) return [issue('DATE_ORDER_INVALID', 'proposedOn', `提出日期${proposedOn}早于公开期次${unit.title}的开始（${unit.start}）`)];
  return [];
}

export interface WorkflowDates {
  proposed_on: string;
  reviewed_on: string | null;
  approved_on: string | null;
  published_on: string | null;
}

export function statusOf(r: WorkflowDates): DisclosureStatus {
  if (r.published_on !== null) return '已公开';
  if (r.approved_on !== null) return '待公开';
  if (r.reviewed_on !== null) return '待审批';
  return '待审核';
}

/** The step each status waits for, and the date of the step before it. */
const NEXT: Record<DisclosureStatus, DisclosureAction | null> = { 待审核: '审核', 待审批: '审批', 待公开: '公开', 已公开: null };

function previous(r: WorkflowDates, action: DisclosureAction): { label: string; on: string } {
  switch (action) {
    case '审核':
      return { label: '提出日期', on: r.proposed_on };
    case '审批':
      return { label: '审核日期', on: r.reviewed_on! };
    case '公开':
      return { label: '审批日期', on: r.approved_on! };
  }
}

export function stepOrderError(id: number, status: DisclosureStatus, action: DisclosureAction): AppError {
  const next = NEXT[status];
  const message =
    next === null
      ? `公开记录 ${id} 已公开，不能再${action}`
      : `公开记录 ${id} 当前为“${status}”，应先${next}，不能${action}（顺序：提出→审核→审批→公开）`;
  return new AppError('DISCLOSURE_STEP_ORDER', message, [{ code: 'DISCLOSURE_STEP_ORDER', field: 'action', message }]);
}

/**
 * A workflow step (第十五条: 审核 → 审批 → 公开) is taken only in its turn (DISCLOSURE_STEP_ORDER otherwise, a conflict);
 * its date is not in the future and not before the step before it; 审核 and 审批 name who took them.
 */
export function checkStep(
  id: number,
  r: WorkflowDates,
  step: { action: DisclosureAction; on: string; by?: string | null | undefined },
  today: string,
): FieldIssue[] {
  const status = statusOf(r);
  if (NEXT[status] !== step.action) throw stepOrderError(id, status, step.action);
  const issues: FieldIssue[] = [];
  const before = previous(r, step.action);
  if (step.on > today) issues.push(issue('DATE_IN_FUTURE', 'on', `${step.action}日期${step.on}晚于今天`));
  else if (step.on < before.on) issues.push(issue('DATE_ORDER_INVALID', 'on', `${step.action}日期${step.on}早于${before.label}${before.on}`));
  if (step.action === '公开' && step.by) issues.push(issue('FIELD_INVALID', 'by', '审核（审批）人或机构：公开时不填'));
  if (step.action !== '公开' && !step.by) issues.push(issue('FIELD_REQUIRED', 'by', `缺少必填项：${step.action === '审核' ? '审核（含保密审查）' : '审批'}的人或机构`));
  return issues;
}

/**
 * The organizations expected to disclose (公开主体): the village-level (and unit-level) organizations — 党总支, 党支部,
 * 联合党支部 — except a 党支部 under a 党总支 (the 总支 discloses for the village). Any other organization (a village
 * 党委, say) that has recorded a disclosure of an item is expected to keep disclosing it.
 */
export const DISCLOSING_KINDS: readonly string[] = ['党总支', '党支部', '联合党支部'];

export function isDiscloser(kind: string, parentKind: string | null): boolean {
  return DISCLOSING_KINDS.includes(kind) && parentKind !== '党总支';
}

/** '/1/17/230/' → ['/1/', '/1/17/', '/1/17/230/']: the organization and its ancestors. */
export function pathsUpTo(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/** Does the item (defined at `definingPath`, for `sector`) apply to the organization at `path` of `orgSector`? */
export function appliesTo(item: { path: string; sector: string | null }, org: { path: string; sector: string }): boolean {
  return org.path.startsWith(item.path) && (item.sector === null || item.sector === org.sector);
}
