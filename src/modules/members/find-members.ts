import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { maskIdNumber, maskPhone } from '../../shared/id-number.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { assertWritable, isReadable } from '../access/scope.js';
import type { MemberDetail, MemberListItem } from './members.schema.js';

function selectMembers(ctx: Ctx) {
  return ctx.db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select([
      'm.id', 'm.person_id', 'p.name', 'p.id_number', 'p.gender', 'p.ethnicity', 'p.birth_date', 'p.education',
      'p.occupation', 'p.phone', 'o.code as org_code', 'o.name as org_name', 'm.status', 'm.joined_on',
      'm.confirmed_on', 'm.entry_kind', 'm.entry_on', 'm.is_mobile', 'm.mobile_destination', 'm.party_post', 'm.left_on',
      'm.leave_reason', 'm.leave_note', 'o.path as org_path', 'm.org_id',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectMembers>['executeTakeFirstOrThrow']>>;

function base(r: Row) {
  return {
    id: r.id,
    personId: r.person_id,
    name: r.name,
    gender: r.gender,
    ethnicity: r.ethnicity,
    birthDate: r.birth_date,
    education: r.education,
    occupation: r.occupation,
    orgCode: r.org_code,
    orgName: r.org_name,
    status: r.status,
    joinedOn: r.joined_on,
    confirmedOn: r.confirmed_on,
    isMobile: r.is_mobile === 1,
    partyPost: r.party_post,
    leftOn: r.left_on,
    leaveReason: r.leave_reason,
  };
}

export function memberNotFound(id: number | string): AppError {
  const message = `党员记录 ${id} 不存在`;
  return new AppError('MEMBER_NOT_FOUND', message, [{ code: 'MEMBER_NOT_FOUND', field: 'id', message }]);
}

/** A member the caller may see, with the path and id of the member's organization (for scope checks). */
export async function loadMember(ctx: Ctx, id: number): Promise<{ view: MemberDetail; orgPath: string; orgId: number }> {
  const r = await selectMembers(ctx).where('m.id', '=', id).executeTakeFirst();
  if (!r || !isReadable(ctx, r.org_path)) throw memberNotFound(id);
  return { view: await present(ctx, r), orgPath: r.org_path, orgId: r.org_id };
}

/** A member the caller may change (MEMBER_NOT_FOUND outside what the caller sees, PERMISSION_DENIED inside it). */
export async function loadWritableMember(ctx: Ctx, id: number): Promise<{ view: MemberDetail; orgPath: string; orgId: number }> {
  const m = await loadMember(ctx, id);
  assertWritable(ctx, m.orgPath, () => memberNotFound(id));
  return m;
}

export async function getMember(ctx: Ctx, id: number): Promise<MemberDetail> {
  return (await loadMember(ctx, id)).view;
}

async function present(ctx: Ctx, r: Row): Promise<MemberDetail> {
  const id = r.id;
  const transfers = await ctx.db
    .selectFrom('member_transfers as t')
    .innerJoin('organizations as f', 'f.id', 't.from_org_id')
    .innerJoin('organizations as d', 'd.id', 't.to_org_id')
    .select(['f.code as from_code', 'd.code as to_code', 't.transferred_on', 't.note'])
    .where('t.membership_id', '=', id)
    .orderBy('t.transferred_on')
    .orderBy('t.id')
    .execute();
  return {
    ...base(r),
    idNumber: ctx.vault.open(r.id_number),
    phone: r.phone,
    entryKind: r.entry_kind,
    entryOn: r.entry_on,
    mobileDestination: r.mobile_destination,
    leaveNote: r.leave_note,
    transfers: transfers.map((t) => ({ fromOrgCode: t.from_code, toOrgCode: t.to_code, transferredOn: t.transferred_on, note: t.note })),
  };
}

/** Members of an organization (and, by default, of everything under it), ID numbers and phones masked. */
export async function findMembers(
  ctx: Ctx,
  query: { org: string; subtree?: boolean; status?: string | undefined; name?: string | undefined; includeLeft?: boolean; limit?: number; offset?: number },
): Promise<{ total: number; items: MemberListItem[] }> {
  const org = await getOrgRow(ctx, query.org, 'org');
  let q = selectMembers(ctx);
  let c = ctx.db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select((eb) => eb.fn.countAll<number>().as('n'));
  if (query.subtree ?? true) {
    const upper = subtreeUpperBound(org.path);
    q = q.where('o.path', '>=', org.path).where('o.path', '<', upper);
    c = c.where('o.path', '>=', org.path).where('o.path', '<', upper);
  } else {
    q = q.where('m.org_id', '=', org.id);
    c = c.where('m.org_id', '=', org.id);
  }
  if (!query.includeLeft) {
    q = q.where('m.left_on', 'is', null);
    c = c.where('m.left_on', 'is', null);
  }
  if (query.status) {
    q = q.where('m.status', '=', query.status);
    c = c.where('m.status', '=', query.status);
  }
  if (query.name) {
    const pattern = `%${query.name.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where(sql<boolean>`p.name like ${pattern} escape '\\'`);
    c = c.where(sql<boolean>`p.name like ${pattern} escape '\\'`);
  }
  const [rows, count] = await Promise.all([
    q.orderBy('o.path').orderBy('m.id').limit(query.limit ?? 50).offset(query.offset ?? 0).execute(),
    c.executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({ ...base(r), idNumberMasked: maskIdNumber(ctx.vault.open(r.id_number)), phoneMasked: maskPhone(r.phone) })),
  };
}

/** Members currently on the roll of an organization and everything under it: one indexed range query. */
export async function countMembers(ctx: Ctx, orgCode: string): Promise<number> {
  const org = await getOrgRow(ctx, orgCode, 'org');
  const row = await ctx.db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('o.path', '>=', org.path)
    .where('o.path', '<', subtreeUpperBound(org.path))
    .where('m.left_on', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
