import { describe, expect, it } from 'vitest';
import { CONCENTRATED_STUDY_KINDS, MEMBER_REQUIRED_MINUTES, STUDY_DAILY_POINTS_CAP } from '../study/study-points.js';
import { buildHonors, buildMemberDonations, campaigns, type DonationPlan } from './build-honors.js';
import { buildService } from './build-service.js';
import { buildMemberStudy, emptyStudy, lastCompleteYear, onRollAllYear, plantSecretaries } from './build-study.js';
import { buildTrainingCatalog } from './build-trainings.js';
import { resolveFrame } from './generate-demo.js';
import { isBranch, planCounty } from './plan-county.js';
import { verifyWork } from './verify-plan.js';
import { workSubjects } from './work-subjects.js';

const TODAY = '2026-11-23';

describe('the demo county’s member-work ledgers', () => {
  const frame = resolveFrame(TODAY, { members: 3000, seed: 4 });
  const plan = planCounty(frame);
  // Stand-in ids: the roll in order, then the approved recruits.
  const subjects = workSubjects(plan, plan.members.map((_, i) => i + 1), plan.development.map((d, i) => (d.dates.approvedOn ? 100_000 + i : undefined)));
  const catalog = buildTrainingCatalog(frame, plan.orgs, subjects, plan.development);

  it('knows the last complete year', () => {
    expect(lastCompleteYear(frame)).toBe(2025);
    expect(lastCompleteYear(resolveFrame(TODAY, { fromYear: 2026 }))).toBeNull();
    expect(lastCompleteYear(resolveFrame(TODAY, { fromYear: 2020, toYear: 2021 }))).toBe(2021);
  });

  it('gives every standing branch one 书记, and committees no bigger than recorded', () => {
    for (const b of plan.orgs.filter((o) => isBranch(o) && o.kind !== '临时党支部')) {
      const posts = plan.members.filter((m) => m.orgCode === b.code && m.partyPost);
      if (!plan.members.some((m) => m.orgCode === b.code && m.status === '正式党员' && !m.leftOn)) continue;
      expect(posts.filter((m) => m.partyPost === '书记').length, b.code).toBe(1);
      expect(posts.length, b.code).toBeLessThanOrEqual(Math.max(1, b.committeeSize ?? 0));
    }
  });

  it('plants the study shortfalls, caps the points a day, and is the same on every run', () => {
    const build = () => {
      const out = emptyStudy();
      const planted = plantSecretaries(frame, subjects);
      for (const s of subjects) buildMemberStudy(frame, catalog, s, planted, out);
      return out;
    };
    const out = build();
    expect(build()).toEqual(out);
    const year = lastCompleteYear(frame)!;
    const minutes = new Map<number, number>();
    for (const r of out.records) {
      if (r.studiedOn.startsWith(String(year)) && CONCENTRATED_STUDY_KINDS.includes(r.kind as never)) minutes.set(r.membershipId, (minutes.get(r.membershipId) ?? 0) + r.minutes);
    }
    for (const a of out.attendance) {
      const t = catalog.trainings[a.training]!;
      if (t.concentrated && t.startOn.startsWith(String(year))) minutes.set(a.membershipId, (minutes.get(a.membershipId) ?? 0) + a.minutes);
    }
    const ordinary = subjects.filter((s) => !s.post && onRollAllYear(s, year));
    expect(ordinary.filter((s) => (minutes.get(s.membershipId) ?? 0) < MEMBER_REQUIRED_MINUTES).length).toBe(out.below32);
    expect(out.below32 / ordinary.length).toBeGreaterThan(0.03);
    expect(out.secretariesBetween).toBeGreaterThanOrEqual(1);
    expect(out.secretariesNoTraining).toBeGreaterThanOrEqual(1);
    const perDay = new Map<string, number>();
    for (const r of out.records) perDay.set(`${r.membershipId}|${r.studiedOn}`, (perDay.get(`${r.membershipId}|${r.studiedOn}`) ?? 0) + r.points);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(STUDY_DAILY_POINTS_CAP);
    expect(out.records.every((r) => r.studiedOn <= frame.end) && catalog.trainings.every((t) => t.endOn <= frame.end)).toBe(true);
  });

  it('passes the services’ checks for service records, reports, teams and honors; donations from members on the roll', () => {
    const service = buildService(frame, plan.orgs, subjects);
    const honors = buildHonors(frame, plan.orgs, subjects);
    expect(() => verifyWork(service, honors, TODAY)).not.toThrow();
    expect(service.longOpen).toBeGreaterThan(0);
    const gifts: DonationPlan[] = [];
    const list = campaigns(frame);
    for (const s of subjects) buildMemberDonations(frame, list, s, gifts);
    const byId = new Map(subjects.map((s) => [s.membershipId, s]));
    expect(gifts.every((g) => byId.get(g.membershipId)!.since <= g.donatedOn && (!byId.get(g.membershipId)!.leftOn || byId.get(g.membershipId)!.leftOn! > g.donatedOn))).toBe(true);
  });
});
