import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { maskIdNumber, maskPhone } from '../../shared/id-number.js';
import { accessOf } from '../access/actor.js';
import { listSubtree } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import type { OrgView } from '../orgs/orgs.schema.js';
import {
  byCode, developmentRows, duesApprovalRows, duesBaseRows, duesPaymentRows, meetingRows, memberRows, orgRow, type ExportRow,
} from './export-rows.js';
import {
  communityReportRows, donationRows, honorRows, serviceRecordRows, serviceTeamMemberRows, serviceTeamRows, studyRecordRows, trainingAttendanceRows, trainingRows,
} from './export-ledger-rows.js';
import {
  cadreEventRows, designationRows, disclosureItemRows, disclosureRows, figureValueRows, inspectionRows, inspectionTargetRows, listItemRows, problemEventRows,
  problemRows, publicationRows, ratingRows, responsibilityListRows, taskEventRows, taskRows, weakCaseRows,
} from './export-supervision-rows.js';
import type { ImportReport } from './import-workbook.js';
import type { ProgressFn } from './parse-workbook.js';
import { continuationName, MAX_SHEET_ROWS, SHEETS, type SheetDef } from './workbook-format.js';

export type ExportTarget = { file: string } | { stream: NodeJS.WritableStream };

/**
 * Writes the thirty-two sheets (组织, 党员, 发展党员, 组织生活, 党费基数, 党费审批, 党费缴纳, the member-work ledgers 学习记录,
 * 培训班, 参训人员, 服务记录, 到社区报到, 服务队伍, 队伍人员, 表彰, 捐款, and the supervision ledgers 责任清单 … 手工填报) for an organization and everything under it — all
 * organizations when none is named — in exactly the format importWorkbook reads. The organization's own row keeps
 * its parent's code. ID numbers, codes and dates are text cells, so Excel never turns them into numbers. Streams:
 * memory stays bounded however many members there are. A file is written under a temporary name and renamed at
 * the end, so a failed export leaves no half-written workbook behind.
 */
