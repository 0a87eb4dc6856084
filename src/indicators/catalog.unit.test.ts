import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INDICATOR_CATALOG } from './catalog-data.js';
import { CATALOG_SOURCE_NAME, catalogEntriesFromJsonl, renderCatalogModule } from './catalog-source.js';
import { catalogCoverage, catalogEntry, manualIds, manualLabel } from './catalog.js';
import { MANUAL_LABELS } from './manual-labels.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const JSONL = join(ROOT, CATALOG_SOURCE_NAME);
const shared = existsSync(JSONL);

describe('the indicator catalog in the repository', () => {
  it('looks up entries by id, and lists the ids entered by hand', () => {
    expect(catalogEntry('cases_filed')).toMatchObject({ unit: '件', kind: 'count', source_record: 'discipline_case_aggregate' });
    expect(catalogEntry('trainings_held')).toMatchObject({ source_record: 'training' });
    expect(catalogEntry('no_such_id')).toBeUndefined();
    const manual = manualIds();
    expect(manual).toContain('clues_disposed');
    expect(manual).toContain('fixed_asset_investment_yoy');
    expect(manual).not.toContain('trainings_held');
    expect(manual.every((id) => ['manual', 'discipline_case_aggregate'].includes(catalogEntry(id)!.source_record))).toBe(true);
    expect(manual).toHaveLength(108);
    expect(new Set(INDICATOR_CATALOG.map((e) => e.id)).size).toBe(INDICATOR_CATALOG.length);
  });

  it('gives every id entered by hand a Chinese label, and labels no other', () => {
    for (const id of manualIds()) expect(MANUAL_LABELS[id], id).toMatch(/\p{Script=Han}/u);
    expect(Object.keys(MANUAL_LABELS).filter((id) => !manualIds().includes(id))).toEqual([]);
    expect(manualLabel('cases_filed')).toBe('立案');
  });

  it('reports the coverage of implemented ids in distinct ids, by source record', () => {
    const c = catalogCoverage(['cases_filed', 'trainings_held', 'made_up_id']);
    expect(c.total).toBe(INDICATOR_CATALOG.length);
    expect(c.covered).toEqual(['cases_filed', 'trainings_held']);
    expect(c.missing).toHaveLength(INDICATOR_CATALOG.length - 2);
    expect(c.unknown).toEqual(['made_up_id']);
    const discipline = c.bySource.find((s) => s.source === 'discipline_case_aggregate')!;
    expect(discipline.covered).toBe(1);
    expect(discipline.missing).not.toContain('cases_filed');
    expect(c.bySource.reduce((s, x) => s + x.total, 0)).toBe(INDICATOR_CATALOG.length);
  });

  it.skipIf(!shared)(`matches ${CATALOG_SOURCE_NAME} (regenerate with npx tsx scripts/import-indicator-catalog.ts)`, () => {
    const entries = catalogEntriesFromJsonl(readFileSync(JSONL, 'utf8'));
    expect(INDICATOR_CATALOG).toEqual(entries);
    expect(readFileSync(join(ROOT, 'src', 'indicators', 'catalog-data.ts'), 'utf8')).toBe(renderCatalogModule(entries, CATALOG_SOURCE_NAME));
  });

  if (!shared) {
    it(`cannot compare with the shared catalog: ${JSONL} is absent (skipped; CI keeps ../shared beside the checkout)`, () => {
      expect(shared).toBe(false);
    });
  }
});
