import type { Command } from 'commander';
import { auditQuery, AUDIT_LABELS } from '../../modules/audit/audit.schema.js';
import { findAudit } from '../../modules/audit/find-audit.js';
import { exportAudit } from '../../modules/audit/export-audit.js';
import { parseInput } from '../../shared/validation.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable } from '../table.js';

export function registerAudit(program: Command, globals: () => GlobalOptions): void {
  program
    .command('audit')
    .description('查询或导出审计日志（谁、何时、从哪里、对哪条记录做了什么）')
    .option('--user <用户名>', '按操作人筛选')
    .option('--record <类型[:编号]>', '按记录筛选，如 member:123、organization:C01')
    .option('--action <操作>', '按操作筛选，如 create、update、login_failed')
    .option('--from <日期>', '起始日期（YYYY-MM-DD）')
    .option('--to <日期>', '截止日期（YYYY-MM-DD，含当天）')
    .option('--limit <条数>', '最多列出的条数', '100')
    .option('--export <文件>', '导出为 .xlsx 文件（不受 --limit 限制）')
    .action(async (opts: { user?: string; record?: string; action?: string; from?: string; to?: string; limit: string; export?: string }) => {
      const g = globals();
      const [recordType, recordId] = opts.record ? opts.record.split(':', 2) : [undefined, undefined];
      const query = parseInput(
        auditQuery,
        { user: opts.user, recordType, recordId, action: opts.action, from: opts.from, to: opts.to, limit: opts.limit },
        { ...AUDIT_LABELS, limit: '--limit', from: '--from', to: '--to', action: '--action' },
      );
      await withSession(g, async ({ ctx }) => {
        if (opts.export) {
          const { limit: _limit, ...all } = query;
          const n = await exportAudit(ctx, { file: opts.export }, all);
          if (g.json) printJson({ file: opts.export, entries: n });
          else println(`已导出审计日志${n}条到 ${opts.export}`);
          return;
        }
        const page = await findAudit(ctx, query);
        if (g.json) {
          printJson(page);
          return;
        }
        println(
          formatTable(
            ['时间（UTC）', '操作人', '来源地址', '操作', '记录', '变更字段'],
            page.items.map((e) => [
              e.at.slice(0, 19).replace('T', ' '),
              e.actorName,
              e.ip,
              e.actionLabel,
              `${e.recordType}${e.recordId ? `:${e.recordId}` : ''}`,
              e.changes ? Object.keys(e.changes).join('、') : (e.note ?? ''),
            ]),
          ),
        );
        println(`共${page.total}条，显示${page.items.length}条`);
      });
    });
}
