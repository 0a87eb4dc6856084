/**
 * The development figures (发展党员) of an organization's subtree for a reporting period (catalog ids of
 * ../shared/indicators/seed-indicator-ids.jsonl), computed from the step dates of the development records (steps.ts)
 * and, for the cancellations, from the roll: two queries (plus the organization's lookup) whatever the subtree's size.
 *
 * Decisions, stated once (they are repeated in each figure's computation text):
 * - A development record belongs to the organization that keeps it (its org_id: the branch that develops the person),
 *   and counts for that organization and every one above it.
 * - Flows count the records whose step date falls in the period: ③ 确定入党积极分子 (activist_on), ⑰ 上级党委审批
 *   (approved_on: 接收预备党员), ㉔ 上级党委审批转正 (conversion_approved_on).
 * - activists_total is the stock at the period's end, judged from the dates alone (as deriveStage does): made an
 *   activist on or before the end and not yet a 发展对象 (candidate_on empty or later). The records hold no date for
 *   an activist leaving the procedure (取消入党积极分子资格, moving away), so one who stopped without it being
 *   recorded still counts.
 * - probationary_status_cancelled: the development record has no cancellation step; 取消预备党员资格 is recorded on
 *   the member's record as the reason for leaving the roll (leave-member.ts). It counts those memberships that left
 *   for that reason in the period, in the organization the member was in (a member who has left is never transferred).
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import type { Figure, FigureSet } from '../../shared/figures.js';
import { parsePeriod } from '../../shared/period.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { rootOf } from '../dues/dues-ledger.js';

/** The reason for leaving the roll that records 取消预备党员资格 (LEAVE_REASONS in src/shared/vocab.ts). */
export const CANCELLED_REASON = '取消预备党员资格';

interface DevRow {
  id: number;
  activist_on: string | null;
  candidate_on: string | null;
  approved_on: string | null;
  conversion_approved_on: string | null;
}

function subtreeFilter(root: string | null) {
  return root === null ? sql<boolean>`1 = 1` : sql<boolean>`o.path >= ${root} and o.path < ${subtreeUpperBound(root)}`;
}

export async function developmentFigures(ctx: Ctx, q: { orgCode?: string | undefined; period: string }): Promise<FigureSet> {
  const period = parsePeriod(q.period);
  const { root, org } = await rootOf(ctx, q.orgCode);
  const { start, end } = period;
  const rows: DevRow[] = await ctx.db
    .selectFrom('development_records as d')
    .innerJoin('organizations as o', 'o.id', 'd.org_id')
    .select(['d.id', 'd.activist_on', 'd.candidate_on', 'd.approved_on', 'd.conversion_approved_on'])
    .where(subtreeFilter(root))
    .where((eb) =>
      eb.or([
        eb('d.activist_on', '<=', end),
        eb.and([eb('d.approved_on', '>=', start), eb('d.approved_on', '<=', end)]),
        eb.and([eb('d.conversion_approved_on', '>=', start), eb('d.conversion_approved_on', '<=', end)]),
      ]),
    )
    .orderBy('d.id')
    .execute();
  const cancelled = await ctx.db
    .selectFrom('memberships as ms')
    .innerJoin('organizations as o', 'o.id', 'ms.org_id')
    .select('ms.id')
    .where(subtreeFilter(root))
    .where('ms.leave_reason', '=', CANCELLED_REASON)
    .where('ms.left_on', '>=', start)
    .where('ms.left_on', '<=', end)
    .orderBy('ms.id')
    .execute();

  const inPeriod = (d: string | null) => d !== null && d >= start && d <= end;
  const records = (id: string, label: string, list: DevRow[], computation: string): Figure => ({
    id,
    label,
    unit: '名',
    value: list.length,
    computation,
    evidence: { table: 'development_records', ids: list.map((r) => r.id) },
  });
  const KEPT = '按保存发展记录的组织（培养发展的党支部）计入其所属上级';

  const figures: Figure[] = [
    records('new_activists', '确定入党积极分子', rows.filter((r) => inPeriod(r.activist_on)), `统计期内“确定入党积极分子日期”在期内的发展记录数；${KEPT}`),
    records(
      'new_probationary_members',
      '发展党员（接收预备党员）',
      rows.filter((r) => inPeriod(r.approved_on)),
      `统计期内经上级党委审批接收为预备党员（“上级党委审批日期”在期内）的人数；${KEPT}`,
    ),
    records(
      'probationary_members_confirmed',
      '预备党员转正',
      rows.filter((r) => inPeriod(r.conversion_approved_on)),
      `统计期内上级党委审批转正（“转正审批日期”在期内）的预备党员人数；只计经本系统发展记录办理的转正；${KEPT}`,
    ),
    {
      id: 'probationary_status_cancelled',
      label: '取消预备党员资格',
      unit: '名',
      value: cancelled.length,
      computation: `统计期内以“${CANCELLED_REASON}”离开党员名册（离开日期在期内）的人数；发展记录无此步骤，取自党员记录，按其所在组织计入所属上级`,
      evidence: { table: 'memberships', ids: cancelled.map((r) => r.id) },
    },
    records(
      'activists_total',
      '入党积极分子（期末数）',
      rows.filter((r) => r.activist_on !== null && r.activist_on <= end && (r.candidate_on === null || r.candidate_on > end) && (r.approved_on === null || r.approved_on > end)),
      `截至期末（${end}）已确定为入党积极分子、尚未确定为发展对象的人数（按各步骤日期判断）；记录中无退出培养的日期，未登记退出的仍计入；${KEPT}`,
    ),
  ];
  return { org, period, figures };
}
