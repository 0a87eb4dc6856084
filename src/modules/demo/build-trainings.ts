/**
 * The demo county's training classes (教育培训), year by year (《中国共产党党员教育管理工作条例》2019; domain-rules
 * "党员教育学时"): each 乡镇党委, 街道党工委 and 系统党委 holds its 党员冬春训 or 集中轮训 early in the year (schools in the
 * summer holidays), a 现场教学 at a red-education site, 理论宣讲 sessions for the public (head counts, no roster) and
 * the training of its 入党积极分子和发展对象; the county committee rotates the 村（社区）“两委”成员, trains the other
 * branch secretaries and the 党务工作者, holds a 乡村振兴 class for village secretaries, a 新任干部 class, the
 * 初任培训 of newly recruited 公务员, a 警示教育 meeting, the monthly-ish “大讲堂” and a 以考促学 test. Pure and
 * deterministic: each class has its own random stream; classes after the end date are not held yet.
 */
import { addDays, toIso, type IsoDate } from '../../shared/dates.js';
import type { NewTraining } from '../study/insert-study-bulk.js';
import type { DemoFrame, DevelopmentPlan, OrgPlan } from './demo-types.js';
import { workday } from './attendance.js';
import { Rng } from './rng.js';
import { topCodeOf, type WorkSubject } from './work-subjects.js';

export type TrainingPlan = Omit<NewTraining, 'orgId'> & { orgCode: string };

/** Members per session of a big class (期). */
const WINTER_SESSION = 300;
const CADRE_SESSION = 100;
const SECRETARY_SESSION = 120;
/** “大讲堂” lectures a year. */
export const LECTURES = 6;

/** What the organization directly under the county committee is, which decides its classes. */
export type TopKind = 'town' | 'street' | 'offices' | 'schools' | 'health' | 'soe' | 'twoNew';

export function topKindOf(top: OrgPlan): TopKind | null {
  if (top.kind === '临时党支部') return null;
  switch (top.sector) {
    case '农村':
      return 'town';
    case '社区':
      return 'street';
    case '学校':
      return 'schools';
    case '事业单位':
      return 'health';
    case '国有企业':
      return 'soe';
    case '非公有制企业':
    case '社会组织':
      return 'twoNew';
    default:
      return 'offices';
  }
}

/** "中共云溪县城关镇委员会" → "云溪县城关镇". */
export function shortName(org: Pick<OrgPlan, 'name'>): string {
  return org.name.replace(/^中共/, '').replace(/(工作)?委员会$/, '').replace(/总?支部$/, '');
}

interface Topic {
  text: string;
  from?: IsoDate;
  to?: IsoDate;
}

export const STUDY_TOPICS: readonly Topic[] = [
  { text: '习近平新时代中国特色社会主义思想' },
  { text: '学习《中国共产党章程》' },
  { text: '学习《中国共产党纪律处分条例》' },
  { text: '党史学习教育', from: '2021-02-20', to: '2021-12-31' },
  { text: '学习贯彻党的二十大精神', from: '2022-10-23' },
  { text: '学习贯彻习近平新时代中国特色社会主义思想主题教育', from: '2023-04-03', to: '2024-01-31' },
  { text: '党纪学习教育', from: '2024-04-08', to: '2024-07-31' },
  { text: '学习贯彻党的二十届三中全会精神', from: '2024-07-19' },
  { text: '深入贯彻中央八项规定精神学习教育', from: '2025-03-20', to: '2025-07-31' },
  { text: '学习贯彻党的二十届四中全会精神', from: '2025-10-24' },
  { text: '坚持和发展新时代“枫桥经验”' },
  { text: '乡村振兴政策解读' },
  { text: '安全生产和应急管理' },
];

/** A topic current on `on` (campaigns only while they ran, events only after they happened). */
export function topicOn(rng: Rng, on: IsoDate): string {
  const open = STUDY_TOPICS.filter((t) => (!t.from || t.from <= on) && (!t.to || on <= t.to));
  return rng.pick(open).text;
}

export interface TrainingCatalog {
  trainings: TrainingPlan[];
  /** Key → index in `trainings`, for the classes members attend (rostered ones). */
  index: Map<string, number>;
  /** Sessions (期) of each split class: `winter:<top>`, `cadres`, `secretaries`. */
  sessions: Map<string, number>;
}

/** Whom a branch's officers are trained with: 村（社区）“两委” rotation, or the other secretaries and 党务工作者. */
export function isVillageOrCommunity(s: Pick<WorkSubject, 'profile'>): boolean {
  return s.profile === 'village' || s.profile === 'community';
}

