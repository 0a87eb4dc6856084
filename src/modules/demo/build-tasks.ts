/**
 * Responsibility lists and supervised tasks of the demo county (主体责任清单, 任务清单, 督办): each year the county
 * committee issues its 主体责任清单 (about two dozen items, some with planned targets) and each 乡镇党委 and 街道党工委
 * its own; items break down into tasks for the townships and for the branches with a named owner — 书记项目 in every
 * village and community, 党建品牌项目, the county leaders' 包联支部 and 党建联系点 (with their visits as 进展), the
 * 党建工作责任书 signed with the branches, 文明创建 in the communities. Progress is reported as it goes, the county
 * and the townships 督办 and 催办; about 5% of the tasks are still open past their deadline at the end (planted, with
 * 催办 and now and then a 约谈), a few were completed late. Pure and deterministic: one stream per list and task group.
 */
import { addDays, toIso, type IsoDate } from '../../shared/dates.js';
import type { Planned, SupervisionScope } from './supervision-scope.js';
import { unitName } from './supervision-scope.js';
import { daysBetween, maxDate, minDate, Rng } from './rng.js';

export type ListPlan = Planned<'responsibility_lists'>;
export type ItemPlan = Planned<'list_items', 'list_id'> & { list: number };
export type TaskPlan = Planned<'tasks', 'item_id' | 'assigned_by_org_id'> & { item: number | null; assignedByCode: string };
export type TaskEventPlan = Planned<'task_events', 'task_id'> & { task: number };

export interface DemoTasks {
  lists: ListPlan[];
  items: ItemPlan[];
  tasks: TaskPlan[];
  events: TaskEventPlan[];
  /** Tasks neither completed nor cancelled whose deadline has passed at the end (planted). */
  overdue: number;
  /** Tasks completed after their deadline. */
  late: number;
}

type ItemDef = readonly [content: string, category: string, target?: readonly [number, string]];
const COUNTY_ITEMS: readonly ItemDef[] = [
  ['深入学习贯彻习近平新时代中国特色社会主义思想，县委理论学习中心组集中学习', '政治建设', [12, '次']],
  ['落实“第一议题”制度，及时传达学习习近平总书记重要讲话和重要指示批示精神', '政治建设'],
  ['严格执行重大事项请示报告制度', '政治建设'],
  ['落实意识形态工作责任制，每半年专题研究意识形态工作', '意识形态', [2, '次']],
  ['抓好基层党组织书记轮训', '组织建设', [1, '轮']],
  ['开展村（社区）“两委”成员全员培训', '组织建设', [100, '%']],
  ['严格党员发展质量，完成年度发展党员计划', '党员发展', [300, '名']],
  ['推进基层党组织标准化规范化建设，新增达标村（社区）党组织', '组织建设', [40, '个']],
  ['整顿软弱涣散基层党组织，按期销号', '组织建设', [100, '%']],
  ['创建县级示范党支部', '组织建设', [20, '个']],
  ['新建提升党建示范村', '组织建设', [10, '个']],
  ['落实“三会一课”、主题党日、组织生活会和民主评议党员制度', '组织建设'],
  ['规范党费收缴、使用和管理', '组织建设'],
  ['加强年轻干部培养，储备村级后备干部', '干部队伍', [300, '名']],
  ['开展县委巡察，实现巡察全覆盖', '巡察整改', [2, '轮']],
  ['抓好巡视巡察反馈问题整改，按期销号', '巡察整改', [100, '%']],
  ['持之以恒纠治“四风”，整治形式主义为基层减负', '作风建设'],
  ['落实党风廉政建设责任制，开展警示教育', '党风廉政', [2, '次']],
  ['推进村集体经济发展，消除集体经济薄弱村', '乡村振兴', [15, '个']],
  ['深化“两新”组织党建，扩大党的组织和工作覆盖', '组织建设', [20, '个']],
  ['推进党务、村务、财务公开', '基层治理'],
  ['开展“我为群众办实事”实践活动', '作风建设', [200, '件']],
  ['加强党建宣传，在省级以上媒体刊发党建稿件', '宣传思想', [30, '篇']],
  ['做好县级党建联系点工作，县委常委每季度到联系点调研', '组织建设', [4, '次']],
  ['推进文明城市创建和新时代文明实践中心建设', '精神文明'],
  ['落实述职评议考核，开展基层党组织书记抓党建述职评议', '组织建设', [1, '次']],
];
const TOWN_ITEMS: readonly ItemDef[] = [
  ['落实党委书记抓基层党建第一责任人职责，签订党建工作责任书', '组织建设', [100, '%']],
  ['推行村（社区）党组织书记项目', '组织建设'],
  ['打造党建品牌，每村培育一个特色党建项目', '组织建设'],
  ['推进村级党组织标准化规范化建设', '组织建设'],
  ['落实“三会一课”制度，开展季度抽查', '组织建设', [4, '次']],
  ['做好发展党员工作，年内发展党员', '党员发展', [15, '名']],
  ['开展党员冬春训', '组织建设', [1, '期']],
  ['推进“三务”公开，按季度公开', '基层治理', [4, '次']],
  ['发展壮大村集体经济', '乡村振兴'],
  ['抓好巡察反馈问题整改', '巡察整改', [100, '%']],
  ['开展文明村镇创建', '精神文明'],
  ['落实意识形态工作责任制', '意识形态'],
];

