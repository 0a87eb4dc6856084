/**
 * The indicator catalog in the product (src/indicators/catalog-data.ts, generated from
 * ../shared/indicators/seed-indicator-ids.jsonl by scripts/import-indicator-catalog.ts): one definition per
 * indicator id, the ids every ledger's figures are reported under. Lookups, the ids entered by hand, and the
 * coverage of a set of implemented ids against the catalog.
 */
import { INDICATOR_CATALOG } from './catalog-data.js';
import { MANUAL_LABELS } from './manual-labels.js';

export interface CatalogEntry {
  /** snake_case English id, e.g. cases_filed. */
  id: string;
  /** A grouping of the research (discipline, economy, org_life …). */
  family: string;
  /** 次, 人, 件, %, 亿元 … */
  unit: string;
  /** count | sum | ratio | yoy | rank | manual (a figure stated as such, not counted). */
  kind: string;
  /** Which records it comes from; `manual` and `discipline_case_aggregate` are entered by hand (figure sets). */
  source_record: string;
  record_subtype: string;
  /** How it is computed (English, from the research). */
  computation: string;
  default_categories: string[];
}

/** The sources of the figures entered by hand rather than computed from the platform's records. */
export const MANUAL_SOURCES: readonly string[] = ['manual', 'discipline_case_aggregate'];

const BY_ID = new Map(INDICATOR_CATALOG.map((e) => [e.id, e]));

export function catalogEntry(id: string): CatalogEntry | undefined {
  return BY_ID.get(id);
}

export function isManualEntry(e: CatalogEntry): boolean {
  return MANUAL_SOURCES.includes(e.source_record);
}

/** The ids entered by hand (figure sets), in the catalog's order. */
export function manualIds(): string[] {
  return INDICATOR_CATALOG.filter(isManualEntry).map((e) => e.id);
}

/** The Chinese label of an id entered by hand (the id itself for one without a label). */
export function manualLabel(id: string): string {
  return MANUAL_LABELS[id] ?? id;
}

export interface CatalogCoverage {
  /** Distinct ids of the catalog. */
  total: number;
  covered: string[];
  missing: string[];
  /** Ids given that the catalog does not hold (new ids a ledger added, or typos). */
  unknown: string[];
  /** Covered / missing ids by source_record. */
  bySource: { source: string; total: number; covered: number; missing: string[] }[];
}

/**
 * The catalog's ids covered by `implementedIds` and the ones still missing, in distinct ids (and by source record).
 * Rows — the 412 places in the five seed reports where a number stands, several of them sharing an id — are not in
 * the repository (../shared/indicators/seed-indicators.jsonl stays outside it), so coverage is reported in ids only.
 */
export function catalogCoverage(implementedIds: readonly string[]): CatalogCoverage {
  const implemented = new Set(implementedIds);
  const covered = INDICATOR_CATALOG.filter((e) => implemented.has(e.id)).map((e) => e.id);
  const missing = INDICATOR_CATALOG.filter((e) => !implemented.has(e.id)).map((e) => e.id);
  const unknown = [...implemented].filter((id) => !BY_ID.has(id)).sort();
  const sources = [...new Set(INDICATOR_CATALOG.map((e) => e.source_record))].sort();
  const bySource = sources.map((source) => {
    const of = INDICATOR_CATALOG.filter((e) => e.source_record === source);
    return {
      source,
      total: of.length,
      covered: of.filter((e) => implemented.has(e.id)).length,
      missing: of.filter((e) => !implemented.has(e.id)).map((e) => e.id),
    };
  });
  return { total: INDICATOR_CATALOG.length, covered, missing, unknown, bySource };
}
