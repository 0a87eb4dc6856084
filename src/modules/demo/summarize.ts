/** The figures of a generated demo county, counted from the plan and the meetings and dues written (exactly the rows stored). */
import { DEVELOPMENT_STAGES, ORG_KINDS, SECTORS, type DevelopmentStage, type OrgKind, type Sector } from '../../shared/vocab.js';
import { deriveStage } from '../development/steps.js';
import type { DemoSummary } from './demo-types.js';
import { isBranch, type CountyPlan } from './plan-county.js';

const NO_DUES: DemoSummary['dues'] = { bases: 0, approvals: 0, payments: 0, quarterlyBranches: 0, arrears3to5: 0, arrears6plus: 0 };

/** Meetings and dues are made while they are written, so the caller counts them (none: a plan not written yet). */
export function summarize(plan: CountyPlan, meetings: DemoSummary['meetings'], dues: DemoSummary['dues'] = NO_DUES): DemoSummary {
  const { frame } = plan;
  const byKind = Object.fromEntries(ORG_KINDS.map((k) => [k, 0])) as Record<OrgKind, number>;
  const branchesBySector = Object.fromEntries(SECTORS.map((s) => [s, 0])) as Record<Sector, number>;
  for (const o of plan.orgs) {
    byKind[o.kind]++;
    if (isBranch(o)) branchesBySector[o.sector]++;
  }
  const byStage = Object.fromEntries(DEVELOPMENT_STAGES.map((s) => [s, 0])) as Record<DevelopmentStage, number>;
  let recruits = 0;
  let recruitsProbationary = 0;
  let recruitWomen = 0;
  for (const d of plan.development) {
    const stage = deriveStage(d.dates);
    byStage[stage]++;
    if (d.dates.approvedOn && d.dates.branchMeetingOn) {
      recruits++;
      if (stage === '预备党员') recruitsProbationary++;
      if (d.person.gender === '女') recruitWomen++;
    }
  }
  let left = 0;
  let mobile = 0;
  let probationary = recruitsProbationary;
  let women = recruitWomen;
  for (const m of plan.members) {
    if (m.leftOn) left++;
    if (m.isMobile) mobile++;
    if (m.status === '预备党员') probationary++;
    if (m.person.gender === '女') women++;
  }
  const total = plan.members.length + recruits;
  return {
    countyCode: 'C',
    countyName: plan.orgs[0]!.name,
    areaCode: frame.county.areaCode,
    seed: frame.seed,
    fromYear: frame.fromYear,
    toYear: frame.toYear,
    asOf: frame.end,
    orgs: { total: plan.orgs.length, byKind, branchesBySector },
    members: { total, active: total - left, probationary, left, mobile, women },
    development: { total: plan.development.length, byStage },
    meetings,
    dues,
  };
}

/** The 党费 line of the summary as people read it. */
export function describeDues(d: DemoSummary['dues']): string {
  return `党费记录${d.bases + d.approvals + d.payments}条：基数${d.bases}条、审批${d.approvals}条、缴纳${d.payments}条（按季交纳的支部${d.quarterlyBranches}个；期末欠交3–5个月${d.arrears3to5}名、6个月以上${d.arrears6plus}名）`;
}
