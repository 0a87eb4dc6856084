/**
 * Study and training hours (学习积分、教育培训) of every member of the demo county, year by year
 * (《中国共产党党员教育管理工作条例》2019; domain-rules "党员教育学时"): most members attend their 冬春训 or 集中轮训 and
 * make up the rest of their 32 concentrated hours a year with a network course (党员教育网络学院) and the branch's
 * 集中学习 (送学上门 for the very old), members who work away mostly online; 书记, 副书记 and 委员 also attend their
 * county class (村（社区）“两委” rotation, the secretaries' class or the 党务工作者 class) and reach 56 hours. Some
 * own study (自学, 读书, a test) that does not count. Points: one per full half hour, at most 8 a member a day
 * (study-points.ts). Planted for the rules, in every year: about 6% of the members on the roll all year below 32
 * hours; among the secretaries on the roll all year, about 4% (at least one) between 32 and 56 hours and about 3%
 * (at least one) with enough hours but no concentrated training. A member on the roll for less than half a year
 * is given a share of the hours. Pure and deterministic: one random stream per member and year.
 */
import { addDays, toIso, type IsoDate } from '../../shared/dates.js';
import { creditPoints, isLeader, pointsFor } from '../study/study-points.js';
import type { DemoFrame } from './demo-types.js';
import { isVillageOrCommunity, LECTURES, topicOn, type TrainingCatalog } from './build-trainings.js';
import { daysBetween, hash32, maxDate, minDate, Rng } from './rng.js';
import type { WorkSubject } from './work-subjects.js';

/** The most one study record of the demo holds: 12 hours (the study service takes at most 24 a record). */
const MAX_RECORD_MINUTES = 720;

export type StudyTier = 'ok' | 'short' | 'between' | 'noTraining';

export interface StudyRow {
  membershipId: number;
  orgCode: string;
  studiedOn: IsoDate;
  kind: string;
  title: string;
  minutes: number;
  points: number;
  source: string | null;
}

export interface AttendanceRow {
  /** Index of the training in the catalog. */
  training: number;
  membershipId: number;
  orgCode: string;
  minutes: number;
  completed: boolean;
}

export interface DemoStudy {
  records: StudyRow[];
  attendance: AttendanceRow[];
  /** Planted in the last complete year (null: none complete): members below 32 hours, secretaries 32–56, secretaries without a concentrated training. */
  below32: number;
  secretariesBetween: number;
  secretariesNoTraining: number;
}

export function emptyStudy(): DemoStudy {
  return { records: [], attendance: [], below32: 0, secretariesBetween: 0, secretariesNoTraining: 0 };
}

const SHORT_SHARE = 0.06;
const BETWEEN_SHARE = 0.04;
const NO_TRAINING_SHARE = 0.03;

/** The last year wholly inside the window, or null. */
export function lastCompleteYear(frame: DemoFrame): number | null {
  const endYear = Number(frame.end.slice(0, 4));
  const y = frame.end.endsWith('-12-31') ? endYear : endYear - 1;
  return y >= frame.fromYear ? y : null;
}

/** On the roll from 1 January to 31 December of `year`. */
export function onRollAllYear(s: Pick<WorkSubject, 'since' | 'leftOn'>, year: number): boolean {
  return s.since <= toIso(year, 1, 1) && (!s.leftOn || s.leftOn > toIso(year, 12, 31));
}

/** The secretaries planted short each year: membership id → tier. */
export function plantSecretaries(frame: DemoFrame, subjects: readonly WorkSubject[]): Map<number, Map<number, StudyTier>> {
  const out = new Map<number, Map<number, StudyTier>>();
  for (let y = frame.fromYear; y <= frame.toYear; y++) {
    const secretaries = subjects.filter((s) => s.post === '书记' && onRollAllYear(s, y));
    const rng = Rng.derive(frame.seed, `study-plant:${y}`);
    const between = secretaries.length < 2 ? 0 : Math.max(1, Math.round(secretaries.length * BETWEEN_SHARE));
    const none = secretaries.length < 2 ? 0 : Math.max(1, Math.round(secretaries.length * NO_TRAINING_SHARE));
    const tiers = new Map<number, StudyTier>();
    rng.sample(secretaries, between + none).forEach((s, i) => tiers.set(s.membershipId, i < between ? 'between' : 'noTraining'));
    out.set(y, tiers);
  }
  return out;
}

