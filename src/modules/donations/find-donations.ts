import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { yuan } from '../dues/dues-rates.js';
import { rootOf } from '../dues/dues-ledger.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { presentDonation, selectDonations } from './donation-records.js';
import {
  DONATION_LABELS,
  donationCampaignsQuery,
  donationListQuery,
  type DonationCampaignsQuery,
  type DonationCampaignsView,
  type DonationListQuery,
  type DonationPageView,
} from './donations.schema.js';

/** The subtree as one condition on `o.path` (null: everything). */
export function subtreeFilter(root: string | null) {
  return root === null ? sql<boolean>`1 = 1` : sql<boolean>`o.path >= ${root} and o.path < ${subtreeUpperBound(root)}`;
}

/** Donations of an organization's subtree (or everything the caller sees), newest first, with the total amount. */
export async function findDonations(ctx: Ctx, raw: DonationListQuery): Promise<DonationPageView> {
  const q = parseInput(donationListQuery, raw, DONATION_LABELS);
  const { root } = await rootOf(ctx, q.org);
  const conditions = [subtreeFilter(root)];
  if (q.campaign) conditions.push(sql<boolean>`d.campaign = ${q.campaign}`);
  if (q.from) conditions.push(sql<boolean>`d.donated_on >= ${q.from}`);
  if (q.to) conditions.push(sql<boolean>`d.donated_on <= ${q.to}`);
  const where = sql<boolean>`${sql.join(conditions, sql` and `)}`;
  const [rows, sums] = await Promise.all([
    selectDonations(ctx).where(where).orderBy('d.donated_on', 'desc').orderBy('d.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    ctx.db
      .selectFrom('donations as d')
      .innerJoin('organizations as o', 'o.id', 'd.org_id')
      .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`coalesce(sum(d.amount_fen), 0)`.as('fen')])
      .where(where)
      .executeTakeFirstOrThrow(),
  ]);
  const totalFen = Number(sums.fen);
  return { total: Number(sums.n), totalFen, totalAmount: yuan(totalFen), items: rows.map(presentDonation) };
}

/** The campaigns donated to in the subtree (within dates, if given), each with donors, donations and the total. */
export async function donationCampaigns(ctx: Ctx, raw: DonationCampaignsQuery = {}): Promise<DonationCampaignsView> {
  const q = parseInput(donationCampaignsQuery, raw, DONATION_LABELS);
  const { root, org } = await rootOf(ctx, q.org);
  let query = ctx.db
    .selectFrom('donations as d')
    .innerJoin('organizations as o', 'o.id', 'd.org_id')
    .select([
      'd.campaign',
      sql<number>`count(distinct d.membership_id)`.as('donors'),
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`sum(d.amount_fen)`.as('fen'),
      sql<string>`min(d.donated_on)`.as('first_on'),
      sql<string>`max(d.donated_on)`.as('last_on'),
    ])
    .where(subtreeFilter(root))
    .groupBy('d.campaign');
  if (q.from) query = query.where('d.donated_on', '>=', q.from);
  if (q.to) query = query.where('d.donated_on', '<=', q.to);
  const rows = await query.execute();
  const items = rows
    .map((r) => ({
      campaign: r.campaign,
      donors: Number(r.donors),
      donations: Number(r.n),
      totalFen: Number(r.fen),
      total: yuan(Number(r.fen)),
      firstOn: r.first_on,
      lastOn: r.last_on,
    }))
    .sort((a, b) => (a.lastOn < b.lastOn ? 1 : a.lastOn > b.lastOn ? -1 : a.campaign.localeCompare(b.campaign)));
  return { org, items };
}
