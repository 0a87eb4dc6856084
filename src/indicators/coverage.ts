/**
 * Coverage of the example reports' figures (../shared/indicators: 412 rows, 316 distinct ids) by the registry:
 * which are computed from the records, which are entered by hand (figure sets) — and of those, which the catalog
 * counts as computable from records the platform does not keep yet — and which cannot be filled at all.
 */
import { INDICATOR_CATALOG } from './catalog-data.js';
import { CATALOG_ROWS } from './catalog-rows.js';
import { isManualSource } from './catalog.js';
import { findIndicator } from './registry.js';

export interface CoverageCount {
  total: number;
  computed: number;
  manual: number;
  /** Entered by hand although the catalog would compute them from records the platform does not keep (yet). */
  manualComputable: number;
  missing: number;
}

export interface IndicatorCoverage {
  rows: CoverageCount;
  ids: CoverageCount;
  bySource: { source: string; ids: number; computed: number; manual: number; missing: number }[];
  /** Catalog ids the catalog counts as computable that are entered by hand here, with their rows. */
  manualComputable: { id: string; label: string; rows: number }[];
  missing: string[];
  /** Registry ids the catalog does not hold (added by the platform). */
  added: number;
}

type State = 'computed' | 'manual' | 'manualComputable' | 'missing';

function stateOf(id: string): State {
  const ind = findIndicator(id);
  if (!ind) return 'missing';
  if (!ind.manual) return 'computed';
  const entry = INDICATOR_CATALOG.find((e) => e.id === id);
  return entry && !isManualSource(entry) ? 'manualComputable' : 'manual';
}

function count(states: State[]): CoverageCount {
  const n = (s: State) => states.filter((x) => x === s).length;
  const manualComputable = n('manualComputable');
  return { total: states.length, computed: n('computed'), manual: n('manual') + manualComputable, manualComputable, missing: n('missing') };
}

export function indicatorCoverage(registryIds: readonly string[]): IndicatorCoverage {
  const idStates = new Map(INDICATOR_CATALOG.map((e) => [e.id, stateOf(e.id)]));
  const sources = [...new Set(INDICATOR_CATALOG.map((e) => e.source_record))].sort();
  const catalogIds = new Set(INDICATOR_CATALOG.map((e) => e.id));
  return {
    rows: count(CATALOG_ROWS.map((r) => idStates.get(r.id) ?? stateOf(r.id))),
    ids: count([...idStates.values()]),
    bySource: sources.map((source) => {
      const states = INDICATOR_CATALOG.filter((e) => e.source_record === source).map((e) => idStates.get(e.id)!);
      const c = count(states);
      return { source, ids: c.total, computed: c.computed, manual: c.manual, missing: c.missing };
    }),
    manualComputable: INDICATOR_CATALOG.filter((e) => idStates.get(e.id) === 'manualComputable').map((e) => ({
      id: e.id,
      label: findIndicator(e.id)!.label,
      rows: CATALOG_ROWS.filter((r) => r.id === e.id).length,
    })),
    missing: [...idStates].filter(([, s]) => s === 'missing').map(([id]) => id),
    added: registryIds.filter((id) => !catalogIds.has(id)).length,
  };
}
