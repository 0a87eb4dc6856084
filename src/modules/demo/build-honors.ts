/**
 * Honors (表彰、命名、推荐、选树、评选) and voluntary donations (自愿捐款) of the demo county. Every year around 七一 the
 * county committee commends about 0.6% of the members as 优秀共产党员, some officers as 优秀党务工作者 and about 2% of
 * the branches as 先进基层党组织, and each 乡镇党委 and 街道党工委 its own (together about 1% of the members, as the
 * national 2023 figures: 69.3万 of 9918.5万, party-statistics.md §3d); the city (市（州）级) and the province (省级)
 * honor one or two, the county nominates (推荐) a few for higher honors, 最美家庭 households are chosen (选树), 机关
 * units name a 季度“党员之星” (评选), and one honor was revoked. Donations: a flood-relief appeal in the first year and
 * the 慈善一日捐 in the last, to which 60–80% of the members give (no "特殊党费" beyond those the Central Committee
 * calls for: 中组发〔2008〕3号第十四条). Pure and deterministic.
 */
import { addDays, addMonths, toIso, type IsoDate } from '../../shared/dates.js';
import type { NewDonation } from '../donations/insert-donations-bulk.js';
import type { NewHonor } from '../honors/insert-honors-bulk.js';
import type { DemoFrame, OrgPlan } from './demo-types.js';
import { topKindOf } from './build-trainings.js';
import { minDate, Rng } from './rng.js';
import type { WorkSubject } from './work-subjects.js';

export type HonorPlan = Omit<NewHonor, 'orgId' | 'recipientOrgId'> & { orgCode: string; recipientOrgCode: string | null };
export type DonationPlan = Omit<NewDonation, 'orgId'> & { orgCode: string };

const CITY = '中共杭州市委员会';
const PROVINCE = '中共浙江省委员会';

export function buildHonors(frame: DemoFrame, orgs: readonly OrgPlan[], subjects: readonly WorkSubject[]): HonorPlan[] {
  const out: HonorPlan[] = [];
  const rng = Rng.derive(frame.seed, 'honors');
  const county = orgs[0]!;
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const withMembers = new Set(subjects.map((s) => s.orgCode));
  const branches = orgs.filter((o) => withMembers.has(o.code));
  const fullOn = (list: readonly WorkSubject[], on: IsoDate) => list.filter((s) => s.fullFrom && s.fullFrom <= on && s.since <= on && (!s.leftOn || s.leftOn > on));
  const person = (s: WorkSubject, h: Omit<HonorPlan, 'orgCode' | 'recipientKind' | 'membershipId' | 'recipientOrgCode' | 'recipientName' | 'revokedOn' | 'note'> & { note?: string }) =>
    out.push({ orgCode: s.orgCode, recipientKind: '个人', membershipId: s.membershipId, recipientOrgCode: null, recipientName: s.name, revokedOn: null, note: null, ...h });
  const group = (o: OrgPlan, h: Omit<HonorPlan, 'orgCode' | 'recipientKind' | 'membershipId' | 'recipientOrgCode' | 'recipientName' | 'revokedOn' | 'note'>) =>
    out.push({ orgCode: o.code, recipientKind: '集体', membershipId: null, recipientOrgCode: o.code, recipientName: o.name, revokedOn: null, note: null, ...h });
  const countyBy = county.name;
  const tops = orgs.filter((o) => o.parentCode === 'C' && (topKindOf(o) === 'town' || topKindOf(o) === 'street'));
  const officeBranches = branches.filter((o) => o.profile === 'office');
  const offices = officeBranches.slice(0, Math.max(1, Math.min(8, Math.round(officeBranches.length * 0.05))));
  let revoked = false;

  for (let y = frame.fromYear; y <= frame.toYear; y++) {
    const july = toIso(y, 6, rng.int(26, 30));
    if (july >= frame.start && july <= frame.end) {
      const eligible = fullOn(subjects, july);
      const officers = eligible.filter((s) => s.post);
      const picked = rng.sample(eligible, Math.max(1, Math.round(eligible.length * 0.006)));
      for (const s of picked) person(s, { kind: '表彰', title: '优秀共产党员', level: '县级', awardedBy: countyBy, awardedOn: july });
      for (const s of rng.sample(officers, Math.max(1, Math.round(eligible.length * 0.0015)))) {
        person(s, { kind: '表彰', title: '优秀党务工作者', level: '县级', awardedBy: countyBy, awardedOn: july });
      }
      for (const o of rng.sample(branches, Math.max(1, Math.round(branches.length * 0.02)))) group(o, { kind: '表彰', title: '先进基层党组织', level: '县级', awardedBy: countyBy, awardedOn: july });
      // Each 乡镇党委 and 街道党工委 commends its own a few days earlier.
      for (const top of tops) {
        const on = addDays(july, -rng.int(1, 5));
        const here = fullOn(subjects.filter((s) => s.topCode === top.code), on);
        for (const s of rng.sample(here, Math.round(here.length * 0.004))) person(s, { kind: '表彰', title: '优秀共产党员', level: '乡镇（街道）级', awardedBy: top.name, awardedOn: on });
        const own = branches.filter((b) => b.code.startsWith(`${top.code}.`));
        for (const o of rng.sample(own, rng.int(0, Math.min(2, Math.ceil(own.length / 10))))) group(o, { kind: '表彰', title: '先进基层党组织', level: '乡镇（街道）级', awardedBy: top.name, awardedOn: on });
      }
      // Higher levels: the city every year, the province now and then; the county's nominations.
      const cityOn = addDays(july, -rng.int(3, 10));
      for (const s of rng.sample(eligible, rng.int(1, 2))) person(s, { kind: '表彰', title: '优秀共产党员', level: '市（州）级', awardedBy: CITY, awardedOn: cityOn });
      if (officers.length > 0) person(rng.pick(officers), { kind: '表彰', title: '优秀党务工作者', level: '市（州）级', awardedBy: CITY, awardedOn: cityOn });
      group(rng.pick(branches), { kind: '表彰', title: '先进基层党组织', level: '市（州）级', awardedBy: CITY, awardedOn: cityOn });
      if (y === frame.fromYear || rng.chance(0.4)) person(rng.pick(eligible), { kind: '表彰', title: '优秀共产党员', level: '省级', awardedBy: PROVINCE, awardedOn: addDays(july, -rng.int(5, 15)) });
      const nominateOn = addMonths(july, -2);
      if (nominateOn >= frame.start) {
        for (const s of rng.sample(fullOn(subjects, nominateOn), rng.int(2, 3))) {
          person(s, { kind: '推荐', title: '浙江省优秀共产党员', level: '省级', awardedBy: countyBy, awardedOn: nominateOn, note: '县委推荐人选，待省委审定' });
        }
        group(rng.pick(branches), { kind: '推荐', title: '杭州市先进基层党组织', level: '市（州）级', awardedBy: countyBy, awardedOn: nominateOn });
      }
      // One county 优秀共产党员 whose title was later revoked.
      if (!revoked && picked.length > 0) {
        const revokedOn = minDate(frame.end, addMonths(july, rng.int(3, 6)));
        const honor = out.find((h) => h.membershipId === picked[0]!.membershipId && h.level === '县级' && h.awardedOn === july)!;
        honor.revokedOn = revokedOn;
        honor.note = '因受党内警告处分，撤销其“优秀共产党员”称号';
        revoked = true;
      }
    }
    // 选树 最美家庭 in the villages and communities, in May (家庭日).
    const may = toIso(y, 5, rng.int(10, 20));
    if (may >= frame.start && may <= frame.end) {
      const local = fullOn(subjects, may).filter((s) => s.profile === 'village' || s.profile === 'community');
      for (const s of rng.sample(local, Math.max(1, Math.round(subjects.length * 0.0008)))) {
        out.push({
          orgCode: s.orgCode, kind: '选树', recipientKind: '家庭', membershipId: null, recipientOrgCode: null, recipientName: `${s.name}家庭`, title: `${y}年度“最美家庭”`,
          level: '县级', awardedBy: `${county.name.replace(/^中共|委员会$/g, '')}妇女联合会`, awardedOn: may, revokedOn: null, note: null,
        });
      }
    }
    // 季度“党员之星” in some 机关 units, named after each quarter.
    for (let q = 1; q <= 4; q++) {
      const on = addDays(toIso(y, q * 3, 1), rng.int(35, 45));
      if (on < frame.start || on > frame.end) continue;
      for (const o of offices) {
        const here = fullOn(subjects.filter((s) => s.orgCode === o.code), on);
        if (here.length === 0) continue;
        const unit = o.parentCode && byCode.get(o.parentCode)!.parentCode !== 'C' ? byCode.get(o.parentCode)! : o;
        person(rng.pick(here), { kind: '评选', title: `${y}年第${'一二三四'[q - 1]}季度“党员之星”`, level: '本单位', awardedBy: unit.name, awardedOn: on });
      }
    }
  }
  return out;
}

