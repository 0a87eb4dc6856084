import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { BRANCH_KINDS, isOneOf } from '../../shared/vocab.js';
import { buildNotice, LIGHT_LABELS, type Notice, type NoticeRow, type Rate } from '../../rules/notice.js';
import { exportNotice } from '../../rules/notice-workbook.js';
import { parsePeriod } from '../../shared/period.js';
import { subtreeProblemCounts } from '../../rules/subtree-problems.js';
import { FAMILIES, FAMILY_LABELS, STATUS_LABELS, type FindingStatus } from '../../rules/types.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable } from '../table.js';

const STATUS_ORDER: FindingStatus[] = ['violation', 'overdue', 'missed', 'upcoming'];

/** 85.2%, or "—" when nothing was due. */
export function percent(r: Rate): string {
  return r.rate === null ? '—' : `${(Math.round(r.rate * 1000) / 10).toFixed(1)}%`;
}

export function registerCheck(program: Command, globals: () => GlobalOptions): void {
  program
    .command('check')
    .description('监测通报：按党内法规检查本组织及各下级组织，列出各类规则的落实率、红黄绿状态、同级排名和存在的问题')
    .option('--org <代码>', '通报哪个组织（含下级组织）；不填则为最上级组织')
    .requiredOption('--period <统计期>', '统计期：月份（2022-03）、季度（2022Q1）、半年（2022H1）或年份（2022）')
    .option('--all', '列出所有下级组织（不只直属组织），以及每个组织的问题')
    .option('--xlsx <文件>', '写入监测通报工作簿（.xlsx），不在屏幕上列出')
    .action(async (opts: { org?: string; period: string; all?: boolean; xlsx?: string }) => {
      const g = globals();
      parsePeriod(opts.period); // a bad period is refused before the database is opened
      await withSession(g, async ({ ctx }) => {
        if (opts.xlsx) {
          const { notice, buffer } = await exportNotice(ctx, { orgCode: opts.org, period: opts.period });
          await writeFile(opts.xlsx, buffer);
          const problems = notice.findings.filter((f) => f.status !== 'upcoming').length;
          const upcoming = notice.findings.length - problems;
          if (g.json) printJson({ file: opts.xlsx, org: notice.org, period: notice.period, organizations: notice.rows.length, problems, upcoming });
          else println(`已将${title(notice)}写入 ${opts.xlsx}：组织${notice.rows.length}个、问题${problems}条、即将到期${upcoming}条`);
          return;
        }
        const notice = await buildNotice(ctx, { orgCode: opts.org, period: opts.period });
        if (g.json) printJson(notice);
        else printNotice(notice, Boolean(opts.all));
      });
    });
}

function title(n: Notice): string {
  return `${n.orgName} ${n.periodTitle} 监测通报（截至${n.asOf}）`;
}

function printNotice(n: Notice, all: boolean): void {
  const s = n.summary;
  println(title(n));
  println();
  const unrated = s.organizations - s.byStatus.green - s.byStatus.yellow - s.byStatus.red;
  println(
    `组织：${s.organizations}个（${(['green', 'yellow', 'red'] as const).map((l) => `${LIGHT_LABELS[l]} ${s.byStatus[l]}`).join('，')}` +
      `${unrated ? `，本期无应落实事项 ${unrated}` : ''}）`,
  );
  println(`问题：${STATUS_ORDER.map((st) => `${STATUS_LABELS[st]} ${s.findings[st]}`).join('，')}`);
  println(`落实率：${FAMILIES.map((f) => `${FAMILY_LABELS[f]} ${rateWithCounts(s.families[f])}`).join('；')}；综合 ${percent(s.overall)}（各类落实率的平均）`);
  println(`（综合落实率达到${n.thresholds.greenAt}%为绿，低于${n.thresholds.redBelow}%为红；“—”表示本期无应落实事项）`);

  const listed = all ? n.rows : n.rows.filter((r) => r.level === 1).sort(byRank);
  const inSubtree = subtreeProblemCounts(n);
  if (listed.length > 0) {
    println();
    println(
      formatTable(
        ['排名', '组织代码', '组织名称', ...FAMILIES.map((f) => FAMILY_LABELS[f]), '综合', '状态', '问题数（含下级）'],
        listed.map((r) => [
          r.rank === null ? '—' : `${r.rank}/${r.peers}`,
          r.org,
          all ? `${'  '.repeat(r.level)}${r.name}` : r.name,
          ...FAMILIES.map((f) => percent(r.families[f])),
          percent(r.overall),
          r.status ? LIGHT_LABELS[r.status] : '—',
          inSubtree.get(r.org) ?? 0,
        ]),
      ),
    );
  }

  const branch = n.rows.length === 1;
  const withProblems = (all ? n.rows : branch ? n.rows.slice(0, 1) : []).filter((r) => r.problems.length > 0);
  for (const r of withProblems) {
    println();
    println(`${r.name}（${r.org}）存在的问题（${r.problems.length}条）：`);
    for (const f of r.problems) println(`  [${STATUS_LABELS[f.status]}] ${f.citation}：${f.org === r.org ? '' : `${f.orgName}：`}${f.message}`);
  }
  if (branch) {
    const root = n.rows[0]!;
    if (root.problems.length === 0) println(`\n${root.name}本期未发现问题。`);
    const upcoming = n.findings.filter((f) => f.status === 'upcoming').length;
    if (upcoming > 0) println(`另有${upcoming}项即将到期（用 dangjian due --org ${root.org} 查看待办事项）。`);
  }
}

function rateWithCounts(r: Rate): string {
  return r.rate === null ? '—' : `${percent(r)}（${r.met}/${r.met + r.failed}）`;
}

/** Committees before branches (they are ranked apart), then by rank; the unranked last. */
function byRank(a: NoticeRow, b: NoticeRow): number {
  const group = (r: NoticeRow) => (isOneOf(BRANCH_KINDS, r.kind) ? 1 : 0);
  return group(a) - group(b) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.org.localeCompare(b.org);
}
