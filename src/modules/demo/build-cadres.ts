/**
 * Cadre events, the publicity ledger and the hand-entered figure sets of the demo county. Cadres: adjustments and
 * promotions in two batches a year (some promoted from the front line: township offices), rank promotions, the
 * recruitment of 公务员, 选调生 and 事业单位 staff in the summer, the villages' reserve cadres (村级后备干部), young
 * cadres entered in the pool, 驻村第一书记 sent to villages, reminder talks (提醒谈话), a few 诫勉 and the year's
 * 考核评优. Publicity: pieces in the central, provincial, city and county media and the county's own new-media
 * accounts, by form. Figure sets: the 县纪委监委's half-yearly aggregates (catalog ids of source_record
 * discipline_case_aggregate) and the 县统计局's yearly economic figures, entered by a named person. Pure and
 * deterministic.
 */
import { catalogEntry } from '../../indicators/catalog.js';
import { addDays, toIso, type IsoDate } from '../../shared/dates.js';
import type { OrgPlan } from './demo-types.js';
import { personName } from './names.js';
import type { Planned, SupervisionScope } from './supervision-scope.js';
import { unitName } from './supervision-scope.js';
import { Rng } from './rng.js';
import type { WorkSubject } from './work-subjects.js';

export type CadreEventPlan = Planned<'cadre_events'>;
export type PublicationPlan = Planned<'publications'>;
export type FigureSetPlan = Planned<'figure_sets'>;
export type FigureValuePlan = Planned<'figure_values', 'set_id'> & { set: number };

export interface DemoCadres {
  events: CadreEventPlan[];
  publications: PublicationPlan[];
  sets: FigureSetPlan[];
  values: FigureValuePlan[];
}

const EDUCATION = ['大学本科', '大学本科', '大学本科', '研究生', '大学专科'];
const THEMES = ['主题教育', '基层党建', '乡村振兴', '人才工作', '党员教育', '共同富裕', '基层治理', '清廉建设'];
const HEADLINES = [
  '以高质量党建引领乡村全面振兴', '“红色引擎”激活基层治理新动能', '党员先锋队奋战防汛一线', '村党组织书记擂台比武晒实绩', '“共富工坊”让群众家门口就业',
  '扎实推进软弱涣散基层党组织整顿', '年轻干部到基层一线“墩苗”成长', '党建联建助推强村富民', '“三会一课”开出新气象', '小网格撬动基层大治理',
];

/** The discipline commission's figures entered (catalog ids of source_record discipline_case_aggregate). */
export const DISCIPLINE_FIGURE_IDS: readonly string[] = [
  'clues_received', 'clues_disposed', 'cases_filed', 'cases_concluded', 'disciplinary_sanctions_persons', 'sanctions_warning', 'sanctions_serious_warning',
  'sanctions_removal_from_post', 'sanctions_probation_within_party', 'sanctions_expulsion', 'four_forms_total', 'four_forms_1_count', 'four_forms_2_count',
  'four_forms_3_count', 'four_forms_4_count', 'four_forms_1_share', 'four_forms_2_share', 'four_forms_3_share', 'four_forms_4_share', 'detention_liuzhi_persons',
  'integrity_interviews', 'integrity_interviews_persons', 'exposure_batches', 'exposure_persons', 'inspection_cases_filed',
];
/** The unit of a catalog id, as the catalog gives it. */
const unitOf = (id: string): string => {
  const entry = catalogEntry(id);
  if (!entry) throw new Error(`indicator ${id} is not in the catalog`);
  return entry.unit;
};
export const ECONOMY_FIGURE_IDS: readonly string[] = ['fixed_asset_investment', 'fixed_asset_investment_yoy', 'above_scale_industrial_output', 'above_scale_industrial_output_yoy'];

