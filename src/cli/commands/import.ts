import type { Command } from 'commander';
import { describeCounts, importWorkbook } from '../../modules/workbook/import-workbook.js';
import { printJson, println, progressReporter, withSession, type GlobalOptions } from '../runtime.js';

export function registerImport(program: Command, globals: () => GlobalOptions): void {
  program
    .command('import')
    .description('从 Excel 工作簿（.xlsx）或 CSV 文件导入组织、党员、发展党员、组织生活、党费，学习培训、服务、表彰和捐款记录，以及责任清单和任务、巡察督查和问题整改、分类定级、软弱涣散整顿、命名表彰、三务公开、干部工作、宣传报道和手工填报数据；有任何错误则不写入任何数据')
    .argument('<文件>', '.xlsx 或 .csv 文件')
    .option('--dry-run', '只校验，不写入')
    .action(async (file: string, opts: { dryRun?: boolean }) => {
      const g = globals();
      await withSession(g, async ({ ctx }) => {
        const progress = progressReporter(Boolean(g.json));
        try {
          const report = await importWorkbook(ctx, { file }, { dryRun: Boolean(opts.dryRun), onProgress: progress.update });
          progress.stop();
          if (g.json) {
            printJson(report);
            return;
          }
          const what = describeCounts(report.counts);
          println(report.dryRun ? `校验通过（未写入）：${what}` : `导入完成：${what}`);
        } finally {
          progress.stop();
        }
      });
    });
}
