/**
 * Service records of the demo county (服务记录): each branch's 志愿服务 activities (hours, people served) and some of
 * its members' own volunteer hours, 我为群众办实事 items (most done, some 办理中, about 3% of those older than half
 * a year still open: planted for the rules), 社情民意 gathered and 矛盾纠纷 mediated (villages and communities:
 * 邻里纠纷, 劳资纠纷, 集访 …); the in-service members of 机关 and 事业单位 reporting to a community (在职党员到社区报到:
 * a 社区 organization of the county where they live, a few to one outside it; the unit's level, 县级 or 乡镇（街道）级);
 * volunteer teams with members and volunteers from the public by name, a few 党员先锋岗 and 党员突击队 (one set up
 * for a flood season and dissolved after it). Pure and deterministic: one random stream per branch and year.
 */
import { addDays, ageOn, toIso, type IsoDate } from '../../shared/dates.js';
import type { NewCommunityReport, NewServiceRecord, NewServiceTeam } from '../service/insert-service-bulk.js';
import type { DemoFrame, OrgPlan } from './demo-types.js';
import { shortName, topKindOf } from './build-trainings.js';
import { COMMUNITY_WORDS } from './places.js';
import { personName } from './names.js';
import { daysBetween, hash32, maxDate, minDate, Rng } from './rng.js';
import type { WorkSubject } from './work-subjects.js';

export type ServicePlan = Omit<NewServiceRecord, 'orgId'> & { orgCode: string };
export type ReportPlan = Omit<NewCommunityReport, 'orgId' | 'communityOrgId'> & { orgCode: string; communityCode: string | null };
export type TeamPlan = Omit<NewServiceTeam, 'orgId'> & {
  orgCode: string;
  people: { membershipId: number | null; name: string | null; joinedOn: IsoDate; leftOn: IsoDate | null }[];
};

export interface DemoService {
  records: ServicePlan[];
  reports: ReportPlan[];
  teams: TeamPlan[];
  /** 办实事 items still 办理中 more than six months after they were taken up (planted). */
  longOpen: number;
}

const VOLUNTEER: Record<'rural' | 'urban' | 'unit', readonly string[]> = {
  rural: ['人居环境整治志愿服务', '走访慰问困难党员和留守老人', '农忙时节帮扶志愿服务', '森林防火巡查', '防汛防台隐患排查', '垃圾分类宣传', '义务植树', '文化礼堂宣讲'],
  urban: ['社区环境卫生整治', '文明城市创建志愿服务', '关爱独居老人上门服务', '反诈宣传进小区', '垃圾分类督导', '义诊进社区', '四点半课堂', '消防安全检查'],
  unit: ['结对帮扶村走访', '文明交通劝导', '无偿献血', '“双报到”社区志愿服务', '助学结对帮扶', '政策宣传进村入户', '义务植树', '爱心义卖'],
};
const PRACTICAL: Record<'rural' | 'urban' | 'unit', readonly string[]> = {
  rural: ['修缮村道路灯', '建设村级养老服务站', '整修农田灌溉水渠', '解决自然村饮水问题', '建设村文化礼堂', '改造村内危旧桥梁', '开设村级电商服务点', '增设村公交候车亭'],
  urban: ['老旧小区加装电梯', '增设小区电动车充电桩', '改造小区雨污管网', '开设社区老年食堂', '整治背街小巷', '增设口袋公园', '解决小区停车难', '开设托育服务点'],
  unit: ['优化政务服务“一窗受理”', '开通便民服务热线', '推行“最多跑一次”', '开展送医下乡', '开设课后延时服务', '帮扶企业解决用工难题', '开展送技术下乡', '简化审批流程'],
};
const OPINIONS = ['群众反映村道路灯损坏', '群众反映农贸市场环境差', '居民反映小区噪音扰民', '群众建议增设公交线路', '群众反映灌溉用水紧张', '群众建议增设健身设施', '群众反映医保报销手续繁琐', '群众反映学校周边交通拥堵'];
const DISPUTES: readonly (readonly [string, number])[] = [
  ['邻里纠纷', 30], ['婚姻家庭纠纷', 12], ['土地纠纷', 14], ['山林水利纠纷', 7], ['劳资纠纷', 10], ['集访', 4], ['征地拆迁纠纷', 5], ['物业纠纷', 8], ['其他', 5],
];
const DISPUTE_TITLES: Record<string, string> = {
  邻里纠纷: '宅基地边界及排水引发邻里纠纷', 婚姻家庭纠纷: '赡养老人引发家庭纠纷', 土地纠纷: '承包地流转费用纠纷', 山林水利纠纷: '山林界址纠纷',
  劳资纠纷: '务工人员讨要拖欠工资', 集访: '群众集体反映征收补偿问题', 征地拆迁纠纷: '征地补偿分配纠纷', 物业纠纷: '业主与物业公司费用纠纷', 其他: '噪音扰民纠纷',
};

