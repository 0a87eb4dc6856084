/**
 * The rectification workflow as data: each step, the statuses it may be taken from, the status it leads to, and
 * whose it is. Statuses only move forward (待整改 → 整改中 → 待验收 → 已销号); the two ways back are named steps of the
 * superior, recorded like any other: 验收不通过 (back to 整改中) and 重新整改 (a closed problem re-opened).
 *
 * - 登记 (the problem's creation): → 待整改.
 * - 制定措施 (the owner): 待整改 → 整改中, with the measures.
 * - 报告进展 (the owner): 整改中 → 整改中, with what was done (the note) and evidence.
 * - 提请验收 (the owner): 整改中 → 待验收, the rectification date (rectified_on).
 * - 验收通过 (the superior): 待验收, not yet accepted → 待验收, accepted (accepted_on, accepted_by).
 * - 验收不通过 (the superior): 待验收, not yet accepted → 整改中 (rectified_on cleared).
 * - 销号 (the superior): 待验收, accepted → 已销号 (closed_on).
 * - 重新整改 (the superior): 已销号 → 整改中 (reopened + 1; rectified, accepted and closed cleared).
 *
 * The superior is a caller who may change records of an organization above the owner (its parent or any ancestor);
 * an owner organization's own secretary may not accept its own rectification.
 */
import { AppError } from '../../shared/errors.js';
import type { ProblemStatus } from '../../shared/vocab.js';
import { ACCEPTED_STAGE } from './problem-records.js';
import type { ProblemAction } from './inspections.schema.js';

interface Step {
  /** The stage (status, or 已验收待销号) the step may be taken from. */
  from: readonly string[];
  to: ProblemStatus;
  superior: boolean;
}

export const WORKFLOW: Record<ProblemAction, Step> = {
  制定措施: { from: ['待整改'], to: '整改中', superior: false },
  报告进展: { from: ['整改中'], to: '整改中', superior: false },
  提请验收: { from: ['整改中'], to: '待验收', superior: false },
  验收通过: { from: ['待验收'], to: '待验收', superior: true },
  验收不通过: { from: ['待验收'], to: '整改中', superior: true },
  销号: { from: [ACCEPTED_STAGE], to: '已销号', superior: true },
  重新整改: { from: ['已销号'], to: '整改中', superior: true },
};

/** The steps open to a problem at a stage. */
export function nextSteps(stage: string): ProblemAction[] {
  return (Object.keys(WORKFLOW) as ProblemAction[]).filter((a) => WORKFLOW[a].from.includes(stage));
}

export function transitionInvalid(id: number, stage: string, action: ProblemAction): AppError {
  const next = nextSteps(stage);
  const message = `整改问题 ${id} 当前状态为“${stage}”，不能办理“${action}”${next.length ? `（可办理：${next.join('、')}）` : ''}`;
  return new AppError('PROBLEM_TRANSITION_INVALID', message, [{ code: 'PROBLEM_TRANSITION_INVALID', field: 'action', message }]);
}

/** The measures' number when not given: their non-empty lines (措施 are written one to a line), at least one. */
export function countMeasures(measures: string): number {
  return Math.max(1, measures.split(/\r?\n/).filter((l) => l.trim() !== '').length);
}

/** Paths of the organizations above one ('/1/17/230/' → ['/1/', '/1/17/']). */
export function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  const out: string[] = [];
  for (let i = 1; i < ids.length; i++) out.push(`/${ids.slice(0, i).join('/')}/`);
  return out;
}
