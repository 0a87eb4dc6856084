/**
 * Inspections and the rectification ledger of the demo county (巡察, 督查 → 整改台账): two county 巡察 rounds a year,
 * each over two or three townships with their villages and a few county departments (clues handed to the discipline
 * body and notices issued, as counts); a 专项督查 and a 监督检查 a year, an 调研督导, and a quarterly 抽查 of the
 * 三会一课 records of a sample of branches. Problems come from them and from the branches' 查摆 and 组织生活会, the
 * townships' 述职评议 and the county leaders' 党建联系点, each with its category, measures, owner and deadline, and a
 * valid workflow in problem_events (登记 → 制定措施 → 报告进展 → 提请验收 → 验收通过 → 销号; some 验收不通过 loops,
 * one 重新整改). About 8% of the problems whose deadline has passed are still open at the end (planted), some were
 * rectified late. Pure and deterministic.
 */
import { addDays, addMonths, toIso, type IsoDate } from '../../shared/dates.js';
import type { OrgPlan } from './demo-types.js';
import type { Planned, SupervisionScope } from './supervision-scope.js';
import { unitName } from './supervision-scope.js';
import { daysBetween, maxDate, minDate, Rng } from './rng.js';

export type InspectionPlan = Planned<'inspections'>;
export type TargetPlan = Planned<'inspection_targets', 'inspection_id' | 'target_org_id'> & { inspection: number; targetCode: string | null };
export type ProblemPlan = Planned<'problems', 'inspection_id'> & { inspection: number | null };
export type ProblemEventPlan = Planned<'problem_events', 'problem_id'> & { problem: number };

export interface DemoInspections {
  inspections: InspectionPlan[];
  targets: TargetPlan[];
  problems: ProblemPlan[];
  events: ProblemEventPlan[];
  /** Problems not 已销号 whose deadline has passed at the end (planted). */
  overdue: number;
  /** Problems submitted for acceptance (提请验收) after their deadline. */
  late: number;
  reopened: number;
}

const DESCRIPTIONS: Record<string, readonly string[]> = {
  四风: ['存在文山会海现象，发文开会数量未明显下降', '公务接待管理不规范，部分接待无公函', '督查检查考核过多过频，基层负担较重', '公车使用登记不规范'],
  组织建设: ['村（社区）党组织班子成员分工不明确', '党员教育管理不严格，流动党员联系不经常', '支部委员会议事规则执行不到位', '基层党组织阵地建设不规范'],
  党员发展: ['发展党员程序不规范，个别材料填写不完整', '入党积极分子培养考察记录不连续', '发展党员结构不优，青年农民发展偏少'],
  三会一课: ['“三会一课”记录不完整，部分会议未按期召开', '党课内容针对性不强，以读文件代替党课', '组织生活会批评与自我批评辣味不足', '主题党日活动形式单一'],
  党费: ['党费收缴不及时，个别党员欠交党费', '党费交纳基数核定不准确'],
  廉洁自律: ['村级小微权力运行监督不到位', '集体资产资源发包程序不规范', '工程项目招投标管理不严格'],
  意识形态: ['意识形态工作责任制落实不到位，专题研究不够', '网络阵地管理不严格'],
  政治建设: ['理论学习中心组学习不深入，学用结合不紧', '“第一议题”制度执行不到位'],
  基层治理: ['村务公开不及时、内容不全面', '矛盾纠纷排查化解机制不健全'],
  作风建设: ['服务群众意识不强，办事效率不高', '调查研究不深入，解决实际问题不够'],
};
const MEASURES = ['召开专题会议研究整改', '建立健全相关制度', '组织专题学习培训', '开展全面自查清理', '建立问题清单和整改台账', '加强日常监督检查', '补齐完善相关资料', '约谈提醒相关责任人'];
const TOPICS = ['“三会一课”制度落实情况', '党费收缴使用管理情况', '发展党员工作', '村（社区）“两委”换届后续工作', '软弱涣散基层党组织整顿'];

interface Source {
  source: string;
  inspection: number | null;
  orgCode: string;
  foundOn: IsoDate;
  months: number;
  categories: readonly string[];
  acceptor: string;
  note?: string;
}

