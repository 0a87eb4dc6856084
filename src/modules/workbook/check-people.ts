import type { Ctx } from '../../context.js';
import type { FieldIssue } from '../../shared/errors.js';
import type { DevelopmentRow } from './check-development.js';
import type { MemberRow } from './check-members.js';
import { at } from './row-issues.js';
import { SHEETS } from './workbook-format.js';

/**
 * Checks people across the file and against the database: an ID number appears at most once in each sheet and is
 * not registered yet. A person may appear in both 党员 and 发展党员 (a member whose development record is kept):
 * then both rows must describe the same person and the same admission.
 */
export async function checkPeople(ctx: Ctx, members: MemberRow[], development: DevelopmentRow[], issues: FieldIssue[]): Promise<void> {
  const memberById = firstById(members, SHEETS.members.name, issues);
  const devById = firstById(development, SHEETS.development.name, issues);

  for (const [id, d] of devById) {
    const m = memberById.get(id);
    if (m) for (const issue of samePerson(m, d)) issues.push(at(SHEETS.development, d.row, issue));
  }

  const taken = await registeredIdNumbers(ctx, [...new Set([...memberById.keys(), ...devById.keys()])]);
  const message = '该公民身份号码已登记';
  for (const [rows, sheet] of [[members, SHEETS.members], [development, SHEETS.development]] as const) {
    for (const r of rows) {
      if (taken.has(r.person.idNumber)) issues.push(at(sheet, r.row, { code: 'ID_NUMBER_TAKEN', field: 'idNumber', message }));
    }
  }
}

function firstById<R extends { row: number; person: { idNumber: string } }>(rows: R[], sheetName: string, issues: FieldIssue[]): Map<string, R> {
  const first = new Map<string, R>();
  for (const r of rows) {
    const seen = first.get(r.person.idNumber);
    if (!seen) first.set(r.person.idNumber, r);
    else {
      const message = `公民身份号码与本表第${seen.row}行重复`;
      issues.push({ code: 'ID_NUMBER_TAKEN', field: 'idNumber', message, sheet: sheetName, row: r.row, column: '公民身份号码' });
    }
  }
  return first;
}

/**
 * The member row and the development row of one person agree: the same name and personal details where both give
 * them, and the admission the development record describes is the membership (党章第七条: a member from the branch
 * meeting's date; a full member once the conversion is approved).
 */
function samePerson(m: MemberRow, d: DevelopmentRow): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const where = `党员表第${m.row}行`;
  for (const field of ['name', 'ethnicity', 'education', 'occupation'] as const) {
    const a = m.values[field];
    const b = d.values[field];
    if (a !== undefined && b !== undefined && a !== b) {
      const label = SHEETS.members.columns.find((c) => c.field === field)!.header;
      issues.push({ code: 'FIELD_INVALID', field, message: `${label}“${b}”与${where}的“${a}”不一致` });
    }
  }
  if (!m.plan || !d.plan) return issues;
  const dates = d.plan.dates;
  if (!dates.approvedOn || !dates.branchMeetingOn) {
    issues.push({ code: 'FIELD_INVALID', field: 'approvedOn', message: `此人已在${where}登记为党员，但发展记录缺少支部大会讨论日期或上级党委审批日期` });
    return issues;
  }
  if (m.plan.joinedOn !== dates.branchMeetingOn) {
    issues.push({
      code: 'DATE_ORDER_INVALID',
      field: 'branchMeetingOn',
      message: `支部大会讨论日期${dates.branchMeetingOn}与${where}的入党日期${m.plan.joinedOn}不一致`,
    });
  }
  const status = dates.conversionApprovedOn ? '正式党员' : '预备党员';
  if (m.plan.status !== status) {
    issues.push({
      code: 'MEMBER_STATUS_INVALID',
      field: 'conversionApprovedOn',
      message: `发展记录表明此人是${status}，${where}却登记为${m.plan.status}`,
    });
  }
  return issues;
}

/** The ID numbers among these that the database already holds, in chunks that keep under parameter limits. */
async function registeredIdNumbers(ctx: Ctx, ids: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    const byIndex = new Map(chunk.map((id) => [ctx.vault.index(id), id]));
    const rows = await ctx.db.selectFrom('people').select('id_number_index').where('id_number_index', 'in', [...byIndex.keys()]).execute();
    for (const r of rows) taken.add(byIndex.get(r.id_number_index)!);
  }
  return taken;
}
