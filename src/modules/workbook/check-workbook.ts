import type { Ctx } from '../../context.js';
import { AppError, type FieldIssue } from '../../shared/errors.js';
import type { OrgInput } from '../orgs/orgs.schema.js';
import { checkDevelopmentSheet, type PlannedDevelopment } from './check-development.js';
import { checkDuesSheets, type PlannedDues } from './check-dues.js';
import { loadFixedAmounts } from '../dues/dues-settings.js';
import { checkMeetingSheet, type PlannedMeeting } from './check-meetings.js';
import { checkMemberSheet, type PlannedMember } from './check-members.js';
import { checkOrgSheet, type KnownOrg } from './check-orgs.js';
import { checkPeople } from './check-people.js';
import type { ParsedWorkbook, ProgressFn } from './parse-workbook.js';
import { SHEET_KEYS, SHEETS } from './workbook-format.js';
import { readScoped } from '../access/scope.js';
import { checkImportScope } from './check-scope.js';
import { checkLedgerSheets, ledgerRowCount, type PlannedLedgers } from './check-ledgers.js';
import type { DbOrg } from './ledger-refs.js';

/** Everything a valid workbook will write, checked; organizations parents first. */
export interface ImportPlan {
  orgs: OrgInput[];
  members: PlannedMember[];
  development: PlannedDevelopment[];
  meetings: PlannedMeeting[];
  dues: PlannedDues;
  ledgers: PlannedLedgers;
}

/**
 * Checks every row of every sheet — each row on its own with the services' schemas and rules, then across rows,
 * sheets and the database — and collects every problem. Any problem: IMPORT_INVALID carrying them all, in sheet,
 * row and column order. Reads the database, writes nothing.
 */
export async function checkWorkbook(ctx: Ctx, parsed: ParsedWorkbook, onProgress?: ProgressFn): Promise<ImportPlan> {
  const issues: FieldIssue[] = [...parsed.issues];
  const today = ctx.clock.today();
  const duesRows = parsed.duesBases.length + parsed.duesApprovals.length + parsed.duesPayments.length;
  const ledgerRows = ledgerRowCount(parsed);
  const total = parsed.orgs.length + parsed.members.length + parsed.development.length + parsed.meetings.length + duesRows + ledgerRows;
  let done = 0;
  const progress = (n: number) => onProgress?.((done += n), total, '校验');
  progress(0);

  // Organizations the caller cannot see are left out: rows naming them fail as unknown codes, as missing ones do.
  const inDb = new Map<string, KnownOrg>();
  const visible = new Map<string, { path: string }>();
  const rows = await ctx.db
    .selectFrom('organizations as o')
    .select(['o.id', 'o.code', 'o.name', 'o.sector', 'o.kind', 'o.established_on', 'o.path'])
    .$call(readScoped(ctx, 'o.path'))
    .execute();
  const dbOrgs: DbOrg[] = [];
  for (const r of rows) {
    inDb.set(r.code, { kind: r.kind, establishedOn: r.established_on });
    visible.set(r.code, { path: r.path });
    dbOrgs.push({ id: r.id, code: r.code, name: r.name, sector: r.sector, path: r.path });
  }
  checkImportScope(ctx, parsed, visible, issues);

  const orgs = checkOrgSheet(parsed.orgs, inDb, today, issues);
  progress(parsed.orgs.length);
  const members = checkMemberSheet(parsed.members, orgs.known, today, issues);
  progress(parsed.members.length);
  const development = checkDevelopmentSheet(parsed.development, orgs.known, today, issues);
  progress(parsed.development.length);
  await checkPeople(ctx, members, development, issues);
  const meetings = checkMeetingSheet(parsed.meetings, orgs.known, today, issues);
  progress(parsed.meetings.length);
  const dues = checkDuesSheets(parsed, members, orgs.known, today, issues, await loadFixedAmounts(ctx));
  progress(duesRows);
  const ledgers = await checkLedgerSheets(ctx, parsed, dbOrgs, members, issues);
  progress(ledgerRows);

  if (issues.length > 0) {
    throw new AppError('IMPORT_INVALID', `导入文件有${issues.length}处错误，未写入任何数据`, sortIssues(issues));
  }
  return {
    orgs: orgs.ordered,
    members: members.map((m) => m.plan!),
    development: development.map((d) => d.plan!),
    meetings,
    dues,
    ledgers,
  };
}

/** File-level issues first, then by sheet in format order, row, and column in sheet order. */
export function sortIssues(issues: FieldIssue[]): FieldIssue[] {
  const sheetIndex = (name: string | undefined) => (name === undefined ? -1 : SHEET_KEYS.findIndex((k) => SHEETS[k].name === name));
  const columnIndex = (i: FieldIssue) => {
    const key = SHEET_KEYS.find((k) => SHEETS[k].name === i.sheet);
    const index = key ? SHEETS[key].columns.findIndex((c) => c.header === i.column) : -1;
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return issues
    .map((issue, order) => ({ issue, order, s: sheetIndex(issue.sheet), c: columnIndex(issue) }))
    .sort((a, b) => a.s - b.s || (a.issue.row ?? 0) - (b.issue.row ?? 0) || a.c - b.c || a.order - b.order)
    .map((x) => x.issue);
}