export function buildCadres(scope: SupervisionScope, subjects: readonly WorkSubject[]): DemoCadres {
  const { frame, county, tops, villages, departments, byCode } = scope;
  const out: DemoCadres = { events: [], publications: [], sets: [], values: [] };
  const end = frame.end;
  const f = frame.members / 25_000;
  const n = (x: number) => Math.max(1, Math.round(x * f));
  const onRoll = (list: readonly WorkSubject[], on: IsoDate) => list.filter((s) => s.since <= on && (!s.leftOn || s.leftOn > on) && s.occupation !== '离退休人员');
  const officers = subjects.filter((s) => s.profile === 'office' || s.profile === 'institution');
  const leaders = officers.filter((s) => s.post);
  /** The members of each village organization's subtree. */
  const villageRoll = new Map<string, WorkSubject[]>();
  for (const v of villages) villageRoll.set(v.code, [...scope.roll].filter(([code]) => code === v.code || code.startsWith(`${v.code}.`)).flatMap(([, list]) => list));
  const frontline = (s: WorkSubject) => {
    const top = byCode.get(s.topCode);
    return top?.sector === '农村' || top?.sector === '社区';
  };
  const ofMember = (s: WorkSubject, e: Omit<CadreEventPlan, 'orgCode' | 'membership_id' | 'person_name' | 'birth_year' | 'frontline' | 'education'> & { frontline?: number }) =>
    out.events.push({ orgCode: s.orgCode, membership_id: s.membershipId, person_name: s.name, birth_year: Number(s.birthDate.slice(0, 4)), education: null, frontline: 0, ...e });
  const byName = (rng: Rng, o: OrgPlan, e: Omit<CadreEventPlan, 'orgCode' | 'membership_id' | 'person_name' | 'birth_year' | 'frontline' | 'education'>, born: [number, number]) => {
    const birth = rng.int(born[0], born[1]);
    out.events.push({ orgCode: o.code, membership_id: null, person_name: personName(rng, rng.chance(0.45) ? '女' : '男', birth, o.lineage), birth_year: birth, education: rng.pick(EDUCATION), frontline: 0, ...e });
  };
  const towns = tops.filter((t) => t.kind === 'town' || t.kind === 'street').map((t) => t.org);
  const units = [...towns, ...departments];

  for (let y = frame.fromYear; y <= frame.toYear; y++) {
    const rng = Rng.derive(frame.seed, `cadres:${y}`);
    // Adjustments and promotions, in batches.
    for (const [b, month] of [[1, 3], [2, 8]] as const) {
      const on = toIso(y, month, rng.int(10, 28));
      if (on > end) continue;
      const batch = `${y}年第${b}批干部调整`;
      const pool = onRoll(officers, on);
      for (const s of rng.sample(pool, n(rng.int(18, 30)))) {
        const promoted = rng.chance(0.35);
        ofMember(s, {
          kind: promoted ? '提拔' : '调整', subkind: rng.pick(promoted ? ['中层干部', '乡镇干部', '县管干部'] : ['中层干部', '乡镇干部', '县管干部']), happened_on: on, batch,
          frontline: promoted && (frontline(s) || rng.chance(0.2)) ? 1 : 0, note: null,
        });
      }
    }
    const rank = toIso(y, 6, rng.int(10, 25));
    if (rank <= end) for (const s of rng.sample(onRoll(officers, rank), n(12))) ofMember(s, { kind: '职级晋升', subkind: '公务员职级', happened_on: rank, batch: `${y}年公务员职级晋升`, note: null });
    // Recruitment in the summer.
    const hired = toIso(y, 8, rng.int(20, 31));
    if (hired <= end) {
      for (let i = n(8); i > 0; i--) byName(rng, rng.pick(units), { kind: '招录', subkind: '公务员', happened_on: hired, batch: `${y}年度公务员考试录用`, note: null }, [y - 30, y - 22]);
      for (let i = Math.max(1, Math.round(3 * Math.sqrt(f))); i > 0; i--) byName(rng, rng.pick(towns), { kind: '招录', subkind: '选调生', happened_on: hired, batch: `${y}年度选调生`, note: '分配到乡镇工作' }, [y - 27, y - 22]);
      for (let i = n(10); i > 0; i--) byName(rng, rng.pick(units), { kind: '招录', subkind: '事业单位', happened_on: addDays(hired, 10), batch: `${y}年度事业单位公开招聘`, note: null }, [y - 32, y - 22]);
    }
    // The villages' reserve cadres (most entered in the first year), young cadres, 第一书记.
    const reserve = toIso(y, 4, rng.int(10, 28));
    if (reserve <= end) {
      for (const v of villages) {
        const locals = onRoll(villageRoll.get(v.code) ?? [], reserve).filter((s) => y - Number(s.birthDate.slice(0, 4)) < 40 && !s.post);
        const count = y === frame.fromYear ? rng.int(1, 2) : rng.chance(0.3) ? 1 : 0;
        for (let i = 0; i < count; i++) {
          if (locals.length > 0 && rng.chance(0.7)) ofMember(rng.pick(locals), { kind: '后备干部', subkind: '村级后备干部', happened_on: reserve, batch: `${y}年村级后备干部`, note: null });
          else byName(rng, v, { kind: '后备干部', subkind: '村级后备干部', happened_on: reserve, batch: `${y}年村级后备干部`, note: '致富能手、退役军人或回乡大学生' }, [y - 38, y - 22]);
        }
      }
      for (const s of rng.sample(onRoll(officers, reserve).filter((x) => y - Number(x.birthDate.slice(0, 4)) < 35), n(10))) {
        ofMember(s, { kind: '年轻干部入库', subkind: '优秀年轻干部', happened_on: reserve, batch: `${y}年优秀年轻干部库`, note: null });
      }
    }
    const sent = toIso(y, 3, rng.int(1, 20));
    if (sent <= end) {
      for (const s of rng.sample(onRoll(leaders, sent), n(5))) {
        const v = rng.pick(villages);
        ofMember(s, { kind: '选派', subkind: '驻村第一书记', happened_on: sent, batch: `${y}年选派驻村第一书记`, note: `选派到${unitName(v, frame.county.name)}任第一书记` });
      }
    }
    // Talks through the year, a few 诫勉, the year's assessment.
    for (let i = n(20); i > 0; i--) {
      const on = rng.dateBetween(toIso(y, 1, 1), toIso(y, 12, 31));
      if (on > end) continue;
      const pool = onRoll(leaders, on);
      if (pool.length > 0) ofMember(rng.pick(pool), { kind: '提醒谈话', subkind: '干部监督提醒谈话', happened_on: on, batch: null, note: rng.pick(['履职不到位', '工作作风不实', '群众反映问题', '巡察发现问题']) });
    }
    for (let i = rng.int(1, 3); i > 0; i--) {
      const on = rng.dateBetween(toIso(y, 3, 1), toIso(y, 11, 30));
      if (on > end) continue;
      const pool = onRoll(leaders, on);
      if (pool.length > 0) ofMember(rng.pick(pool), { kind: '诫勉', subkind: '诫勉谈话', happened_on: on, batch: null, note: '违反中央八项规定精神' });
    }
    const assessed = toIso(y, 1, rng.int(20, 31));
    if (assessed <= end) for (const s of rng.sample(onRoll(officers, assessed), n(30))) ofMember(s, { kind: '考核评优', subkind: '年度考核优秀', happened_on: assessed, batch: `${y - 1}年度考核`, note: null });
  }

  // Publicity: by medium level, over the year.
  const county6 = frame.county.name;
  const MEDIA: readonly (readonly [level: string, names: readonly string[], perYear: number])[] = [
    ['中央', ['人民日报', '新华网', '共产党员网', '光明网'], 3], ['省级', ['浙江日报', '浙江新闻客户端', '浙江卫视', '浙江组工'], 20], ['市（州）级', ['杭州日报', '杭州网', '杭州电视台'], 50],
    ['县级', [`${county6}新闻`, `${county6}融媒体中心`, `${county6}广播电视台`], 120], ['其他主流', ['学习强国'], 12], ['自有平台', [`“${county6}组工”微信公众号`, `“${county6}组工”视频号`], 220],
  ];
  const sources = [county, ...tops.map((t) => t.org)];
  for (let y = frame.fromYear; y <= frame.toYear; y++) {
    const rng = Rng.derive(frame.seed, `publications:${y}`);
    for (const [level, names, perYear] of MEDIA) {
      for (let i = Math.round(perYear * Math.sqrt(f) * (0.85 + rng.next() * 0.3)); i > 0; i--) {
        const on = rng.dateBetween(toIso(y, 1, 1), toIso(y, 12, 31));
        if (on > end) continue;
        const medium = rng.pick(names);
        const form = medium.includes('视频号') || medium.includes('电视') ? rng.pick(['视频', '微视频']) : level === '县级' && rng.chance(0.15) ? '广播' : rng.chance(0.12) ? '微视频' : rng.chance(0.03) ? '直播' : '图文';
        const from = rng.chance(0.6) ? county : rng.pick(sources);
        out.publications.push({
          orgCode: from.code, title: `${from === county ? county6 : unitName(from, county6)}：${rng.pick(HEADLINES)}`, medium_level: level, medium_name: medium, form,
          original: rng.chance(0.9) ? 1 : 0, theme: rng.pick(THEMES), published_on: on,
        });
      }
    }
  }

  // Figure sets: the discipline commission half-yearly, the statistics bureau yearly.
  const disciplineClerk = personName(Rng.derive(frame.seed, 'clerk:discipline'), '女', 1988);
  const statsClerk = personName(Rng.derive(frame.seed, 'clerk:stats'), '男', 1985);
  for (let y = frame.fromYear - 1; y <= frame.toYear; y++) {
    for (const half of [1, 2] as const) {
      const entered = half === 1 ? toIso(y, 7, 12) : toIso(y + 1, 1, 15);
      if (entered > end || entered < frame.start) continue;
      const rng = Rng.derive(frame.seed, `figures:discipline:${y}H${half}`);
      const set = out.sets.length;
      out.sets.push({
        orgCode: county.code, period_label: `${y}H${half}`, period_start: toIso(y, half === 1 ? 1 : 7, 1), period_end: toIso(y, half === 1 ? 6 : 12, 30 + (half === 2 ? 1 : 0)),
        source_department: `${county6}纪委监委`, entered_by: disciplineClerk, entered_on: entered, note: '据县纪委监委案件管理室报送数据录入',
      });
      const filed = n(rng.int(25, 45));
      const sanctions = Math.max(1, Math.round(filed * (0.8 + rng.next() * 0.3)));
      const split = [0.5, 0.25, 0.12, 0.08].map((s) => Math.round(sanctions * s));
      split.push(Math.max(0, sanctions - split.reduce((a, b) => a + b, 0)));
      const forms = [n(rng.int(120, 180)), n(rng.int(25, 45)), n(rng.int(4, 9)), n(rng.int(2, 6))];
      const formsTotal = forms.reduce((a, b) => a + b, 0);
      const interviews = n(rng.int(20, 40));
      const values: Record<string, number> = {
        clues_received: n(rng.int(110, 170)), clues_disposed: n(rng.int(100, 160)), cases_filed: filed, cases_concluded: Math.max(1, filed - rng.int(0, 5)),
        disciplinary_sanctions_persons: sanctions, sanctions_warning: split[0]!, sanctions_serious_warning: split[1]!, sanctions_removal_from_post: split[2]!,
        sanctions_probation_within_party: split[3]!, sanctions_expulsion: split[4]!, four_forms_total: formsTotal,
        four_forms_1_count: forms[0]!, four_forms_2_count: forms[1]!, four_forms_3_count: forms[2]!, four_forms_4_count: forms[3]!,
        four_forms_1_share: Math.round((forms[0]! / formsTotal) * 1000) / 10, four_forms_2_share: Math.round((forms[1]! / formsTotal) * 1000) / 10,
        four_forms_3_share: Math.round((forms[2]! / formsTotal) * 1000) / 10, four_forms_4_share: Math.round((forms[3]! / formsTotal) * 1000) / 10,
        detention_liuzhi_persons: rng.int(0, 3), integrity_interviews: interviews, integrity_interviews_persons: interviews + rng.int(0, 15), exposure_batches: rng.int(1, 3),
        exposure_persons: rng.int(3, 12), inspection_cases_filed: rng.int(1, 6),
      };
      for (const id of DISCIPLINE_FIGURE_IDS) out.values.push({ orgCode: county.code, set, indicator_id: id, value: values[id]!, unit: unitOf(id), note: null });
    }
    const entered = toIso(y + 1, 2, 20);
    if (entered > end || entered < frame.start) continue;
    const rng = Rng.derive(frame.seed, `figures:stats:${y}`);
    const set = out.sets.length;
    out.sets.push({ orgCode: county.code, period_label: String(y), period_start: toIso(y, 1, 1), period_end: toIso(y, 12, 31), source_department: `${county6}统计局`, entered_by: statsClerk, entered_on: entered, note: '年度统计快报数' });
    const round1 = (x: number) => Math.round(x * 10) / 10;
    const economy: Record<string, number> = {
      fixed_asset_investment: round1(95 * f * (0.9 + rng.next() * 0.2)), fixed_asset_investment_yoy: round1(2 + rng.next() * 8),
      above_scale_industrial_output: round1(240 * f * (0.9 + rng.next() * 0.2)), above_scale_industrial_output_yoy: round1(3 + rng.next() * 9),
    };
    for (const id of ECONOMY_FIGURE_IDS) out.values.push({ orgCode: county.code, set, indicator_id: id, value: economy[id]!, unit: unitOf(id), note: null });
  }
  return out;
}