const SECRETARY_PROJECTS = [
  '建设村级共富工坊', '打造“红色议事厅”', '村道硬化和亮化工程', '发展林下经济合作社', '建设村级电商服务站', '整治农村人居环境', '打造党建文化长廊', '建设老年食堂',
  '推进“网格连心”服务', '开展“红色代办”服务', '发展来料加工', '盘活闲置农房发展民宿', '打造邻里服务中心', '推进垃圾分类示范小区', '建设“四点半”课堂',
];
const BRAND_PROJECTS = ['“红色引擎”党建品牌', '“党建+产业”融合项目', '“先锋驿站”服务品牌', '“红色物业”党建品牌', '“党建联建”共富项目', '“两新先锋”党建品牌', '“白衣天使”党建品牌', '“红烛先锋”党建品牌'];
const COUNTY_ORG_DEPT = '县委组织部';

function status(rng: Rng, start: IsoDate, deadline: IsoDate, end: IsoDate): { status: string; completedOn: IsoDate | null } {
  if (deadline < end) {
    if (rng.chance(0.07)) return { status: rng.chance(0.8) ? '进行中' : '未开始', completedOn: null };
    if (rng.chance(0.04)) return { status: '已完成', completedOn: minDate(end, addDays(deadline, rng.int(5, 40))) };
    const from = maxDate(addDays(start, 7), addDays(deadline, -60));
    return { status: '已完成', completedOn: rng.dateBetween(minDate(from, deadline), deadline) };
  }
  if (rng.chance(0.2) && daysBetween(start, end) > 30) return { status: '已完成', completedOn: rng.dateBetween(addDays(start, 20), end) };
  return { status: daysBetween(start, end) < 30 && rng.chance(0.5) ? '未开始' : '进行中', completedOn: null };
}

