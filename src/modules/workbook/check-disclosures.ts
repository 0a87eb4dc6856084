/**
 * The 公开目录 and 公开记录 sheets, checked with the disclosures module's schemas and rules (disclosures.schema.ts,
 * disclosure-rules.ts): a catalogue item of an organization, and each disclosure of an organization the item applies
 * to (the item's own or under it, of the item's unit type), for a period in the form the item's cadence asks, once
 * per organization, item and period, its steps (审核, 审批, 公开) dated in order with who reviewed and approved.
 */
import { z } from 'zod';
import type { FieldIssue } from '../../shared/errors.js';
import { issue } from '../../shared/validation.js';
import { checkPeriodLabel, checkProposedOn } from '../disclosures/disclosure-rules.js';
import { disclosureInput, disclosureItemInput } from '../disclosures/disclosures.schema.js';
import { firstRowText, type LedgerRefs } from './ledger-refs.js';
import type { ParsedRow } from './sheet-collector.js';
import { checkRow, key, KeyIndex, notBefore, optionalDate, optionalText } from './sheet-fields.js';
import { SHEETS, type DisclosureItemValues, type DisclosureValues } from './workbook-format.js';

export interface PlannedDisclosureItem {
  key: string;
  orgCode: string;
  category: string;
  name: string;
  cadence: string;
  sector: string | null;
  active: boolean;
}
export interface PlannedDisclosure {
  key: string;
  orgCode: string;
  periodLabel: string;
  content: string;
  proposedOn: string;
  reviewedOn: string | null;
  reviewedBy: string | null;
  approvedOn: string | null;
  approvedBy: string | null;
  publishedOn: string | null;
  note: string | null;
}

export interface DisclosureRows {
  disclosureItems: ParsedRow<DisclosureItemValues>[];
  disclosures: ParsedRow<DisclosureValues>[];
}
export interface PlannedDisclosures {
  items: PlannedDisclosureItem[];
  disclosures: PlannedDisclosure[];
}

const itemRow = disclosureItemInput.extend({ key, active: z.boolean().nullish() });
const disclosureRow = disclosureInput.omit({ itemId: true }).extend({
  key, reviewedOn: optionalDate, reviewedBy: optionalText(100), approvedOn: optionalDate, approvedBy: optionalText(100), publishedOn: optionalDate,
});

export function checkDisclosureSheets(rows: DisclosureRows, refs: LedgerRefs, issues: FieldIssue[]): PlannedDisclosures {
  const out: PlannedDisclosures = { items: [], disclosures: [] };
  const items = new KeyIndex<DisclosureItemValues>(SHEETS.disclosureItems, '目录编号');
  for (const row of rows.disclosureItems) {
    const data = checkRow(itemRow, SHEETS.disclosureItems, row, issues, (v, found) => {
      items.add(v.key, row.row, v, found);
      refs.org(v.orgCode, 'orgCode', found);
    });
    if (data) {
      out.items.push({ key: data.key, orgCode: data.orgCode, category: data.category, name: data.name, cadence: data.cadence, sector: data.sector ?? null, active: data.active ?? true });
    }
  }

  const sheet = SHEETS.disclosures;
  const seen = new Map<string, number>();
  for (const row of rows.disclosures) {
    let label: string | undefined;
    const data = checkRow(disclosureRow, sheet, row, issues, (v, found, bad) => {
      const org = refs.org(v.orgCode, 'orgCode', found);
      const item = items.get(v.key, 'key', found);
      if (org && item?.orgCode && refs.orgs.has(item.orgCode) && !refs.isUnder(org.code, item.orgCode)) {
        found.push(issue('FIELD_INVALID', 'orgCode', `组织代码：${org.code}不在目录“${v.key}”所属组织${item.orgCode}及其下级组织中`));
      } else if (org?.sector && item?.sector && org.sector !== item.sector) {
        found.push(issue('FIELD_INVALID', 'key', `目录编号：事项“${item.name ?? v.key}”只适用于${item.sector}，${org.code}的单位类型为${org.sector}`));
      }
      label = v.periodLabel;
      let unit = null;
      if (item?.cadence && v.periodLabel && !bad.has('periodLabel')) {
        const period = checkPeriodLabel(item.cadence, v.periodLabel, refs.today);
        found.push(...period.issues);
        unit = period.unit;
        label = period.label;
      }
      if (v.proposedOn) found.push(...checkProposedOn(v.proposedOn, unit, refs.today));
      const steps = [['reviewedOn', '审核日期', v.reviewedOn], ['approvedOn', '审批日期', v.approvedOn], ['publishedOn', '公开日期', v.publishedOn]] as const;
      let before: [string, string] | null = v.proposedOn ? ['提出日期', v.proposedOn] : null;
      let gap: string | null = null;
      for (const [field, name, on] of steps) {
        if (!on) {
          gap ??= name;
          continue;
        }
        if (gap) found.push(issue('DISCLOSURE_STEP_ORDER', field, `已填${name}，应先填${gap}（审核、审批、公开依次办理）`));
        refs.notFuture(on, field, name, found);
        if (before) notBefore(on, field, name, before[1], before[0], found);
        before = [name, on];
      }
      if (v.reviewedOn && !v.reviewedBy && !bad.has('reviewedBy')) found.push(issue('FIELD_REQUIRED', 'reviewedBy', '缺少必填项：审核人（已填审核日期时）'));
      if (!v.reviewedOn && v.reviewedBy) found.push(issue('FIELD_INVALID', 'reviewedBy', '审核人：未填审核日期时不填'));
      if (v.approvedOn && !v.approvedBy && !bad.has('approvedBy')) found.push(issue('FIELD_REQUIRED', 'approvedBy', '缺少必填项：审批人（已填审批日期时）'));
      if (!v.approvedOn && v.approvedBy) found.push(issue('FIELD_INVALID', 'approvedBy', '审批人：未填审批日期时不填'));
      if (v.orgCode && v.key && label) {
        const k = `${v.orgCode}|${v.key}|${label}`;
        const first = seen.get(k);
        if (first !== undefined) found.push(issue('DISCLOSURE_DUPLICATE', 'periodLabel', `同一组织同一事项${label}的公开与${firstRowText(sheet, first)}重复`));
        else seen.set(k, row.row);
      }
    });
    if (data && label) {
      out.disclosures.push({
        key: data.key, orgCode: data.orgCode, periodLabel: label, content: data.content, proposedOn: data.proposedOn, reviewedOn: data.reviewedOn ?? null,
        reviewedBy: data.reviewedBy ?? null, approvedOn: data.approvedOn ?? null, approvedBy: data.approvedBy ?? null, publishedOn: data.publishedOn ?? null, note: data.note || null,
      });
    }
  }
  return out;
}
