/**
 * The compliance trend (落实率趋势) of the dashboard: for each of the last few months, only what the monitoring
 * notice sums up — the subtree's overall and family rates and how many of its organizations are red, yellow or
 * green — without the notice's rows, problems and findings (a county's notice is megabytes; a point is a few
 * numbers). Each point is computed exactly as the notice of that month computes its summary (notice.ts rateRows),
 * from the same facts (read once for all the months where they allow it).
 */
import type { Ctx } from '../context.js';
import { AppError } from '../shared/errors.js';
import { addMonths } from '../shared/dates.js';
import { parsePeriod } from '../shared/period.js';
import { asOfFor, evaluateRules, resolveRootPath } from './evaluate.js';
import { loadSharedRows } from './facts.js';
import { countLights, rateRows, thresholdsOf, type Light, type Rate } from './notice.js';
import type { Family } from './types.js';

export const TREND_MAX_MONTHS = 12;

export interface TrendPoint {
  period: string;
  overall: Rate;
  families: Record<Family, Rate>;
  byStatus: Record<Light, number>;
  organizations: number;
}

export interface ComplianceTrend {
  org: { code: string; name: string };
  points: TrendPoint[];
}

/** `months` months up to `to` (YYYY-MM; this month by the clock when absent), oldest first. */
export async function complianceTrend(ctx: Ctx, opts: { orgCode?: string | undefined; months?: number | undefined; to?: string | undefined }): Promise<ComplianceTrend> {
  const months = opts.months ?? 6;
  if (!Number.isInteger(months) || months < 1 || months > TREND_MAX_MONTHS) {
    const message = `月数应为1–${TREND_MAX_MONTHS}之间的整数`;
    throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'months', message }]);
  }
  const last = monthOf(opts.to ?? ctx.clock.today().slice(0, 7));
  const periods = Array.from({ length: months }, (_, i) => parsePeriod(addMonths(last, i - months + 1).slice(0, 7)));
  // The heavy rows (meetings, the roll, development, dues) are read once for all the months; each month is then
  // judged on its own last day from its cut of them, as its notice would be (facts.ts loadSharedRows).
  const rootPath = await resolveRootPath(ctx, opts.orgCode);
  const today = ctx.clock.today();
  const shared = await loadSharedRows(ctx, rootPath, periods.map((p) => ({ range: { from: p.start, to: p.end }, asOf: asOfFor(p, today) })));
  let org: ComplianceTrend['org'] | null = null;
  const points: TrendPoint[] = [];
  for (const p of periods) {
    const period = p.label;
    const e = await evaluateRules(ctx, { orgCode: opts.orgCode, period: p, shared });
    org ??= { code: e.root.code, name: e.root.name };
    const { greenAt, redBelow } = thresholdsOf(e);
    const rows = rateRows(e, greenAt, redBelow);
    const root = rows[0]!;
    points.push({ period, overall: root.overall, families: root.families, byStatus: countLights(rows), organizations: rows.length });
  }
  return { org: org!, points };
}

/** The first day of a month given as YYYY-MM; anything else is a bad `to`. */
function monthOf(text: string): string {
  let period;
  try {
    period = parsePeriod(text);
  } catch {
    period = null;
  }
  if (!period || period.kind !== 'month') {
    const message = `截止月份“${text}”格式不正确，应为月份（如2026-05）`;
    throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'to', message }]);
  }
  return period.start;
}
