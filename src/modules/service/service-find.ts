/**
 * What the service operations share: the subtree asked about, members looked up within the caller's scope, and
 * service records read and shown.
 */
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { accessOf } from '../access/actor.js';
import { assertWritable, isReadable } from '../access/scope.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { hoursOf, type ServiceRecordView } from './service.schema.js';

/** The subtree asked about: an organization the caller sees, or everything the caller sees (null: the whole tree). */
export async function serviceRoot(ctx: Ctx, orgCode: string | undefined, field = 'org'): Promise<{ root: string | null; org: { code: string; name: string } | null }> {
  if (orgCode !== undefined) {
    const org = await getOrgRow(ctx, orgCode, field);
    return { root: org.path, org: { code: org.code, name: org.name } };
  }
  return { root: accessOf(ctx.actor).readRoot, org: null };
}

export function notFound(what: string, id: number | string, field = 'id'): AppError {
  const message = `${what} ${id} 不存在`;
  return new AppError('NOT_FOUND', message, [{ code: 'NOT_FOUND', field, message }]);
}

export function memberNotFoundAt(id: number, field: string): AppError {
  const message = `党员记录 ${id} 不存在`;
  return new AppError('MEMBER_NOT_FOUND', message, [{ code: 'MEMBER_NOT_FOUND', field, message }]);
}

export interface ServiceMember {
  id: number;
  name: string;
  orgId: number;
  orgPath: string;
  orgCode: string;
  orgName: string;
  joinedOn: string;
  leftOn: string | null;
}

/** Members the caller can see, by id, in one query; any other id is MEMBER_NOT_FOUND naming `field`. */
export async function loadMembers(ctx: Ctx, ids: readonly number[], field: string): Promise<ServiceMember[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select(['m.id', 'p.name', 'm.org_id', 'o.path', 'o.code', 'o.name as org_name', 'm.joined_on', 'm.left_on'])
    .where('m.id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id);
    if (!r || !isReadable(ctx, r.path)) throw memberNotFoundAt(id, field);
    return { id: r.id, name: r.name, orgId: r.org_id, orgPath: r.path, orgCode: r.code, orgName: r.org_name, joinedOn: r.joined_on, leftOn: r.left_on };
  });
}

export function memberLeft(m: ServiceMember, field: string, on: string): AppError | null {
  if (m.leftOn === null || m.leftOn > on) return null;
  const message = `${m.name}已于${m.leftOn}离开，${on}不能再登记`;
  return new AppError('MEMBER_ALREADY_LEFT', message, [{ code: 'MEMBER_ALREADY_LEFT', field, message }]);
}

export function selectRecords(ctx: Ctx) {
  return ctx.db
    .selectFrom('service_records as s')
    .innerJoin('organizations as o', 'o.id', 's.org_id')
    .leftJoin('memberships as m', 'm.id', 's.membership_id')
    .leftJoin('people as p', 'p.id', 'm.person_id')
    .select([
      's.id', 's.org_id', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 's.kind', 's.membership_id', 'p.name as member_name',
      's.category', 's.title', 's.happened_on', 's.status', 's.done_on', 's.minutes', 's.beneficiaries', 's.note',
    ]);
}

export type RecordRow = Awaited<ReturnType<ReturnType<typeof selectRecords>['executeTakeFirstOrThrow']>>;

export function presentRecord(r: RecordRow): ServiceRecordView {
  return {
    id: r.id,
    orgCode: r.org_code,
    orgName: r.org_name,
    kind: r.kind,
    memberId: r.membership_id,
    memberName: r.member_name,
    category: r.category,
    title: r.title,
    happenedOn: r.happened_on,
    status: r.status,
    doneOn: r.done_on,
    minutes: r.minutes,
    hours: r.minutes === null ? null : hoursOf(r.minutes),
    beneficiaries: r.beneficiaries,
    note: r.note,
  };
}

/** A service record the caller can see (NOT_FOUND otherwise, exactly as for a missing one). */
export async function loadRecord(ctx: Ctx, id: number): Promise<RecordRow> {
  const r = await selectRecords(ctx).where('s.id', '=', id).executeTakeFirst();
  if (!r || !isReadable(ctx, r.org_path)) throw notFound('服务记录', id);
  return r;
}

/** A service record the caller may change (NOT_FOUND outside what the caller sees, PERMISSION_DENIED inside it). */
export async function loadWritableRecord(ctx: Ctx, id: number): Promise<RecordRow> {
  const r = await loadRecord(ctx, id);
  assertWritable(ctx, r.org_path, () => notFound('服务记录', id));
  return r;
}

/** One service record. */
export async function getServiceRecord(ctx: Ctx, id: number): Promise<ServiceRecordView> {
  return presentRecord(await loadRecord(ctx, id));
}
