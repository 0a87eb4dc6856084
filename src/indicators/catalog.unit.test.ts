import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INDICATOR_CATALOG } from './catalog-data.js';
import { CATALOG_SOURCE_NAME, catalogEntriesFromJsonl, renderCatalogModule } from './catalog-source.js';
import { catalogEntry, manualIds, manualLabel } from './catalog.js';
import { COMPUTED_INDICATORS } from './computed-ids.js';
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
    // Entered by hand: every figure of another department (108 ids), and the catalog's ids no family computes (yet).
    const sources = manual.filter((id) => ['manual', 'discipline_case_aggregate'].includes(catalogEntry(id)!.source_record));
    expect(sources).toHaveLength(108);
    const computed = new Set(COMPUTED_INDICATORS.map((c) => c.id));
    expect(manual.filter((id) => !sources.includes(id)).every((id) => !computed.has(id))).toBe(true);
    expect(manual).toHaveLength(108 + INDICATOR_CATALOG.filter((e) => !computed.has(e.id) && !['manual', 'discipline_case_aggregate'].includes(e.source_record)).length);
    expect(manual).not.toContain('branch_committee_meetings');
    expect(manual).toContain('publicity_banners');
    expect(new Set(INDICATOR_CATALOG.map((e) => e.id)).size).toBe(INDICATOR_CATALOG.length);
  });

  it('gives every id entered by hand a Chinese label, and labels no other', () => {
    for (const id of manualIds()) expect(manualLabel(id), id).toMatch(/\p{Script=Han}/u);
    expect(manualLabel('publicity_banners')).toBe('宣传物料：横幅');
    expect(Object.keys(MANUAL_LABELS).filter((id) => !manualIds().includes(id))).toEqual([]);
    expect(manualLabel('cases_filed')).toBe('立案');
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
