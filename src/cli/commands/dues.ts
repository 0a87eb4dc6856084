import type { Command } from 'commander';
import { duesFigures } from '../../modules/dues/dues-figures.js';
import { duesLedger } from '../../modules/dues/dues-ledger.js';
import { recordBranchPayments } from '../../modules/dues/record-branch-payments.js';
import { recordDuesApproval } from '../../modules/dues/record-dues-approval.js';
import { recordDuesPayment } from '../../modules/dues/record-dues-payment.js';
import { setDuesBase } from '../../modules/dues/set-dues-base.js';
import { DUES_LABELS, branchPaymentInput, duesApprovalInput, duesBaseInput, duesFiguresQuery, duesLedgerQuery, duesPaymentInput } from '../../modules/dues/dues.schema.js';
import { AppError } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable } from '../table.js';

const CLI_LABELS: Record<string, string> = {
  ...DUES_LABELS,
  org: '--org',
  orgCode: '--org',
  from: '--from',
  to: '--to',
  fromMonth: '--from-month',
  category: '--category',
  base: '--base',
  months: '--months',
  month: '--month',
  paidOn: '--paid-on',
  kind: '--kind',
  toMonth: '--to-month',
  monthly: '--monthly',
  reason: '--reason',
  approvedBy: '--approved-by',
  approvedOn: '--approved-on',
  amount: '--amount',
  limit: '--limit',
  offset: '--offset',
};

/** A member is named by the 党员记录编号 (the `id` of `dangjian members --json`, the ledger's 编号 column). */
function memberIdOf(text: string): number {
  const id = Number(text);
  if (!/^\d{1,10}$/.test(text) || id < 1 || id > 2_147_483_647) {
    const message = `党员记录编号应为正整数：${text}`;
    throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'memberId', message }]);
  }
  return id;
}

