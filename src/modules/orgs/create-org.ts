import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { childPath } from './tree.js';
import { checkOrgRecord } from './org-rules.js';
import { findOrgRowByCode, getOrg, getOrgRow } from './find-orgs.js';
import type { OrgInput, OrgView } from './orgs.schema.js';

export async function createOrg(ctx: Ctx, input: OrgInput): Promise<OrgView> {
  return inTransaction(ctx, async (tx) => {
    const parent = input.parentCode ? await getOrgRow(tx, input.parentCode, 'parentCode') : null;
    throwIfIssues(checkOrgRecord(input, parent?.kind ?? null, tx.clock.today()));
    if (await findOrgRowByCode(tx, input.code)) {
      throw new AppError('ORG_CODE_TAKEN', `组织代码“${input.code}”已被使用`, [
        { code: 'ORG_CODE_TAKEN', field: 'code', message: `组织代码“${input.code}”已被使用` },
      ]);
    }
    await insertOrg(tx, input, parent);
    return getOrg(tx, input.code);
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
