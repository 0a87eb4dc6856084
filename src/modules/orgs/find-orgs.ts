import type { Ctx } from '../../context.js';
import type { OrganizationRow } from '../../db/schema.js';
import { AppError } from '../../shared/errors.js';
import { subtreeUpperBound } from './tree.js';
import type { OrgView } from './orgs.schema.js';

const columns = [
  'o.id', 'o.code', 'o.name', 'o.parent_id', 'o.path', 'o.depth', 'o.kind', 'o.sector',
  'o.established_on', 'o.last_election_on', 'o.term_years', 'o.created_at', 'o.updated_at',
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

/** The organization with this code, or ORG_NOT_FOUND naming it. */
export async function getOrgRow(ctx: Ctx, code: string, field = 'orgCode'): Promise<OrgWithParent> {
  const row = await findOrgRowByCode(ctx, code);
  if (!row) throw new AppError('ORG_NOT_FOUND', `组织代码“${code}”不存在`, [{ code: 'ORG_NOT_FOUND', field, message: `组织代码“${code}”不存在` }]);
  return row;
}

export async function getOrg(ctx: Ctx, code: string): Promise<OrgView> {
  return presentOrg(await getOrgRow(ctx, code));
}

/** The organization and everything under it, parents before children, siblings by code. */
export async function listSubtree(ctx: Ctx, rootCode?: string): Promise<OrgView[]> {
  let q = selectOrgs(ctx);
  if (rootCode !== undefined) {
    const root = await getOrgRow(ctx, rootCode);
    q = q.where('o.path', '>=', root.path).where('o.path', '<', subtreeUpperBound(root.path));
  }
  const rows = await q.orderBy('o.depth').orderBy('o.code').execute();
  return rows.map(presentOrg);
}

/** All organizations by code: the lookup an import or a generator needs, in one query. */
export async function orgsByCode(ctx: Ctx): Promise<Map<string, OrgView>> {
  const all = await listSubtree(ctx);
  return new Map(all.map((o) => [o.code, o]));
}
