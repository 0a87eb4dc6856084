import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { getList } from './find-lists.js';
import { checkItems, insertItems } from './list-items-write.js';
import { auditableList } from './list-records.js';
import { TASK_LABELS, listInput, type ListDetail, type ListInput } from './tasks.schema.js';

/**
 * Records a list of an organization for a year (主体责任清单, 任务清单, 工作要点, 责任书) with its items in one call,
 * numbered 1, 2, 3 … in the order given. The caller must be able to change the organization's records.
 */
export async function createList(ctx: Ctx, raw: ListInput): Promise<ListDetail> {
  const input = parseInput(listInput, raw, TASK_LABELS);
  checkItems(input.items);
  return inTransaction(ctx, async (tx) => {
    const org = await getWritableOrgRow(tx, input.orgCode, 'orgCode');
    if (input.issuedOn && input.issuedOn > tx.clock.today()) {
      throwIfIssues([issue('DATE_IN_FUTURE', 'issuedOn', `印发日期${input.issuedOn}晚于今天`)]);
    }
    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('responsibility_lists')
      .values({
        org_id: org.id,
        year: input.year,
        kind: input.kind,
        title: input.title,
        issued_on: input.issuedOn ?? null,
        note: input.note ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertItems(tx, { id: row.id, org_id: org.id }, input.items, 1);
    const created = await getList(tx, row.id);
    await appendAudit(tx, {
      action: 'create',
      recordType: 'responsibility_list',
      recordId: row.id,
      orgId: org.id,
      changes: diff(null, auditableList(created)),
      note: `含${created.items.length}项`,
    });
    return created;
  });
}