export function buildTasks(scope: SupervisionScope): DemoTasks {
  const { frame, county, tops, villages, branches } = scope;
  const out: DemoTasks = { lists: [], items: [], tasks: [], events: [], overdue: 0, late: 0 };
  const end = frame.end;
  const localTops = tops.filter((t) => t.kind === 'town' || t.kind === 'street');

  const addList = (rng: Rng, orgCode: string, year: number, issuedOn: IsoDate, title: string, defs: readonly ItemDef[], share = 1): number[] => {
    const list = out.lists.length;
    out.lists.push({ orgCode, year, kind: '主体责任清单', title, issued_on: issuedOn, note: null });
    const picked = share >= 1 ? defs : defs.filter((_, i) => i < 3 || rng.chance(share));
    return picked.map(([content, category, target], seq) => {
      out.items.push({
        orgCode, list, seq: seq + 1, content, category, target_value: target ? (target[1] === '名' || target[1] === '个' ? Math.max(1, Math.round(target[0] * frame.members / 25_000)) : target[0]) : null,
        target_unit: target ? target[1] : null,
      });
      return out.items.length - 1;
    });
  };

  const addTask = (
    rng: Rng, t: { orgCode: string; item: number | null; assignedByCode: string; title: string; category: string; owner: string; start: IsoDate; deadline: IsoDate },
    supervisor: string, visits = false,
  ) => {
    if (t.start > end) return;
    const s = status(rng, t.start, t.deadline, end);
    if (s.status === '已完成' && s.completedOn! > t.deadline) out.late++;
    const open = s.status !== '已完成';
    if (open && t.deadline < end) out.overdue++;
    const task = out.tasks.length;
    out.tasks.push({
      orgCode: t.orgCode, item: t.item, assignedByCode: t.assignedByCode, title: t.title, category: t.category, owner_name: t.owner, start_on: t.start, deadline: t.deadline,
      status: s.status, completed_on: s.completedOn, note: null,
    });
    if (s.status === '未开始') return;
    const last = s.completedOn ?? end;
    const event = (kind: string, on: IsoDate, content: string, percent: number | null, actor: string) =>
      out.events.push({ orgCode: t.orgCode, task, kind, happened_on: on, content, percent, actor });
    const span = Math.max(1, daysBetween(t.start, last));
    const steps = visits ? Math.max(1, Math.min(4, Math.floor(span / 80))) : Math.max(1, Math.min(4, Math.floor(span / 60)));
    let percent = 0;
    for (let i = 1; i <= steps; i++) {
      const on = addDays(t.start, Math.round((span * i) / (steps + 1)));
      percent = Math.min(s.completedOn ? 90 : 95, Math.max(percent + 5, Math.round((100 * i) / (steps + 1)) + rng.int(-8, 8)));
      event('进展', on, visits ? `到联系点走访调研，召开座谈会，了解${rng.pick(['党建工作', '集体经济发展', '基层治理', '群众急难愁盼问题'])}情况` : `按计划推进，已完成${percent}%`, percent, t.owner);
    }
    if (rng.chance(0.25) && span > 60) event('督办', addDays(t.start, Math.round(span / 2)), '对照清单督办推进进度', null, supervisor);
    if (s.completedOn) event('进展', s.completedOn, '任务已完成，报送完成情况及佐证材料', 100, t.owner);
    else if (t.deadline < end) {
      const reminded = minDate(end, addDays(t.deadline, rng.int(3, 20)));
      event('催办', reminded, '已超过完成时限，请抓紧推进并说明原因', null, supervisor);
      if (rng.chance(0.3)) event('约谈', minDate(end, addDays(reminded, rng.int(5, 20))), '就任务逾期未完成约谈责任人', null, supervisor);
    } else if (rng.chance(0.15)) event('提醒', minDate(end, addDays(t.deadline, -rng.int(10, 30))), '临近完成时限，请按期完成', null, supervisor);
  };

  for (let y = frame.fromYear; y <= frame.toYear; y++) {
    const rng = Rng.derive(frame.seed, `tasks:${y}`);
    const issued = toIso(y, 2, rng.int(18, 28));
    if (issued > end) continue;
    const countyItems = addList(rng, county.code, y, issued, `${y}年度${unitName(county, '')}委落实全面从严治党主体责任清单`, COUNTY_ITEMS);
    // Township tasks from some county items, with the township's leader as owner.
    for (const [i, item] of countyItems.entries()) {
      if (!(i % 3 === 1 || i === 7 || i === 8)) continue;
      const [content, category] = COUNTY_ITEMS[i]!;
      const deadline = toIso(y, rng.pick([6, 9, 11, 12]), 30);
      for (const top of localTops) {
        addTask(rng, {
          orgCode: top.org.code, item, assignedByCode: county.code, title: content, category, owner: scope.leaderOf(top.org.code), start: addDays(issued, rng.int(3, 15)),
          deadline: deadline < addDays(issued, 60) ? toIso(y, 12, 31) : deadline,
        }, scope.countyLeader(2));
      }
    }
    // 责任书签订: every township with its branches by the end of March.
    for (const top of localTops) {
      addTask(rng, {
        orgCode: top.org.code, item: null, assignedByCode: county.code, title: `与所属基层党组织签订${y}年度党建工作责任书`, category: '责任书签订',
        owner: scope.leaderOf(top.org.code), start: addDays(issued, 2), deadline: toIso(y, 3, 31),
      }, COUNTY_ORG_DEPT);
    }
    // Township lists, and the village and community tasks they give.
    for (const top of localTops) {
      const trng = Rng.derive(frame.seed, `tasks:${top.org.code}:${y}`);
      const townIssued = addDays(issued, trng.int(5, 20));
      if (townIssued > end) continue;
      const items = addList(trng, top.org.code, y, townIssued, `${y}年度${unitName(top.org, frame.county.name)}党${top.kind === 'street' ? '工委' : '委'}主体责任清单`, TOWN_ITEMS, 0.75);
      const supervisor = scope.leaderOf(top.org.code);
      for (const v of villages.filter((o) => o.parentCode === top.org.code)) {
        const start = maxDate(townIssued, addDays(v.establishedOn, 30));
        addTask(trng, {
          orgCode: v.code, item: items[1] ?? null, assignedByCode: top.org.code, title: `书记项目：${trng.pick(SECRETARY_PROJECTS)}`, category: '书记项目', owner: scope.leaderOf(v.code, start),
          start, deadline: toIso(y, trng.pick([10, 11, 12]), 30),
        }, supervisor);
        if (v.sector === '社区' && trng.chance(0.6)) {
          addTask(trng, {
            orgCode: v.code, item: null, assignedByCode: top.org.code, title: `${y}年文明城市创建${trng.pick(['背街小巷整治', '小区楼道清理', '公共设施维护', '文明劝导'])}`, category: '文明创建',
            owner: scope.leaderOf(v.code, start), start: addDays(start, 10), deadline: toIso(y, 9, 30),
          }, supervisor);
        }
      }
    }
    // 党建品牌项目 in about 5% of the branches.
    for (const b of rng.sample(branches, Math.max(2, Math.round(branches.length * 0.05)))) {
      const by = b.parentCode && scope.byCode.get(b.parentCode)?.parentCode === county.code ? b.parentCode : b.code.split('.')[0]!;
      const start = addDays(issued, rng.int(20, 60));
      addTask(rng, {
        orgCode: b.code, item: null, assignedByCode: by, title: `培育${rng.pick(BRAND_PROJECTS)}`, category: '党建品牌项目', owner: scope.leaderOf(b.code, minDate(start, end)), start,
        deadline: toIso(y, 12, 31),
      }, scope.leaderOf(by));
    }
    // County leaders: a 包联支部 (a weak-looking village) and a 党建联系点 each, with visits.
    const picks = rng.sample(villages, Math.min(villages.length, 18));
    for (let i = 0; i < Math.min(9, Math.floor(picks.length / 2)); i++) {
      const leader = scope.countyLeader(i);
      for (const [v, category, title] of [
        [picks[i * 2]!, '包联支部', `县领导包联${unitName(picks[i * 2]!, frame.county.name)}党组织，帮助理清发展思路、解决突出问题`],
        [picks[i * 2 + 1]!, '党建联系点', `${unitName(picks[i * 2 + 1]!, frame.county.name)}县级党建联系点工作`],
      ] as const) {
        addTask(rng, { orgCode: v.code, item: category === '党建联系点' ? countyItems[23]! : null, assignedByCode: county.code, title, category, owner: leader, start: addDays(issued, 10), deadline: toIso(y, 12, 31) }, COUNTY_ORG_DEPT, true);
      }
    }
  }
  return out;
}