const kindOfBranch = (o: OrgPlan): 'rural' | 'urban' | 'unit' => (o.profile === 'village' ? 'rural' : o.profile === 'community' ? 'urban' : 'unit');

/** 已办结 or 办理中 for an item taken up on `on`: recent ones are often still open, old ones seldom (planted). */
function settle(rng: Rng, frame: DemoFrame, on: IsoDate, maxDays: number): { status: string; doneOn: IsoDate | null; longOpen: boolean } {
  const age = daysBetween(on, frame.end);
  const pDone = age > 180 ? 0.97 : age > 60 ? 0.85 : 0.45;
  if (rng.chance(pDone)) {
    const doneOn = minDate(frame.end, addDays(on, rng.int(1, Math.max(1, Math.min(maxDays, age)))));
    return { status: '已办结', doneOn, longOpen: false };
  }
  return { status: '办理中', doneOn: null, longOpen: age > 180 };
}

export function buildService(frame: DemoFrame, orgs: readonly OrgPlan[], subjects: readonly WorkSubject[]): DemoService {
  const out: DemoService = { records: [], reports: [], teams: [], longOpen: 0 };
  const byBranch = new Map<string, WorkSubject[]>();
  for (const s of subjects) byBranch.set(s.orgCode, [...(byBranch.get(s.orgCode) ?? []), s]);
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const activeOn = (list: readonly WorkSubject[], on: IsoDate) => list.filter((s) => s.since <= on && (!s.leftOn || s.leftOn > on));

  for (const o of orgs) {
    const roll = byBranch.get(o.code);
    if (!roll || !o.profile) continue;
    const kind = kindOfBranch(o);
    const local = kind !== 'unit';
    for (let y = frame.fromYear; y <= frame.toYear; y++) {
      const rng = Rng.derive(frame.seed, `service:${o.code}:${y}`);
      const first = maxDate(toIso(y, 1, 1), maxDate(o.establishedOn, frame.start));
      const last = minDate(toIso(y, 12, 31), frame.end);
      if (first > last) continue;
      const day = () => rng.dateBetween(first, last);
      const push = (r: Omit<ServicePlan, 'orgCode' | 'category' | 'minutes' | 'beneficiaries' | 'note'> & Partial<ServicePlan>) =>
        out.records.push({ orgCode: o.code, category: null, minutes: null, beneficiaries: null, note: null, ...r });
      const officer = (on: IsoDate) => {
        const here = activeOn(roll, on);
        const leaders = here.filter((s) => s.post);
        return (leaders.length > 0 && rng.chance(0.7) ? rng.pick(leaders) : here.length > 0 ? rng.pick(here) : null)?.membershipId ?? null;
      };

      for (let i = 0, n = local ? rng.int(4, 8) : rng.int(2, 5); i < n; i++) {
        const on = day();
        const here = activeOn(roll, on).length;
        if (here === 0) continue;
        push({
          membershipId: null, kind: '志愿服务', title: rng.pick(VOLUNTEER[kind]), happenedOn: on, status: '已办结', doneOn: on, minutes: rng.pick([120, 180, 240]),
          beneficiaries: rng.int(1, 20) * 10, note: `参加党员${Math.max(1, Math.round(here * (0.3 + rng.next() * 0.5)))}名`,
        });
      }
      // Members' own volunteer hours.
      for (const s of roll) {
        if (!rng.chance(0.12)) continue;
        for (let k = rng.int(1, 2); k > 0; k--) {
          const on = rng.dateBetween(maxDate(first, s.since), last);
          if (on < s.since || (s.leftOn && on >= s.leftOn) || on > last) continue;
          push({ membershipId: s.membershipId, kind: '志愿服务', title: rng.pick(VOLUNTEER[kind]), happenedOn: on, status: '已办结', doneOn: on, minutes: rng.int(2, 8) * 60, beneficiaries: rng.int(1, 30) });
        }
      }
      for (let i = 0, n = rng.int(1, 4); i < n; i++) {
        const on = day();
        const who = officer(on);
        const st = settle(rng, frame, on, 120);
        if (st.longOpen) out.longOpen++;
        push({ membershipId: rng.chance(0.6) ? who : null, kind: '办实事', title: rng.pick(PRACTICAL[kind]), happenedOn: on, status: st.status, doneOn: st.doneOn, beneficiaries: rng.int(2, 60) * 10 });
      }
      for (let i = 0, n = local ? rng.int(1, 4) : rng.int(0, 2); i < n; i++) {
        const on = day();
        const who = officer(on);
        if (who === null) continue;
        const st = settle(rng, frame, on, 30);
        push({ membershipId: who, kind: '社情民意', title: rng.pick(OPINIONS), happenedOn: on, status: st.status, doneOn: st.doneOn, note: st.doneOn ? '已反馈' : null });
      }
      if (local) {
        for (let i = 0, n = rng.int(1, 5); i < n; i++) {
          const on = day();
          let category = rng.weighted(DISPUTES);
          if (category === '物业纠纷' && kind === 'rural') category = '邻里纠纷';
          const st = settle(rng, frame, on, 45);
          push({ membershipId: officer(on), kind: '矛盾纠纷化解', category, title: DISPUTE_TITLES[category]!, happenedOn: on, status: st.status, doneOn: st.doneOn, note: st.doneOn ? '调解成功' : null });
        }
      }
    }
  }

  // 在职党员到社区报到: communities of the county (the 社区 organization itself, not its 网格 branches).
  const communities = orgs.filter((o) => {
    if (o.sector !== '社区' || o.kind === '党工委' || o.kind === '党小组') return false;
    const parent = o.parentCode ? byCode.get(o.parentCode) : undefined;
    return !(parent && parent.sector === '社区' && parent.kind !== '党工委');
  });
  const unitLevel = (s: WorkSubject) => {
    const top = byCode.get(s.topCode);
    const branch = byCode.get(s.orgCode)!;
    return (top && (topKindOf(top) === 'town' || topKindOf(top) === 'street')) || /[镇乡](中心小学|初级中学|卫生院)/.test(branch.name) ? '乡镇（街道）级' : '县级';
  };
  for (const s of subjects) {
    if (!['office', 'institution', 'school', 'hospital'].includes(s.profile) || s.occupation === '离退休人员') continue;
    const rng = Rng.derive(frame.seed, `report:${s.idNumber}`);
    if (!rng.chance(0.75)) continue;
    const from = maxDate(s.since, frame.start);
    const reportedOn = rng.dateBetween(from, minDate(frame.end, addDays(from, 300)));
    if (reportedOn > frame.end || (s.leftOn && reportedOn >= s.leftOn) || ageOn(s.birthDate, reportedOn) >= 60) continue;
    const inTree = communities.length > 0 && rng.chance(0.9);
    const community = inTree ? communities[hash32(s.idNumber) % communities.length]! : null;
    out.reports.push({
      orgCode: s.orgCode, membershipId: s.membershipId, communityCode: community?.code ?? null,
      communityName: community ? community.name : `杭州市${rng.pick(['西湖区', '拱墅区', '上城区', '滨江区'])}${rng.pick(COMMUNITY_WORDS)}社区`,
      unitLevel: unitLevel(s), reportedOn, endedOn: s.leftOn && s.leftOn > reportedOn ? s.leftOn : null, note: null,
    });
  }

  buildTeams(frame, orgs, byBranch, out);
  return out;
}

