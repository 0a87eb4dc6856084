/**
 * The 表彰 and 捐款 sheets, checked with the modules' schemas and rules: honors (honors.schema.ts, honor-rules.ts) — who
 * receives an honor by recipient kind, the organization it is recorded under, the dates; donations
 * (donations.schema.ts, checkDonatedOn) — a campaign, an amount in 元 above zero, a date within the membership.
 */
import { z } from 'zod';
import type { FieldIssue } from '../../shared/errors.js';
import { isoDate, issue } from '../../shared/validation.js';
import { checkDonatedOn } from '../donations/donation-records.js';
import { donationInput } from '../donations/donations.schema.js';
import type { NewDonation } from '../donations/insert-donations-bulk.js';
import type { NewHonor } from '../honors/insert-honors-bulk.js';
import { checkAwardedOn, checkRecipient, checkRevokedOn } from '../honors/honor-rules.js';
import { honorInput } from '../honors/honors.schema.js';
import { finish, type LedgerRefs } from './ledger-refs.js';
import { usable, validateRow } from './row-issues.js';
import type { ParsedRow } from './sheet-collector.js';
import { SHEETS, type DonationValues, type HonorValues } from './workbook-format.js';

/** Written under `orgCode`: the member's organization, the organization honored, or the one given. */
export type PlannedHonor = Omit<NewHonor, 'orgId' | 'membershipId' | 'recipientOrgId'> & { orgCode: string; idNumber: string | null; recipientOrgCode: string | null };
export type PlannedDonation = Omit<NewDonation, 'orgId' | 'membershipId'> & { idNumber: string };

export interface HonorRows {
  honors: ParsedRow<HonorValues>[];
  donations: ParsedRow<DonationValues>[];
}

export interface PlannedHonors {
  honors: PlannedHonor[];
  donations: PlannedDonation[];
}

const honorRow = honorInput.omit({ memberId: true }).extend({ idNumber: z.string().nullish(), revokedOn: isoDate.nullish() });
const donationRow = donationInput.omit({ memberId: true }).extend({ idNumber: z.string(), name: z.string().max(50, { message: '不能超过50个字' }).nullish() });

/** The honors rules speak of the API's fields; in the sheet they are these columns. */
const SHEET_FIELD: Record<string, string> = { memberId: 'idNumber' };
const SHEET_WORDS: [RegExp, string][] = [
  [/党员记录编号/g, '公民身份号码'],
  [/受表彰组织代码/g, '获表彰组织代码'],
  [/授予对象名称/g, '对象名称'],
  [/登记组织代码/g, '组织代码'],
];
function inSheetTerms(i: FieldIssue): FieldIssue {
  let message = i.message;
  for (const [from, to] of SHEET_WORDS) message = message.replace(from, to);
  return { ...i, field: SHEET_FIELD[i.field] ?? i.field, message };
}

export function checkHonorSheets(rows: HonorRows, refs: LedgerRefs, issues: FieldIssue[]): PlannedHonors {
  const out: PlannedHonors = { honors: [], donations: [] };
  checkHonors(rows.honors, refs, issues, out);
  checkDonations(rows.donations, refs, issues, out);
  return out;
}

/**
 * A member's or an organization's name may stand beside the ID number or code (as the export writes it): then it
 * must be theirs. The honor is recorded under the member's or the honored organization's own; a different 组织代码
 * is refused, as recordHonor refuses it.
 */
function checkHonors(rows: ParsedRow<HonorValues>[], refs: LedgerRefs, issues: FieldIssue[], out: PlannedHonors): void {
  const sheet = SHEETS.honors;
  for (const row of rows) {
    const before = issues.length;
    const { data, bad } = validateRow(honorRow, sheet, row, row.values, issues);
    const v = usable(row.values, bad);
    const found: FieldIssue[] = [];
    const member = refs.member({ ...(v.idNumber !== undefined && { idNumber: v.idNumber }) }, found, true);
    const recipientOrg = refs.org(v.recipientOrgCode, 'recipientOrgCode', found);
    const recording = refs.org(v.orgCode, 'orgCode', found);
    let byName = v.recipientName;
    const ownName = member?.name ?? (recipientOrg ? recipientOrg.name : undefined);
    if (byName !== undefined && (member || recipientOrg)) {
      if (ownName && byName !== ownName) {
        const whose = member ? '该公民身份号码登记的姓名' : '获表彰组织的名称';
        found.push(issue('FIELD_INVALID', 'recipientName', `对象名称“${byName}”与${whose}“${ownName}”不一致（可不填）`));
      }
      byName = undefined;
    }
    if (v.recipientKind && !bad.has('idNumber') && !bad.has('recipientOrgCode') && !bad.has('recipientName') && !bad.has('orgCode')) {
      const recipientIssues = checkRecipient({
        recipientKind: v.recipientKind as Parameters<typeof checkRecipient>[0]['recipientKind'],
        memberId: Boolean(v.idNumber),
        recipientOrgCode: Boolean(v.recipientOrgCode),
        recipientName: Boolean(byName),
        orgCode: Boolean(v.orgCode),
      });
      found.push(...recipientIssues.map(inSheetTerms));
    }
    if (v.awardedOn) found.push(...checkAwardedOn(v.awardedOn, refs.today));
    if (v.revokedOn && v.awardedOn) found.push(...checkRevokedOn(v.revokedOn, v.awardedOn, refs.today));
    const own = member?.orgCode ?? recipientOrg?.code;
    if (recording && own && recording.code !== own) {
      const by = member ? `党员${member.name}所在组织${own}` : `获表彰组织${own}`;
      found.push(issue('FIELD_INVALID', 'orgCode', `组织代码：${recording.code}与${by}不一致（可不填）`));
    }
    const orgCode = own ?? recording?.code;
    const recipientName = member?.name ?? recipientOrg?.name ?? byName;
    if (finish(sheet, row.row, found, issues) && data && issues.length === before && orgCode && recipientName) {
      out.honors.push({
        orgCode, idNumber: data.idNumber ?? null, recipientOrgCode: data.recipientOrgCode ?? null, kind: data.kind, recipientKind: data.recipientKind, recipientName,
        title: data.title, level: data.level, awardedBy: data.awardedBy, awardedOn: data.awardedOn, revokedOn: data.revokedOn ?? null, note: data.note || null,
      });
    }
  }
}

function checkDonations(rows: ParsedRow<DonationValues>[], refs: LedgerRefs, issues: FieldIssue[], out: PlannedHonors): void {
  const sheet = SHEETS.donations;
  for (const row of rows) {
    const before = issues.length;
    const { data, bad } = validateRow(donationRow, sheet, row, row.values, issues);
    const v = usable(row.values, bad);
    const found: FieldIssue[] = [];
    const member = refs.member(v, found, true);
    if (v.donatedOn && member) found.push(...checkDonatedOn(v.donatedOn, { name: member.name, joinedOn: member.joinedOn ?? '', leftOn: member.leftOn }, refs.today));
    else refs.notFuture(v.donatedOn, 'donatedOn', '捐款日期', found);
    if (finish(sheet, row.row, found, issues) && data && issues.length === before) {
      out.donations.push({ idNumber: data.idNumber, campaign: data.campaign, donatedOn: data.donatedOn, amountFen: data.amount, note: data.note || null });
    }
  }
}