export function buildInspections(scope: SupervisionScope): DemoInspections {
  const { frame, county, tops, villages, departments, branches } = scope;
  const out: DemoInspections = { inspections: [], targets: [], problems: [], events: [], overdue: 0, late: 0, reopened: 0 };
  const end = frame.end;
  const towns = tops.filter((t) => t.kind === 'town' || t.kind === 'street').map((t) => t.org);
  const villagesOf = (code: string) => villages.filter((v) => v.parentCode === code);
  const countyName = frame.county.name;
  const sources: Source[] = [];
  let round = 0;
  let reopenedOne = false;

  const inspection = (i: Omit<InspectionPlan, 'note' | 'round_no' | 'clues_transferred' | 'notices_issued'> & Partial<InspectionPlan>, targets: readonly OrgPlan[]) => {
    const index = out.inspections.length;
    out.inspections.push({ round_no: null, clues_transferred: null, notices_issued: null, note: null, ...i });
    for (const t of targets) {
      const kind = t.parentCode === county.code ? (t.sector === '农村' || t.sector === '社区' ? '乡镇（街道）' : '县直部门') : t.sector === '社区' ? '社区' : t.sector === '农村' ? '村' : '县直部门';
      out.targets.push({ orgCode: i.orgCode, inspection: index, targetCode: t.code, unit_name: unitName(t, countyName), unit_kind: kind });
    }
    return index;
  };

  for (let y = frame.fromYear; y <= frame.toYear; y++) {
    const rng = Rng.derive(frame.seed, `inspections:${y}`);
    // 巡察: spring and autumn rounds; feedback about a month after the round.
    for (const [from, to] of [[3, 5], [9, 10]] as const) {
      const start = toIso(y, from, rng.int(8, 20));
      const finish = toIso(y, to, rng.int(20, 30));
      if (start > end) continue;
      round++;
      const townsHere = rng.sample(towns, Math.min(towns.length, rng.int(2, 3)));
      const deptsHere = rng.sample(departments, Math.min(departments.length, rng.int(2, 3)));
      const targets = [...townsHere, ...townsHere.flatMap((t) => villagesOf(t.code)), ...deptsHere];
      const feedback = addDays(finish, rng.int(25, 40));
      const fed = feedback <= end;
      const index = inspection({
        orgCode: county.code, kind: '巡察', title: `县委第${round}轮巡察`, round_no: round, start_on: start, end_on: minDate(finish, end),
        clues_transferred: fed ? rng.int(1, 4) : null, notices_issued: fed ? rng.int(townsHere.length + deptsHere.length, (townsHere.length + deptsHere.length) * 2) : null,
        note: fed ? `${feedback}反馈巡察意见` : '巡察进行中或尚未反馈',
      }, targets);
      if (!fed) continue;
      for (const t of townsHere) {
        for (let k = rng.int(5, 9); k > 0; k--) sources.push({ source: '巡察', inspection: index, orgCode: t.code, foundOn: feedback, months: 3, categories: ['组织建设', '四风', '廉洁自律', '意识形态', '政治建设', '党员发展'], acceptor: '县委巡察办' });
        for (const v of villagesOf(t.code)) if (rng.chance(0.3)) for (let k = rng.int(1, 2); k > 0; k--) sources.push({ source: '巡察', inspection: index, orgCode: v.code, foundOn: feedback, months: 3, categories: ['三会一课', '廉洁自律', '基层治理', '党费'], acceptor: scope.leaderOf(t.code) });
      }
      for (const d of deptsHere) for (let k = rng.int(3, 6); k > 0; k--) sources.push({ source: '巡察', inspection: index, orgCode: d.code, foundOn: feedback, months: 3, categories: ['四风', '政治建设', '意识形态', '作风建设'], acceptor: '县委巡察办' });
    }
    // 专项督查 by the organization department, 监督检查 by the discipline commission, 调研督导.
    const special = toIso(y, rng.int(4, 7), rng.int(5, 25));
    if (special <= end) {
      const here = rng.sample(towns, Math.min(towns.length, rng.int(3, 5)));
      const topic = rng.pick(TOPICS);
      const finish = minDate(end, addDays(special, rng.int(10, 20)));
      const index = inspection({ orgCode: county.code, kind: '专项督查', title: `${y}年${topic}专项督查`, start_on: special, end_on: finish, notices_issued: rng.int(1, 3) }, here);
      for (const t of here) for (const v of rng.sample(villagesOf(t.code), 2)) sources.push({ source: '专项督查', inspection: index, orgCode: v.code, foundOn: finish, months: 2, categories: ['三会一课', '党费', '党员发展', '组织建设'], acceptor: scope.leaderOf(t.code) });
    }
    const check = toIso(y, rng.int(6, 11), rng.int(5, 25));
    if (check <= end) {
      const here = rng.sample(departments, Math.min(departments.length, rng.int(3, 5)));
      const finish = minDate(end, addDays(check, rng.int(5, 15)));
      const index = inspection({ orgCode: county.code, kind: '监督检查', title: `${y}年落实中央八项规定精神监督检查`, start_on: check, end_on: finish, clues_transferred: rng.int(0, 2), notices_issued: rng.int(1, 2) }, here);
      for (const d of here) if (rng.chance(0.6)) sources.push({ source: '监督检查', inspection: index, orgCode: d.code, foundOn: finish, months: 2, categories: ['四风', '廉洁自律'], acceptor: '县纪委监委' });
    }
    const survey = toIso(y, rng.int(3, 10), rng.int(5, 25));
    if (survey <= end) {
      const here = rng.sample(towns, Math.min(towns.length, 2));
      const finish = minDate(end, addDays(survey, rng.int(2, 6)));
      const index = inspection({ orgCode: county.code, kind: '调研督导', title: `${y}年基层党建重点任务调研督导`, start_on: survey, end_on: finish }, here);
      for (const t of here) sources.push({ source: '调研督导', inspection: index, orgCode: t.code, foundOn: finish, months: 2, categories: ['组织建设', '基层治理'], acceptor: '县委组织部' });
    }
    // 抽查 of the 三会一课 records each quarter.
    for (let q = 1; q <= 4; q++) {
      const on = toIso(y, q * 3, rng.int(10, 25));
      if (on > end) continue;
      const sample = rng.sample(branches, Math.max(5, Math.round(branches.length * 0.03)));
      inspection({ orgCode: county.code, kind: '抽查', title: `${y}年第${'一二三四'[q - 1]}季度“三会一课”记录抽查`, start_on: on, end_on: addDays(on, 3) <= end ? addDays(on, 3) : on }, sample);
      for (const b of sample) if (rng.chance(0.3)) sources.push({ source: '其他', inspection: null, orgCode: b.code, foundOn: minDate(end, addDays(on, 5)), months: 1, categories: ['三会一课'], acceptor: '县委组织部', note: `${y}年第${'一二三四'[q - 1]}季度“三会一课”记录抽查发现` });
    }
    // 组织生活会 and 查摆 early in the year; townships' 述职评议 in January; the county leaders' 党建联系点.
    const meeting = toIso(y, rng.int(1, 2), rng.int(10, 28));
    if (meeting <= end) {
      for (const b of branches) {
        if (b.establishedOn > meeting) continue;
        if (rng.chance(0.08)) sources.push({ source: '组织生活会', inspection: null, orgCode: b.code, foundOn: meeting, months: 3, categories: ['三会一课', '作风建设', '组织建设'], acceptor: scope.leaderOf(b.parentCode ?? county.code) });
        else if (rng.chance(0.04)) sources.push({ source: '查摆', inspection: null, orgCode: b.code, foundOn: meeting, months: 3, categories: ['作风建设', '党员发展', '党费'], acceptor: scope.leaderOf(b.parentCode ?? county.code) });
      }
      const report = toIso(y, 1, rng.int(15, 28));
      for (const t of towns) for (let k = rng.int(2, 3); k > 0; k--) sources.push({ source: '述职评议', inspection: null, orgCode: t.code, foundOn: report, months: 6, categories: ['组织建设', '党员发展', '基层治理'], acceptor: '县委组织部' });
    }
    for (const v of rng.sample(villages, Math.min(villages.length, 6))) {
      const on = toIso(y, rng.int(4, 10), rng.int(1, 28));
      if (on <= end) sources.push({ source: '党建联系点', inspection: null, orgCode: v.code, foundOn: on, months: 3, categories: ['组织建设', '基层治理'], acceptor: scope.countyLeader(rng.int(0, 8)) });
    }
  }

  for (const [i, s] of sources.entries()) {
    const rng = Rng.derive(frame.seed, `problem:${i}:${s.orgCode}`);
    const category = rng.pick(s.categories);
    const owner = scope.leaderOf(s.orgCode, s.foundOn);
    const deadline = addMonths(s.foundOn, s.months);
    const measures = rng.sample(MEASURES, rng.int(2, 4));
    const problem = out.problems.length;
    const steps: [action: string, from: string | null, to: string, on: IsoDate, note: string | null][] = [];
    let on = s.foundOn;
    const step = (action: string, from: string | null, to: string, days: [number, number], note: string | null = null) => {
      on = addDays(on, rng.int(days[0], days[1]));
      steps.push([action, from, to, on, note]);
    };
    steps.push(['登记', null, '待整改', s.foundOn, `${s.source}发现问题`]);
    const span = daysBetween(s.foundOn, deadline);
    const planted = deadline < end && rng.chance(0.08);
    const late = !planted && deadline < end && rng.chance(0.06);
    step('制定措施', '待整改', '整改中', [1, Math.max(2, Math.round(span / 10))], measures.join('；'));
    step('报告进展', '整改中', '整改中', [5, Math.max(6, Math.round(span / 4))], '按措施推进整改');
    if (rng.chance(0.5)) step('报告进展', '整改中', '整改中', [5, Math.max(6, Math.round(span / 4))], '整改取得阶段性成效');
    if (late) on = maxDate(on, addDays(deadline, rng.int(5, 30)));
    else on = minDate(maxDate(on, addDays(deadline, -rng.int(5, 25))), addDays(on, rng.int(5, 40)));
    steps.push(['提请验收', '整改中', '待验收', on, '整改完成，提交佐证材料']);
    if (rng.chance(0.1)) {
      step('验收不通过', '待验收', '整改中', [3, 10], '佐证材料不充分，需补充完善');
      step('报告进展', '整改中', '整改中', [5, 15], '补充完善整改材料');
      step('提请验收', '整改中', '待验收', [2, 8], '再次提请验收');
    }
    step('验收通过', '待验收', '待验收', [3, 15], null);
    step('销号', '待验收', '已销号', [0, 10], null);
    if (!reopenedOne && s.source === '巡察' && !late && !planted && on < addDays(end, -120)) {
      reopenedOne = true;
      step('重新整改', '已销号', '整改中', [20, 40], '回头看发现问题反弹，重新整改');
      step('提请验收', '整改中', '待验收', [15, 30], '重新整改完成');
      step('验收通过', '待验收', '待验收', [3, 10], null);
      step('销号', '待验收', '已销号', [0, 5], null);
    }
    // Cut at the end (and the planted ones before acceptance), keeping the first steps.
    let keep = steps.filter((x) => x[3] <= end);
    // A planted one stops before acceptance: only registered, under rectification, or submitted but not accepted.
    if (planted) keep = keep.slice(0, rng.weighted([[1, 1], [3, 6], [4, 3]] as const));
    const last = keep[keep.length - 1]!;
    const status = last[2];
    const lastOf = (action: string) => [...keep].reverse().find((x) => x[0] === action)?.[3] ?? null;
    const rectifiedOn = status === '待验收' || status === '已销号' ? lastOf('提请验收') : null;
    const acceptedOn = status === '已销号' || (status === '待验收' && last[0] === '验收通过') ? lastOf('验收通过') : null;
    const reopened = keep.some((x) => x[0] === '重新整改') ? 1 : 0;
    if (status !== '已销号' && deadline < end) out.overdue++;
    if (rectifiedOn && rectifiedOn > deadline) out.late++;
    out.reopened += reopened;
    const hasMeasures = keep.length > 1;
    out.problems.push({
      orgCode: s.orgCode, source: s.source, inspection: s.inspection, category, level: category === '廉洁自律' && rng.chance(0.4) ? '个人层面' : '组织层面',
      description: rng.pick(DESCRIPTIONS[category] ?? DESCRIPTIONS.组织建设!), owner_name: owner, measures: hasMeasures ? measures.map((m, k) => `${k + 1}.${m}`).join('；') : null,
      measures_count: hasMeasures ? measures.length : 0, found_on: s.foundOn, deadline, status, rectified_on: rectifiedOn, accepted_on: acceptedOn, accepted_by: acceptedOn ? s.acceptor : null,
      closed_on: status === '已销号' ? lastOf('销号') : null, reopened, note: s.note ?? null,
    });
    for (const [action, from, to, date, note] of keep) {
      const superior = action === '验收通过' || action === '验收不通过' || action === '销号' || action === '重新整改';
      out.events.push({ orgCode: s.orgCode, problem, action, from_status: from, to_status: to, happened_on: date, note, evidence: action === '提请验收' ? '整改报告及佐证材料' : null, actor: superior ? s.acceptor : owner });
    }
  }
  return out;
}
