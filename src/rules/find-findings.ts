/**
 * The findings of a notice, filtered (status, family, rule) and paged, in the engine's order: organization, then
 * the most serious first. For GET /api/checks/findings.
 */
import type { Ctx } from '../context.js';
import type { RuleFinding } from './context.js';
import { evaluateRules } from './evaluate.js';
import type { FindingsQuery } from './rules.schema.js';

export async function findFindings(ctx: Ctx, q: FindingsQuery): Promise<{ total: number; items: RuleFinding[] }> {
  const e = await evaluateRules(ctx, { orgCode: q.org, period: q.period });
  const matching = e.findings.filter((f) => (!q.status || f.status === q.status) && (!q.family || f.family === q.family) && (!q.rule || f.rule === q.rule));
  return { total: matching.length, items: matching.slice(q.offset, q.offset + q.limit) };
}
