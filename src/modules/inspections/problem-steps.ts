/**
 * Each problem's open steps, as the server decides them for the caller: the workflow's next steps at the problem's
 * stage (problem-workflow.ts), the owner's where the caller may write the responsible organization, the superior's
 * where the caller acts above it (isSuperior). The rectification page offers exactly these buttons; stepProblem
 * checks every step again.
 */
import { z } from 'zod';
import type { Ctx } from '../../context.js';
import { accessOf, canWrite } from '../access/actor.js';
import { withOrgPath } from '../access/record-actions.js';
import { PROBLEM_ACTIONS, type ProblemAction } from './inspections.schema.js';
import { WORKFLOW, nextSteps } from './problem-workflow.js';
import { isSuperior } from './step-problem.js';

export const problemStepsField = z
  .array(z.enum(PROBLEM_ACTIONS))
  .describe('当前用户可以办理的整改步骤（由服务端按问题的状态和用户的权限判定：整改责任组织办理制定措施、报告进展、提请验收，上级党组织办理验收、销号、重新整改）');

export function stepsOpenTo(ctx: Ctx, ownerPath: string, stage: string): ProblemAction[] {
  const access = accessOf(ctx.actor);
  return nextSteps(stage).filter((a) => (WORKFLOW[a].superior ? isSuperior(ctx, ownerPath) : canWrite(access, ownerPath)));
}

/** Problems with their open steps (the organizations' paths looked up once for the page). */
export async function withSteps<T extends { orgCode: string; stage: string }>(ctx: Ctx, items: readonly T[]): Promise<(T & { steps: ProblemAction[] })[]> {
  return withOrgPath(ctx, items, (p, path) => ({ ...p, steps: path === undefined ? [] : stepsOpenTo(ctx, path, p.stage) }));
}

export async function withStepsOne<T extends { orgCode: string; stage: string }>(ctx: Ctx, item: T): Promise<T & { steps: ProblemAction[] }> {
  return (await withSteps(ctx, [item]))[0]!;
}
