import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { CADENCE_EVERY, appliesTo, checkPeriodLabel, checkProposedOn } from './disclosure-rules.js';
import { auditableDisclosure, getDisclosure, loadItem } from './disclosure-records.js';
import { DISCLOSURE_LABELS, disclosureInput, type DisclosureInput, type DisclosureView } from './disclosures.schema.js';

export function periodTaken(orgCode: string, itemName: string, label: string, id: number): AppError {
  const message = `组织${orgCode}的“${itemName}”${label}期已有公开记录（编号${id}）`;
  return new AppError('DISCLOSURE_DUPLICATE', message, [{ code: 'DISCLOSURE_DUPLICATE', field: 'periodLabel', message }]);
}

/**
 * Proposes a disclosure (提出, the first step of 第十五条) for an organization, an item of its catalogue and a period:
 * the organization must be in the item's subtree and of its sector, the item active, the period in the item's
 * cadence's form and begun. A periodic item's period is disclosed once per organization (DISCLOSURE_DUPLICATE); 随时
 * items may be disclosed any number of times.
 */
export async function proposeDisclosure(ctx: Ctx, raw: DisclosureInput): Promise<DisclosureView> {
  const input = parseInput(disclosureInput, raw, DISCLOSURE_LABELS);
  return inTransaction(ctx, async (tx) => {
    const org = await getWritableOrgRow(tx, input.orgCode);
    const item = await loadItem(tx, input.itemId);
    const today = tx.clock.today();
    const issues = [];
    if (!appliesTo({ path: item.org_path, sector: item.sector }, org)) {
      const scope = item.sector ? `${item.org_code}及其下级的${item.sector}组织` : `${item.org_code}及其下级组织`;
      issues.push(issue('FIELD_INVALID', 'itemId', `公开事项：“${item.name}”适用于${scope}，不适用于${org.code}`));
    } else if (!item.active) {
      issues.push(issue('FIELD_INVALID', 'itemId', `公开事项：“${item.name}”已停用`));
    }
    const period = checkPeriodLabel(item.cadence, input.periodLabel, today);
    issues.push(...period.issues);
    if (period.issues.length === 0) issues.push(...checkProposedOn(input.proposedOn, period.unit, today));
    else if (input.proposedOn > today) issues.push(issue('DATE_IN_FUTURE', 'proposedOn', `提出日期${input.proposedOn}晚于今天`));
    throwIfIssues(issues);

    if (CADENCE_EVERY[item.cadence] !== null) {
      const taken = await tx.db
        .selectFrom('disclosures')
        .select('id')
        .where('org_id', '=', org.id)
        .where('item_id', '=', item.id)
        .where('period_label', '=', period.label)
        .executeTakeFirst();
      if (taken) throw periodTaken(org.code, item.name, period.label, taken.id);
    }
    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('disclosures')
      .values({
        org_id: org.id,
        item_id: item.id,
        period_label: period.label,
        content: input.content,
        proposed_on: input.proposedOn,
        reviewed_on: null,
        reviewed_by: null,
        approved_on: null,
        approved_by: null,
        published_on: null,
        note: input.note ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await getDisclosure(tx, row.id);
    await appendAudit(tx, { action: 'create', recordType: 'disclosure', recordId: row.id, orgId: org.id, changes: diff(null, auditableDisclosure(created)), note: '提出' });
    return created;
  });
}
