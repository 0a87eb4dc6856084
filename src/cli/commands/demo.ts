import type { Command } from 'commander';
import { generateDemo } from '../../modules/demo/generate-demo.js';
import type { DemoSummary } from '../../modules/demo/demo-types.js';
import { describeDues, describeSupervision, describeWork } from '../../modules/demo/summarize.js';
import { createDemoAccounts, DEMO_PASSWORD, type DemoAccount } from '../../modules/demo/demo-accounts.js';
import { ROLE_LABELS } from '../../modules/access/actor.js';
import { AppError } from '../../shared/errors.js';
import { printJson, println, progressReporter, withSession, type GlobalOptions } from '../runtime.js';

function intOption(name: string, min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new AppError('FIELD_INVALID', `${name} 应为 ${min}–${max} 之间的整数`, [
        { code: 'FIELD_INVALID', field: name, message: `${name} 应为 ${min}–${max} 之间的整数` },
      ]);
    }
    return n;
  };
}

export function registerDemo(program: Command, globals: () => GlobalOptions): void {
  program
    .command('demo')
    .description('生成一个确定性的演示县（组织、党员、发展党员、组织生活、党费、学习培训、服务、表彰和捐款记录，责任清单、巡察整改、分类定级、三务公开、干部和宣传记录），只能用于空数据库')
    .option('--members <人数>', '党员人数（默认 25000）', intOption('--members', 100, 5_000_000))
    .option('--seed <种子>', '随机种子，相同种子生成相同数据（默认 1）', intOption('--seed', 0, 2 ** 31 - 1))
    .option('--from <年份>', '记录起始年份（默认去年）', intOption('--from', 2000, 2100))
    .option('--to <年份>', '记录截止年份（默认今年，截至今天）', intOption('--to', 2000, 2100))
    .action(async (opts: { members?: number; seed?: number; from?: number; to?: number }) => {
      const g = globals();
      if (opts.from !== undefined && opts.to !== undefined && opts.from > opts.to) {
        throw new AppError('FIELD_INVALID', '--from 不能晚于 --to', [{ code: 'FIELD_INVALID', field: '--from', message: '--from 不能晚于 --to' }]);
      }
      await withSession(g, async ({ ctx, handle }) => {
        const progress = progressReporter(Boolean(g.json));
        const started = performance.now();
        try {
          const summary = await generateDemo(ctx, {
            ...(opts.members !== undefined && { members: opts.members }),
            ...(opts.seed !== undefined && { seed: opts.seed }),
            ...(opts.from !== undefined && { fromYear: opts.from }),
            ...(opts.to !== undefined && { toYear: opts.to }),
            onProgress: progress.update,
          });
          progress.stop();
          const accounts = await createDemoAccounts(ctx, summary.countyCode);
          const seconds = (performance.now() - started) / 1000;
          if (g.json) printJson({ ...summary, accounts, seconds });
          else println(`演示县已生成到 ${handle.location}（用时${seconds.toFixed(1)}秒）：\n${describeSummary(summary)}\n${describeAccounts(accounts)}`);
        } finally {
          progress.stop();
        }
      });
    });
}

const parts = (counts: Record<string, number>, unit: string) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k}${n}${unit}`)
    .join('、');

export function describeSummary(s: DemoSummary): string {
  return [
    `  ${s.countyName}（${s.countyCode}），种子 ${s.seed}，记录期间 ${s.fromYear}-01-01 至 ${s.asOf}`,
    `  组织${s.orgs.total}个：${parts(s.orgs.byKind, '个')}`,
    `  党支部按单位类型：${parts(s.orgs.branchesBySector, '个')}`,
    `  党员${s.members.total}名：在册${s.members.active}名（其中预备党员${s.members.probationary}名、流动党员${s.members.mobile}名、女党员${s.members.women}名），已离开${s.members.left}名`,
    `  发展党员记录${s.development.total}条：${parts(s.development.byStage, '名')}`,
    `  组织生活记录${s.meetings.total}条（登记缺席${s.meetings.absences}人次）`,
    `  ${describeDues(s.dues)}`,
    ...describeWork(s).map((line) => `  ${line}`),
    ...describeSupervision(s.supervision).map((line) => `  ${line}`),
  ].join('\n');
}

export function describeAccounts(accounts: DemoAccount[]): string {
  return [
    `  演示账号（密码均为 ${DEMO_PASSWORD}，仅供演示）：`,
    ...accounts.map((a) => `    ${a.username.padEnd(8)} ${a.roles.map((r) => ROLE_LABELS[r]).join('、')} — ${a.orgName}（${a.orgCode}）`),
  ].join('\n');
}