export function buildTrainingCatalog(frame: DemoFrame, orgs: readonly OrgPlan[], subjects: readonly WorkSubject[], development: readonly DevelopmentPlan[]): TrainingCatalog {
  const trainings: TrainingPlan[] = [];
  const index = new Map<string, number>();
  const sessions = new Map<string, number>();
  const county = frame.county.name;
  const tops = orgs.filter((o) => o.parentCode === 'C' && topKindOf(o) !== null);
  const perTop = new Map<string, number>();
  let cadres = 0;
  let secretaries = 0;
  for (const s of subjects) {
    perTop.set(s.topCode, (perTop.get(s.topCode) ?? 0) + 1);
    if (s.post && isVillageOrCommunity(s)) cadres++;
    else if (s.post === '书记') secretaries++;
  }
  for (const t of tops) sessions.set(`winter:${t.code}`, Math.max(1, Math.ceil((perTop.get(t.code) ?? 0) / WINTER_SESSION)));
  sessions.set('cadres', Math.max(1, Math.ceil(cadres / CADRE_SESSION)));
  sessions.set('secretaries', Math.max(1, Math.ceil(secretaries / SECRETARY_SESSION)));
  const activists = new Map<string, number>();
  for (const d of development) {
    const on = d.dates.trainingStartOn;
    if (on) activists.set(`${topCodeOf(d.orgCode)}:${on.slice(0, 4)}`, (activists.get(`${topCodeOf(d.orgCode)}:${on.slice(0, 4)}`) ?? 0) + 1);
  }

  const add = (key: string | null, organizer: OrgPlan | null, t: Omit<TrainingPlan, 'orgCode' | 'endOn' | 'note' | 'subject' | 'audienceCount' | 'concentrated'> & { days: number; subject?: string; audienceCount?: number; concentrated?: boolean; note?: string }) => {
    const endOn = addDays(t.startOn, t.days - 1);
    if (t.startOn < frame.start || endOn > frame.end) return;
    if (organizer && t.startOn < organizer.establishedOn) return;
    if (key) index.set(key, trainings.length);
    trainings.push({
      orgCode: organizer?.code ?? 'C', title: t.title, kind: t.kind, level: t.level, audience: t.audience, subject: t.subject ?? null, startOn: t.startOn, endOn,
      minutes: t.minutes, concentrated: t.concentrated ?? true, audienceCount: t.audienceCount ?? null, note: t.note ?? null,
    });
  };
  const seriesNo = (n: number, s: number) => (n > 1 ? `（第${s + 1}期）` : '');

  for (let y = frame.fromYear; y <= frame.toYear; y++) {
    for (const top of tops) {
      const kind = topKindOf(top)!;
      const rng = Rng.derive(frame.seed, `trainings:${top.code}:${y}`);
      const name = shortName(top);
      const level = kind === 'town' || kind === 'street' ? '乡镇（街道）级' : '县级';
      // 冬春训 / 集中轮训: a few days, in sessions of a few hundred; schools in the summer holidays.
      const n = sessions.get(`winter:${top.code}`)!;
      const [month, title, minutes] = {
        town: [1, `${y}年${name}农村党员冬春训`, rng.pick([1440, 1920])],
        street: [1, `${y}年${name}党员冬春训`, rng.pick([1440, 1920])],
        offices: [3, `${y}年${name}党员集中轮训`, rng.pick([1440, 1920])],
        schools: [7, `${y}年${name}党员暑期集中培训`, rng.pick([1440, 1920])],
        health: [4, `${y}年${name}党员集中培训`, rng.pick([1440, 1920])],
        soe: [5, `${y}年${name}党员集中轮训`, rng.pick([1440, 1920])],
        twoNew: [6, `${y}年${name}党员集中培训`, rng.pick([1440, 1920])],
      }[kind] as [number, string, number];
      for (let s = 0; s < n; s++) {
        const startOn = addDays(toIso(y, month, 6), s * 9 + rng.int(0, 4));
        add(`winter:${top.code}:${y}:${s}`, top, { title: `${title}班${seriesNo(n, s)}`, kind: '培训班', level, audience: '全体党员', startOn, days: minutes / 480, minutes });
      }
      if (kind === 'town') {
        const startOn = workday(rng, y, rng.pick([3, 4, 10, 11]));
        add(`rural:${top.code}:${y}`, top, { title: `${y}年${name}农村党员乡村振兴实用技术培训班`, kind: '培训班', level, audience: '全体党员', subject: '乡村振兴', startOn, days: 1, minutes: 360 });
      }
      add(`site:${top.code}:${y}`, top, {
        title: `${name}党员赴${rng.pick(['浙西南革命根据地纪念馆', '嘉兴南湖革命纪念馆', '余村“两山”理念发源地', '县革命历史纪念馆', '“千万工程”示范村'])}现场教学`,
        kind: '现场教学', level, audience: '党务工作者', startOn: workday(rng, y, rng.int(4, 10)), days: 1, minutes: 360,
      });
      const trainees = activists.get(`${top.code}:${y}`) ?? 0;
      if (trainees > 0) {
        add(null, top, {
          title: `${y}年${name}入党积极分子和发展对象培训班`, kind: '培训班', level, audience: '入党积极分子和发展对象', startOn: workday(rng, y, rng.int(4, 6)), days: 3, minutes: 1440,
          audienceCount: trainees, note: '发展对象短期集中培训（《发展党员工作细则》第十七条），参训人员见发展党员记录',
        });
      }
      for (let k = 0, times = rng.int(2, 4); k < times; k++) {
        const startOn = workday(rng, y, rng.int(2, 12));
        const topic = topicOn(rng, startOn).replace(/^学习(贯彻)?/, '');
        add(null, top, {
          title: `${topic}宣讲进${rng.pick(['农村文化礼堂', '社区', '企业', '田间地头', '学校'])}`, kind: '理论宣讲', level, audience: '群众', startOn, days: 1, minutes: 90,
          concentrated: false, audienceCount: rng.int(4, 30) * 10,
        });
      }
    }

    // County classes (县委组织部, 县委党校).
    const rng = Rng.derive(frame.seed, `trainings:C:${y}`);
    const county0 = orgs[0]!;
    const nc = sessions.get('cadres')!;
    for (let s = 0; s < nc; s++) {
      const startOn = workday(rng, y, 3 + ((s * 2) % 9));
      const minutes = rng.pick([1440, 1920]);
      add(`cadres:${y}:${s}`, county0, { title: `${y}年全县村（社区）“两委”成员轮训班${seriesNo(nc, s)}`, kind: '培训班', level: '县级', audience: '村（社区）“两委”成员', startOn, days: minutes / 480, minutes });
    }
    const ns = sessions.get('secretaries')!;
    for (let s = 0; s < ns; s++) {
      add(`secretaries:${y}:${s}`, county0, { title: `${y}年全县基层党组织书记培训班${seriesNo(ns, s)}`, kind: '培训班', level: '县级', audience: '基层党组织书记', startOn: workday(rng, y, 4 + ((s * 3) % 8)), days: 3, minutes: 1440 });
    }
    add(`workers:${y}`, county0, { title: `${y}年全县党务工作者业务培训班`, kind: '培训班', level: '县级', audience: '党务工作者', startOn: workday(rng, y, rng.int(5, 9)), days: 2, minutes: 960 });
    add(`revival:${y}`, county0, {
      title: `${y}年全县村党组织书记乡村振兴专题培训班`, kind: '培训班', level: '县级', audience: '村（社区）党组织书记', subject: '乡村振兴', startOn: workday(rng, y, rng.int(6, 9)), days: 2, minutes: 960,
    });
    add(`newcadres:${y}`, county0, { title: `${y}年新任科级领导干部任职培训班`, kind: '培训班', level: '县级', audience: '新任干部', startOn: workday(rng, y, rng.int(5, 10)), days: 5, minutes: 2400 });
    add(`civil:${y}`, county0, { title: `${y}年新录用公务员初任培训班`, kind: '初任培训', level: '县级', audience: '公务员', startOn: workday(rng, y, rng.int(8, 10)), days: 5, minutes: 2400 });
    add(`warning:${y}`, county0, { title: `${y}年全县警示教育大会`, kind: '警示教育', level: '县级', audience: '机关干部', startOn: workday(rng, y, rng.int(3, 6)), days: 1, minutes: 180 });
    for (let k = 0; k < LECTURES; k++) {
      const startOn = workday(rng, y, 2 + k * 2 - (k > 2 ? 1 : 0));
      add(`lecture:${y}:${k}`, county0, { title: `“${county}大讲堂”${y}年第${k + 1}讲：${topicOn(rng, startOn)}`, kind: '大讲堂', level: '县级', audience: '机关干部', startOn, days: 1, minutes: 150 });
    }
    const talk = workday(rng, y, rng.int(3, 11));
    add(null, county0, {
      title: `${topicOn(rng, talk).replace(/^学习(贯彻)?/, '')}专题讲座`, kind: '专题讲座', level: '县级', audience: '党务工作者', startOn: talk, days: 1, minutes: 180,
      audienceCount: rng.int(15, 40) * 10, note: '县委党校主讲，各基层党组织书记和党务工作者参加',
    });
    add(null, county0, {
      title: `${y}年度全县党员应知应会知识测试`, kind: '以考促学', level: '县级', audience: '全体党员', startOn: workday(rng, y, 11, 1, 20), days: 1, minutes: 90, concentrated: false,
      audienceCount: Math.round(subjects.length * (0.5 + rng.next() * 0.2)),
    });
  }
  return { trainings, index, sessions };
}
