import type { Command } from 'commander';
import { exportWorkbook } from '../../modules/workbook/export-workbook.js';
import { describeCounts } from '../../modules/workbook/import-workbook.js';
import { printJson, println, progressReporter, withSession, type GlobalOptions } from '../runtime.js';

export function registerExport(program: Command, globals: () => GlobalOptions): void {
  program
    .command('export')
    .description('导出为 Excel 工作簿（与导入格式相同，公民身份号码和日期以文本保存）')
    .argument('<文件>', '要写入的 .xlsx 文件')
    .option('--org <代码>', '只导出该组织及其下级组织')
    .action(async (file: string, opts: { org?: string }) => {
      const g = globals();
      await withSession(g, async ({ ctx }) => {
        const progress = progressReporter(Boolean(g.json));
        try {
          const counts = await exportWorkbook(ctx, { file }, { ...(opts.org && { org: opts.org }), onProgress: progress.update });
          progress.stop();
          if (g.json) printJson({ file, counts });
          else println(`已导出到 ${file}：${describeCounts(counts)}`);
        } finally {
          progress.stop();
        }
      });
    });
}
