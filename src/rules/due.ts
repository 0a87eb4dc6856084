/**
 * What is due (待办): for a branch secretary, this month's meetings still to hold, development steps coming due or
 * overdue, conversions to discuss, terms expiring, members drifting away from organizational life. Everything open
 * on today's date, soonest first.
 */
import type { Ctx } from '../context.js';
import type { RuleFinding } from './context.js';
import { evaluateRules } from './evaluate.js';
import { parsePeriod } from '../shared/period.js';
import { addDays } from '../shared/dates.js';

export interface DueList {
  org: string;
  orgName: string;
  today: string;
  days: number;
  items: RuleFinding[];
}

export async function dueList(ctx: Ctx, opts: { orgCode?: string | undefined; days?: number | undefined }): Promise<DueList> {
  const today = ctx.clock.today();
  const e = await evaluateRules(ctx, { orgCode: opts.orgCode, period: parsePeriod(today.slice(0, 4)), dueDays: opts.days });
  const days = opts.days ?? e.settings.int('due.days');
  const items = e.findings
    // Term reminders come on their own horizon (6 and 2 months ahead); other coming dues within `days`.
    .filter((f) => f.open && (f.status !== 'upcoming' || !f.dueOn || f.dueOn <= addDays(today, days) || f.rule.startsWith('setup.term-remind')))
    .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.org.localeCompare(b.org));
  return { org: e.root.code, orgName: e.root.name, today, days, items };
}