export async function exportWorkbook(
  ctx: Ctx,
  target: ExportTarget,
  /** `maxSheetRows`: rows a sheet holds before it continues on the next (Excel's limit; smaller in tests). */
  opts: { org?: string; onProgress?: ProgressFn; maxSheetRows?: number } = {},
): Promise<ImportReport['counts']> {
  const orgs = (await listSubtree(ctx, opts.org)).sort((a, b) => a.depth - b.depth || byCode(a.code, b.code));
  const total = orgs.length + (await countRecords(ctx, opts.org ? orgs[0] : undefined));
  let done = 0;
  const progress = (n: number) => opts.onProgress?.((done += n), total, '导出');
  progress(0);

  const out = 'file' in target ? await openTempFile(target.file) : null;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: (out?.stream ?? (target as { stream: NodeJS.WritableStream }).stream) as never,
    useStyles: true,
    useSharedStrings: true,
  });
  try {
    // Personal data leaves the system whole only for roles that may see it (个人信息保护法); for the others the
    // workbook is a masked report, which the importer would refuse as it stands.
    const personal = accessOf(ctx.actor).fullPersonalData ? <T>(rows: T) => rows : maskedRows;
    const counts = {
      orgs: await writeSheet(workbook, SHEETS.orgs, once(orgs.map(orgRow)), progress, opts.maxSheetRows),
      members: await writeSheet(workbook, SHEETS.members, personal(memberRows(ctx, orgs)), progress, opts.maxSheetRows),
      development: await writeSheet(workbook, SHEETS.development, personal(developmentRows(ctx, orgs)), progress, opts.maxSheetRows),
      meetings: await writeSheet(workbook, SHEETS.meetings, meetingRows(ctx, orgs), progress, opts.maxSheetRows),
      duesBases: await writeSheet(workbook, SHEETS.duesBases, personal(duesBaseRows(ctx, orgs)), progress, opts.maxSheetRows),
      duesApprovals: await writeSheet(workbook, SHEETS.duesApprovals, personal(duesApprovalRows(ctx, orgs)), progress, opts.maxSheetRows),
      duesPayments: await writeSheet(workbook, SHEETS.duesPayments, personal(duesPaymentRows(ctx, orgs)), progress, opts.maxSheetRows),
      studyRecords: await writeSheet(workbook, SHEETS.studyRecords, personal(studyRecordRows(ctx, orgs)), progress, opts.maxSheetRows),
      trainings: await writeSheet(workbook, SHEETS.trainings, trainingRows(ctx, orgs), progress, opts.maxSheetRows),
      trainingAttendance: await writeSheet(workbook, SHEETS.trainingAttendance, personal(trainingAttendanceRows(ctx, orgs)), progress, opts.maxSheetRows),
      serviceRecords: await writeSheet(workbook, SHEETS.serviceRecords, personal(serviceRecordRows(ctx, orgs)), progress, opts.maxSheetRows),
      communityReports: await writeSheet(workbook, SHEETS.communityReports, personal(communityReportRows(ctx, orgs)), progress, opts.maxSheetRows),
      serviceTeams: await writeSheet(workbook, SHEETS.serviceTeams, serviceTeamRows(ctx, orgs), progress, opts.maxSheetRows),
      serviceTeamMembers: await writeSheet(workbook, SHEETS.serviceTeamMembers, personal(serviceTeamMemberRows(ctx, orgs)), progress, opts.maxSheetRows),
      honors: await writeSheet(workbook, SHEETS.honors, personal(honorRows(ctx, orgs)), progress, opts.maxSheetRows),
      donations: await writeSheet(workbook, SHEETS.donations, personal(donationRows(ctx, orgs)), progress, opts.maxSheetRows),
      responsibilityLists: await writeSheet(workbook, SHEETS.responsibilityLists, responsibilityListRows(ctx, orgs), progress, opts.maxSheetRows),
      listItems: await writeSheet(workbook, SHEETS.listItems, listItemRows(ctx, orgs), progress, opts.maxSheetRows),
      tasks: await writeSheet(workbook, SHEETS.tasks, taskRows(ctx, orgs), progress, opts.maxSheetRows),
      taskEvents: await writeSheet(workbook, SHEETS.taskEvents, taskEventRows(ctx, orgs), progress, opts.maxSheetRows),
      inspections: await writeSheet(workbook, SHEETS.inspections, inspectionRows(ctx, orgs), progress, opts.maxSheetRows),
      inspectionTargets: await writeSheet(workbook, SHEETS.inspectionTargets, inspectionTargetRows(ctx, orgs), progress, opts.maxSheetRows),
      problems: await writeSheet(workbook, SHEETS.problems, problemRows(ctx, orgs), progress, opts.maxSheetRows),
      problemEvents: await writeSheet(workbook, SHEETS.problemEvents, problemEventRows(ctx, orgs), progress, opts.maxSheetRows),
      ratings: await writeSheet(workbook, SHEETS.ratings, ratingRows(ctx, orgs), progress, opts.maxSheetRows),
      weakCases: await writeSheet(workbook, SHEETS.weakCases, weakCaseRows(ctx, orgs), progress, opts.maxSheetRows),
      designations: await writeSheet(workbook, SHEETS.designations, designationRows(ctx, orgs), progress, opts.maxSheetRows),
      disclosureItems: await writeSheet(workbook, SHEETS.disclosureItems, disclosureItemRows(ctx, orgs), progress, opts.maxSheetRows),
      disclosures: await writeSheet(workbook, SHEETS.disclosures, disclosureRows(ctx, orgs), progress, opts.maxSheetRows),
      cadreEvents: await writeSheet(workbook, SHEETS.cadreEvents, personal(cadreEventRows(ctx, orgs)), progress, opts.maxSheetRows),
      publications: await writeSheet(workbook, SHEETS.publications, publicationRows(ctx, orgs), progress, opts.maxSheetRows),
      figureValues: await writeSheet(workbook, SHEETS.figureValues, figureValueRows(ctx, orgs), progress, opts.maxSheetRows),
    };
    await workbook.commit();
    if (out) await rename(out.path, (target as { file: string }).file);
    return counts;
  } catch (e) {
    if (out) {
      out.stream.destroy();
      await rm(out.path, { force: true });
    }
    throw e;
  }
}

