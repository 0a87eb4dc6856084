import { inTransaction, type Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { loadItem, presentItem } from './disclosure-records.js';
import { DISCLOSURE_LABELS, disclosureItemInput, type DisclosureItemInput, type DisclosureItemView } from './disclosures.schema.js';

export function itemTaken(orgCode: string, name: string): AppError {
  const message = `组织${orgCode}的公开目录中已有事项“${name}”`;
  return new AppError('DISCLOSURE_DUPLICATE', message, [{ code: 'DISCLOSURE_DUPLICATE', field: 'name', message }]);
}

/**
 * Adds an item to an organization's disclosure catalogue (三务公开目录): it applies to the organization and every
 * organization under it of the item's sector. A name is used once per defining organization (DISCLOSURE_DUPLICATE).
 */
export async function createDisclosureItem(ctx: Ctx, raw: DisclosureItemInput): Promise<DisclosureItemView> {
  const input = parseInput(disclosureItemInput, raw, DISCLOSURE_LABELS);
  return inTransaction(ctx, async (tx) => {
    const org = await getWritableOrgRow(tx, input.orgCode);
    const existing = await tx.db.selectFrom('disclosure_items').select('id').where('org_id', '=', org.id).where('name', '=', input.name).executeTakeFirst();
    if (existing) throw itemTaken(org.code, input.name);
    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('disclosure_items')
      .values({
        org_id: org.id,
        category: input.category,
        name: input.name,
        cadence: input.cadence,
        sector: input.sector ?? null,
        active: input.active ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = presentItem(await loadItem(tx, row.id));
    await appendAudit(tx, { action: 'create', recordType: 'disclosure_item', recordId: row.id, orgId: org.id, changes: diff(null, { ...created, id: undefined, orgName: undefined }) });
    return created;
  });
}
