/**
 * The three 党费 sheets (党费基数, 党费审批, 党费缴纳), checked against each other and against the 党员 sheet of the
 * same workbook: each member is named by the ID number of a 党员 row; what a payment row says was due must be what
 * the dues rules (中组发〔2008〕3号, dues-rates.ts) compute from that member's bases and approvals in the workbook.
 */
import type { FieldIssue } from '../../shared/errors.js';
import { idNumberProblemMessage, parseIdNumber } from '../../shared/id-number.js';
import {
  BASED_CATEGORIES, DEFAULT_FIXED, DUES_APPROVAL_KINDS, DUES_CATEGORIES, dueFor, yuan, type FixedAmounts, type ApprovalRow, type BaseRow, type DuesApprovalKind, type DuesCategory,
} from '../dues/dues-rates.js';
import type { KnownOrg } from './check-orgs.js';
import type { MemberRow } from './check-members.js';
import { at } from './row-issues.js';
import type { ParsedRow } from './sheet-collector.js';
import { SHEETS, type DuesApprovalValues, type DuesBaseValues, type DuesPaymentValues, type SheetDef } from './workbook-format.js';

export interface PlannedDuesBase {
  idNumber: string;
  fromMonth: string;
  category: DuesCategory;
  baseFen: number | null;
  note: string | null;
}

export interface PlannedDuesApproval {
  idNumber: string;
  kind: DuesApprovalKind;
  fromMonth: string;
  toMonth: string | null;
  monthlyFen: number | null;
  reason: string;
  approvedBy: string;
  approvedOn: string;
}

export interface PlannedDuesPayment {
  idNumber: string;
  month: string;
  dueFen: number;
  paidFen: number;
  paidOn: string;
  note: string | null;
}

export interface PlannedDues {
  bases: PlannedDuesBase[];
  approvals: PlannedDuesApproval[];
  payments: PlannedDuesPayment[];
}

export interface DuesRows {
  duesBases: ParsedRow<DuesBaseValues>[];
  duesApprovals: ParsedRow<DuesApprovalValues>[];
  duesPayments: ParsedRow<DuesPaymentValues>[];
}

const TEXT_LIMITS: Record<string, number> = { note: 200, reason: 200, approvedBy: 100 };

