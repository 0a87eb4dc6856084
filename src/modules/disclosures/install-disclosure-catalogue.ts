import { inTransaction, type Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { loadItem, presentItem } from './disclosure-records.js';
import {
  DEFAULT_DISCLOSURE_CATALOGUE,
  DISCLOSURE_BUSY_FINANCE_ITEM,
  DISCLOSURE_LABELS,
  disclosureInstallInput,
  type DisclosureInstallInput,
  type DisclosureInstallView,
} from './disclosures.schema.js';

/**
 * Installs the default catalogue (DEFAULT_DISCLOSURE_CATALOGUE) for an organization — or, with `busyFinance`, only
 * the monthly finance item (DISCLOSURE_BUSY_FINANCE_ITEM), for a village with many transactions whose default
 * catalogue comes from its township. Items the organization already has by name are skipped, so installing twice
 * changes nothing. Each item created is audited.
 */
export async function installDisclosureCatalogue(ctx: Ctx, raw: DisclosureInstallInput): Promise<DisclosureInstallView> {
  const input = parseInput(disclosureInstallInput, raw, DISCLOSURE_LABELS);
  return inTransaction(ctx, async (tx) => {
    const org = await getWritableOrgRow(tx, input.orgCode);
    const have = new Set(
      (await tx.db.selectFrom('disclosure_items').select('name').where('org_id', '=', org.id).execute()).map((r) => r.name),
    );
    const wanted = input.busyFinance ? [DISCLOSURE_BUSY_FINANCE_ITEM] : DEFAULT_DISCLOSURE_CATALOGUE;
    const view: DisclosureInstallView = { created: [], skipped: [] };
    const now = tx.clock.nowIso();
    for (const item of wanted) {
      if (have.has(item.name)) {
        view.skipped.push(item.name);
        continue;
      }
      const row = await tx.db
        .insertInto('disclosure_items')
        .values({ org_id: org.id, category: item.category, name: item.name, cadence: item.cadence, sector: item.sector, active: 1, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const created = presentItem(await loadItem(tx, row.id));
      await appendAudit(tx, {
        action: 'create',
        recordType: 'disclosure_item',
        recordId: row.id,
        orgId: org.id,
        changes: diff(null, { ...created, id: undefined, orgName: undefined }),
        note: `设置默认公开目录（依据：${item.basis}）`,
      });
      view.created.push(created);
    }
    return view;
  });
}