async function* maskedRows(batches: AsyncIterable<ExportRow[]>): AsyncIterable<ExportRow[]> {
  for await (const batch of batches) {
    yield batch.map((r) => ({
      ...r,
      ...(typeof r.idNumber === 'string' && { idNumber: maskIdNumber(r.idNumber) }),
      ...(typeof r.phone === 'string' && { phone: maskPhone(r.phone) }),
    }));
  }
}

async function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: SheetDef,
  batches: AsyncIterable<ExportRow[]>,
  progress: (n: number) => void,
  maxRows = MAX_SHEET_ROWS,
): Promise<number> {
  // Text format ('@') on every text column and its cells: what a user types or edits there stays text (an ID
  // number, a code like 001, a date) instead of becoming a number.
  const styles = sheet.columns.map((c) => (c.kind === 'int' || c.kind === 'number' ? NUMBER_STYLE : TEXT_STYLE));
  const open = (name: string) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c, i) => ({ header: c.header, key: c.field, width: c.width, style: styles[i]! }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.commit();
    return ws;
  };
  let ws = open(sheet.name);
  let n = 0;
  let onSheet = 0;
  let continuations = 0;
  for await (const batch of batches) {
    for (const record of batch) {
      // Past Excel's last row, the sheet continues on 党费缴纳（续1）… (workbook-format.ts).
      if (onSheet === maxRows) {
        ws.commit();
        ws = open(continuationName(sheet.name, ++continuations));
        onSheet = 0;
      }
      onSheet++;
      const row = ws.addRow(sheet.columns.map((c) => record[c.field] ?? null));
      // One shared style object per kind: exceljs then looks its id up instead of building it for every cell.
      row.eachCell({ includeEmpty: true }, (cell, col) => (cell.style = styles[col - 1]!));
      row.commit();
    }
    n += batch.length;
    progress(batch.length);
  }
  ws.commit();
  return n;
}

const TEXT_STYLE: Partial<ExcelJS.Style> = { numFmt: '@' };
const NUMBER_STYLE: Partial<ExcelJS.Style> = {};

async function* once<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}

/** Members, development records, meetings, dues and ledger rows to export, for the progress total (an estimate). */
async function countRecords(ctx: Ctx, root: OrgView | undefined): Promise<number> {
  let sum = 0;
  const tables = [
    'memberships', 'development_records', 'meetings', 'dues_bases', 'dues_approvals', 'dues_payments', 'study_records', 'trainings', 'training_attendance',
    'service_records', 'community_reports', 'service_teams', 'service_team_members', 'honors', 'donations', 'responsibility_lists', 'list_items', 'tasks',
    'task_events', 'inspections', 'inspection_targets', 'problems', 'problem_events', 'ratings', 'weak_org_cases', 'designations', 'disclosure_items',
    'disclosures', 'cadre_events', 'publications', 'figure_values',
  ] as const;
  for (const table of tables) {
    let q = ctx.db
      .selectFrom(`${table} as t` as 'meetings as t')
      .innerJoin('organizations as o', 'o.id', 't.org_id')
      .select((eb) => eb.fn.countAll<number>().as('n'));
    if (root) q = q.where('o.path', '>=', root.path).where('o.path', '<', subtreeUpperBound(root.path));
    sum += Number((await q.executeTakeFirstOrThrow()).n);
  }
  return sum;
}

async function openTempFile(file: string): Promise<{ path: string; stream: WriteStream }> {
  const path = `${file}.${process.pid}.part`;
  const stream = createWriteStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT' || e.code === 'ENOTDIR') reject(new AppError('FILE_NOT_FOUND', `无法写入文件：目录“${dirname(file)}”不存在`));
      else reject(e);
    });
  });
  return { path, stream };
}
