/**
 * The inspection and rectification figures of an organization's subtree for a reporting period (catalog ids of
 * ../shared/indicators/seed-indicator-ids.jsonl, and five of our own), and the problems by source × category ×
 * status. Computed from the records in four queries (the organization, the rounds with their targets, the problems,
 * the re-opening events), never from stored totals.
 *
 * Decisions, stated once (each figure's computation text repeats its own):
 * - A round counts in the period that holds its start date, for the rounds conducted in the subtree (the
 *   conducting organization's org_id); its targets count once per round kind (distinct organizations of the tree,
 *   units by name and kind). Clues and notices are the rounds' hand-entered counts, summed.
 * - A problem counts as found in the period that holds its 发现日期, for the problems owned in the subtree.
 * - **Rectified** (整改到位) means accepted by the superior (验收通过, and so also 已销号) on or before the period's end
 *   and still standing: of the problems found in the period, those with an acceptance date ≤ the end. A problem
 *   re-opened (重新整改) loses its acceptance, so it no longer counts, even for a closed period. The rate is
 *   rectified ÷ found.
 * - **Overdue** (逾期未整改) at the period's end (or today, if earlier): found by then, not closed by then, and past
 *   its deadline then — whenever found.
 * - 述职评议 and 巡察 feedback (assessment_feedback_*): problems of source 述职评议 or 巡察; in progress is found but
 *   not rectified by the period's end.
 * - 四风 (four_winds_problems_found): category 四风 from supervision checks (sources 监督检查, 专项督查), as the catalog
 *   defines it.
 * - 发展党员 violations: problems of category 党员发展; resolved is rectified (one problem counts as one).
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { percent, type Figure, type FigureSet } from '../../shared/figures.js';
import { parsePeriod } from '../../shared/period.js';
import { PROBLEM_SOURCES, PROBLEM_STATUSES } from '../../shared/vocab.js';
import { rootOf } from '../dues/dues-ledger.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { SUGGESTED_PROBLEM_CATEGORIES, type ProblemBreakdownView } from './inspections.schema.js';

function subtreeFilter(root: string | null) {
  return root === null ? sql<boolean>`1 = 1` : sql<boolean>`o.path >= ${root} and o.path < ${subtreeUpperBound(root)}`;
}

interface RoundRow {
  id: number;
  kind: string;
  clues_transferred: number | null;
  notices_issued: number | null;
  target_id: number | null;
  target_org_id: number | null;
  unit_name: string | null;
  unit_kind: string | null;
}

interface ProblemRow {
  id: number;
  source: string;
  category: string;
  measures_count: number;
  found_on: string;
  deadline: string;
  accepted_on: string | null;
  closed_on: string | null;
}

const SUPERVISION_SOURCES = ['监督检查', '专项督查'];
const FEEDBACK_SOURCES = ['述职评议', '巡察'];
const RECTIFIED = '整改到位指上级验收通过（含已销号）且验收日期不晚于期末；重新整改的不计';

export async function inspectionFigures(ctx: Ctx, q: { orgCode?: string | undefined; period: string }): Promise<FigureSet> {
  const period = parsePeriod(q.period);
  const { root, org } = await rootOf(ctx, q.orgCode);
  const today = ctx.clock.today();
  const asOf = period.end < today ? period.end : today;

  const rounds: RoundRow[] = await ctx.db
    .selectFrom('inspections as i')
    .innerJoin('organizations as o', 'o.id', 'i.org_id')
    .leftJoin('inspection_targets as t', 't.inspection_id', 'i.id')
    .select(['i.id', 'i.kind', 'i.clues_transferred', 'i.notices_issued', 't.id as target_id', 't.target_org_id', 't.unit_name', 't.unit_kind'])
    .where(subtreeFilter(root))
    .where('i.start_on', '>=', period.start)
    .where('i.start_on', '<=', period.end)
    .orderBy('i.id')
    .orderBy('t.id')
    .execute();
  const problems: ProblemRow[] = await ctx.db
    .selectFrom('problems as p')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.source', 'p.category', 'p.measures_count', 'p.found_on', 'p.deadline', 'p.accepted_on', 'p.closed_on'])
    .where(subtreeFilter(root))
    .where('p.found_on', '<=', period.end)
    .where((eb) => eb.or([eb('p.found_on', '>=', period.start), eb('p.closed_on', 'is', null), eb('p.closed_on', '>=', period.start)]))
    .orderBy('p.id')
    .execute();
  const reopenings = await ctx.db
    .selectFrom('problem_events as e')
    .innerJoin('organizations as o', 'o.id', 'e.org_id')
    .select(['e.problem_id'])
    .where(subtreeFilter(root))
    .where('e.action', '=', '重新整改')
    .where('e.happened_on', '>=', period.start)
    .where('e.happened_on', '<=', period.end)
    .orderBy('e.problem_id')
    .execute();

  // Rounds (one row per target, or one with no target).
  const byRound = new Map<number, RoundRow>();
  for (const r of rounds) if (!byRound.has(r.id)) byRound.set(r.id, r);
  const roundList = [...byRound.values()];
  const roundsOf = (kinds: string[]) => roundList.filter((r) => kinds.includes(r.kind));
  const targetsOf = (kinds: string[], pick: (r: RoundRow) => boolean = () => true) => {
    const seen = new Map<string, number>();
    for (const r of rounds) {
      if (r.target_id === null || !kinds.includes(r.kind) || !pick(r)) continue;
      const key = r.target_org_id !== null ? `o${r.target_org_id}` : `n${r.unit_kind}:${r.unit_name}`;
      if (!seen.has(key)) seen.set(key, r.target_id);
    }
    return [...seen.values()];
  };
  const sum = (list: RoundRow[], key: 'clues_transferred' | 'notices_issued') => list.reduce((s, r) => s + (r[key] ?? 0), 0);

  // Problems.
  const found = problems.filter((p) => p.found_on >= period.start);
  const rectified = (p: ProblemRow) => p.accepted_on !== null && p.accepted_on <= period.end;
  const of = (list: ProblemRow[], pick: (p: ProblemRow) => boolean) => list.filter(pick);
  const bySource = (sources: string[]) => (p: ProblemRow) => sources.includes(p.source);
  const overdue = problems.filter((p) => p.found_on <= asOf && (p.closed_on === null || p.closed_on > asOf) && p.deadline < asOf);
  const reopened = [...new Set(reopenings.map((e) => e.problem_id))];

  const roundFigure = (id: string, label: string, unit: string, list: RoundRow[], value: number, computation: string): Figure => ({
    id, label, unit, value, computation, evidence: { table: 'inspections', ids: list.map((r) => r.id) },
  });
  const targetFigure = (id: string, label: string, ids: number[], computation: string): Figure => ({
    id, label, unit: '个', value: ids.length, computation, evidence: { table: 'inspection_targets', ids },
  });
  const problemFigure = (id: string, label: string, unit: string, list: ProblemRow[], computation: string, value: number | null = list.length): Figure => ({
    id, label, unit, value, computation, evidence: { table: 'problems', ids: list.map((p) => p.id) },
  });
  const rate = (id: string, label: string, list: ProblemRow[], computation: string): Figure => {
    const done = of(list, rectified);
    return problemFigure(id, label, '%', done, computation, percent(done.length, list.length));
  };

  const xuncha = of(found, bySource(['巡察']));
  const supervision = of(found, bySource(SUPERVISION_SOURCES));
  const feedback = of(found, bySource(FEEDBACK_SOURCES));
  const recruitment = of(found, (p) => p.category === '党员发展');
  const contactSolved = problems.filter((p) => p.source === '党建联系点' && p.closed_on !== null && p.closed_on >= period.start && p.closed_on <= period.end);
  const xunchaRounds = roundsOf(['巡察']);
  const supervisionRounds = roundsOf(['监督检查', '专项督查']);

  const figures: Figure[] = [
    roundFigure('inspection_rounds', '开展巡察轮次', '轮', xunchaRounds, xunchaRounds.length, '期内开始的巡察轮次（本组织及下级组织开展的）'),
    targetFigure('inspection_units_covered', '巡察单位（党组织）', targetsOf(['巡察']), '期内开始的巡察轮次的对象，按组织（系统外单位按名称和类别）去重'),
    targetFigure('inspection_villages_covered', '巡察村（社区）党组织', targetsOf(['巡察'], (r) => r.unit_kind === '村'), '期内开始的巡察轮次中对象类别为“村”的对象，去重'),
    roundFigure('inspection_clues_transferred', '巡察移交问题线索', '件', xunchaRounds, sum(xunchaRounds, 'clues_transferred'), '期内开始的巡察轮次登记的移交问题线索数之和（手工填报的数量）'),
    roundFigure('supervision_checks', '开展监督检查（专项督查）', '次', supervisionRounds, supervisionRounds.length, '期内开始的监督检查和专项督查次数'),
    roundFigure('supervision_notices_issued', '发出通报、文书、提示函', '份', roundList, sum(roundList, 'notices_issued'), '期内开始的各类巡察、督查登记的通报文书数之和（手工填报的数量）'),
    targetFigure('orgs_supervised_onsite', '实地督查基层党组织', targetsOf(['实地督查']), '期内开始的实地督查的对象，去重'),
    roundFigure('three_meetings_spot_checks', '抽查“三会一课”等记录', '次', roundsOf(['抽查']), roundsOf(['抽查']).length, '期内开始的抽查次数'),
    roundFigure('work_style_survey_rounds', '作风建设调研督导轮次', '轮', roundsOf(['调研督导']), roundsOf(['调研督导']).length, '期内开始的调研督导轮次'),
    targetFigure('work_style_survey_units', '调研督导单位', targetsOf(['调研督导']), '期内开始的调研督导的对象，去重'),
    problemFigure('inspection_problems_found', '巡察发现问题', '个', xuncha, '期内发现、来源为巡察的问题'),
    problemFigure('inspection_problems_rectified', '巡察问题整改到位', '个', of(xuncha, rectified), `期内发现、来源为巡察的问题中整改到位的；${RECTIFIED}`),
    rate('inspection_rectification_rate', '巡察问题整改率', xuncha, `巡察问题整改到位数 ÷ 期内发现的巡察问题数 × 100%；${RECTIFIED}`),
    problemFigure('supervision_problems_found', '监督检查发现问题', '个', supervision, '期内发现、来源为监督检查或专项督查的问题'),
    problemFigure('supervision_problems_rectified', '监督检查问题整改到位', '个', of(supervision, rectified), `期内发现、来源为监督检查或专项督查的问题中整改到位的；${RECTIFIED}`),
    problemFigure('four_winds_problems_found', '查纠“四风”问题', '个', of(supervision, (p) => p.category === '四风'), '期内发现、来源为监督检查或专项督查、类别为“四风”的问题'),
    problemFigure('assessment_feedback_problems_found', '述职评议和巡察反馈问题', '个', feedback, '期内发现、来源为述职评议或巡察的问题'),
    problemFigure('assessment_feedback_problems_in_progress', '述职评议和巡察反馈问题正在整改', '个', of(feedback, (p) => !rectified(p)), `其中至期末尚未整改到位的；${RECTIFIED}`),
    problemFigure('assessment_feedback_problems_rectified', '述职评议和巡察反馈问题已整改', '个', of(feedback, rectified), `其中至期末整改到位的；${RECTIFIED}`),
    problemFigure('assessment_feedback_problem_categories', '述职评议和巡察反馈问题涉及方面', '方面', feedback, '期内发现、来源为述职评议或巡察的问题的类别数（去重）', new Set(feedback.map((p) => p.category)).size),
    problemFigure('contact_point_problems_solved', '党建联系点解决问题', '个', contactSolved, '来源为党建联系点、期内销号的问题'),
    problemFigure('self_check_problems_found', '查摆问题', '个', of(found, bySource(['查摆'])), '期内发现、来源为查摆的问题'),
    problemFigure('rectification_measures', '制定整改措施', '条', found, '期内发现的各类问题的整改措施条数之和', found.reduce((s, p) => s + p.measures_count, 0)),
    problemFigure('member_recruitment_violation_issues', '发展党员违规违纪问题', '条', recruitment, '期内发现、类别为“党员发展”的问题'),
    problemFigure('member_recruitment_violation_resolved', '发展党员违规违纪问题已处置', '名', of(recruitment, rectified), `其中至期末整改到位的（每个问题计1名）；${RECTIFIED}`),
    problemFigure('problems_found', '发现问题', '个', found, '期内发现的各类来源的问题'),
    problemFigure('problems_rectified', '问题整改到位', '个', of(found, rectified), `期内发现的问题中整改到位的；${RECTIFIED}`),
    rate('rectification_rate', '问题整改率', found, `整改到位数 ÷ 期内发现的问题数 × 100%；${RECTIFIED}`),
    problemFigure('problems_overdue', '逾期未销号问题', '个', overdue, `截至${asOf}已过整改时限、尚未销号的问题（不论何时发现）`),
    { id: 'problems_reopened', label: '重新整改问题', unit: '个', value: reopened.length, computation: '期内办理“重新整改”（销号后重新打开）的问题，按问题去重', evidence: { table: 'problems', ids: reopened } },
  ];
  return { org, period, figures };
}

function ordered(list: readonly string[], value: string): number {
  const i = list.indexOf(value);
  return i < 0 ? list.length : i;
}

/** Problems found in the period by source × category × current status (one grouped query), with the overdue. */
export async function problemBreakdown(ctx: Ctx, q: { orgCode?: string | undefined; period: string }): Promise<ProblemBreakdownView> {
  const period = parsePeriod(q.period);
  const { root, org } = await rootOf(ctx, q.orgCode);
  const today = ctx.clock.today();
  const groups = await ctx.db
    .selectFrom('problems as p')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .select([
      'p.source',
      'p.category',
      'p.status',
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(case when p.status <> '已销号' and p.deadline < ${today} then 1 else 0 end)`.as('overdue'),
    ])
    .where(subtreeFilter(root))
    .where('p.found_on', '>=', period.start)
    .where('p.found_on', '<=', period.end)
    .groupBy(['p.source', 'p.category', 'p.status'])
    .execute();
  const rows = groups
    .map((g) => ({ source: g.source, category: g.category, status: g.status, count: Number(g.n), overdue: Number(g.overdue) }))
    .sort(
      (a, b) =>
        ordered(PROBLEM_SOURCES, a.source) - ordered(PROBLEM_SOURCES, b.source) ||
        ordered(SUGGESTED_PROBLEM_CATEGORIES, a.category) - ordered(SUGGESTED_PROBLEM_CATEGORIES, b.category) ||
        a.category.localeCompare(b.category) ||
        ordered(PROBLEM_STATUSES, a.status) - ordered(PROBLEM_STATUSES, b.status),
    );
  const sumBy = (key: 'source' | 'category' | 'status', order: readonly string[]) => {
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(r[key], (totals.get(r[key]) ?? 0) + r.count);
    return [...totals].sort((a, b) => ordered(order, a[0]) - ordered(order, b[0]) || a[0].localeCompare(b[0]));
  };
  return {
    org,
    period,
    rows,
    bySource: sumBy('source', PROBLEM_SOURCES).map(([source, count]) => ({ source, count })),
    byCategory: sumBy('category', SUGGESTED_PROBLEM_CATEGORIES).map(([category, count]) => ({ category, count })),
    byStatus: sumBy('status', PROBLEM_STATUSES).map(([status, count]) => ({ status, count })),
    total: rows.reduce((s, r) => s + r.count, 0),
    overdue: rows.reduce((s, r) => s + r.overdue, 0),
  };
}