export function registerDues(program: Command, globals: () => GlobalOptions): void {
  const dues = program.command('dues').description('党费：台账、统计，核定基数，登记交纳（金额以元计，两位小数）');

  dues
    .command('ledger')
    .description('党费台账：组织（含下级）党员各月应交、实交和状态（已交、补交、预交、未交、免交、未核定、未到期）')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--from <月份>', '起始月份（YYYY-MM），默认本年1月')
    .option('--to <月份>', '截止月份（YYYY-MM），默认本月')
    .option('--limit <人数>', '最多列出的党员人数（1–1000）', '50')
    .option('--offset <人数>', '跳过的人数', '0')
    .action(async (opts: { org?: string; from?: string; to?: string; limit: string; offset: string }) => {
      const g = globals();
      const q = parseInput(duesLedgerQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const ledger = await duesLedger(ctx, { ...q, orgCode: q.org });
        if (g.json) {
          printJson(ledger);
          return;
        }
        println(`党费台账 ${ledger.from} 至 ${ledger.to}`);
        println(
          formatTable(
            ['编号', '姓名', '所在组织', '类别', '基数（元）', '应交（元）', '实交（元）', '未交月数', '各月状态'],
            ledger.items.map((r) => [
              String(r.memberId), r.name, r.orgName, r.category ?? '未核定', r.base ?? '', (r.dueFen / 100).toFixed(2), (r.paidFen / 100).toFixed(2),
              String(r.unpaidMonths), r.months.map((m) => `${m.month.slice(5)}${m.status}`).join(' '),
            ]),
          ),
        );
        println(`共${ledger.total}名党员，显示第${q.offset + 1}–${q.offset + ledger.items.length}名`);
      });
    });

  dues
    .command('figures')
    .description('党费统计：应交、实交、交纳率，连续3个月以上未交和未核定基数的党员')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--from <月份>', '起始月份（YYYY-MM），默认本年1月')
    .option('--to <月份>', '截止月份（YYYY-MM），默认本月')
    .action(async (opts: { org?: string; from?: string; to?: string }) => {
      const g = globals();
      const q = parseInput(duesFiguresQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const f = await duesFigures(ctx, { ...q, orgCode: q.org });
        if (g.json) {
          printJson(f);
          return;
        }
        println(`${f.orgName ?? '全部组织'} 党费统计 ${f.from} 至 ${f.to}（应交、实交计至${f.through}）`);
        println(`党员${f.memberCount}名；应交${f.due}元（${f.dueMonths}人月），实交${f.paid}元（已交${f.paidMonths}人月）`);
        println(`交纳率：${f.paymentRate === null ? '—' : `${(f.paymentRate * 100).toFixed(1)}%`}`);
        println(`连续3个月以上未交：${f.membersInArrears}名${f.evidence.inArrears.map((a) => `\n  ${a.name}（编号${a.memberId}，${a.orgCode}）：${a.months.join('、')}`).join('')}`);
        println(`未核定党费基数：${f.membersWithoutBase}名${f.evidence.withoutBase.map((a) => `\n  ${a.name}（编号${a.memberId}，${a.orgCode}）`).join('')}`);
      });
    });

  dues
    .command('base')
    .description('核定党员的党费类别和基数（自某月起；同月再次核定则更正）')
    .argument('<党员记录编号>', '党员记录编号（台账的“编号”列，或 members --json 的 id）')
    .requiredOption('--from-month <月份>', '自哪个月起（YYYY-MM）')
    .requiredOption('--category <类别>', '在职、离退休、农民、学生、下岗失业、其他困难')
    .option('--base <元>', '税后月工资或离退休费（元）；在职、离退休必填，其他类别不填')
    .action(async (member: string, opts: { fromMonth: string; category: string; base?: string }) => {
      const g = globals();
      const memberId = memberIdOf(member);
      const input = parseInput(duesBaseInput, { fromMonth: opts.fromMonth, category: opts.category, base: opts.base }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const result = await setDuesBase(ctx, { ...input, base: opts.base, memberId });
        if (g.json) {
          printJson(result);
          return;
        }
        println(`${result.name}的党费基数：`);
        println(formatTable(['起始月份', '类别', '基数（元）', '每月应交（元）'], result.bases.map((b) => [b.fromMonth, b.category, b.base ?? '—', b.monthly])));
      });
    });

  dues
    .command('approve')
    .description('登记党费审批：减交、免交或按季交纳（须经支部委员会或党员大会讨论、上级党组织批准）')
    .argument('<党员记录编号>', '党员记录编号')
    .requiredOption('--kind <类别>', '减交、免交或按季交纳')
    .requiredOption('--from-month <月份>', '自哪个月起（YYYY-MM）')
    .option('--to-month <月份>', '至哪个月止（YYYY-MM）；不填则长期有效')
    .option('--monthly <元>', '减交后每月交纳金额（元）；减交必填')
    .requiredOption('--reason <理由>', '理由')
    .option('--approved-by <组织>', '批准的上级党委（免交必填）')
    .requiredOption('--approved-on <日期>', '批准日期（YYYY-MM-DD）')
    .action(
      async (
        member: string,
        opts: { kind: string; fromMonth: string; toMonth?: string; monthly?: string; reason: string; approvedBy?: string; approvedOn: string },
      ) => {
        const g = globals();
        const memberId = memberIdOf(member);
        const raw = {
          kind: opts.kind,
          fromMonth: opts.fromMonth,
          toMonth: opts.toMonth ?? null,
          monthly: opts.monthly ?? null,
          reason: opts.reason,
          approvedBy: opts.approvedBy ?? null,
          approvedOn: opts.approvedOn,
        };
        const input = parseInput(duesApprovalInput, raw, CLI_LABELS);
        await withSession(g, async ({ ctx }) => {
          const result = await recordDuesApproval(ctx, { ...input, monthly: opts.monthly ?? null, memberId });
          if (g.json) {
            printJson(result);
            return;
          }
          const span = `${result.fromMonth}起${result.toMonth ? `至${result.toMonth}` : ''}`;
          println(`已登记：${result.kind}，${span}${result.monthly ? `，每月${result.monthly}元` : ''}；${result.approvedBy}于${result.approvedOn}批准。`);
        });
      },
    );

  dues
    .command('pay')
    .description('登记党员交纳党费（一个或多个月，全部成功或全部不写入）')
    .argument('<党员记录编号>', '党员记录编号')
    .requiredOption('--months <月份>', '交纳的月份，逗号分隔（如 2026-01,2026-02）')
    .requiredOption('--paid-on <日期>', '交纳日期（YYYY-MM-DD）')
    .option('--amount <元>', '每月交纳金额（元），默认为应交金额；不得少于应交')
    .action(async (member: string, opts: { months: string; paidOn: string; amount?: string }) => {
      const g = globals();
      const memberId = memberIdOf(member);
      const months = opts.months.split(/[,，、\s]+/).filter(Boolean);
      parseInput(duesPaymentInput, { months, paidOn: opts.paidOn, amount: opts.amount }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const result = await recordDuesPayment(ctx, { memberId, months, paidOn: opts.paidOn, amount: opts.amount ?? null });
        if (g.json) {
          printJson(result);
          return;
        }
        println(`${result.name} ${result.paidOn} 交纳党费${result.total}元：`);
        println(formatTable(['月份', '应交（元）', '实交（元）', '状态'], result.items.map((i) => [i.month, i.due ?? '', i.paid ?? '', i.status])));
        if (result.lateMonths.length > 0) println(`注意：${result.lateMonths.join('、')}超过6个月才补交，已照常记录。`);
      });
    });

  dues
    .command('pay-branch')
    .description('按支部登记某月党费：全体党员按应交金额记为已交；未核定基数、免交、已交的列为跳过')
    .requiredOption('--org <代码>', '组织代码')
    .requiredOption('--month <月份>', '交纳的月份（YYYY-MM）')
    .requiredOption('--paid-on <日期>', '交纳日期（YYYY-MM-DD）')
    .action(async (opts: { org: string; month: string; paidOn: string }) => {
      const g = globals();
      const input = parseInput(branchPaymentInput, { orgCode: opts.org, month: opts.month, paidOn: opts.paidOn }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const result = await recordBranchPayments(ctx, input);
        if (g.json) {
          printJson(result);
          return;
        }
        println(`${result.orgName} ${result.month} 党费：${result.paid.length}名已登记，合计${result.total}元`);
        if (result.skipped.length > 0) {
          println(`跳过${result.skipped.length}名：`);
          println(formatTable(['编号', '姓名', '原因'], result.skipped.map((s) => [String(s.memberId), s.name, s.reason])));
        }
      });
    });
}
