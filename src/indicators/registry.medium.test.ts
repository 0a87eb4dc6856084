import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENGINES, useTestDatabase, type Engine } from '../../test/helpers/test-db.js';
import { failure } from '../../test/helpers/errors.js';
import { makeCounty } from '../../test/factories.js';
import { LEDGERS, LEDGER_KEYS } from '../modules/figures/ledger-figures.js';
import { COMPUTED_INDICATORS } from './computed-ids.js';
import { computeIndicators, findIndicator, indicators, producedIndicators } from './registry.js';

const SYNC = 'src/indicators/computed-ids.ts is out of step with what the families compute: run `npx tsx scripts/sync-computed-indicators.ts`';

describe('the indicator registry (no database)', () => {
  it('holds every id once, computed ones under their family and hand-entered ones under manual', () => {
    const all = indicators();
    const ids = all.map((i) => i.id);
    expect(ids.length).toBe(new Set(ids).size);
    expect(new Set(COMPUTED_INDICATORS.map((c) => c.id)).size).toBe(COMPUTED_INDICATORS.length);
    for (const c of COMPUTED_INDICATORS) expect(findIndicator(c.id), c.id).toMatchObject({ family: c.family, label: c.label, unit: c.unit, manual: false });
    expect(all.filter((i) => i.manual).every((i) => i.family === 'manual')).toBe(true);
    expect(all.filter((i) => !i.manual).length).toBe(COMPUTED_INDICATORS.length);
  });
});

describe.each(ENGINES)('the indicator registry on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('lists exactly what the families compute (computed-ids.ts in step)', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 1);
    const produced = await producedIndicators(ctx, 'C');
    expect(produced, SYNC).toEqual(COMPUTED_INDICATORS.map((c) => ({ id: c.id, family: c.family, label: c.label, unit: c.unit })));
    // Every family but the hand-entered one computes something.
    expect(new Set(produced.map((p) => p.family)), SYNC).toEqual(new Set(LEDGER_KEYS.filter((k) => k !== 'manual')));
  });

  it('runs each family needed once, whatever the number of its indicators asked for', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const spies = Object.fromEntries(LEDGER_KEYS.map((k) => [k, vi.spyOn(LEDGERS[k], 'compute')]));
    const ids = ['branch_committee_meetings', 'theme_party_days', 'party_lectures', 'members_total', 'probationary_members_total', 'new_activists', 'cases_filed', 'party_orgs_total'];
    const got = await computeIndicators(ctx, { orgCode: 'C.T1', period: '2026', ids });
    expect(got.families.sort()).toEqual(['development', 'manual', 'meetings', 'members', 'orgs']);
    for (const k of LEDGER_KEYS) expect(spies[k]!.mock.calls.length, k).toBe(got.families.includes(k) ? 1 : 0);
    expect([...got.values.keys()]).toEqual(ids);
    expect(got.org).toEqual({ code: 'C.T1', name: '中共测试镇委员会' });
    expect(got.period).toMatchObject({ label: '2026', start: '2026-01-01', end: '2026-12-31' });
    // The township and its 2 branches; a hand-entered figure nobody entered is null.
    expect(got.values.get('party_orgs_total')!.figure!.value).toBe(3);
    expect(got.values.get('branch_committee_meetings')!.figure).toMatchObject({ value: 0, evidence: { table: 'meetings', ids: [] } });
    expect(got.values.get('cases_filed')).toMatchObject({ indicator: { manual: true }, figure: null });

    const unknown = await failure(computeIndicators(ctx, { orgCode: 'C', period: '2026', ids: ['no_such_indicator'] }));
    expect(unknown.code).toBe('INDICATOR_NOT_FOUND');
  });
});
