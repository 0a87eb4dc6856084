/**
 * What the member-work ledger sheets (学习记录 … 捐款) refer to, gathered once: the organizations (those the importer
 * can see in the database and those of the 组织 sheet) and the members (those of the 党员 sheet and those already
 * registered within the importer's scope), with the row checks they share — the member named, the name beside
 * the ID number, the member on the roll on a date, keys given twice.
 */
import type { Ctx } from '../../context.js';
import type { FieldIssue } from '../../shared/errors.js';
import { idNumberProblemMessage, parseIdNumber } from '../../shared/id-number.js';
import { issue } from '../../shared/validation.js';
import { accessOf, canRead, canWrite, type Access } from '../access/actor.js';
import type { MemberRow } from './check-members.js';
import { at } from './row-issues.js';
import type { ParsedRow } from './sheet-collector.js';
import { locate, type OrgValues, type SheetDef } from './workbook-format.js';

/** An organization a ledger row may name. `db` is null for one of the 组织 sheet (written by this import). */
export interface LedgerOrg {
  code: string;
  name: string | null;
  sector: string | null;
  parentCode: string | null;
  db: { id: number; path: string } | null;
}

/** A member a ledger row may name. `db` is null for a member of the 党员 sheet (written by this import). */
export interface LedgerMember {
  idNumber: string;
  name: string;
  orgCode: string;
  joinedOn: string | null;
  leftOn: string | null;
  db: { membershipId: number; orgId: number; path: string } | null;
}

/** A visible organization of the database, as check-workbook reads them. */
export interface DbOrg {
  id: number;
  code: string;
  name: string;
  sector: string;
  path: string;
}

export class LedgerRefs {
  readonly access: Access;

  constructor(
    readonly orgs: Map<string, LedgerOrg>,
    readonly members: Map<string, LedgerMember>,
    ctx: Ctx,
    readonly today: string,
  ) {
    this.access = accessOf(ctx.actor);
  }

  /**
   * The member an ID number names, with the 姓名 beside it checked. Not found (as if missing) when neither the 党员
   * sheet nor the importer's scope has it; PERMISSION_DENIED when the row writes under a registered member's
   * organization the importer may only read (a member of the 党员 sheet is checked there).
   */
  member(v: { idNumber?: string; name?: string }, found: FieldIssue[], write: boolean): LedgerMember | undefined {
    if (!v.idNumber) return undefined;
    const parsed = parseIdNumber(v.idNumber);
    if (!parsed.ok) {
      found.push(issue('ID_NUMBER_INVALID', 'idNumber', idNumberProblemMessage[parsed.problem]));
      return undefined;
    }
    const m = this.members.get(v.idNumber);
    if (!m) {
      found.push(issue('MEMBER_NOT_FOUND', 'idNumber', '该公民身份号码不在本工作簿的党员表中，也不是您管理范围内已登记的党员'));
      return undefined;
    }
    if (v.name !== undefined && v.name !== m.name) found.push(issue('FIELD_INVALID', 'name', `姓名“${v.name}”与该公民身份号码登记的“${m.name}”不一致`));
    if (write && !this.memberWritable(m)) {
      found.push(issue('PERMISSION_DENIED', 'idNumber', `无权修改该党员（所在组织${m.orgCode}）的记录`));
    }
    return m;
  }

  /** The importer may change the member's records (one of the 党员 sheet is checked there). */
  memberWritable(m: LedgerMember): boolean {
    return !m.db || canWrite(this.access, m.db.path);
  }

  /** An organization by code: unknown (as if missing) when neither the database within scope nor the 组织 sheet has it. */
  org(code: string | undefined, field: string, found: FieldIssue[]): LedgerOrg | undefined {
    if (!code) return undefined;
    const org = this.orgs.get(code);
    if (!org) found.push(issue('ORG_NOT_FOUND', field, `组织代码“${code}”不存在（数据库和组织表中都没有）`));
    return org;
  }

  /** The importer may change the records of this organization (one of the 组织 sheet is checked there). */
  writable(org: LedgerOrg): boolean {
    return !org.db || canWrite(this.access, org.db.path);
  }

  /** `code` is `ancestor` or lies under it, by the parents of the database and of the 组织 sheet. */
  isUnder(code: string, ancestor: string): boolean {
    const seen = new Set<string>();
    for (let c: string | null = code; c !== null && !seen.has(c); c = this.orgs.get(c)?.parentCode ?? null) {
      if (c === ancestor) return true;
      seen.add(c);
    }
    return false;
  }

