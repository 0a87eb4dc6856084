import type { Ctx } from '../../context.js';
import type { FieldIssue } from '../../shared/errors.js';
import { accessOf, canWrite } from '../access/actor.js';
import type { ParsedWorkbook } from './parse-workbook.js';
import { SHEETS } from './workbook-format.js';

const SUPERVISION_ORG_SHEETS = [
  'responsibilityLists', 'tasks', 'inspections', 'problems', 'ratings', 'weakCases', 'designations', 'disclosureItems', 'disclosures', 'cadreEvents',
  'publications', 'figureValues',
] as const;

/**
 * An import touches only organizations the caller may change (issue 3: an import that touches an organization
 * outside the caller's scope is rejected whole). Organizations the caller cannot see were already left out of
 * `visible`, so rows naming them fail as unknown codes — exactly as missing ones. Here: visible but read-only
 * organizations, and new organizations placed under them.
 */
export function checkImportScope(ctx: Ctx, parsed: ParsedWorkbook, visible: Map<string, { path: string }>, issues: FieldIssue[]): void {
  const access = accessOf(ctx.actor);
  if (access.isAdmin) return;
  const newParent = new Map<string, string | null>();
  for (const r of parsed.orgs) if (r.values.code && !visible.has(r.values.code)) newParent.set(r.values.code, r.values.parentCode ?? null);

  // A new organization is writable if its chain of new parents ends at an existing organization the caller may
  // change as a subtree (a secretary changes exactly one organization, so creates nothing under it but 党小组 there).
  const writableMemo = new Map<string, boolean>();
  const writable = (code: string | null | undefined, asParent: boolean, seen = new Set<string>()): boolean => {
    if (!code) return false;
    const existing = visible.get(code);
    if (existing) return asParent ? canWrite(access, existing.path) : canWrite(access, existing.path);
    if (!newParent.has(code) || seen.has(code)) return false;
    if (access.writeExact && !asParent) return false;
    if (writableMemo.has(code)) return writableMemo.get(code)!;
    seen.add(code);
    const ok = !access.writeExact && writable(newParent.get(code), true, seen);
    writableMemo.set(code, ok);
    return ok;
  };
  const denied = (sheet: string, row: number, column: string, code: string): FieldIssue => ({
    code: 'PERMISSION_DENIED',
    field: column,
    message: `无权修改组织“${code}”的记录`,
    sheet,
    row,
    column,
  });

  for (const r of parsed.orgs) {
    const code = r.values.code;
    if (!code) continue;
    if (visible.has(code)) {
      if (!canWrite(access, visible.get(code)!.path)) issues.push(denied(SHEETS.orgs.name, r.row, '组织代码', code));
    } else if (!r.values.parentCode) {
      issues.push({ ...denied(SHEETS.orgs.name, r.row, '上级组织代码', code), message: '只有系统管理员可以新建最上级组织' });
    } else if (visible.has(r.values.parentCode) || newParent.has(r.values.parentCode)) {
      if (!writable(r.values.parentCode, true)) issues.push(denied(SHEETS.orgs.name, r.row, '上级组织代码', r.values.parentCode));
    }
  }
  const sheets = [
    [SHEETS.members.name, '所在组织代码', parsed.members.map((r) => ({ row: r.row, code: r.values.orgCode }))] as const,
    [SHEETS.development.name, '所在组织代码', parsed.development.map((r) => ({ row: r.row, code: r.values.orgCode }))] as const,
    [SHEETS.meetings.name, '组织代码', parsed.meetings.map((r) => ({ row: r.row, code: r.values.orgCode }))] as const,
    // The ledger rows kept under an organization they name (a member's rows are below, with the 党费 rows).
    [SHEETS.trainings.name, '主办组织代码', parsed.trainings.map((r) => ({ row: r.row, code: r.values.orgCode }))] as const,
    [SHEETS.serviceRecords.name, '组织代码', parsed.serviceRecords.map((r) => ({ row: r.row, code: r.values.orgCode }))] as const,
    [SHEETS.serviceTeams.name, '组织代码', parsed.serviceTeams.map((r) => ({ row: r.row, code: r.values.orgCode }))] as const,
    [SHEETS.honors.name, '组织代码', parsed.honors.map((r) => ({ row: r.row, code: r.values.orgCode }))] as const,
    [SHEETS.honors.name, '获表彰组织代码', parsed.honors.map((r) => ({ row: r.row, code: r.values.recipientOrgCode }))] as const,
    // The supervision ledgers: each record under the organization its 组织代码 (a task: 责任组织代码) names; the rows
    // kept under another record (items, events, targets, values) follow that record's organization.
    [SHEETS.tasks.name, '交办组织代码', parsed.tasks.map((r) => ({ row: r.row, code: r.values.assignedByCode }))] as const,
    ...SUPERVISION_ORG_SHEETS.map((k) => [SHEETS[k].name, SHEETS[k].columns.find((c) => c.field === 'orgCode')!.header, parsed[k].map((r) => ({ row: r.row, code: r.values.orgCode }))] as const),
  ];
  for (const [sheet, column, rows] of sheets) {
    for (const r of rows) {
      const code = r.code;
      if (!code || (!visible.has(code) && !newParent.has(code))) continue; // unknown codes are reported elsewhere
      if (!writable(code, false)) issues.push(denied(sheet, r.row, column, code));
    }
  }
  // A 党费 row belongs to the organization of its member's 党员 row (a member not in that sheet is reported elsewhere).
  // So do the ledger rows kept under their member's organization; a member already registered is checked with the rows.
  const duesSheets = [
    [SHEETS.duesBases.name, parsed.duesBases],
    [SHEETS.duesApprovals.name, parsed.duesApprovals],
    [SHEETS.duesPayments.name, parsed.duesPayments],
    [SHEETS.studyRecords.name, parsed.studyRecords],
    [SHEETS.communityReports.name, parsed.communityReports],
    [SHEETS.honors.name, parsed.honors],
    [SHEETS.donations.name, parsed.donations],
  ] as const;
  if (duesSheets.every(([, rows]) => rows.length === 0)) return;
  const orgOfMember = new Map<string, string>();
  for (const r of parsed.members) if (r.values.idNumber && r.values.orgCode && !orgOfMember.has(r.values.idNumber)) orgOfMember.set(r.values.idNumber, r.values.orgCode);
  for (const [sheet, rows] of duesSheets) {
    for (const r of rows as readonly { row: number; values: { idNumber?: string } }[]) {
      const code = r.values.idNumber ? orgOfMember.get(r.values.idNumber) : undefined;
      if (!code || (!visible.has(code) && !newParent.has(code))) continue;
      if (!writable(code, false)) issues.push(denied(sheet, r.row, '公民身份号码', code));
    }
  }
}
