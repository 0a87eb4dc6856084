import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { auditableDesignation, getDesignation } from './designation-records.js';
import { RATING_LABELS, designationInput, type DesignationInput, type DesignationView } from './ratings.schema.js';

/**
 * Records a designation of an organization (示范党支部, 最强党支部, 双强党支部, 星级党组织, 党建示范村, 标准化规范化达标)
 * with its action (命名, 新建, 提升, 复核), level and date; a writer of the organization (or above) records it.
 */
export async function recordDesignation(ctx: Ctx, raw: DesignationInput): Promise<DesignationView> {
  const input = parseInput(designationInput, raw, RATING_LABELS);
  return inTransaction(ctx, async (tx) => {
    const org = await getWritableOrgRow(tx, input.orgCode);
    const issues = [];
    if (input.designatedOn > tx.clock.today()) issues.push(issue('DATE_IN_FUTURE', 'designatedOn', `命名日期${input.designatedOn}晚于今天`));
    if (input.designatedOn < '1921-07-01') issues.push(issue('DATE_INVALID', 'designatedOn', `命名日期${input.designatedOn}早于1921-07-01`));
    throwIfIssues(issues);
    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('designations')
      .values({
        org_id: org.id,
        title: input.title,
        kind: input.kind,
        action: input.action,
        level: input.level,
        designated_on: input.designatedOn,
        revoked_on: null,
        note: input.note ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await getDesignation(tx, row.id);
    await appendAudit(tx, { action: 'create', recordType: 'designation', recordId: row.id, orgId: org.id, changes: diff(null, auditableDesignation(created)) });
    return created;
  });
}
