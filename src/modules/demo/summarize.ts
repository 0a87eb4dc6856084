/** The figures of a generated demo county, counted from the plan and the meetings and dues written (exactly the rows stored). */
import { DEVELOPMENT_STAGES, HONOR_KINDS, ORG_KINDS, PARTY_POSTS, SECTORS, SERVICE_KINDS, type DevelopmentStage, type OrgKind, type PartyPost, type Sector } from '../../shared/vocab.js';
import { yuan } from '../dues/dues-rates.js';
import { deriveStage } from '../development/steps.js';
import type { DemoSummary } from './demo-types.js';
import { isBranch, type CountyPlan } from './plan-county.js';

const NO_DUES: DemoSummary['dues'] = { bases: 0, approvals: 0, payments: 0, quarterlyBranches: 0, arrears3to5: 0, arrears6plus: 0 };
type Work = Pick<DemoSummary, 'study' | 'service' | 'honors' | 'donations'>;
const NO_SUPERVISION: DemoSummary['supervision'] = {
  lists: 0, listItems: 0, tasks: 0, taskEvents: 0, tasksOverdue: 0, tasksLate: 0, inspections: 0, inspectionsByKind: {}, inspectionTargets: 0, problems: 0, problemsBySource: {},
  problemEvents: 0, problemsOverdue: 0, problemsLate: 0, problemsReopened: 0, ratings: 0, gradesBy: {}, starRatings: 0, weakCases: 0, weakCasesClosed: 0, designations: 0,
  designationsByKind: {}, disclosureItems: 0, disclosures: 0, disclosuresBehind: 0, disclosuresUnreviewed: 0, busyVillages: 0, cadreEvents: 0, cadreEventsByKind: {},
  publications: 0, publicationsByLevel: {}, figureSets: 0, figureValues: 0,
};
const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const NO_WORK: Work = {
  study: { trainings: 0, attendance: 0, records: 0, year: null, below32: 0, secretariesBetween: 0, secretariesNoTraining: 0 },
  service: { records: 0, byKind: zeros(SERVICE_KINDS), longOpen: 0, reports: 0, teams: 0, teamPeople: 0 },
  honors: { total: 0, byKind: zeros(HONOR_KINDS), revoked: 0 },
  donations: { campaigns: 0, donations: 0, amountFen: 0 },
};

/**
 * Meetings, dues and the member-work ledgers are made while they are written, so the caller counts them (none: a
 * plan not written yet).
 */
export function summarize(
  plan: CountyPlan,
  meetings: DemoSummary['meetings'],
  dues: DemoSummary['dues'] = NO_DUES,
  work: Work = NO_WORK,
  supervision: DemoSummary['supervision'] = NO_SUPERVISION,
): DemoSummary {
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
  const posts = zeros<PartyPost>(PARTY_POSTS);
  for (const m of plan.members) if (m.partyPost) posts[m.partyPost]++;
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
    posts,
    ...work,
    supervision,
  };
}

/** The 党费 line of the summary as people read it. */
export function describeDues(d: DemoSummary['dues']): string {
  return `党费记录${d.bases + d.approvals + d.payments}条：基数${d.bases}条、审批${d.approvals}条、缴纳${d.payments}条（按季交纳的支部${d.quarterlyBranches}个；期末欠交3–5个月${d.arrears3to5}名、6个月以上${d.arrears6plus}名）`;
}

const parts = (counts: Record<string, number>, unit: string) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k}${n}${unit}`)
    .join('、');

/** The lines of the member-work ledgers (党内职务, 学习培训, 服务, 表彰, 捐款) as people read them. */
export function describeWork(s: DemoSummary): string[] {
  const { study, service, honors, donations } = s;
  const planted = study.year === null
    ? '（尚无完整年度）'
    : `（${study.year}年全年在册的党员中，集中学习培训不足32学时的${study.below32}名；书记不足56学时的${study.secretariesBetween}名、学时够但未参加集中培训的${study.secretariesNoTraining}名）`;
  return [
    `党内职务：${parts(s.posts, '名')}`,
    `学习培训：培训班次${study.trainings}个、参训${study.attendance}人次、学习记录${study.records}条${planted}`,
    `服务记录${service.records}条：${parts(service.byKind, '条')}（办实事逾半年仍在办理的${service.longOpen}件）；在职党员到社区报到${service.reports}人次；服务队伍${service.teams}支（成员${service.teamPeople}人次）`,
    `表彰记录${honors.total}条：${parts(honors.byKind, '条')}（已撤销${honors.revoked}条）`,
    `捐款：${donations.campaigns}次活动、${donations.donations}人次、合计${yuan(donations.amountFen)}元`,
  ];
}

/** The lines of the supervision ledgers (清单任务, 巡察整改, 分类定级, 三务公开, 干部, 宣传, 填报数据) as people read them. */
export function describeSupervision(s: DemoSummary['supervision']): string[] {
  return [
    `责任清单${s.lists}份（清单事项${s.listItems}项）；任务${s.tasks}项、进展和督办记录${s.taskEvents}条（逾期未完成${s.tasksOverdue}项、逾期完成${s.tasksLate}项）`,
    `巡察督查${s.inspections}次：${parts(s.inspectionsByKind, '次')}（涉及单位${s.inspectionTargets}个）`,
    `整改问题${s.problems}个：${parts(s.problemsBySource, '个')}；整改流程记录${s.problemEvents}条（逾期未销号${s.problemsOverdue}个、逾期整改${s.problemsLate}个、重新整改${s.problemsReopened}个）`,
    `分类定级${s.ratings - s.starRatings}条：${parts(s.gradesBy, '个')}；星级评定${s.starRatings}条；软弱涣散整顿${s.weakCases}个（已销号${s.weakCasesClosed}个）；命名${s.designations}个：${parts(s.designationsByKind, '个')}`,
    `三务公开：目录事项${s.disclosureItems}项（财务按月公开的村${s.busyVillages}个）、公开记录${s.disclosures}条（期末未按期公开的组织${s.disclosuresBehind}个、提出后未审核${s.disclosuresUnreviewed}条）`,
    `干部工作记录${s.cadreEvents}条：${parts(s.cadreEventsByKind, '条')}`,
    `宣传报道${s.publications}篇：${parts(s.publicationsByLevel, '篇')}；填报数据${s.figureSets}组（${s.figureValues}项）`,
  ];
}
