import { refreshStatistics } from '../../db/statistics.js';
import { inTransaction, type Ctx } from '../../context.js';
import { checkWorkbook } from './check-workbook.js';
import { parseWorkbook, type ProgressFn, type WorkbookSource } from './parse-workbook.js';
import { writeWorkbook } from './write-workbook.js';
import { appendAudit } from '../audit/append-audit.js';
import { accessOf } from '../access/actor.js';
import { AppError } from '../../shared/errors.js';
import { ledgerCounts, type LedgerCounts } from './check-ledgers.js';

export { parseWorkbook } from './parse-workbook.js';
export type { ParsedWorkbook, ProgressFn, WorkbookSource } from './parse-workbook.js';

export interface ImportReport {
  dryRun: boolean;
  /** Rows imported (or, in a dry run, that would be). */
  counts: { orgs: number; members: number; development: number; meetings: number; duesBases: number; duesApprovals: number; duesPayments: number } & LedgerCounts;
}

/**
 * Imports a workbook (组织, 党员, 发展党员, 组织生活, the 党费 sheets, the member-work and the supervision ledger sheets) or a one-sheet CSV file, all or nothing: every row is checked
 * first and any problem throws IMPORT_INVALID listing them all with sheet, row and column; otherwise everything is
 * written in one transaction. A dry run checks fully and writes nothing. Progress phases: 读取, 校验, 写入.
 */
export async function importWorkbook(
  ctx: Ctx,
  source: WorkbookSource,
  opts: { dryRun?: boolean; onProgress?: ProgressFn } = {},
): Promise<ImportReport> {
  if (!accessOf(ctx.actor).canWrite) {
    const message = '您的角色只能查看，不能导入';
    throw new AppError('PERMISSION_DENIED', message, [{ code: 'PERMISSION_DENIED', field: 'file', message }]);
  }
  const parsed = await parseWorkbook(source, opts);
  const dryRun = Boolean(opts.dryRun);
  // The checks read the database inside the writing transaction: on SQLite nothing can change in between; on
  // PostgreSQL a concurrent insert of the same code or ID number still fails on the unique index, and rolls back.
  const report = await inTransaction(ctx, async (tx) => {
    const plan = await checkWorkbook(tx, parsed, opts.onProgress);
    const counts = {
      orgs: plan.orgs.length,
      members: plan.members.length,
      development: plan.development.length,
      meetings: plan.meetings.length,
      duesBases: plan.dues.bases.length,
      duesApprovals: plan.dues.approvals.length,
      duesPayments: plan.dues.payments.length,
      ...ledgerCounts(plan.ledgers),
    };
    if (!dryRun) {
      await writeWorkbook(tx, plan, opts.onProgress);
      await appendAudit(tx, {
        action: 'import',
        recordType: 'workbook',
        note: `导入${describeCounts(counts)}`,
      });
    }
    return { dryRun, counts };
  });
  if (!dryRun) await refreshStatistics(ctx.db);
  return report;
}

/** The counts as people read them: 组织3个、党员20名…; the 党费 sheets only when the workbook had any, each ledger sheet only when it had rows. */
export function describeCounts(c: ImportReport['counts']): string {
  const dues = c.duesBases + c.duesApprovals + c.duesPayments > 0 ? `、党费基数${c.duesBases}条、党费审批${c.duesApprovals}条、党费缴纳记录${c.duesPayments}条` : '';
  const ledgers = LEDGER_WORDS.filter(([k]) => c[k] > 0).map(([k, what, unit]) => `、${what}${c[k]}${unit}`).join('');
  return `组织${c.orgs}个、党员${c.members}名、发展党员记录${c.development}条、组织生活记录${c.meetings}条${dues}${ledgers}`;
}

const LEDGER_WORDS: [keyof LedgerCounts, string, string][] = [
  ['studyRecords', '学习记录', '条'],
  ['trainings', '培训班', '个'],
  ['trainingAttendance', '参训记录', '条'],
  ['serviceRecords', '服务记录', '条'],
  ['communityReports', '到社区报到记录', '条'],
  ['serviceTeams', '服务队伍', '支'],
  ['serviceTeamMembers', '队伍人员', '名'],
  ['honors', '表彰记录', '条'],
  ['donations', '捐款记录', '条'],
  ['responsibilityLists', '责任清单', '份'],
  ['listItems', '清单事项', '项'],
  ['tasks', '任务', '项'],
  ['taskEvents', '任务记录', '条'],
  ['inspections', '巡察督查', '轮'],
  ['inspectionTargets', '检查对象', '个'],
  ['problems', '整改问题', '个'],
  ['problemEvents', '整改记录', '条'],
  ['ratings', '分类定级记录', '条'],
  ['weakCases', '软弱涣散整顿记录', '条'],
  ['designations', '命名表彰记录', '条'],
  ['disclosureItems', '公开目录事项', '项'],
  ['disclosures', '公开记录', '条'],
  ['cadreEvents', '干部工作记录', '条'],
  ['publications', '宣传报道', '篇'],
  ['figureValues', '手工填报数值', '项'],
];
