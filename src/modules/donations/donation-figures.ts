/**
 * The donation figures of an organization's subtree for a reporting period (catalog ids member_donors,
 * member_donation_rate, member_donation_amount), optionally of one campaign: two queries (the donations of the
 * period, the members on the roll at its end) plus the organization's lookup.
 *
 * - A donation counts in the period holding its date, in the subtree of the organization it was recorded under
 *   (the member's organization on the day it was recorded).
 * - Members on the roll at the period's end: joined on or before the last day and not left by then (left_on after
 *   it) — the roll the rule facts count (src/rules/facts.ts) and, on today, count-members-by-org.ts (left_on null).
 * - The rate is donors / members on the roll × 100, one decimal; a donor who left before the period's end is still a
 *   donor, so the rate can exceed 100 in a subtree that lost members.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { percent, type FigureSet } from '../../shared/figures.js';
import { parsePeriod } from '../../shared/period.js';
import { rootOf } from '../dues/dues-ledger.js';
import { yuan } from '../dues/dues-rates.js';
import { subtreeFilter } from './find-donations.js';

export async function donationFigures(ctx: Ctx, q: { orgCode?: string | undefined; period: string; campaign?: string | undefined }): Promise<FigureSet> {
  const period = parsePeriod(q.period);
  const campaign = q.campaign?.trim() || undefined;
  const { root, org } = await rootOf(ctx, q.orgCode);
  let donationsQuery = ctx.db
    .selectFrom('donations as d')
    .innerJoin('organizations as o', 'o.id', 'd.org_id')
    .select(['d.id', 'd.membership_id', 'd.amount_fen'])
    .where(subtreeFilter(root))
    .where('d.donated_on', '>=', period.start)
    .where('d.donated_on', '<=', period.end);
  if (campaign) donationsQuery = donationsQuery.where('d.campaign', '=', campaign);
  const [donations, roll] = await Promise.all([
    donationsQuery.orderBy('d.id').execute(),
    ctx.db
      .selectFrom('memberships as m')
      .innerJoin('organizations as o', 'o.id', 'm.org_id')
      .select(sql<number>`count(*)`.as('n'))
      .where(subtreeFilter(root))
      .where('m.joined_on', '<=', period.end)
      .where((eb) => eb.or([eb('m.left_on', 'is', null), eb('m.left_on', '>', period.end)]))
      .executeTakeFirstOrThrow(),
  ]);
  const donors = new Set(donations.map((d) => d.membership_id)).size;
  const onRoll = Number(roll.n);
  const fen = donations.reduce((s, d) => s + Number(d.amount_fen), 0);
  const ids = donations.map((d) => d.id);
  const scope = campaign ? `“${campaign}”活动中` : '';
  const evidence = { table: 'donations', ids };
  return {
    org,
    period,
    figures: [
      { id: 'member_donors', label: '捐款党员人数', unit: '人', value: donors, computation: `期内${scope}有捐款记录的党员，按人去重`, evidence },
      {
        id: 'member_donation_rate',
        label: '党员捐款率',
        unit: '%',
        value: percent(donors, onRoll),
        computation: `捐款党员人数（${donors}）÷ 期末（${period.end}）在册党员人数（${onRoll}，入党日期不晚于期末且期末未离开）× 100，保留一位小数`,
        evidence,
      },
      {
        id: 'member_donation_amount',
        label: '党员捐款金额',
        unit: '元',
        value: fen / 100,
        computation: `期内${scope}党员捐款金额合计（${yuan(fen)}元）`,
        evidence,
      },
    ],
  };
}
