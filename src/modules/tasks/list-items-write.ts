import type { Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { auditableItem, presentItem } from './list-records.js';
import { checkListItemTarget } from './task-rules.js';
import type { ListItemView } from './tasks.schema.js';

type ParsedItem = { content: string; category?: string | null | undefined; targetValue?: number | null | undefined; targetUnit?: string | null | undefined };

/** Checks items together, each issue naming its place (items.2.targetUnit). */
export function checkItems(items: ParsedItem[]): void {
  throwIfIssues(items.flatMap((item, i) => checkListItemTarget(item, `items.${i}.targetUnit`)));
}

/**
 * Appends items to a list in one insert, numbered from `firstSeq` in the order given, each audited. Inside the
 * caller's transaction; the list's writability is the caller's to check.
 */
export async function insertItems(tx: Ctx, list: { id: number; org_id: number }, items: ParsedItem[], firstSeq: number): Promise<ListItemView[]> {
  if (items.length === 0) return [];
  const now = tx.clock.nowIso();
  const rows = await tx.db
    .insertInto('list_items')
    .values(
      items.map((item, i) => ({
        org_id: list.org_id,
        list_id: list.id,
        seq: firstSeq + i,
        content: item.content,
        category: item.category ?? null,
        target_value: item.targetValue ?? null,
        target_unit: item.targetUnit ?? null,
        created_at: now,
        updated_at: now,
      })),
    )
    .returning(['id', 'list_id', 'seq', 'content', 'category', 'target_value', 'target_unit'])
    .execute();
  const views = rows.map(presentItem).sort((a, b) => a.seq - b.seq);
  for (const v of views) {
    await appendAudit(tx, { action: 'create', recordType: 'list_item', recordId: v.id, orgId: list.org_id, changes: diff(null, auditableItem(v)) });
  }
  return views;
}
