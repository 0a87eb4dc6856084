import type { FieldIssue } from '../../shared/errors.js';
import { checkOrgRecord } from '../orgs/org-rules.js';
import { orgInput, type OrgInput } from '../orgs/orgs.schema.js';
import { at, usable, validateRow } from './row-issues.js';
import type { ParsedRow } from './sheet-collector.js';
import { SHEETS, type OrgValues } from './workbook-format.js';

/** What the other sheets need to know of an organization, wherever it is defined. */
export interface KnownOrg {
  kind: string | null;
  establishedOn: string | null;
}

export interface CheckedOrgs {
  /** The organizations of the sheet, parents before children: the order to insert them in. */
  ordered: OrgInput[];
  /** Every organization a record may name: those already in the database and those of the sheet. */
  known: Map<string, KnownOrg>;
}

interface Entry {
  row: ParsedRow<OrgValues>;
  /** The row's values that passed their own checks. */
  values: OrgValues;
  /** Fields already reported wrong: a rule that misses one of them would only repeat the complaint. */
  bad: ReadonlySet<string>;
  code: string | undefined;
  parentCode: string | undefined;
  kind: string | undefined;
  data: OrgInput | null;
}

const sheet = SHEETS.orgs;

/**
 * Checks the 组织 sheet: each row on its own (schema, dates, kind under its parent), codes unique in the file and new
 * to the database, every parent known (in the database, or anywhere in the sheet), and no cycle among the parents.
 */
export function checkOrgSheet(
  rows: ParsedRow<OrgValues>[],
  inDb: Map<string, KnownOrg>,
  today: string,
  issues: FieldIssue[],
): CheckedOrgs {
  const entries: Entry[] = [];
  const byCode = new Map<string, Entry>();
  const push = (e: Entry, issue: FieldIssue) => issues.push(at(sheet, e.row.row, issue));

  for (const row of rows) {
    const { data, bad } = validateRow(orgInput, sheet, row, row.values, issues);
    const v = usable(row.values, bad);
    const entry: Entry = { row, values: v, bad, code: v.code, parentCode: v.parentCode, kind: v.kind, data };
    entries.push(entry);
    if (!entry.code) continue;
    const first = byCode.get(entry.code);
    if (first) {
      push(entry, { code: 'ORG_CODE_TAKEN', field: 'code', message: `组织代码“${entry.code}”与第${first.row.row}行重复` });
    } else if (inDb.has(entry.code)) {
      push(entry, { code: 'ORG_CODE_TAKEN', field: 'code', message: `组织代码“${entry.code}”已存在` });
    } else {
      byCode.set(entry.code, entry);
    }
  }

  for (const e of entries) {
    if (e.parentCode && !byCode.has(e.parentCode) && !inDb.has(e.parentCode)) {
      push(e, { code: 'ORG_NOT_FOUND', field: 'parentCode', message: `上级组织代码“${e.parentCode}”不存在（数据库和本表中都没有）` });
    }
  }

  for (const cycle of findCycles(entries, byCode)) {
    const message = `上级组织关系形成循环：${[...cycle.map((e) => e.code), cycle[0]!.code].join(' → ')}`;
    for (const e of cycle) push(e, { code: 'ORG_CYCLE', field: 'parentCode', message });
  }

  for (const e of entries) {
    const parentKind = !e.parentCode ? null : byCode.has(e.parentCode) ? (byCode.get(e.parentCode)!.kind ?? null) : (inDb.get(e.parentCode)?.kind ?? null);
    for (const issue of checkOrgRecord(e.values as Parameters<typeof checkOrgRecord>[0], parentKind, today)) {
      if (!e.bad.has(issue.field)) push(e, issue);
    }
  }

  const known = new Map(inDb);
  for (const [code, e] of byCode) known.set(code, { kind: e.kind ?? null, establishedOn: e.values.establishedOn ?? null });
  return { ordered: treeOrder(entries, byCode), known };
}

/** Each cycle among the parent codes of the sheet once, as the list of its members. */
function findCycles(entries: Entry[], byCode: Map<string, Entry>): Entry[][] {
  const state = new Map<Entry, 'walking' | 'done'>();
  const cycles: Entry[][] = [];
  for (const start of entries) {
    const path: Entry[] = [];
    let current: Entry | undefined = start;
    while (current && !state.has(current)) {
      state.set(current, 'walking');
      path.push(current);
      current = current.parentCode ? byCode.get(current.parentCode) : undefined;
    }
    if (current && state.get(current) === 'walking') cycles.push(path.slice(path.indexOf(current)));
    for (const e of path) state.set(e, 'done');
  }
  return cycles;
}

/** Parents before children: by depth within the sheet, then in the order of the rows. */
function treeOrder(entries: Entry[], byCode: Map<string, Entry>): OrgInput[] {
  const depth = new Map<Entry, number>();
  const depthOf = (e: Entry): number => {
    let d = 0;
    const seen = new Set<Entry>();
    for (let p = e.parentCode ? byCode.get(e.parentCode) : undefined; p && !seen.has(p); p = p.parentCode ? byCode.get(p.parentCode) : undefined) {
      seen.add(p);
      d++;
    }
    return d;
  };
  for (const e of entries) depth.set(e, depthOf(e));
  return entries
    .filter((e) => e.data !== null)
    .sort((a, b) => depth.get(a)! - depth.get(b)!)
    .map((e) => e.data!);
}
