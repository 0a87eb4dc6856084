import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../shared/dates.js';
import { checkDevelopmentDates } from '../development/development-rules.js';
import { deriveStage } from '../development/steps.js';
import { Rng } from './rng.js';
import { stallAfter, timeline } from './timeline.js';

const END = '2026-11-23';

describe('development timelines of the demo county', () => {
  it('always keep the order of the procedure and never pass the end date', () => {
    const rng = new Rng(11);
    const stages = new Set<string>();
    for (let i = 0; i < 4000; i++) {
      const t = timeline(rng, rng.dateBetween('2024-01-01', '2029-12-31'), END);
      if (!t.dates.appliedOn) continue;
      const birth = addMonths(t.dates.appliedOn, -12 * 20);
      expect(checkDevelopmentDates(t.dates, t, birth, END)).toEqual([]);
      for (const d of Object.values(t.dates)) expect(d! <= END).toBe(true);
      stages.add(deriveStage(t.dates));
    }
    expect([...stages].sort()).toEqual(['入党积极分子', '入党申请人', '发展对象', '正式党员', '预备党员'].sort());
  });

  it('keep the time limits unless drawn to break one, about one timeline in seven', () => {
    const rng = new Rng(12);
    let broken = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const t = timeline(rng, rng.dateBetween('2023-01-01', '2024-06-30'), END);
      const d = t.dates;
      const due = addMonths(d.branchMeetingOn!, 12 + (t.extensionMonths ?? 0));
      const breaks = [
        d.interviewedOn! > addMonths(d.appliedOn!, 1),
        d.candidateOn! < addMonths(d.activistOn!, 12),
        d.approvedOn! > addMonths(d.branchMeetingOn!, 3),
        d.conversionMeetingOn! < due || d.conversionMeetingOn! > addMonths(due, 1),
        d.conversionApprovedOn! > addMonths(d.conversionMeetingOn!, 3),
      ].filter(Boolean).length;
      expect(breaks).toBeLessThanOrEqual(1);
      if (!t.violation) expect(breaks).toBe(0);
      broken += breaks;
      expect(d.appliedOn! <= addDays(d.activistOn!, -183)).toBe(true);
      expect(t.trainingHours).toBeGreaterThanOrEqual(24);
    }
    expect(broken / n).toBeGreaterThan(0.1);
    expect(broken / n).toBeLessThan(0.2);
  });

  it('can stall an application or an activist', () => {
    const t = timeline(new Rng(1), '2026-01-10', END);
    expect(Object.keys(stallAfter(t.dates, 'appliedOn'))).toEqual(['appliedOn']);
    expect(deriveStage(stallAfter(t.dates, 'contactsOn'))).toBe('入党积极分子');
  });
});
