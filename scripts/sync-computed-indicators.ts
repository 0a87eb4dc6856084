/**
 * Writes src/indicators/computed-ids.ts from what the families compute (run after adding a figure or a family):
 *   npx tsx scripts/sync-computed-indicators.ts
 * Runs every family once on an empty in-memory database with a single organization.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { producedIndicators } from '../src/indicators/registry.js';
import { renderComputedModule } from '../src/indicators/computed-source.js';
import { createOrg } from '../src/modules/orgs/create-org.js';
import { systemClock } from '../src/shared/clock.js';
import { plainVault } from '../src/shared/id-vault.js';

const handle = openDatabase({ engine: 'sqlite', file: ':memory:' });
await migrateToLatest(handle.db);
const ctx = { db: handle.db, clock: systemClock, actor: { kind: 'system', name: '同步指标清单' } as const, vault: plainVault };
await createOrg(ctx, { code: 'C', name: '中共示例县委员会', kind: '党委', sector: '机关' } as Parameters<typeof createOrg>[1]);
const rows = await producedIndicators(ctx, 'C');
await handle.close();
const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'indicators', 'computed-ids.ts');
writeFileSync(target, renderComputedModule(rows));
console.log(`wrote ${target}: ${rows.length} computed indicators`);
