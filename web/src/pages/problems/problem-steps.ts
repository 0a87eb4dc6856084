/**
 * The rectification workflow as the page shows it: what each step asks for, its request body, the history's lines
 * and the status summary. Which steps a problem offers the user is the server's answer (each problem's `steps`,
 * src/modules/inspections/problem-steps.ts); the page shows exactly those.
 */
import type { ProblemEventView, ProblemView } from '../../lib/types';

export const OWNER_STEPS = ['制定措施', '报告进展', '提请验收'] as const;
export const SUPERIOR_STEPS = ['验收通过', '验收不通过', '销号', '重新整改'] as const;
export type ProblemStep = (typeof OWNER_STEPS)[number] | (typeof SUPERIOR_STEPS)[number];

/** The stage of a 待验收 problem already accepted (验收通过), waiting for 销号. */
export const ACCEPTED_STAGE = '已验收待销号';

export const STEP_HINTS: Record<ProblemStep, string> = {
  制定措施: '填写整改措施（每行一条），问题转为“整改中”',
  报告进展: '报告已完成的整改工作，可附佐证材料',
  提请验收: '整改完成，提请上级党组织验收',
  验收通过: '上级党组织验收通过，待销号',
  验收不通过: '验收不通过，退回继续整改',
  销号: '验收通过的问题销号，整改完毕',
  重新整改: '已销号的问题发现反弹，重新整改',
};

/** Whether a step asks for the measures (制定措施) and whether a note is expected (验收不通过, 重新整改 say why). */
export function stepAsks(step: ProblemStep): { measures: boolean; noteRequired: boolean; evidence: boolean } {
  return {
    measures: step === '制定措施',
    noteRequired: step === '验收不通过' || step === '重新整改' || step === '报告进展',
    evidence: step === '报告进展' || step === '提请验收',
  };
}

/** The step's request body: blank text left out. */
export function stepBody(
  step: ProblemStep,
  v: { on: string; note?: string | null; evidence?: string | null; measures?: string | null },
): Record<string, string> {
  const out: Record<string, string> = { action: step, on: v.on };
  for (const k of ['note', 'evidence', 'measures'] as const) {
    const t = v[k]?.trim();
    if (t && (k !== 'measures' || step === '制定措施')) out[k] = t;
  }
  return out;
}

export const STATUS_ORDER = ['待整改', '整改中', '待验收', '已销号'] as const;

/** The summary line: count per status, the overdue ones, and the share closed (销号率). */
export function statusSummary(counts: Partial<Record<string, number>>): {
  items: { status: string; count: number }[];
  total: number;
  overdue: number;
  closedShare: number | null;
} {
  const items = STATUS_ORDER.map((status) => ({ status, count: counts[status] ?? 0 }));
  const total = items.reduce((a, b) => a + b.count, 0);
  const closed = counts['已销号'] ?? 0;
  return { items, total, overdue: counts['逾期'] ?? 0, closedShare: total ? closed / total : null };
}

/** How a problem's state reads: the stage, with 逾期 and 逾期整改 named in words (not only by colour). */
export function stateText(p: Pick<ProblemView, 'stage' | 'overdue' | 'late' | 'reopened'>): string {
  const extra: string[] = [];
  if (p.overdue) extra.push('已逾期');
  else if (p.late) extra.push('逾期整改');
  if (p.reopened > 0) extra.push(`重新整改${p.reopened}次`);
  return extra.length ? `${p.stage}（${extra.join('，')}）` : p.stage;
}

/** An event of the timeline as a sentence: 2026-03-05 张三 提请验收（整改中 → 待验收）. */
export function eventLine(e: Pick<ProblemEventView, 'action' | 'fromStatus' | 'toStatus' | 'actor'>): string {
  const move = e.fromStatus && e.fromStatus !== e.toStatus ? `（${e.fromStatus} → ${e.toStatus}）` : e.fromStatus ? '' : `（${e.toStatus}）`;
  return `${e.actor} ${e.action}${move}`;
}