const hours = (h: number) => Math.round(h * 2) * 30;

/** One member's study and attendance in every year of the window, appended to `out`. */
export function buildMemberStudy(frame: DemoFrame, catalog: TrainingCatalog, s: WorkSubject, planted: Map<number, Map<number, StudyTier>>, out: DemoStudy): void {
  const complete = lastCompleteYear(frame);
  for (let y = frame.fromYear; y <= frame.toYear; y++) {
    const tier = memberYear(frame, catalog, s, y, planted.get(y)?.get(s.membershipId) ?? null, out);
    if (y !== complete || tier === null) continue;
    if (tier === 'short') out.below32++;
    else if (tier === 'between') out.secretariesBetween++;
    else if (tier === 'noTraining') out.secretariesNoTraining++;
  }
}

function memberYear(frame: DemoFrame, catalog: TrainingCatalog, s: WorkSubject, y: number, planted: StudyTier | null, out: DemoStudy): StudyTier | null {
  const yearStart = toIso(y, 1, 1);
  const yearEnd = toIso(y, 12, 31);
  const from = maxDate(yearStart, s.since);
  const to = minDate(yearEnd, s.leftOn ? addDays(s.leftOn, -1) : yearEnd);
  if (from > to || from > frame.end) return null;
  const limit = minDate(to, frame.end);
  const rng = Rng.derive(frame.seed, `study:${s.idNumber}:${y}`);
  const leader = isLeader(s.post);
  const age = y - Number(s.birthDate.slice(0, 4));
  const share = Math.min(1, (daysBetween(from, to) + 1) / 365);
  const fullYear = onRollAllYear(s, y);
  const drawnShort = rng.chance(SHORT_SHARE);
  const tier: StudyTier = planted ?? (fullYear && !leader && drawnShort ? 'short' : 'ok');

  let target =
    tier === 'short' ? rng.around(22, 6, 8, 30)
    : tier === 'between' ? rng.int(34, 53)
    : tier === 'noTraining' ? rng.around(60, 2, 57, 64)
    : leader ? rng.around(62, 4, 57, 72)
    : rng.around(40, 4, 33, 52);
  if (share < 0.5) target *= share;
  const targetMinutes = hours(target);

  // Classes: the officers' county class first, then the 冬春训 and the rest.
  const attended: AttendanceRow[] = [];
  const attend = (key: string, p: number, mustComplete = false) => {
    const i = catalog.index.get(key);
    if (i === undefined) return;
    const t = catalog.trainings[i]!;
    if (t.startOn < from || t.endOn > limit || !rng.chance(p)) return;
    const completed = mustComplete || rng.chance(0.97);
    const minutes = completed ? t.minutes : Math.round((t.minutes * (0.4 + rng.next() * 0.4)) / 30) * 30;
    attended.push({ training: i, membershipId: s.membershipId, orgCode: s.orgCode, minutes, completed });
  };
  const session = (name: string) => hash32(s.orgCode) % (catalog.sessions.get(name) ?? 1);
  if (tier !== 'noTraining') {
    if (leader && isVillageOrCommunity(s)) attend(`cadres:${y}:${session('cadres')}`, tier === 'ok' ? 1 : 0.9, true);
    else if (s.post === '书记') attend(`secretaries:${y}:${session('secretaries')}`, 1, true);
    else if (leader) attend(`workers:${y}`, 0.9, true);
    if (s.post === '书记' && s.profile === 'village') attend(`revival:${y}`, 0.35);
    const winter = s.isMobile ? 0.1 : age >= 80 ? 0.3 : age >= 70 ? 0.7 : tier === 'short' ? 0.4 : 0.9;
    attend(`winter:${s.topCode}:${y}:${hash32(s.orgCode) % (catalog.sessions.get(`winter:${s.topCode}`) ?? 1)}`, winter);
    if (s.profile === 'village' && age < 65) attend(`rural:${s.topCode}:${y}`, 0.2);
    if (leader && s.post !== '书记') attend(`site:${s.topCode}:${y}`, 0.4);
    if (s.profile === 'office') {
      if (age >= 30 && age <= 45) attend(`newcadres:${y}`, 0.04);
      if (age <= 28) attend(`civil:${y}`, 0.35);
    }
    if (s.profile === 'office' || s.profile === 'institution') attend(`warning:${y}`, 0.5);
    if (['office', 'institution', 'school', 'hospital'].includes(s.profile)) for (let k = 0; k < LECTURES; k++) attend(`lecture:${y}:${k}`, 0.06);
  }
  let attendedMinutes = attended.reduce((a, r) => a + r.minutes, 0);
  // A member planted short skipped the classes that would have brought him up to the hours.
  while (tier !== 'ok' && attendedMinutes > targetMinutes && attended.length > 0) attendedMinutes -= attended.pop()!.minutes;
  out.attendance.push(...attended);

  // The rest of the concentrated hours: a network course, the branch's 集中学习, a 专题讲座.
  const credited = new Map<IsoDate, number>();
  const write = (kind: string, minutes: number, title: string, source: string | null, on: IsoDate) => {
    if (on > limit) return;
    const { credited: points } = creditPoints(pointsFor(minutes), credited.get(on) ?? 0);
    credited.set(on, (credited.get(on) ?? 0) + points);
    out.records.push({ membershipId: s.membershipId, orgCode: s.orgCode, studiedOn: on, kind, title, minutes, points, source });
  };
  // A course longer than a day's study (MAX_RECORD_MINUTES) is recorded day by day, as the platforms certify it.
  const record = (kind: string, minutes: number, title: string, source: string | null, on: IsoDate = rng.dateBetween(from, to)) => {
    const days = Math.ceil(minutes / MAX_RECORD_MINUTES);
    let day = maxDate(from, minDate(on, addDays(to, -(days - 1))));
    for (let left = minutes; left > 0; left -= MAX_RECORD_MINUTES, day = addDays(day, 1)) {
      write(kind, Math.min(left, MAX_RECORD_MINUTES), title, source, day);
    }
  };
  const cadre = ['office', 'institution', 'school', 'hospital'].includes(s.profile);
  let rest = targetMinutes - attendedMinutes;
  let network = 0;
  for (let n = 0; rest > 0; n++) {
    const on = rng.dateBetween(from, to);
    const online = (network === 0 && rng.chance(0.8)) || (s.isMobile && rng.chance(0.8)) || (tier === 'noTraining' && network < 3);
    let minutes = online ? rng.pick(network === 0 ? [960, 1200, 1440] : [720, 960, 1200]) : rng.chance(0.9) ? rng.pick([360, 480]) : rng.pick([120, 150, 180]);
    // No crumbs: what would be left after this record goes into it.
    minutes = n >= 6 || rest - minutes < 180 ? Math.max(60, Math.ceil(rest / 30) * 30) : minutes;
    rest -= minutes;
    if (online) {
      network++;
      const source = rng.chance(0.1) ? '学习强国' : cadre ? '干部网络学院' : '党员教育网络学院';
      record('网络培训', minutes, `${y}年度党员网络专题培训：${topicOn(rng, on)}`, source, on);
    } else if (minutes >= 180 || age >= 80) {
      const home = age >= 80 && rng.chance(0.7);
      record('集中学习', minutes, `${home ? '送学上门' : '支部集中学习'}：${topicOn(rng, on)}`, home ? '送学上门' : '支部组织', on);
    } else {
      record('专题讲座', minutes, `专题讲座：${topicOn(rng, on)}`, rng.pick(['县委党校', '乡镇（街道）党校', '支部组织']), on);
    }
  }
  // Own study that is not 集中学习培训.
  if (rng.chance(0.08)) record('自学', rng.pick([120, 180, 240, 360]), `自学：${rng.pick(['《习近平谈治国理政》', '《中国共产党章程》', '《中国共产党纪律处分条例》', '《中国共产党简史》'])}`, null);
  if (rng.chance(0.02)) record('读书', rng.pick([120, 240]), `读书：${rng.pick(['《之江新语》', '《习近平的七年知青岁月》', '《红岩》', '《平凡的世界》'])}`, null);
  if (rng.chance(0.12)) record('考试测试', 60, `${y}年度全县党员应知应会知识测试`, '以考促学', rng.dateBetween(maxDate(from, toIso(y, 11, 1)), maxDate(maxDate(from, toIso(y, 11, 1)), to)));
  return fullYear ? tier : null;
}
