import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../../test/helpers/test-db.js';
import { generateDemo } from '../modules/demo/generate-demo.js';
import { evaluateRules } from './evaluate.js';
import { buildNotice } from './notice.js';

/**
 * The demo county plants the imperfections real records have (src/modules/demo: timeline.ts, build-meetings.ts,
 * org-tree.ts, org-setup.ts). The rule engine must find each kind, and find the county mostly compliant.
 */
describe.each(ENGINES)('the rule engine on the demo county on %s', (engine) => {
  const t = useTestDatabase(engine);

  it('finds every kind of planted imperfection, and a mostly compliant county', async () => {
    const demo = await generateDemo(t.ctx, { members: 4000, seed: 3, fromYear: 2024 });
    const year = await evaluateRules(t.ctx, { period: '2025' });
    const now = await evaluateRules(t.ctx, { period: '2026' });
    const kinds = new Set([...year.findings, ...now.findings].map((f) => `${f.rule}|${f.status}`));
    const expected = [
      'life.committee-meeting|missed',
      'life.party-day|missed',
      'life.general-quorum|violation',
      'setup.committee-required|missed',
      'setup.term-expiry|overdue',
      'setup.term-remind-superior|upcoming',
      'dev.interview|overdue',
      'dev.activist-one-year|violation',
      'dev.approval|overdue',
      'dev.probation-not-before|violation',
      'dev.conversion-promptly|overdue',
      'dev.conversion-approval|overdue',
      'members.org-life-lapse|violation',
      'members.dues-arrears|upcoming',
      'members.dues-arrears|violation',
      'members.training-hours|missed',
      // The supervision ledgers (src/modules/demo: build-tasks.ts, build-inspections.ts, build-disclosures.ts): tasks
      // and problems open past their deadlines or done late, villages behind with their disclosures, unreviewed ones.
      'tasks.overdue|overdue',
      'rectification.overdue|overdue',
      'disclosure.due|missed',
      'disclosure.due|overdue',
    ];
    for (const k of expected) expect(kinds, k).toContain(k);
    // Tasks and problems open past their deadline at the end are found (planted: about 5% and 8%).
    const openLate = (rule: string) => now.findings.filter((f) => f.rule === rule && f.status === 'overdue' && f.open).length;
    expect(openLate('tasks.overdue')).toBeGreaterThan(0);
    expect(openLate('rectification.overdue')).toBeGreaterThan(0);

    // Every planted shortfall of training hours in 2025 is found: members below 32 hours, secretaries between 32 and
    // 56, secretaries with the hours but no concentrated training (the demo also has a few it did not plant).
    expect(demo.study.year).toBe(2025);
    const hours = year.findings.filter((f) => f.rule === 'members.training-hours');
    const planted = demo.study.below32 + demo.study.secretariesBetween + demo.study.secretariesNoTraining;
    expect(planted).toBeGreaterThan(0);
    expect(hours.length).toBeGreaterThanOrEqual(planted);
    expect(hours.length).toBeLessThan(planted * 2);

    // Every finding carries what a reader needs to act on it and to check it.
    for (const f of year.findings) {
      expect(f.org).toBeTruthy();
      // Central texts are cited by name; local practice says it is local practice.
      expect(f.citation).toMatch(f.certainty === 'local' ? /《.+》|地方/ : /《.+》/);
      expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(f.evidence.records.length + (f.evidence.searched ? 1 : 0)).toBeGreaterThan(0);
      if (f.family === 'development' || f.family === 'members') expect(f.person).toBeTruthy();
    }

    const notice = await buildNotice(t.ctx, { period: '2025' });
    expect(notice.summary.overall.rate).toBeGreaterThan(0.85);
    expect(notice.summary.overall.rate).toBeLessThan(1);
    expect(notice.summary.byStatus.red + notice.summary.byStatus.yellow).toBeGreaterThan(0);
    expect(notice.summary.byStatus.green).toBeGreaterThan(notice.summary.byStatus.red);
  });
});
