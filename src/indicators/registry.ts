/**
 * The indicator registry: every figure a report can print, by id — the ones the families compute from the records
 * (src/indicators/computed-ids.ts; each family is a ledger's figures in src/modules/<ledger>/…-figures.ts, computed
 * in a fixed handful of grouped queries for a whole subtree) and the ones entered by hand (figure sets, by catalog id).
 *
 * computeIndicators() runs each family needed once for the scope and period — never one query per indicator or per
 * organization — and, for 同比/环比, once more over the comparable earlier period.
 */
import type { Ctx } from '../context.js';
import { AppError } from '../shared/errors.js';
import type { Figure } from '../shared/figures.js';
import { parsePeriod, previousPeriod, samePeriodLastYear, type Period } from '../shared/period.js';
import { LEDGERS, type Ledger } from '../modules/figures/ledger-figures.js';
import { catalogEntry, manualIds, manualLabel } from './catalog.js';
import { COMPUTED_INDICATORS } from './computed-ids.js';

export type IndicatorKind = 'count' | 'sum' | 'ratio' | 'yoy' | 'rank' | 'manual';

export interface Indicator {
  id: string;
  label: string;
  unit: string;
  kind: IndicatorKind;
  /** The family computing it, or `manual` for a figure entered by hand. */
  family: Ledger;
  familyLabel: string;
  /** Entered by hand (a figure set) rather than computed. */
  manual: boolean;
  /** In the catalog of the example reports (../shared/indicators), or added by the platform. */
  inCatalog: boolean;
  /** The research's definition (English) for a catalog id. */
  definition: string | null;
}

const KINDS: readonly IndicatorKind[] = ['count', 'sum', 'ratio', 'yoy', 'rank', 'manual'];

function kindOf(id: string, unit: string): IndicatorKind {
  const k = catalogEntry(id)?.kind as IndicatorKind | undefined;
  if (k && KINDS.includes(k) && k !== 'manual') return k;
  if (unit === '%') return id.endsWith('_yoy') || id.endsWith('_change') ? 'yoy' : 'ratio';
  if (unit === '元' || unit === '小时' || unit === '人次' || unit === '万人次' || unit === '分') return 'sum';
  return k === 'manual' ? 'manual' : 'count';
}

function build(): Map<string, Indicator> {
  const out = new Map<string, Indicator>();
  for (const c of COMPUTED_INDICATORS) {
    const family = c.family as Ledger;
    const entry = catalogEntry(c.id);
    out.set(c.id, {
      id: c.id,
      label: c.label,
      unit: c.unit,
      kind: kindOf(c.id, c.unit),
      family,
      familyLabel: LEDGERS[family].label,
      manual: false,
      inCatalog: entry !== undefined,
      definition: entry?.computation ?? null,
    });
  }
  for (const id of manualIds()) {
    const entry = catalogEntry(id)!;
    out.set(id, {
      id,
      label: manualLabel(id),
      unit: entry.unit,
      kind: kindOf(id, entry.unit),
      family: 'manual',
      familyLabel: LEDGERS.manual.label,
      manual: true,
      inCatalog: true,
      definition: entry.computation,
    });
  }
  return out;
}

let registry: Map<string, Indicator> | null = null;

/** Every indicator: the computed ones by family, then the ones entered by hand in the catalog's order. */
export function indicators(): Indicator[] {
  registry ??= build();
  return [...registry.values()];
}

export function findIndicator(id: string): Indicator | undefined {
  registry ??= build();
  return registry.get(id);
}

/** The indicator, or INDICATOR_NOT_FOUND naming the id. */
export function getIndicator(id: string): Indicator {
  const found = findIndicator(id);
  if (found) return found;
  const entry = catalogEntry(id);
  const message = entry
    ? `指标“${id}”在指标目录中，但本系统尚不能计算，也不能手工填报`
    : `指标“${id}”不存在；用 dangjian indicators 查看全部指标`;
  throw new AppError('INDICATOR_NOT_FOUND', message, [{ code: 'INDICATOR_NOT_FOUND', field: 'indicator', message }]);
}

/** The figure of an indicator as computed: the family's figure, or null when a hand-entered one was not entered. */
export interface ComputedFigure {
  indicator: Indicator;
  figure: Figure | null;
}

export interface IndicatorValues {
  org: { code: string; name: string } | null;
  period: Period;
  values: Map<string, ComputedFigure>;
  /** How many family computations ran (each a fixed handful of grouped queries). */
  families: Ledger[];
}

/**
 * The figures of the indicators asked for, for one organization's subtree and one period: each family needed runs once.
 * Evidence ids are always collected (their count is printed); callers drop them when not asked for.
 */
export async function computeIndicators(
  ctx: Ctx,
  q: { orgCode?: string | undefined; period: string | Period; ids?: readonly string[] | undefined },
): Promise<IndicatorValues> {
  const period = typeof q.period === 'string' ? parsePeriod(q.period) : q.period;
  const wanted = (q.ids ?? indicators().map((i) => i.id)).map(getIndicator);
  const families = [...new Set(wanted.map((i) => i.family))];
  const byId = new Map<string, Figure>();
  let org: { code: string; name: string } | null = null;
  for (const family of families) {
    const set = await LEDGERS[family].compute(ctx, { orgCode: q.orgCode, period: period.label });
    org ??= set.org;
    for (const f of set.figures) byId.set(f.id, f);
  }
  const values = new Map<string, ComputedFigure>();
  for (const indicator of wanted) values.set(indicator.id, { indicator, figure: byId.get(indicator.id) ?? null });
  return { org, period, values, families };
}

/** The comparable earlier period: 同比 the same period a year earlier, 环比 the one just before. */
export function comparablePeriod(period: Period, form: 'yoy' | 'pop'): Period {
  return form === 'yoy' ? samePeriodLastYear(period) : previousPeriod(period);
}

/**
 * The change of a value against the comparable period, in percent with one decimal (increase positive); null when
 * either is missing or the earlier one is zero. For a ratio the change is in percentage points (the difference).
 */
export function changeOf(current: number | null, earlier: number | null, kind: IndicatorKind): number | null {
  if (current === null || earlier === null) return null;
  if (kind === 'ratio') return Math.round((current - earlier) * 10) / 10;
  if (earlier === 0) return null;
  return Math.round(((current - earlier) / earlier) * 1000) / 10;
}

/**
 * What each computing family actually produces (id, family, label, unit), by running it for one organization — the
 * source of src/indicators/computed-ids.ts (scripts/sync-computed-indicators.ts writes it; a test keeps it in step).
 */
export async function producedIndicators(ctx: Ctx, orgCode: string): Promise<{ id: string; family: string; label: string; unit: string }[]> {
  const out: { id: string; family: string; label: string; unit: string }[] = [];
  for (const family of Object.keys(LEDGERS) as Ledger[]) {
    if (family === 'manual') continue;
    const set = await LEDGERS[family].compute(ctx, { orgCode, period: '2025' });
    for (const f of set.figures) out.push({ id: f.id, family, label: f.label, unit: f.unit });
  }
  return out;
}
