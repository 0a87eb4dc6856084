/**
 * Imports the indicator catalog into the repository:
 *   npx tsx scripts/import-indicator-catalog.ts [path to seed-indicator-ids.jsonl]
 * (default ../shared/indicators/seed-indicator-ids.jsonl, relative to the repository root) → src/indicators/catalog-data.ts.
 * The generated module is committed; the product reads it, never ../shared.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG_SOURCE_NAME, catalogEntriesFromJsonl, renderCatalogModule } from '../src/indicators/catalog-source.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(process.argv[2] ?? join(root, CATALOG_SOURCE_NAME));
const entries = catalogEntriesFromJsonl(readFileSync(source, 'utf8'));
const target = join(root, 'src', 'indicators', 'catalog-data.ts');
writeFileSync(target, renderCatalogModule(entries, CATALOG_SOURCE_NAME));
const manual = entries.filter((e) => e.source_record === 'manual' || e.source_record === 'discipline_case_aggregate').length;
console.log(`wrote ${target}: ${entries.length} indicators (${manual} entered by hand)`);
