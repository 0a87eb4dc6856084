import type { Command } from 'commander';
import { dueList } from '../../rules/due.js';
import { RULES_LABELS, dueQuery } from '../../rules/rules.schema.js';
import { FAMILIES, FAMILY_LABELS, STATUS_LABELS } from '../../rules/types.js';
import { parseInput } from '../../shared/validation.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable } from '../table.js';

export function registerDue(program: Command, globals: () => GlobalOptions): void {
  program
    .command('due')
    .description('待办事项：已逾期、未落实和即将到期的会议、发展党员步骤、换届、党员组织生活等，按类别和期限排列')
    .option('--org <代码>', '哪个组织（含下级组织）；不填则为最上级组织')
    .option('--days <天数>', '列出多少天内到期的事项（1–366，默认按规则设置，30天）')
    .action(async (opts: { org?: string; days?: string }) => {
      const g = globals();
      const query = parseInput(dueQuery, { org: opts.org, days: opts.days }, { ...RULES_LABELS, org: '--org', days: '--days' });
      await withSession(g, async ({ ctx }) => {
        const due = await dueList(ctx, { orgCode: query.org, days: query.days });
        if (g.json) {
          printJson(due);
          return;
        }
        println(`${due.orgName} 待办事项（${due.today}，已逾期、未落实及${due.days}天内到期的事项）`);
        if (due.items.length === 0) {
          println('暂无待办事项。');
          return;
        }
        for (const family of FAMILIES) {
          const items = due.items.filter((f) => f.family === family);
          if (items.length === 0) continue;
          println();
          println(`【${FAMILY_LABELS[family]}】${items.length}项`);
          println(
            formatTable(
              ['期限', '状态', '组织', '人员', '事项'],
              items.map((f) => [f.dueOn ?? '—', STATUS_LABELS[f.status], `${f.orgName}（${f.org}）`, f.person ?? '', f.message]),
            ),
          );
        }
        println();
        println(`共${due.items.length}项`);
      });
    });
}
