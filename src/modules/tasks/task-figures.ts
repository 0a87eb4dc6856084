/**
 * The figures of responsibility lists and supervised tasks for an organization's subtree and a reporting period
 * (catalog ids of ../shared/indicators/seed-indicator-ids.jsonl, plus tasks_total … tasks_completion_rate), in
 * three queries (plus the organization's lookup), never from stored totals.
 *
 * Decisions, stated once (each figure's computation text repeats its own):
 * - A task counts for the subtree of its responsible organization (tasks.org_id); a list and its items for the
 *   subtree of the list's organization. Cancelled tasks (已取消) count nowhere.
 * - Lists count by their year: the period's year (a quarter of 2026 reads the lists of 2026).
 * - A task "in effect" in the period: its span from start to deadline meets the period (包联, 人才工作 duties).
 *   "Started" in the period: start_on in it (书记项目, 党建品牌项目). "Completed" in the period: 已完成 with
 *   completed_on in it.
 * - Planned targets (governance_pilot_villages, secretaries_study_tour): the sum of target_value of the year's list
 *   items whose category is the catalog's record subtype without its annotation (PLANNED_TARGET_CATEGORIES); null
 *   when no list plans it (no plan is not a plan of zero).
 * - tasks_total is the tasks due in the period (deadline in it); tasks_completed and tasks_completed_on_time are
 *   those of them completed by the period's end, and by their deadline; tasks_overdue is a stock: the tasks open past
 *   their deadline at the period's end (or today, if the period has not ended), whenever they were due.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { percent, type Figure, type FigureSet } from '../../shared/figures.js';
import { parsePeriod } from '../../shared/period.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { rootOf } from '../dues/dues-ledger.js';

/** The task categories the catalog's figures count (SUGGESTED_TASK_CATEGORIES offers them). */
export const FIGURE_CATEGORIES = {
  secretary: '书记项目',
  brand: '党建品牌项目',
  contactBranch: '包联支部',
  contactPoint: '党建联系点',
  letter: '责任书签订',
  handover: '经济事项交接',
  talent: '人才工作',
  civilized: '文明创建',
} as const;

/** List-item categories whose target_value is a planned figure: the catalog's record subtype, annotation removed. */
export const PLANNED_TARGET_CATEGORIES = {
  governance_pilot_villages: '“三治融合”试点村',
  secretaries_study_tour: '赴外参观学习',
} as const;

/** The 工作要点 item category counted by reform_points_party_institution. */
export const PARTY_INSTITUTION_CATEGORY = '党的制度建设';

interface TaskRow {
  id: number;
  org_id: number;
  category: string | null;
  owner_name: string;
  start_on: string;
  deadline: string;
  status: string;
  completed_on: string | null;
}

interface EventRow {
  id: number;
  kind: string;
  category: string | null;
  owner_name: string;
}

interface ItemRow {
  id: number;
  kind: string;
  category: string | null;
  target_value: number | null;
}

function subtreeFilter(root: string | null) {
  return root === null ? sql<boolean>`1 = 1` : sql<boolean>`o.path >= ${root} and o.path < ${subtreeUpperBound(root)}`;
}

