import { describe, expect, it } from 'vitest';
import { addMonths, ageOn } from '../../shared/dates.js';
import { AppError } from '../../shared/errors.js';
import { COLLEGE_OR_ABOVE, type Education } from '../../shared/vocab.js';
import { resolveFrame } from './generate-demo.js';
import { fullMembersAtEnd, termEnd } from './org-setup.js';
import { allMeetings, isBranch, planCounty } from './plan-county.js';
import { summarize } from './summarize.js';
import { verifyMeetings, verifyPlan } from './verify-plan.js';

const TODAY = '2026-11-23';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'OK';
}

describe('the demo county plan', () => {
  const frame = resolveFrame(TODAY, { members: 4000, seed: 5 });
  const plan = planCounty(frame);

  it('passes the services’ own checks and holds exactly the members asked for', () => {
    for (const seed of [1, 2, 3, 4]) {
      const p = planCounty(resolveFrame(TODAY, { members: 3000, seed }));
      expect(() => verifyPlan(p, TODAY)).not.toThrow();
      expect(() => verifyMeetings(allMeetings(p), new Map(p.orgs.map((o) => [o.code, o])), TODAY)).not.toThrow();
    }
    expect(summarize(plan, { total: 0, absences: 0 }).members.total).toBe(4000);
  });

  it('has the shares of a county roll (party-statistics.md §3e)', () => {
    const people = [
      ...plan.members.filter((m) => !m.leftOn).map((m) => m.person),
      ...plan.development.filter((d) => d.dates.approvedOn).map((d) => d.person),
    ];
    const share = (f: (p: (typeof people)[number]) => boolean) => people.filter(f).length / people.length;
    expect(share((p) => p.gender === '女')).toBeGreaterThan(0.26);
    expect(share((p) => p.gender === '女')).toBeLessThan(0.36);
    expect(share((p) => ageOn(p.birthDate, frame.end) >= 61)).toBeGreaterThan(0.26);
    expect(share((p) => ageOn(p.birthDate, frame.end) >= 61)).toBeLessThan(0.38);
    expect(share((p) => COLLEGE_OR_ABOVE.includes(p.education as Education))).toBeGreaterThan(0.38);
    expect(share((p) => COLLEGE_OR_ABOVE.includes(p.education as Education))).toBeLessThan(0.56);
    expect(share((p) => p.ethnicity !== '汉族')).toBeGreaterThan(0.01);
    expect(share((p) => p.ethnicity !== '汉族')).toBeLessThan(0.08);
    expect(share((p) => p.occupation === '农牧渔民')).toBeGreaterThan(0.25);
    const mobile = plan.members.filter((m) => m.isMobile).length / plan.members.length;
    expect(mobile).toBeGreaterThan(0.015);
    expect(mobile).toBeLessThan(0.05);
  });

  it('recruits about 2% a year, mostly young, nearly half women', () => {
    const recruits = plan.development.filter((d) => d.dates.approvedOn && d.dates.approvedOn >= frame.start);
    const years = (Date.parse(frame.end) - Date.parse(frame.start)) / (365.25 * 86_400_000);
    const perYear = recruits.length / years / frame.members;
    expect(perYear).toBeGreaterThan(0.015);
    expect(perYear).toBeLessThan(0.03);
    const young = recruits.filter((d) => ageOn(d.person.birthDate, d.dates.approvedOn!) <= 35).length / recruits.length;
    expect(young).toBeGreaterThan(0.7);
    const women = recruits.filter((d) => d.person.gender === '女').length / recruits.length;
    expect(women).toBeGreaterThan(0.35);
    expect(women).toBeLessThan(0.55);
    // Every existing member became a full member before the window: its conversions all have records.
    for (const m of plan.members) if (m.status === '正式党员') expect(m.confirmedOn! < frame.start).toBe(true);
    for (const m of plan.members) expect(ageOn(m.person.birthDate, m.joinedOn)).toBeGreaterThanOrEqual(18);
    expect(plan.members.every((m) => m.joinedOn <= addMonths(frame.end, 0))).toBe(true);
  });

  it('records a committee where 7+ full members are, bar about 3%, and holds 支委会 only there', () => {
    const full = fullMembersAtEnd(plan.members, plan.development);
    const branches = plan.orgs.filter(isBranch);
    for (const o of plan.orgs.filter((x) => !isBranch(x))) expect(o.committeeSize, o.code).toBeNull();
    for (const b of branches) {
      const n = full.get(b.code) ?? 0;
      if (b.kind === '临时党支部' || n < 7) expect(b.committeeSize, b.code).toBe(0);
      else expect([0, n >= 20 ? 5 : 3], b.code).toContain(b.committeeSize);
    }
    const due = branches.filter((b) => b.kind !== '临时党支部' && (full.get(b.code) ?? 0) >= 7);
    const lacking = due.filter((b) => b.committeeSize === 0).length / due.length;
    expect(lacking).toBeGreaterThan(0.01);
    expect(lacking).toBeLessThan(0.06);
    const withCommittee = new Set(branches.filter((b) => b.committeeSize! > 0).map((b) => b.code));
    const committeeMeetings = allMeetings(plan).filter((m) => m.kind === '支委会');
    expect(committeeMeetings.length).toBeGreaterThan(0);
    expect(committeeMeetings.filter((m) => !withCommittee.has(m.orgCode))).toEqual([]);
    expect(committeeMeetings.every((m) => m.expectedCount <= 5)).toBe(true);
  });

  it('extends about a quarter of the overdue terms by 6 or 12 months, and one or two by more than a year', () => {
    const overdue = plan.orgs.filter((o) => termEnd(o) !== null && termEnd(o)! < frame.end);
    const extended = plan.orgs.filter((o) => o.termExtendedTo !== null);
    expect(overdue.length / plan.orgs.filter((o) => termEnd(o) !== null).length).toBeGreaterThan(0.04);
    expect(extended.every((o) => overdue.includes(o))).toBe(true);
    expect(extended.length / overdue.length).toBeGreaterThan(0.15);
    expect(extended.length / overdue.length).toBeLessThan(0.5);
    const months = extended.map((o) => [6, 12, 18, 24].find((n) => addMonths(termEnd(o)!, n) === o.termExtendedTo));
    expect(months.every((n) => n !== undefined)).toBe(true);
    const tooLong = months.filter((n) => n! > 12).length;
    expect(tooLong).toBeGreaterThanOrEqual(1);
    expect(tooLong).toBeLessThanOrEqual(2);
  });

  it('scales the number of branches with the members', () => {
    const small = planCounty(resolveFrame(TODAY, { members: 1500, seed: 5 })).orgs.filter(isBranch).length;
    const large = planCounty(resolveFrame(TODAY, { members: 6000, seed: 5 })).orgs.filter(isBranch).length;
    expect(small).toBeGreaterThan(20);
    expect(large / small).toBeGreaterThan(3);
    expect(large / small).toBeLessThan(5);
  });

  it('validates the options and never dates a record after today', () => {
    expect(codeOf(() => resolveFrame(TODAY, { members: 50 }))).toBe('FIELD_INVALID');
    expect(codeOf(() => resolveFrame(TODAY, { members: 1000.5 }))).toBe('FIELD_INVALID');
    expect(codeOf(() => resolveFrame(TODAY, { fromYear: 2027 }))).toBe('FIELD_INVALID');
    expect(codeOf(() => resolveFrame(TODAY, { fromYear: 2024, toYear: 2023 }))).toBe('FIELD_INVALID');
    const f = resolveFrame(TODAY, { fromYear: 2024, toYear: 2030 });
    expect([f.start, f.end, f.toYear]).toEqual(['2024-01-01', TODAY, 2026]);
    const past = resolveFrame(TODAY, { fromYear: 2023, toYear: 2024 });
    expect(past.end).toBe('2024-12-31');
    expect(resolveFrame(TODAY, {})).toMatchObject({ members: 25_000, seed: 1, fromYear: 2025, toYear: 2026 });
  });
});
