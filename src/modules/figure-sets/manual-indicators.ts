import { catalogEntry, manualIds, manualLabel } from '../../indicators/catalog.js';
import type { ManualIndicatorView } from './figure-sets.schema.js';

/**
 * The catalog's indicators entered by hand (source_record manual or discipline_case_aggregate), with their Chinese
 * label, unit, kind and computation: what the entry form offers. The catalog is public knowledge, not a record, so
 * every signed-in role reads it alike.
 */
export function manualIndicators(): ManualIndicatorView[] {
  return manualIds().map((id) => {
    const e = catalogEntry(id)!;
    return {
      id,
      label: manualLabel(id),
      unit: e.unit,
      kind: e.kind,
      sourceRecord: e.source_record,
      family: e.family,
      computation: e.computation,
      categories: e.default_categories,
    };
  });
}