export async function taskFigures(ctx: Ctx, q: { orgCode?: string | undefined; period: string }): Promise<FigureSet> {
  const period = parsePeriod(q.period);
  const { root, org } = await rootOf(ctx, q.orgCode);
  const year = Number(period.start.slice(0, 4));
  const today = ctx.clock.today();
  const asOf = period.end < today ? period.end : today;
  const C = FIGURE_CATEGORIES;

  const [taskRows, eventRows, itemRows] = await Promise.all([
    // Every task of the subtree that could count: started by the period's end and not finished before it began.
    ctx.db
      .selectFrom('tasks as t')
      .innerJoin('organizations as o', 'o.id', 't.org_id')
      .select(['t.id', 't.org_id', 't.category', 't.owner_name', 't.start_on', 't.deadline', 't.status', 't.completed_on'])
      .where(subtreeFilter(root))
      .where('t.status', '<>', '已取消')
      .where('t.start_on', '<=', period.end)
      .where((eb) => eb.or([eb('t.deadline', '>=', period.start), eb('t.completed_on', 'is', null), eb('t.completed_on', '>=', period.start)]))
      .orderBy('t.id')
      .execute() as Promise<TaskRow[]>,
    // Visits at contact points (进展 on 党建联系点) and dispatches on talent work (督办, 催办 on 人才工作) in the period.
    ctx.db
      .selectFrom('task_events as e')
      .innerJoin('tasks as t', 't.id', 'e.task_id')
      .innerJoin('organizations as o', 'o.id', 't.org_id')
      .select(['e.id', 'e.kind', 't.category', 't.owner_name'])
      .where(subtreeFilter(root))
      .where('t.status', '<>', '已取消')
      .where('e.happened_on', '>=', period.start)
      .where('e.happened_on', '<=', period.end)
      .where((eb) =>
        eb.or([
          eb.and([eb('t.category', '=', C.contactPoint), eb('e.kind', '=', '进展')]),
          eb.and([eb('t.category', '=', C.talent), eb('e.kind', 'in', ['督办', '催办'])]),
        ]),
      )
      .orderBy('e.id')
      .execute() as Promise<EventRow[]>,
    ctx.db
      .selectFrom('list_items as i')
      .innerJoin('responsibility_lists as l', 'l.id', 'i.list_id')
      .innerJoin('organizations as o', 'o.id', 'l.org_id')
      .select(['i.id', 'l.kind', 'i.category', 'i.target_value'])
      .where(subtreeFilter(root))
      .where('l.year', '=', year)
      .orderBy('i.id')
      .execute() as Promise<ItemRow[]>,
  ]);

  const inPeriod = (d: string | null) => d !== null && d >= period.start && d <= period.end;
  const inEffect = (t: TaskRow) => t.start_on <= period.end && t.deadline >= period.start;
  const completed = (t: TaskRow) => t.status === '已完成' && inPeriod(t.completed_on);
  const of = (category: string) => taskRows.filter((t) => t.category === category);

  const figure = (id: string, label: string, unit: string, table: string, ids: number[], value: number | null, computation: string): Figure => ({
    id,
    label,
    unit,
    value,
    computation,
    evidence: { table, ids },
  });
  const tasks = (id: string, label: string, unit: string, list: TaskRow[], computation: string) =>
    figure(id, label, unit, 'tasks', list.map((t) => t.id), list.length, computation);
  const orgs = (id: string, label: string, list: TaskRow[], computation: string) =>
    figure(id, label, '个', 'tasks', list.map((t) => t.id), new Set(list.map((t) => t.org_id)).size, computation);
  const items = (pick: (i: ItemRow) => boolean) => itemRows.filter(pick);
  const planned = (id: keyof typeof PLANNED_TARGET_CATEGORIES, label: string, unit: string) => {
    const list = items((i) => i.category === PLANNED_TARGET_CATEGORIES[id] && i.target_value !== null);
    const value = list.length === 0 ? null : list.reduce((s, i) => s + Number(i.target_value), 0);
    return figure(
      id, label, unit, 'list_items', list.map((i) => i.id), value,
      `${year}年各清单中分类为“${PLANNED_TARGET_CATEGORIES[id]}”的事项的计划目标值之和（计划数，非完成数）；无此类事项时为空`,
    );
  };

  const contactBranches = of(C.contactBranch).filter(inEffect);
  const contactPoints = of(C.contactPoint).filter(inEffect);
  const visits = eventRows.filter((e) => e.category === C.contactPoint && e.kind === '进展');
  const visitsByOwner = new Map<string, number[]>(contactPoints.map((t) => [t.owner_name, []]));
  for (const e of visits) {
    const list = visitsByOwner.get(e.owner_name);
    if (list) list.push(e.id);
    else visitsByOwner.set(e.owner_name, [e.id]);
  }
  const fewest = [...visitsByOwner.values()].sort((a, b) => a.length - b.length)[0];
  const talent = of(C.talent).filter(inEffect);
  const dispatches = eventRows.filter((e) => e.category === C.talent && e.kind !== '进展');

  const due = taskRows.filter((t) => inPeriod(t.deadline));
  const doneByEnd = due.filter((t) => t.status === '已完成' && t.completed_on !== null && t.completed_on <= period.end);
  const onTime = doneByEnd.filter((t) => t.completed_on! <= t.deadline);
  const overdue = taskRows.filter((t) => t.deadline < asOf && (t.completed_on === null || t.completed_on > asOf));

  const responsibility = items((i) => i.kind === '主体责任清单');
  const institution = items((i) => i.kind === '工作要点' && i.category === PARTY_INSTITUTION_CATEGORY);

  const figures: Figure[] = [
    figure('responsibility_list_items', '主体责任清单事项', '条', 'list_items', responsibility.map((i) => i.id), responsibility.length, `${year}年类别为主体责任清单的清单所列事项条数`),
    tasks('secretary_projects', '书记项目', '个', of(C.secretary).filter((t) => inPeriod(t.start_on)), `期内开始的分类为“${C.secretary}”的任务数（已取消的不计）`),
    tasks('party_brand_projects', '特色党建品牌项目', '个', of(C.brand).filter((t) => inPeriod(t.start_on)), `期内开始的分类为“${C.brand}”的任务数（已取消的不计）`),
    orgs('contact_branches_assigned', '领导干部包联支部', contactBranches, `起止时间与统计期有交集的分类为“${C.contactBranch}”的任务，按责任组织（被包联支部）去重`),
    figure(
      'leaders_with_contact_branches', '包联支部的领导干部', '名', 'tasks', contactBranches.map((t) => t.id),
      new Set(contactBranches.map((t) => t.owner_name)).size,
      `起止时间与统计期有交集的分类为“${C.contactBranch}”的任务，按责任人姓名去重`,
    ),
    figure(
      'leader_contact_point_visits', '领导干部到党建联系点调研指导', '次', 'task_events', visits.map((e) => e.id), visits.length,
      `期内分类为“${C.contactPoint}”的任务上报告的进展（每次到联系点的活动记一次进展）条数`,
    ),
    figure(
      'leader_contact_point_visits_min', '每名领导干部到党建联系点最少次数', '次', 'task_events', fewest ?? [], fewest ? fewest.length : null,
      `期内各责任人（“${C.contactPoint}”任务的责任人，按姓名）到联系点进展次数中的最小值（无人时为空）；依据为次数最少者的进展记录`,
    ),
    orgs('responsibility_letters_signed', '签订党风廉政责任书的党组织', of(C.letter).filter(completed), `期内完成（已完成且完成日期在期内）的分类为“${C.letter}”的任务，按责任组织去重`),
    tasks('units_economic_handover', '完成经济事项交接的单位', '个', of(C.handover).filter(completed), `期内完成的分类为“${C.handover}”的任务数（每项任务计一个单位）`),
    orgs('civilized_village_creation_completed', '完成文明创建任务的村', of(C.civilized).filter(completed), `期内完成的分类为“${C.civilized}”的任务，按责任组织（村）去重`),
    tasks('talent_group_duties', '人才工作职责任务', '项', talent, `起止时间与统计期有交集的分类为“${C.talent}”的任务数`),
    figure(
      'talent_work_dispatches', '人才工作调度督办', '次', 'task_events', dispatches.map((e) => e.id), dispatches.length,
      `期内对分类为“${C.talent}”的任务的督办、催办次数`,
    ),
    planned('governance_pilot_villages', '计划打造“三治融合”试点村', '个'),
    planned('secretaries_study_tour', '计划选派村党组织书记赴外参观学习', '名'),
    figure(
      'reform_points_party_institution', '工作要点中党的制度建设事项', '项', 'list_items', institution.map((i) => i.id), institution.length,
      `${year}年类别为工作要点的清单中分类为“${PARTY_INSTITUTION_CATEGORY}”的事项条数`,
    ),
    tasks('tasks_total', '期内到期任务', '项', due, '完成时限在期内的任务数（已取消的不计）'),
    tasks('tasks_completed', '期内到期任务已完成', '项', doneByEnd, `完成时限在期内、至期末（${period.end}）已完成的任务数`),
    tasks('tasks_completed_on_time', '按时完成任务', '项', onTime, '完成时限在期内、在完成时限当日或之前完成的任务数'),
    tasks('tasks_overdue', '逾期未完成任务', '项', overdue, `截至${asOf}已过完成时限仍未完成的任务数（不论何时到期；已取消的不计）`),
    figure(
      'tasks_completion_rate', '任务完成率', '%', 'tasks', doneByEnd.map((t) => t.id), percent(doneByEnd.length, due.length),
      '期内到期任务中至期末已完成的比例（%，保留一位小数；无到期任务时为空）',
    ),
  ];
  return { org, period, figures };
}
