import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { parsePeriod } from '../../shared/period.js';
import { issue, parseInput } from '../../shared/validation.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { checkFigureValues } from './figure-value-rules.js';
import { auditableFigureSet, getFigureSet } from './figure-set-records.js';
import { FIGURE_SET_LABELS, figureSetInput, type FigureSetInput, type FigureSetRecordView } from './figure-sets.schema.js';

/**
 * Who enters a set: a signed-in user is named by the account's display name (a user may not name someone else);
 * the command line acts as the system and names the person with `enteredBy` (else the system's own name).
 */
async function enteredByOf(ctx: Ctx, given: string | null | undefined): Promise<string> {
  const actor = ctx.actor;
  if (actor.kind === 'system') return given ?? actor.name;
  const user = await ctx.db.selectFrom('users').select(['display_name']).where('id', '=', actor.userId).executeTakeFirst();
  const name = user?.display_name || actor.username;
  if (given && given !== name) {
    throwIfIssues([issue('FIELD_INVALID', 'enteredBy', `填报人：登录用户填报时为本人（${name}），不能填写他人`)]);
  }
  return name;
}

/**
 * Enters a figure set — another department's figures for one organization and one period, with the source
 * department — and its values in one call (all or nothing). Each value is checked against the indicator catalog
 * (figure-value-rules.ts). An earlier set of the same organization and period is kept: the figures use, per
 * indicator, the value of the latest set entered (manual-figures.ts).
 */
export async function createFigureSet(ctx: Ctx, raw: FigureSetInput): Promise<FigureSetRecordView> {
  const input = parseInput(figureSetInput, raw, FIGURE_SET_LABELS);
  const checked = checkFigureValues(input.values);
  let period: ReturnType<typeof parsePeriod> | null = null;
  try {
    period = parsePeriod(input.period);
  } catch {
    checked.issues.unshift(issue('FIELD_INVALID', 'period', `统计期“${input.period}”格式不正确，应为年份（2026）、半年（2026H1）、季度（2026Q3）或月份（2026-03）`));
  }
  throwIfIssues(checked.issues);
  return inTransaction(ctx, async (tx) => {
    const org = await getWritableOrgRow(tx, input.orgCode, 'orgCode');
    const enteredBy = await enteredByOf(tx, input.enteredBy);
    const now = tx.clock.nowIso();
    const set = await tx.db
      .insertInto('figure_sets')
      .values({
        org_id: org.id,
        period_label: period!.label,
        period_start: period!.start,
        period_end: period!.end,
        source_department: input.sourceDepartment,
        entered_by: enteredBy,
        entered_on: tx.clock.today(),
        note: input.note ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db
      .insertInto('figure_values')
      .values(
        input.values.map((v, i) => ({
          org_id: org.id,
          set_id: set.id,
          indicator_id: v.indicatorId,
          value: v.value,
          unit: checked.units[i]!,
          note: v.note ?? null,
        })),
      )
      .execute();
    const created = await getFigureSet(tx, set.id);
    await appendAudit(tx, { action: 'create', recordType: 'figure_set', recordId: set.id, orgId: org.id, changes: diff(null, auditableFigureSet(created)) });
    return created;
  });
}
