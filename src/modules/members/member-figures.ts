/**
 * The member figures of an organization's subtree at a reporting period's end (catalog ids of
 * ../shared/indicators/seed-indicator-ids.jsonl): the members on the roll, and the probationary ones among them. One
 * query (plus the organization's lookup) whatever the size of the subtree.
 *
 * Decisions, stated once (they are repeated in each figure's computation text):
 * - On the roll at the end: joined (入党日期) and entered this county's roll (进入日期: approval, transfer in …) on or
 *   before the end, and not left (离开日期 empty or later). A member approved or transferred in after the end was
 *   not yet on the roll that day, whatever the 入党日期 says.
 * - Where: the organization the member was in on the end day. A member transferred within the county after the end
 *   counts where they were (the 转出 organization of the first transfer after the end); otherwise their organization now.
 * - Probationary at the end: as the rule engine judges it (src/rules/facts.ts) — not a 正式党员 whose 转正日期 is empty
 *   or on or before the end. The 转正日期 is the day the probation ends (党龄 counts from it), as the roll records it.
 * - No catalog id counts members who joined in the period: 发展党员 is new_probationary_members (development figures).
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import type { Figure, FigureSet } from '../../shared/figures.js';
import { parsePeriod } from '../../shared/period.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { rootOf } from '../dues/dues-ledger.js';

interface RollRow {
  id: number;
  status: string;
  confirmed_on: string | null;
}

/** Whether a member on the roll on `asOf` was still probationary that day (src/rules/facts.ts judges the same). */
export function probationaryOn(m: { status: string; confirmed_on: string | null }, asOf: string): boolean {
  return !(m.status === '正式党员' && (m.confirmed_on === null || m.confirmed_on <= asOf));
}

export async function memberFigures(ctx: Ctx, q: { orgCode?: string | undefined; period: string }): Promise<FigureSet> {
  const period = parsePeriod(q.period);
  const { root, org } = await rootOf(ctx, q.orgCode);
  const end = period.end;
  const inSubtree = root === null ? sql`1 = 1` : sql`o.path >= ${root} and o.path < ${subtreeUpperBound(root)}`;
  // The first transfer after the end (by date, then by record) says where the member was on the end day.
  const result = await sql<RollRow>`
    select ms.id, ms.status, ms.confirmed_on
    from memberships ms
    left join (
      select t.membership_id, t.from_org_id
      from member_transfers t
      where t.transferred_on > ${end}
        and not exists (
          select 1 from member_transfers t2
          where t2.membership_id = t.membership_id and t2.transferred_on > ${end}
            and (t2.transferred_on < t.transferred_on or (t2.transferred_on = t.transferred_on and t2.id < t.id))
        )
    ) ft on ft.membership_id = ms.id
    join organizations o on o.id = coalesce(ft.from_org_id, ms.org_id)
    where ${inSubtree}
      and ms.joined_on <= ${end}
      and (ms.entry_on is null or ms.entry_on <= ${end})
      and (ms.left_on is null or ms.left_on > ${end})
    order by ms.id
  `.execute(ctx.db);
  const roll = result.rows.map((r) => ({ ...r, id: Number(r.id) }));
  const probationary = roll.filter((m) => probationaryOn(m, end));
  const ON_ROLL = `截至期末（${end}）入党日期与进入本系统日期均不晚于期末、且未离开（离开日期为空或晚于期末）`;
  const WHERE = '按期末当日所在组织计入其所属上级（期末后组织关系转接的，计入转出组织）';

  const figures: Figure[] = [
    {
      id: 'members_total',
      label: '党员总数',
      unit: '名',
      value: roll.length,
      computation: `${ON_ROLL}的党员人数（含正式党员和预备党员）；${WHERE}`,
      evidence: { table: 'memberships', ids: roll.map((m) => m.id) },
    },
    {
      id: 'probationary_members_total',
      label: '预备党员',
      unit: '名',
      value: probationary.length,
      computation: `${ON_ROLL}的党员中，期末尚未转正（非正式党员，或转正日期晚于期末）的人数；${WHERE}`,
      evidence: { table: 'memberships', ids: probationary.map((m) => m.id) },
    },
  ];
  return { org, period, figures };
}
