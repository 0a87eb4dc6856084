import type { Command } from 'commander';
import { FIGURES_LABELS, LEDGER_LIST, ledgerFiguresQuery } from '../../modules/figures/figures.schema.js';
import { ledgerFigures, parseLedgers } from '../../modules/figures/ledger-figures.js';
import { parseInput } from '../../shared/validation.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable } from '../table.js';

const CLI_LABELS: Record<string, string> = { ...FIGURES_LABELS, org: '--org', period: '--period', ledger: '--ledger' };

export function registerFigures(program: Command, globals: () => GlobalOptions): void {
  program
    .command('figures')
    .description('各台账的统计数字（指标目录编号）：组织、党员、发展党员、组织生活、党费、学习培训、服务、表彰、捐款、任务、巡察整改、定级、公开、干部、宣传和手工填报，附计算方法和所依据的记录数')
    .requiredOption('--period <统计期>', '统计期：月份（2026-03）、季度（2026Q1）、半年（2026H1）、年份（2026）或日期范围（2026-03-01~2026-09-30）')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--ledger <台账>', `只列这些台账，逗号分隔：${LEDGER_LIST}`)
    .option('--explain', '列出每个数字的计算方法')
    .action(async (opts: { org?: string; period: string; ledger?: string; explain?: boolean }) => {
      const g = globals();
      const q = parseInput(ledgerFiguresQuery, { org: opts.org, period: opts.period, ledger: opts.ledger }, CLI_LABELS);
      const ledgers = parseLedgers(q.ledger);
      await withSession(g, async ({ ctx }) => {
        const f = await ledgerFigures(ctx, { orgCode: q.org, period: q.period, ledgers, evidence: g.json });
        if (g.json) {
          printJson(f);
          return;
        }
        println(`${f.org?.name ?? '全部组织'} 台账统计 ${f.period.title}（${f.period.start} 至 ${f.period.end}）`);
        const head = ['台账', '指标', '数值', '单位', '记录数', '编号'];
        const rows = f.figures.map((x) => [x.ledgerLabel, x.label, x.value === null ? '—' : String(x.value), x.unit, String(x.records), x.id]);
        println(formatTable(opts.explain ? [...head, '计算方法'] : head, opts.explain ? rows.map((r, i) => [...r, f.figures[i]!.computation]) : rows));
      });
    });
}
