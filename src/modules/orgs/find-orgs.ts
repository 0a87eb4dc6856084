import type { Ctx } from '../../context.js';
import type { OrganizationRow } from '../../db/schema.js';
import { AppError } from '../../shared/errors.js';
import { subtreeUpperBound } from './tree.js';
import { assertWritable, isReadable, readScoped } from '../access/scope.js';
import type { OrgView } from './orgs.schema.js';

const columns = [
  'o.id', 'o.code', 'o.name', 'o.parent_id', 'o.path', 'o.depth', 'o.kind', 'o.sector',
  'o.established_on', 'o.last_election_on', 'o.term_years', 'o.committee_size', 'o.term_extended_to',
  'o.created_at', 'o.updated_at',
] as const;

type OrgWithParent = OrganizationRow & { parent_code: string | null };

export function presentOrg(row: OrgWithParent): OrgView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    parentId: row.parent_id,
    parentCode: row.parent_code,
    kind: row.kind,
    sector: row.sector,
    establishedOn: row.established_on,
    lastElectionOn: row.last_election_on,
    termYears: row.term_years,
    committeeSize: row.committee_size,
    termExtendedTo: row.term_extended_to,
    depth: row.depth,
    path: row.path,
  };
}

function selectOrgs(ctx: Ctx) {
  return ctx.db
    .selectFrom('organizations as o')
    .leftJoin('organizations as p', 'p.id', 'o.parent_id')
    .select([...columns, 'p.code as parent_code']);
}

export async function findOrgRowByCode(ctx: Ctx, code: string): Promise<OrgWithParent | undefined> {
  return selectOrgs(ctx).where('o.code', '=', code).executeTakeFirst();
}

export function orgNotFound(code: string, field = 'orgCode'): AppError {
  const message = `组织代码“${code}”不存在`;
  return new AppError('ORG_NOT_FOUND', message, [{ code: 'ORG_NOT_FOUND', field, message }]);
}

/**
 * The organization with this code, if the caller may see it; otherwise ORG_NOT_FOUND naming the field — the same
 * answer as for a code that does not exist, so nothing outside the caller's scope leaks.
 */
export async function getOrgRow(ctx: Ctx, code: string, field = 'orgCode'): Promise<OrgWithParent> {
  const row = await findOrgRowByCode(ctx, code);
  if (!row || !isReadable(ctx, row.path)) throw orgNotFound(code, field);
  return row;
}

/** The organization with this code, if the caller may change its records (ORG_NOT_FOUND or PERMISSION_DENIED). */
export async function getWritableOrgRow(ctx: Ctx, code: string, field = 'orgCode'): Promise<OrgWithParent> {
  const row = await getOrgRow(ctx, code, field);
  assertWritable(ctx, row.path, () => orgNotFound(code, field));
  return row;
}

export async function getOrg(ctx: Ctx, code: string): Promise<OrgView> {
  return presentOrg(await getOrgRow(ctx, code));
}

/** The organization and everything under it, parents before children, siblings by code. */
export async function listSubtree(ctx: Ctx, rootCode?: string): Promise<OrgView[]> {
  let q = selectOrgs(ctx).$call(readScoped(ctx, 'o.path'));
  if (rootCode !== undefined) {
    const root = await getOrgRow(ctx, rootCode);
    q = q.where('o.path', '>=', root.path).where('o.path', '<', subtreeUpperBound(root.path));
  }
  const rows = await q.orderBy('o.depth').orderBy('o.code').execute();
  return rows.map(presentOrg);
}

/** The organizations the caller can see, by code, in one query. */
export async function orgsByCode(ctx: Ctx): Promise<Map<string, OrgView>> {
  const all = await listSubtree(ctx);
  return new Map(all.map((o) => [o.code, o]));
}
