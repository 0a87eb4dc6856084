import type { Command } from 'commander';
import { WEAK_LABELS, weakQuery } from '../../rules/rules.schema.js';
import { openSuggestedCase, suggestWeakOrgs, WEAK_REASON_LABELS } from '../../rules/weak-org-flags.js';
import { parseInput } from '../../shared/validation.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable } from '../table.js';

/** `dangjian weak-suggest`: the data-driven 软弱涣散 suggestions of a subtree and a year (a top-level command beside `weak-orgs`). */
export function registerWeakSuggest(program: Command, globals: () => GlobalOptions): void {
  program
    .command('weak-suggest')
    .description('软弱涣散数据提示：按组织生活、书记、换届、党费、发展对象、整改等情形，列出本年度建议排查的基层党组织')
    .requiredOption('--year <年度>', '年度，如 2026')
    .option('--org <代码>', '哪个组织（含下级组织）；不填则为最上级组织')
    .option('--detail', '列出每个组织的每项情形')
    .option('--open <代码>', '按数据提示将该党支部（党总支）列入软弱涣散排查（来源“数据提示”，情形为本年度数据所示）')
    .action(async (opts: { year: string; org?: string; detail?: boolean; open?: string }) => {
      const g = globals();
      const query = parseInput(weakQuery, { org: opts.open ?? opts.org, year: opts.year }, { ...WEAK_LABELS, org: opts.open ? '--open' : '--org', year: '--year' });
      await withSession(g, async ({ ctx }) => {
        if (opts.open) {
          const c = await openSuggestedCase(ctx, { orgCode: query.org!, year: query.year });
          if (g.json) printJson(c);
          else println(`已将${c.orgName}（${c.orgCode}）列入${c.year}年软弱涣散排查（编号${c.id}，${c.status}）：${c.reasons.map((r) => r.text).join('；')}`);
          return;
        }
        const s = await suggestWeakOrgs(ctx, { orgCode: query.org, year: query.year });
        if (g.json) {
          printJson(s);
          return;
        }
        println(`${s.orgName} ${s.year}年软弱涣散数据提示（截至${s.asOf}）`);
        println(s.share.text);
        if (s.items.length === 0) {
          println(`本范围${s.branches}个基层党组织均无数据提示的情形。`);
          return;
        }
        println();
        println(
          formatTable(
            ['序号', '组织代码', '组织名称', '情形数', '情形', '建议范围内', '已有整顿记录'],
            s.items.map((it, i) => [
              i + 1,
              it.org,
              it.orgName,
              it.reasons.length,
              it.reasons.map((r) => WEAK_REASON_LABELS[r.code]).join('、'),
              it.withinShare ? '是' : '',
              it.existingCase ? `${it.existingCase.id}（${it.existingCase.status}）` : '',
            ]),
          ),
        );
        if (opts.detail) {
          for (const it of s.items) {
            println();
            println(`${it.orgName}（${it.org}）：`);
            for (const r of it.reasons) println(`  [${WEAK_REASON_LABELS[r.code]}] ${r.text}`);
          }
        }
        println();
        println(`共${s.items.length}个组织有数据提示的情形（数据提示不是认定：列入排查用 --open <代码>，或 dangjian weak-org open）`);
      });
    });
}
