import type { Command } from 'commander';
import { createFigureSet } from '../../modules/figure-sets/create-figure-set.js';
import { deleteFigureSet } from '../../modules/figure-sets/delete-figure-set.js';
import { getFigureSet } from '../../modules/figure-sets/figure-set-records.js';
import {
  FIGURE_SET_LABELS,
  SUGGESTED_SOURCES,
  figureSetFiguresQuery,
  figureSetInput,
  figureSetListQuery,
  figureValuePatch,
  type FigureSetRecordView,
} from '../../modules/figure-sets/figure-sets.schema.js';
import { findFigureSets } from '../../modules/figure-sets/find-figure-sets.js';
import { manualFigures } from '../../modules/figure-sets/manual-figures.js';
import { setFigureValue } from '../../modules/figure-sets/set-figure-value.js';
import { AppError } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable, pageLine } from '../table.js';
import { printFigures, recordIdOf } from './honors.js';

const CLI_LABELS: Record<string, string> = {
  ...FIGURE_SET_LABELS,
  orgCode: '--org',
  org: '--org',
  period: '--period',
  sourceDepartment: '--source',
  source: '--source',
  enteredBy: '--by',
  note: '--note',
  values: '--values',
  indicator: '--indicator',
  unit: '--unit',
  limit: '--limit',
  offset: '--offset',
};

/** The catalog's kinds as the list prints them. */

/** "clues_disposed=12,cases_filed=5" → the values of a set (FIELD_INVALID naming --values for a malformed pair). */
export function parseValuePairs(text: string): { indicatorId: string; value: string }[] {
  const pairs = text.split(/[,，;；\s]+/).filter(Boolean);
  return pairs.map((pair) => {
    const m = /^([A-Za-z0-9_]+)\s*[=＝:：]\s*(.+)$/.exec(pair);
    if (!m) {
      const message = `--values：“${pair}”格式不正确，应为 指标编号=数值，多项用逗号分隔（如 clues_disposed=12,cases_filed=5）`;
      throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'values', message }]);
    }
    return { indicatorId: m[1]!, value: m[2]! };
  });
}

function setTable(items: FigureSetRecordView[]): string {
  return formatTable(
    ['编号', '组织', '统计期', '数据来源单位', '填报人', '填报日期', '指标数'],
    items.map((s) => [String(s.id), `${s.orgName}（${s.orgCode}）`, s.period.label, s.sourceDepartment, s.enteredBy, s.enteredOn, String(s.values.length)]),
  );
}

function printSet(s: FigureSetRecordView): void {
  println(`填报表 ${s.id}：${s.orgName}（${s.orgCode}）${s.period.title}，数据来源 ${s.sourceDepartment}，${s.enteredBy} 于 ${s.enteredOn} 填报`);
  if (s.note) println(`备注：${s.note}`);
  println(formatTable(['指标', '数值', '单位', '指标编号'], s.values.map((v) => [v.label, String(v.value), v.unit, v.indicatorId])));
}