  /** The member was on the roll on `date`: not before joining (when `fromJoining`), not after leaving. */
  onRoll(m: LedgerMember, date: string | undefined, field: string, label: string, found: FieldIssue[], fromJoining = true): void {
    if (!date) return;
    if (fromJoining && m.joinedOn && date < m.joinedOn) {
      found.push(issue('DATE_ORDER_INVALID', field, `${label}${date}早于${m.name}的入党日期${m.joinedOn}`));
    } else if (m.leftOn && date > m.leftOn) {
      found.push(issue('DATE_ORDER_INVALID', field, `${label}${date}晚于${m.name}离开党组织的日期${m.leftOn}`));
    }
  }

  /** A date not after today. */
  notFuture(date: string | undefined, field: string, label: string, found: FieldIssue[]): void {
    if (date && date > this.today) found.push(issue('DATE_IN_FUTURE', field, `${label}${date}晚于今天（${this.today}）`));
  }
}

/** Places a row's issues at its sheet and row; true when there were none. */
export function finish(sheet: SheetDef, row: number, found: FieldIssue[], issues: FieldIssue[]): boolean {
  for (const f of found) issues.push(at(sheet, row, f));
  return found.length === 0;
}

/** The row a key was first given on, as people read it (a continued sheet's own row). */
export function firstRowText(sheet: SheetDef, row: number): string {
  const where = locate(sheet.name, row);
  return where.sheet === sheet.name ? `本表第${where.row}行` : `${where.sheet}第${where.row}行`;
}

/** Gathers the organizations and members the ledger sheets name (one query for the members they name). */
export async function loadLedgerRefs(
  ctx: Ctx,
  dbOrgs: DbOrg[],
  orgRows: ParsedRow<OrgValues>[],
  memberRows: MemberRow[],
  idNumbers: Set<string>,
): Promise<LedgerRefs> {
  const orgs = new Map<string, LedgerOrg>();
  const codeOfId = new Map(dbOrgs.map((o) => [o.id, o.code]));
  for (const o of dbOrgs) {
    const ids = o.path.split('/').filter(Boolean);
    const parentId = ids.length > 1 ? Number(ids[ids.length - 2]) : null;
    orgs.set(o.code, { code: o.code, name: o.name, sector: o.sector, parentCode: (parentId && codeOfId.get(parentId)) || null, db: { id: o.id, path: o.path } });
  }
  for (const r of orgRows) {
    const v = r.values;
    if (!v.code || orgs.has(v.code)) continue;
    orgs.set(v.code, { code: v.code, name: v.name ?? null, sector: v.sector ?? null, parentCode: v.parentCode ?? null, db: null });
  }

  const members = new Map<string, LedgerMember>();
  for (const m of memberRows) {
    const id = m.person.idNumber;
    if (members.has(id) || !m.values.orgCode) continue;
    members.set(id, { idNumber: id, name: m.person.name, orgCode: m.values.orgCode, joinedOn: m.values.joinedOn ?? null, leftOn: m.values.leftOn ?? null, db: null });
  }
  const wanted = [...idNumbers].filter((id) => !members.has(id) && parseIdNumber(id).ok);
  const access = accessOf(ctx.actor);
  for (let i = 0; i < wanted.length; i += 5000) {
    const chunk = wanted.slice(i, i + 5000);
    const byIndex = new Map(chunk.map((id) => [ctx.vault.index(id), id]));
    const rows = await ctx.db
      .selectFrom('people as p')
      .innerJoin('memberships as m', 'm.person_id', 'p.id')
      .innerJoin('organizations as o', 'o.id', 'm.org_id')
      .select(['p.id_number_index', 'p.name', 'm.id', 'm.org_id', 'm.joined_on', 'm.left_on', 'o.code', 'o.path'])
      .where('p.id_number_index', 'in', [...byIndex.keys()])
      .execute();
    // A person's current membership: the one not left, else the latest.
    const best = new Map<string, (typeof rows)[number]>();
    for (const r of rows) {
      const prior = best.get(r.id_number_index);
      const better = !prior || (prior.left_on !== null && (r.left_on === null || r.joined_on > prior.joined_on));
      if (better) best.set(r.id_number_index, r);
    }
    for (const [index, r] of best) {
      if (!canRead(access, r.path)) continue; // outside the scope: not found, exactly as a missing member
      const id = byIndex.get(index)!;
      members.set(id, { idNumber: id, name: r.name, orgCode: r.code, joinedOn: r.joined_on, leftOn: r.left_on, db: { membershipId: r.id, orgId: r.org_id, path: r.path } });
    }
  }
  return new LedgerRefs(orgs, members, ctx, ctx.clock.today());
}
