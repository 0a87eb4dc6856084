import { sql } from 'kysely';
import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { checkOrgRecord } from './org-rules.js';
import { getOrg, getWritableOrgRow } from './find-orgs.js';
import { appendAudit } from '../audit/append-audit.js';
import { isInSubtree, subtreeUpperBound } from './tree.js';
import type { OrgView } from './orgs.schema.js';

/**
 * Moves an organization and its whole subtree under a new parent (STYLE §6): rejects a move under itself or its
 * own descendant, then rewrites every path of the subtree with one UPDATE, inside one transaction.
 */
export async function moveOrg(ctx: Ctx, code: string, newParentCode: string): Promise<OrgView> {
  return inTransaction(ctx, async (tx) => {
    const org = await getWritableOrgRow(tx, code, 'code');
    const parent = await getWritableOrgRow(tx, newParentCode, 'parentCode');
    if (isInSubtree(org.path, parent.path)) {
      const message =
        parent.id === org.id ? '不能把组织移到它自己之下' : `不能把“${org.name}”移到它的下级组织“${parent.name}”之下（会形成循环）`;
      throw new AppError('ORG_CYCLE', message, [{ code: 'ORG_CYCLE', field: 'parentCode', message }]);
    }
    throwIfIssues(checkOrgRecord({ kind: org.kind as never }, parent.kind, tx.clock.today()));
    if (org.parent_id === parent.id) return getOrg(tx, code);

    const oldPrefix = org.path;
    const newPrefix = `${parent.path}${org.id}/`;
    const depthDelta = parent.depth + 1 - org.depth;
    await tx.db
      .updateTable('organizations')
      .set({
        path: sql<string>`${newPrefix} || substr(path, ${oldPrefix.length + 1})`,
        depth: sql<number>`depth + ${depthDelta}`,
        updated_at: tx.clock.nowIso(),
      })
      .where('path', '>=', oldPrefix)
      .where('path', '<', subtreeUpperBound(oldPrefix))
      .execute();
    await tx.db.updateTable('organizations').set({ parent_id: parent.id }).where('id', '=', org.id).execute();
    await appendAudit(tx, { action: 'move', recordType: 'organization', recordId: code, orgId: org.id, changes: { parentCode: [org.parent_code, parent.code] } });
    return getOrg(tx, code);
  });
}