function buildTeams(frame: DemoFrame, orgs: readonly OrgPlan[], byBranch: Map<string, WorkSubject[]>, out: DemoService): void {
  const rng = Rng.derive(frame.seed, 'service-teams');
  const people = (list: readonly WorkSubject[], n: number, establishedOn: IsoDate, dissolvedOn: IsoDate | null = null): TeamPlan['people'] =>
    rng.sample(list.filter((s) => !s.leftOn || s.leftOn > establishedOn), n).map((s) => {
      const joinedOn = maxDate(establishedOn, s.since);
      const left = s.leftOn && s.leftOn > joinedOn ? s.leftOn : null;
      const leftOn = dissolvedOn && (!left || left > dissolvedOn) ? dissolvedOn : left;
      return { membershipId: s.membershipId, name: null, joinedOn: minDate(joinedOn, frame.end), leftOn: leftOn && leftOn <= frame.end ? leftOn : null };
    }).filter((p) => !p.leftOn || p.leftOn > p.joinedOn);
  const publicVolunteers = (n: number, establishedOn: IsoDate, surname?: string): TeamPlan['people'] =>
    Array.from({ length: n }, () => ({ membershipId: null, name: personName(rng, rng.chance(0.5) ? '女' : '男', rng.int(1955, 2002), surname), joinedOn: establishedOn, leftOn: null }));
  const add = (org: OrgPlan, kind: string, name: string, establishedOn: IsoDate, p: TeamPlan['people'], dissolvedOn: IsoDate | null = null, note: string | null = null) => {
    if (p.length === 0) return;
    out.teams.push({ orgCode: org.code, kind, name, establishedOn, dissolvedOn, note, people: p });
  };
  const since = (o: OrgPlan) => maxDate(o.establishedOn, rng.dateBetween(addDays(frame.start, -1500), addDays(frame.end, -60)));
  const inSubtree = (code: string) => [...byBranch].filter(([c]) => c === code || c.startsWith(`${code}.`)).flatMap(([, l]) => l);

  for (const o of orgs) {
    const roll = byBranch.get(o.code);
    if (roll && (o.profile === 'village' || o.profile === 'community') && rng.chance(0.35)) {
      const on = minDate(since(o), frame.end);
      add(o, '志愿服务队', `${shortName(o)}党员志愿服务队`, on, [...people(roll, rng.int(5, 12), on), ...publicVolunteers(rng.int(0, 5), on, o.lineage)]);
    } else if (roll && (o.profile === 'office' || o.profile === 'hospital') && rng.chance(0.08)) {
      const on = minDate(since(o), frame.end);
      const post = o.profile === 'hospital' ? rng.pick(['急诊科', '发热门诊', '住院部', '护理部']) : rng.pick(['政务服务窗口', '便民服务中心', '执法一线', '信访接待窗口']);
      add(o, '党员先锋岗', `${shortName(o).replace(/支部$/, '')}${post}党员先锋岗`, on, people(roll, rng.int(1, 3), on));
    }
    if (o.parentCode !== 'C') continue;
    const top = topKindOf(o);
    if (top === 'town' || top === 'street') {
      const on = minDate(since(o), frame.end);
      add(o, '志愿服务队', `${shortName(o)}党员志愿服务总队`, on, people(inSubtree(o.code), rng.int(10, 20), on));
      if (top === 'town' && rng.chance(0.3)) add(o, '党员突击队', `${shortName(o)}防汛防台党员突击队`, on, people(inSubtree(o.code), rng.int(10, 20), on));
    } else if (top === 'soe') {
      const on = minDate(since(o), frame.end);
      add(o, '党员突击队', `${shortName(o)}重点项目建设党员突击队`, on, people(inSubtree(o.code), rng.int(10, 20), on));
    }
  }
  const county = orgs[0]!;
  const all = [...byBranch.values()].flat();
  const on = minDate(since(county), frame.end);
  add(county, '志愿服务队', `${frame.county.name}“红色先锋”党员志愿服务总队`, on, [...people(all, 20, on), ...publicVolunteers(rng.int(3, 8), on)]);
  // A commando team for one flood season, dissolved when it ended.
  const season = toIso(frame.fromYear, 6, rng.int(1, 20));
  const over = toIso(frame.fromYear, 10, rng.int(8, 20));
  if (over <= frame.end) add(county, '党员突击队', `${frame.county.name}${frame.fromYear}年主汛期抢险党员突击队`, season, people(all, 15, season, over), over, '主汛期结束后撤销');
}