/** Fen by what the member lives on: salaries, pensions, farmers and others. */
function amount(rng: Rng, s: WorkSubject): number {
  if (rng.chance(0.004)) return rng.pick([1000, 2000]) * 100;
  const yuan =
    s.occupation === '离退休人员' ? rng.pick([50, 100, 100, 200, 200, 300, 500])
    : s.occupation === '农牧渔民' || s.occupation === '其他职业人员' || s.occupation === '学生' ? rng.pick([20, 30, 50, 50, 100, 100, 200])
    : rng.pick([100, 200, 200, 300, 500, 500, 1000]);
  return (s.post ? Math.round(yuan * 1.5) : yuan) * 100;
}

export interface Campaign {
  name: string;
  from: IsoDate;
  to: IsoDate;
}

export function campaigns(frame: DemoFrame): Campaign[] {
  const list: Campaign[] = [{ name: `${frame.fromYear}年防汛救灾党员自愿捐款`, from: toIso(frame.fromYear, 7, 8), to: toIso(frame.fromYear, 7, 31) }];
  if (frame.toYear > frame.fromYear) list.push({ name: `${frame.toYear}年“慈善一日捐”党员捐款`, from: toIso(frame.toYear, 6, 15), to: toIso(frame.toYear, 6, 30) });
  return list.filter((c) => c.from >= frame.start && c.from <= frame.end);
}

/** One member's donations, appended to `out`. */
export function buildMemberDonations(frame: DemoFrame, list: readonly Campaign[], s: WorkSubject, out: DonationPlan[]): void {
  for (const c of list) {
    const rng = Rng.derive(frame.seed, `donation:${c.name}:${s.idNumber}`);
    const on = rng.dateBetween(c.from, minDate(c.to, frame.end));
    if (s.since > on || (s.leftOn && s.leftOn <= on)) continue;
    const age = Number(on.slice(0, 4)) - Number(s.birthDate.slice(0, 4));
    if (!rng.chance(s.isMobile ? 0.35 : age >= 85 ? 0.4 : 0.74)) continue;
    out.push({ orgCode: s.orgCode, membershipId: s.membershipId, campaign: c.name, donatedOn: on, amountFen: amount(rng, s), note: null });
  }
}