export function registerFigureSets(program: Command, globals: () => GlobalOptions): void {
  const set = program.command('figure-set').description('手工填报其他部门数据（纪委监委汇总数据、经济、网信等）：填报、查看、更正、删除');

  set
    .command('add')
    .description(`填报一份数据：组织、统计期、数据来源单位和各项指标（可填的指标见 indicators manual）。同一组织同一统计期多次填报同一指标时，统计以最近一次为准。常见来源：${SUGGESTED_SOURCES.join('、')}`)
    .requiredOption('--org <代码>', '填报组织代码（数据所属的组织）')
    .requiredOption('--period <统计期>', '2026、2026H1、2026Q3 或 2026-03')
    .requiredOption('--source <单位>', '数据来源单位，如 县纪委监委')
    .requiredOption('--values <指标=数值,…>', '如 clues_disposed=12,cases_filed=5')
    .option('--by <姓名>', '填报人姓名（命令行填报时；不填为“系统（命令行）”）')
    .option('--note <备注>', '备注')
    .action(async (opts: { org: string; period: string; source: string; values: string; by?: string; note?: string }) => {
      const g = globals();
      const input = parseInput(
        figureSetInput,
        { orgCode: opts.org, period: opts.period, sourceDepartment: opts.source, enteredBy: opts.by, note: opts.note, values: parseValuePairs(opts.values) },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const s = await createFigureSet(ctx, input);
        if (g.json) {
          printJson(s);
          return;
        }
        println(`已填报，编号 ${s.id}`);
        printSet(s);
      });
    });

  set
    .command('show')
    .description('查看一份填报表及其各项数值')
    .argument('<编号>', '填报表编号')
    .action(async (id: string) => {
      const g = globals();
      const setId = recordIdOf(id, 'id', '填报表编号');
      await withSession(g, async ({ ctx }) => {
        const s = await getFigureSet(ctx, setId);
        if (g.json) {
          printJson(s);
          return;
        }
        printSet(s);
      });
    });

  set
    .command('set')
    .description('更正（或补充）填报表中某项指标的数值（记入审计日志）')
    .argument('<编号>', '填报表编号')
    .argument('<指标编号>', '如 cases_filed')
    .argument('<数值>', '数值（同比增减可为负数，如 -3.5）')
    .option('--unit <单位>', '单位（须与指标目录一致，可不填）')
    .option('--note <备注>', '备注')
    .action(async (id: string, indicatorId: string, value: string, opts: { unit?: string; note?: string }) => {
      const g = globals();
      const setId = recordIdOf(id, 'id', '填报表编号');
      const patch = parseInput(figureValuePatch, { value, unit: opts.unit, note: opts.note }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const s = await setFigureValue(ctx, setId, indicatorId, patch);
        if (g.json) {
          printJson(s);
          return;
        }
        const v = s.values.find((x) => x.indicatorId === indicatorId)!;
        println(`已更正填报表 ${s.id}：${v.label}（${v.indicatorId}）为 ${v.value}${v.unit}`);
      });
    });

  set
    .command('delete')
    .description('删除误填的填报表及其数值（记入审计日志）')
    .argument('<编号>', '填报表编号')
    .action(async (id: string) => {
      const g = globals();
      const setId = recordIdOf(id, 'id', '填报表编号');
      await withSession(g, async ({ ctx }) => {
        const s = await deleteFigureSet(ctx, setId);
        if (g.json) {
          printJson(s);
          return;
        }
        println(`已删除填报表 ${s.id}（${s.orgName}${s.period.title}，${s.sourceDepartment}，${s.values.length}项）`);
      });
    });

  set
    .command('figures')
    .description('手工填报指标：本组织本统计期最近一次填报的数值（不含下级汇总）')
    .option('--org <代码>', '组织代码；不填则为本人所在组织（命令行为唯一的顶层组织）')
    .requiredOption('--period <统计期>', '2026、2026H1、2026Q3 或 2026-03')
    .action(async (opts: { org?: string; period: string }) => {
      const g = globals();
      const q = parseInput(figureSetFiguresQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const f = await manualFigures(ctx, { orgCode: q.org, period: q.period });
        if (g.json) {
          printJson(f);
          return;
        }
        printFigures(f, '手工填报指标');
      });
    });

  program
    .command('figure-sets')
    .description('查询手工填报表（组织含下级），新的统计期在前；同期多份时最近填报的在前（统计以其为准）')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--period <统计期>', '统计期，列出期内各填报表（2026 含各季度、月份的）')
    .option('--source <单位>', '数据来源单位')
    .option('--indicator <指标编号>', '含该指标的填报表')
    .option('--limit <条数>', '最多列出的条数（1–1000）', '50')
    .option('--offset <条数>', '跳过的条数', '0')
    .action(async (opts: Record<string, string | undefined>) => {
      const g = globals();
      const q = parseInput(figureSetListQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const page = await findFigureSets(ctx, q);
        if (g.json) {
          printJson(page);
          return;
        }
        println(setTable(page.items));
        println(pageLine(page, q.offset, '份', '份'));
      });
    });
}
