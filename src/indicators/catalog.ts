/**
 * The indicator catalog in the product (src/indicators/catalog-data.ts, generated from
 * ../shared/indicators/seed-indicator-ids.jsonl by scripts/import-indicator-catalog.ts): one definition per
 * indicator id, the ids every ledger's figures are reported under. Lookups, the ids entered by hand, and the
 * coverage of a set of implemented ids against the catalog.
 */
import { INDICATOR_CATALOG } from './catalog-data.js';
import { COMPUTED_INDICATORS } from './computed-ids.js';
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
const COMPUTED = new Set(COMPUTED_INDICATORS.map((c) => c.id));

export function catalogEntry(id: string): CatalogEntry | undefined {
  return BY_ID.get(id);
}

/** A figure only another department can supply (the catalog's manual and discipline-aggregate sources). */
export function isManualSource(e: CatalogEntry): boolean {
  return MANUAL_SOURCES.includes(e.source_record);
}

/**
 * Entered by hand (figure sets): a figure only another department can supply, or one the catalog would compute from
 * records the platform does not keep (yet): a venue register, a roster at a date, media pick-up … Once a family computes
 * an id, it can no longer be entered by hand.
 */
export function isManualEntry(e: CatalogEntry): boolean {
  return isManualSource(e) || !COMPUTED.has(e.id);
}

/** Computed from the records by one of the families (src/indicators/computed-ids.ts). */
export function isComputed(id: string): boolean {
  return COMPUTED.has(id);
}

/** The ids entered by hand (figure sets), in the catalog's order. */
export function manualIds(): string[] {
  return INDICATOR_CATALOG.filter(isManualEntry).map((e) => e.id);
}

/** The Chinese label of an id entered by hand (the id itself for one without a label). */
export function manualLabel(id: string): string {
  const label = MANUAL_LABELS[id];
  if (label) return label;
  // The catalog's subtype, without the research's English asides: 宣传物料: 横幅 → 宣传物料：横幅.
  const subtype = BY_ID.get(id)?.record_subtype.replace(/\s*\([^)]*[A-Za-z][^)]*\)/g, '').replace(/:\s*/g, '：').trim();
  return subtype || id;
}
