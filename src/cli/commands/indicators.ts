import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { indicatorCoverage } from '../../indicators/coverage.js';
import { explainFigure } from '../../indicators/explain.js';
import { indicators } from '../../indicators/registry.js';
import { manualIndicators } from '../../modules/figure-sets/manual-indicators.js';
import { generateReport } from '../../reports/generate-report.js';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../../reports/render-report.js';
import { templateNames } from '../../reports/load-template.js';
import { AppError } from '../../shared/errors.js';
import { parsePeriod } from '../../shared/period.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable } from '../table.js';

const KIND_LABELS: Record<string, string> = { count: '计数', ratio: '比率', yoy: '同比（可为负）', rank: '名次', manual: '数值', sum: '合计' };
const SOURCE_LABELS: Record<string, string> = { manual: '其他部门', discipline_case_aggregate: '纪委监委' };
const PERIOD_HELP = '统计期：月份（2026-03）、季度（2026Q1）、半年（2026H1）、年份（2026）或日期范围（2026-03-01~2026-09-30）';

function invalid(field: string, message: string): AppError {
  return new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field, message }]);
}

export function registerIndicators(program: Command, globals: () => GlobalOptions): void {
  const list = program
    .command('indicators')
    .description('指标：全部指标（系统计算的和手工填报的），--coverage 对照五份示例报告的指标目录列出覆盖情况')
    .option('--coverage', '对照指标目录（412处数字、316个指标）列出覆盖情况和缺少的指标')
    .option('--family <类别>', '只列这一类（组织、党费、学习培训、手工填报 …）')
    .action((opts: { coverage?: boolean; family?: string }) => {
      const g = globals();
      const all = indicators();
      if (opts.coverage) {
        const c = indicatorCoverage(all.map((i) => i.id));
        if (g.json) {
          printJson(c);
          return;
        }
        const line = (name: string, x: typeof c.rows) =>
          [name, String(x.total), String(x.computed), String(x.manual), String(x.manualComputable), String(x.missing), `${(((x.computed + x.manual) / x.total) * 100).toFixed(1)}%`];
        println('指标覆盖情况（对照 ../shared/indicators 五份示例报告的指标目录）');
        println(formatTable(['口径', '合计', '系统计算', '手工填报', '其中目录认为可计算', '缺少', '可填写率'], [line('数字（处）', c.rows), line('指标（个）', c.ids)]));
        println('');
        println('按记录来源（指标个数）：');
        println(formatTable(['来源', '指标', '系统计算', '手工填报', '缺少'], c.bySource.map((s) => [s.source, String(s.ids), String(s.computed), String(s.manual), String(s.missing)])));
        println('');
        println(`目录认为可由记录计算、本系统尚无相应记录而暂由手工填报的指标（${c.manualComputable.length}个）：`);
        println(c.manualComputable.map((m) => `${m.id}（${m.label}，${m.rows}处）`).join('、') || '无');
        println('');
        println(c.missing.length ? `缺少的指标：${c.missing.join('、')}` : '缺少的指标：无（每一处数字都可由系统计算或手工填报）');
        println(`另有本系统增设的指标${c.added}个（不在示例报告的目录中）。`);
        return;
      }
      const rows = opts.family ? all.filter((i) => i.familyLabel === opts.family || i.family === opts.family) : all;
      if (opts.family && rows.length === 0) throw invalid('family', `指标类别“${opts.family}”不存在，应为：${[...new Set(all.map((i) => i.familyLabel))].join('、')}`);
      if (g.json) {
        printJson({ items: rows });
        return;
      }
      println(formatTable(['指标编号', '名称', '单位', '类型', '类别', '来源'], rows.map((i) => [i.id, i.label, i.unit, KIND_LABELS[i.kind] ?? i.kind, i.familyLabel, i.manual ? '手工填报' : '系统计算'])));
      println(`共${rows.length}项（系统计算${rows.filter((i) => !i.manual).length}项，手工填报${rows.filter((i) => i.manual).length}项）`);
    });
  list
    .command('manual')
    .description('可手工填报的指标（其他部门数据、纪委监委汇总数据，以及尚无相应记录的指标）：编号、名称、单位')
    .action(() => {
      const g = globals();
      const items = manualIndicators();
      if (g.json) {
        printJson({ items });
        return;
      }
      println(formatTable(['指标编号', '名称', '单位', '类型', '来源'], items.map((i) => [i.id, i.label, i.unit, KIND_LABELS[i.kind] ?? i.kind, SOURCE_LABELS[i.sourceRecord] ?? '尚无相应记录，暂手工填报'])));
      println(`共${items.length}项`);
    });

  program
    .command('indicator <编号>')
    .description('说明一个数字：指标、数值、计算方法和所依据的记录数；--evidence 列出这些记录')
    .requiredOption('--period <统计期>', PERIOD_HELP)
    .option('--org <代码>', '组织代码（含下级组织）；不填则为可见的全部组织')
    .option('--evidence', '列出所依据的记录')
    .option('--offset <n>', '从第几条记录开始列出（从0起）', '0')
    .option('--limit <n>', '最多列出多少条记录', '50')
    .action(async (id: string, opts: { period: string; org?: string; evidence?: boolean; offset: string; limit: string }) => {
      const g = globals();
      const offset = Number(opts.offset);
      const limit = Number(opts.limit);
      if (!Number.isInteger(offset) || offset < 0) throw invalid('--offset', '--offset 应为不小于0的整数');
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw invalid('--limit', '--limit 应为1到1000之间的整数');
      await withSession(g, async ({ ctx }) => {
        const x = await explainFigure(ctx, { id, orgCode: opts.org, period: opts.period, evidence: opts.evidence === true || g.json, offset, limit });
        if (g.json) {
          printJson(x);
          return;
        }
        const f = x.figure;
        println(`${x.indicator.label}（${x.indicator.id}）`);
        println(`范围：${x.org?.name ?? '可见的全部组织'}；统计期：${x.period.title}（${x.period.start} 至 ${x.period.end}）`);
        println(`数值：${f?.value ?? '—'}${f?.value === null || !f ? '' : x.indicator.unit}`);
        println(`类别：${x.indicator.familyLabel}；来源：${x.indicator.manual ? '手工填报' : '系统计算'}`);
        println(`计算方法：${f?.computation ?? (x.indicator.manual ? '本期未手工填报' : '—')}`);
        println(`所依据的记录：${f ? `${f.evidence.ids.length}条（${f.evidence.table}）` : '无'}`);
        if (x.evidence) {
          println('');
          println(formatTable(['记录编号', '组织', '日期', '内容'], x.evidence.items.map((e) => [String(e.id), e.orgName ?? '', e.date ?? '', e.text])));
          const end = Math.min(offset + limit, x.evidence.total);
          println(x.evidence.total === 0 ? '共0条' : `共${x.evidence.total}条，显示第${offset + 1}–${end}条`);
        }
      });
    });

  program
    .command('report')
    .description('生成报告：年度党建工作报告、半年情况报告、落实全面从严治党主体责任情况报告、书记抓基层党建述职报告；每个数字由记录计算，附数据说明')
    .requiredOption('--period <统计期>', PERIOD_HELP)
    .option('--org <代码>', '组织代码（含下级组织）；不填则为可见的最上级组织')
    .option('--template <模板>', '报告模板：annual、half-year、responsibility、secretary，或模板文件路径（.md）', 'annual')
    .option('--format <格式>', `输出格式：${REPORT_FORMATS.join('、')}`, 'md')
    .option('--out <文件>', '写入文件（docx 必须指定）；不填则输出到屏幕')
    .option('--narratives <文件>', '撰写内容（JSON：{"n1": "……", "n2": "……"}，按模板中撰写处的顺序编号）')
    .option('--list-templates', '列出可用的报告模板')
    .action(async (opts: { period: string; org?: string; template: string; format: string; out?: string; narratives?: string; listTemplates?: boolean }) => {
      const g = globals();
      if (opts.listTemplates) {
        const names = templateNames();
        if (g.json) printJson({ items: names });
        else println(formatTable(['模板', '名称', '文件'], names.map((t) => [t.name, t.title, t.file])));
        return;
      }
      if (!(REPORT_FORMATS as readonly string[]).includes(opts.format)) throw invalid('--format', `--format 应为以下之一：${REPORT_FORMATS.join('、')}`);
      const format = opts.format as ReportFormat;
      if (format === 'docx' && !opts.out) throw invalid('--out', 'docx 格式须用 --out 指定输出文件');
      parsePeriod(opts.period);
      let narratives: Record<string, string> | undefined;
      if (opts.narratives) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(readFileSync(opts.narratives, 'utf8'));
        } catch (e) {
          throw invalid('--narratives', `无法读取撰写内容文件“${opts.narratives}”：${(e as Error).message}`);
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === 'string')) {
          throw invalid('--narratives', '撰写内容文件应为 JSON 对象，如 {"n1": "……"}');
        }
        narratives = parsed as Record<string, string>;
      }
      await withSession(g, async ({ ctx }) => {
        const doc = await generateReport(ctx, { orgCode: opts.org, period: opts.period, template: opts.template, allowTemplateFile: true, narratives });
        const out = await renderReport(doc, g.json ? 'json' : format);
        if (!g.json) for (const w of doc.warnings) process.stderr.write(`提示：${w}\n`);
        if (opts.out) {
          writeFileSync(opts.out, out.body);
          const figures = doc.appendix.length;
          const filled = doc.appendix.filter((r) => r.value !== null).length;
          const msg = `已生成 ${doc.title}（${format}）：${opts.out}；引用数字${figures}个，有数值${filled}个，略去无数据的段落或小节${doc.dropped.length}处${doc.empty ? '；本期没有可以统计的记录' : ''}`;
          if (g.json) printJson({ out: opts.out, title: doc.title, figures, filled, dropped: doc.dropped.length, empty: doc.empty });
          else println(msg);
        } else {
          process.stdout.write(out.body);
        }
      });
    });
}