/** Checks every row of the three 党费 sheets; returns the rows to write (complete only when no issue was found). */
export function checkDuesSheets(rows: DuesRows, members: MemberRow[], orgs: Map<string, KnownOrg>, today: string, issues: FieldIssue[], fixed: FixedAmounts = DEFAULT_FIXED): PlannedDues {
  const out: PlannedDues = { bases: [], approvals: [], payments: [] };
  if (rows.duesBases.length + rows.duesApprovals.length + rows.duesPayments.length === 0) return out;
  const memberById = new Map<string, MemberRow>();
  for (const m of members) if (!memberById.has(m.person.idNumber)) memberById.set(m.person.idNumber, m);

  /** The row's own checks common to the three sheets: required cells, text lengths and the member named. */
  const common = (sheet: SheetDef, row: ParsedRow<{ idNumber?: string } & object>, found: FieldIssue[]): MemberRow | undefined => {
    const values = row.values as Record<string, unknown>;
    for (const c of sheet.columns) {
      if (c.required && values[c.field] === undefined && !row.invalid.includes(c.field)) {
        found.push({ code: 'FIELD_REQUIRED', field: c.field, message: `缺少必填项：${c.header}` });
      }
      const limit = TEXT_LIMITS[c.field];
      if (limit && typeof values[c.field] === 'string' && (values[c.field] as string).length > limit) {
        found.push({ code: 'FIELD_INVALID', field: c.field, message: `${c.header}：不能超过${limit}个字` });
      }
    }
    const id = row.values.idNumber;
    if (!id) return undefined;
    const parsedId = parseIdNumber(id);
    if (!parsedId.ok) {
      found.push({ code: 'ID_NUMBER_INVALID', field: 'idNumber', message: idNumberProblemMessage[parsedId.problem] });
      return undefined;
    }
    const member = memberById.get(id);
    if (!member) {
      found.push({ code: 'MEMBER_NOT_FOUND', field: 'idNumber', message: '该公民身份号码不在本工作簿的党员表中（党费记录须与党员一同导入）' });
      return undefined;
    }
    const orgCode = member.values.orgCode;
    if (orgCode && orgs.get(orgCode)?.kind === '临时党支部') {
      found.push({ code: 'DUES_NOT_COLLECTED', field: 'idNumber', message: `该党员在临时党支部“${orgCode}”，临时党支部不收缴党费（在原党支部交纳）` });
    }
    return member;
  };
  const finish = (sheet: SheetDef, row: number, found: FieldIssue[]) => {
    for (const issue of found) issues.push(at(sheet, row, issue));
    return found.length === 0;
  };

  // 党费基数: one row per member and starting month; a base for 在职 and 离退休, none for the fixed amounts.
  const basesOf = new Map<string, BaseRow[]>();
  const baseRowAt = new Map<string, number>();
  for (const row of rows.duesBases) {
    const sheet = SHEETS.duesBases;
    const v = row.values;
    const found: FieldIssue[] = [];
    common(sheet, row, found);
    const category = v.category as DuesCategory | undefined;
    if (category !== undefined && !DUES_CATEGORIES.includes(category)) {
      found.push({ code: 'VALUE_NOT_ALLOWED', field: 'category', message: `党费类别：应为以下之一：${DUES_CATEGORIES.join('、')}` });
    } else if (category !== undefined && !row.invalid.includes('baseFen')) {
      if (BASED_CATEGORIES.includes(category) && v.baseFen === undefined) {
        found.push({ code: 'FIELD_REQUIRED', field: 'baseFen', message: `${category}党员按月缴纳基数交纳党费，须填写月缴纳基数（元）` });
      } else if (BASED_CATEGORIES.includes(category) && v.baseFen === 0) {
        found.push({ code: 'DUES_AMOUNT_INVALID', field: 'baseFen', message: '月缴纳基数（元）应大于0' });
      } else if (!BASED_CATEGORIES.includes(category) && v.baseFen !== undefined) {
        found.push({ code: 'FIELD_INVALID', field: 'baseFen', message: `${category}党员按规定的固定金额交纳党费，月缴纳基数（元）应不填` });
      }
    }
    if (v.idNumber && v.fromMonth) {
      const key = `${v.idNumber}|${v.fromMonth}`;
      const first = baseRowAt.get(key);
      if (first !== undefined) found.push({ code: 'DUES_DUPLICATE', field: 'fromMonth', message: `同一党员同一起始月份的基数与本表第${first}行重复` });
      else baseRowAt.set(key, row.row);
      // Used for the payments' amounts even when another cell of the row is wrong, so one mistake is not reported twice.
      if (first === undefined && category && DUES_CATEGORIES.includes(category)) {
        push(basesOf, v.idNumber, { fromMonth: v.fromMonth, category, baseFen: v.baseFen ?? null });
      }
    }
    if (finish(sheet, row.row, found)) {
      out.bases.push({ idNumber: v.idNumber!, fromMonth: v.fromMonth!, category: category!, baseFen: v.baseFen ?? null, note: v.note ?? null });
    }
  }

  // 党费审批: 减交 with the reduced amount, 免交 and 按季交纳 without; no two reliefs (or two 按季交纳) of a member overlap.
  const approvalsOf = new Map<string, (ApprovalRow & { row: number })[]>();
  for (const row of rows.duesApprovals) {
    const sheet = SHEETS.duesApprovals;
    const v = row.values;
    const found: FieldIssue[] = [];
    common(sheet, row, found);
    const kind = v.kind as DuesApprovalKind | undefined;
    if (kind !== undefined && !DUES_APPROVAL_KINDS.includes(kind)) {
      found.push({ code: 'VALUE_NOT_ALLOWED', field: 'kind', message: `审批类型：应为以下之一：${DUES_APPROVAL_KINDS.join('、')}` });
    } else if (kind !== undefined && !row.invalid.includes('monthlyFen')) {
      if (kind === '减交' && v.monthlyFen === undefined) {
        found.push({ code: 'FIELD_REQUIRED', field: 'monthlyFen', message: '减交须填写批准后的每月金额（元）' });
      } else if (kind === '减交' && v.monthlyFen === 0) {
        found.push({ code: 'DUES_AMOUNT_INVALID', field: 'monthlyFen', message: '减交的每月金额（元）应大于0（不交纳请选“免交”）' });
      } else if (kind !== '减交' && v.monthlyFen !== undefined) {
        found.push({ code: 'FIELD_INVALID', field: 'monthlyFen', message: `${kind}不填每月金额（元）` });
      }
    }
    if (v.fromMonth && v.toMonth && v.toMonth < v.fromMonth) {
      found.push({ code: 'DATE_ORDER_INVALID', field: 'toMonth', message: `截止月份${v.toMonth}早于起始月份${v.fromMonth}` });
    }
    if (v.approvedOn && v.approvedOn > today) found.push({ code: 'DATE_IN_FUTURE', field: 'approvedOn', message: `批准日期${v.approvedOn}晚于今天` });
    if (v.idNumber && v.fromMonth && kind && DUES_APPROVAL_KINDS.includes(kind) && !(v.toMonth && v.toMonth < v.fromMonth)) {
      const mine: ApprovalRow & { row: number } = { kind, fromMonth: v.fromMonth, toMonth: v.toMonth ?? null, monthlyFen: v.monthlyFen ?? null, row: row.row };
      const clash = (approvalsOf.get(v.idNumber) ?? []).find((a) => sameGroup(a.kind, kind) && overlaps(a, mine));
      if (clash) found.push({ code: 'DUES_APPROVAL_OVERLAP', field: 'fromMonth', message: `审批期间与本表第${clash.row}行的${clash.kind}重叠` });
      else push(approvalsOf, v.idNumber, mine);
    }
    if (finish(sheet, row.row, found)) {
      out.approvals.push({
        idNumber: v.idNumber!, kind: kind!, fromMonth: v.fromMonth!, toMonth: v.toMonth ?? null, monthlyFen: v.monthlyFen ?? null,
        reason: v.reason!, approvedBy: v.approvedBy!, approvedOn: v.approvedOn!,
      });
    }
  }

  // 党费缴纳: one row per member and month, within the membership, for the amount the rules give.
  const paymentRowAt = new Map<string, number>();
  for (const row of rows.duesPayments) {
    const sheet = SHEETS.duesPayments;
    const v = row.values;
    const found: FieldIssue[] = [];
    const member = common(sheet, row, found);
    if (v.paidOn && v.paidOn > today) found.push({ code: 'DATE_IN_FUTURE', field: 'paidOn', message: `交纳日期${v.paidOn}晚于今天` });
    if (member && v.month) {
      const joinedOn = member.values.joinedOn;
      const leftOn = member.values.leftOn;
      if (joinedOn && v.month < joinedOn.slice(0, 7)) {
        found.push({ code: 'DATE_ORDER_INVALID', field: 'month', message: `所属月份${v.month}早于该党员的入党日期${joinedOn}` });
      } else if (leftOn && v.month > leftOn.slice(0, 7)) {
        found.push({ code: 'DATE_ORDER_INVALID', field: 'month', message: `所属月份${v.month}晚于该党员的离开日期${leftOn}` });
      }
    }
    if (v.idNumber && v.month) {
      const key = `${v.idNumber}|${v.month}`;
      const first = paymentRowAt.get(key);
      if (first !== undefined) found.push({ code: 'DUES_DUPLICATE', field: 'month', message: `同一党员同一月份的缴纳记录与本表第${first}行重复` });
      else paymentRowAt.set(key, row.row);
      if (member && v.dueFen !== undefined) {
        const expected = dueFor(basesOf.get(v.idNumber) ?? [], approvalsOf.get(v.idNumber) ?? [], v.month, fixed);
        if (expected === null) {
          found.push({ code: 'DUES_BASE_MISSING', field: 'dueFen', message: `党费基数表中没有该党员${v.month}适用的基数（起始月份不晚于${v.month}的行），无法核对应交金额` });
        } else if (expected !== v.dueFen) {
          found.push({
            code: 'DUES_AMOUNT_MISMATCH', field: 'dueFen',
            message: `应交金额${yuan(v.dueFen)}元与按党费基数和审批计算的${yuan(expected)}元不一致`,
          });
        }
      }
    }
    if (finish(sheet, row.row, found)) {
      out.payments.push({ idNumber: v.idNumber!, month: v.month!, dueFen: v.dueFen!, paidFen: v.paidFen!, paidOn: v.paidOn!, note: v.note ?? null });
    }
  }
  return out;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** 减交 and 免交 both set what is due, so they may not overlap each other; 按季交纳 only says when it is paid. */
function sameGroup(a: DuesApprovalKind, b: DuesApprovalKind): boolean {
  return (a === '按季交纳') === (b === '按季交纳');
}

function overlaps(a: ApprovalRow, b: ApprovalRow): boolean {
  return (a.toMonth === null || a.toMonth >= b.fromMonth) && (b.toMonth === null || b.toMonth >= a.fromMonth);
}
