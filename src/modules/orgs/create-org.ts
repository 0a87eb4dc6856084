import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { childPath } from './tree.js';
import { checkOrgRecord } from './org-rules.js';
import { findOrgRowByCode, getOrg, getWritableOrgRow } from './find-orgs.js';
import { accessOf } from '../access/actor.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { orgFields, type OrgInput, type OrgView } from './orgs.schema.js';

export async function createOrg(ctx: Ctx, input: OrgInput): Promise<OrgView> {
  return inTransaction(ctx, async (tx) => {
    const parent = input.parentCode ? await getWritableOrgRow(tx, input.parentCode, 'parentCode') : null;
    if (!parent && !accessOf(tx.actor).isAdmin) {
      const message = '只有系统管理员可以新建最上级组织';
      throw new AppError('PERMISSION_DENIED', message, [{ code: 'PERMISSION_DENIED', field: 'parentCode', message }]);
    }
    throwIfIssues(checkOrgRecord(input, parent?.kind ?? null, tx.clock.today()));
    if (await findOrgRowByCode(tx, input.code)) {
      throw new AppError('ORG_CODE_TAKEN', `组织代码“${input.code}”已被使用`, [
        { code: 'ORG_CODE_TAKEN', field: 'code', message: `组织代码“${input.code}”已被使用` },
      ]);
    }
    const id = await insertOrg(tx, input, parent);
    const created = await getOrg(tx, input.code);
    await appendAudit(tx, { action: 'create', recordType: 'organization', recordId: input.code, orgId: id, changes: diff(null, orgFields(created)) });
    return created;
  });
}

/** Inserts one organization under an already-resolved parent; the path needs the new id, so it is set second. */
export async function insertOrg(
  ctx: Ctx,
  input: OrgInput,
  parent: { id: number; path: string; depth: number } | null,
): Promise<number> {
  const now = ctx.clock.nowIso();
  const inserted = await ctx.db
    .insertInto('organizations')
    .values({
      code: input.code,
      name: input.name,
      parent_id: parent?.id ?? null,
      path: `tmp:${input.code}`,
      depth: parent ? parent.depth + 1 : 0,
      kind: input.kind,
      sector: input.sector,
      established_on: input.establishedOn ?? null,
      last_election_on: input.lastElectionOn ?? null,
      term_years: input.termYears ?? null,
      committee_size: input.committeeSize ?? null,
      term_extended_to: input.termExtendedTo ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db
    .updateTable('organizations')
    .set({ path: childPath(parent?.path ?? null, inserted.id) })
    .where('id', '=', inserted.id)
    .execute();
  return inserted.id;
}

