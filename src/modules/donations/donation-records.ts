/**
 * Reading donations: one select with the member's name and the organization the donation is recorded under, the
 * view, and the lookups the writes share.
 */
import type { Ctx } from '../../context.js';
import { AppError, type FieldIssue } from '../../shared/errors.js';
import { issue } from '../../shared/validation.js';
import { assertWritable, isReadable } from '../access/scope.js';
import { yuan } from '../dues/dues-rates.js';
import type { DonationView } from './donations.schema.js';

export function selectDonations(ctx: Ctx) {
  return ctx.db
    .selectFrom('donations as d')
    .innerJoin('memberships as m', 'm.id', 'd.membership_id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'd.org_id')
    .select([
      'd.id', 'd.membership_id', 'p.name', 'd.org_id', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 'd.campaign',
      'd.donated_on', 'd.amount_fen', 'd.note',
    ]);
}

export type DonationRow = Awaited<ReturnType<ReturnType<typeof selectDonations>['executeTakeFirstOrThrow']>>;

export function presentDonation(r: DonationRow): DonationView {
  const amountFen = Number(r.amount_fen);
  return {
    id: r.id,
    memberId: r.membership_id,
    name: r.name,
    orgCode: r.org_code,
    orgName: r.org_name,
    campaign: r.campaign,
    donatedOn: r.donated_on,
    amountFen,
    amount: yuan(amountFen),
    note: r.note,
  };
}

export function donationNotFound(id: number): AppError {
  const message = `捐款记录 ${id} 不存在`;
  return new AppError('DONATION_NOT_FOUND', message, [{ code: 'DONATION_NOT_FOUND', field: 'id', message }]);
}

/** A donation the caller may change: DONATION_NOT_FOUND outside what the caller sees, PERMISSION_DENIED inside it. */
export async function loadWritableDonation(ctx: Ctx, id: number): Promise<DonationRow> {
  const row = await selectDonations(ctx).where('d.id', '=', id).executeTakeFirst();
  if (!row || !isReadable(ctx, row.org_path)) throw donationNotFound(id);
  assertWritable(ctx, row.org_path, () => donationNotFound(id));
  return row;
}

/** A donation is made by a member on the roll, on a day already past: from joining to the day before leaving. */
export function checkDonatedOn(
  donatedOn: string,
  member: { name: string; joinedOn: string; leftOn: string | null },
  today: string,
  field = 'donatedOn',
): FieldIssue[] {
  if (donatedOn > today) return [issue('DATE_IN_FUTURE', field, `捐款日期${donatedOn}晚于今天`)];
  if (donatedOn < member.joinedOn) return [issue('DATE_ORDER_INVALID', field, `捐款日期${donatedOn}早于${member.name}入党日期${member.joinedOn}`)];
  if (member.leftOn !== null && donatedOn >= member.leftOn) {
    return [issue('DATE_ORDER_INVALID', field, `捐款日期${donatedOn}不早于${member.name}离开党组织的日期${member.leftOn}`)];
  }
  return [];
}

/** A member's "not found" naming the field the member was given in. */
export function asMemberField<E>(e: E, field: string): E {
  if (e instanceof AppError && e.code === 'MEMBER_NOT_FOUND') for (const i of e.issues) i.field = field;
  return e;
}
