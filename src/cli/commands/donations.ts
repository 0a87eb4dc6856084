import type { Command } from 'commander';
import { deleteDonation } from '../../modules/donations/delete-donation.js';
import { donationFigures } from '../../modules/donations/donation-figures.js';
import { donationCampaigns, findDonations } from '../../modules/donations/find-donations.js';
import { recordDonation } from '../../modules/donations/record-donation.js';
import {
  DONATION_LABELS,
  donationCampaignsQuery,
  donationFiguresQuery,
  donationInput,
  donationListQuery,
} from '../../modules/donations/donations.schema.js';
import { parseInput } from '../../shared/validation.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable } from '../table.js';
import { printFigures, recordIdOf } from './honors.js';

const CLI_LABELS: Record<string, string> = {
  ...DONATION_LABELS,
  memberId: '党员记录编号',
  campaign: '--campaign',
  donatedOn: '--on',
  amount: '--amount',
  note: '--note',
  org: '--org',
  from: '--from',
  to: '--to',
  period: '--period',
  limit: '--limit',
  offset: '--offset',
};

export function registerDonations(program: Command, globals: () => GlobalOptions): void {
  const donations = program.command('donations').description('党员自愿捐款（特殊党费）：登记、查询、删除、统计（金额以元计，两位小数）');

  donations
    .command('add')
    .description('登记党员自愿捐款')
    .argument('<党员记录编号>', '党员记录编号（members --json 的 id）')
    .requiredOption('--campaign <活动>', '捐款活动名称，如 抗洪救灾特殊党费')
    .requiredOption('--amount <元>', '捐款金额（元，最多两位小数）')
    .requiredOption('--on <日期>', '捐款日期（YYYY-MM-DD）')
    .option('--note <备注>', '备注')
    .action(async (member: string, opts: { campaign: string; amount: string; on: string; note?: string }) => {
      const g = globals();
      const memberId = recordIdOf(member, 'memberId', '党员记录编号');
      const raw = { memberId, campaign: opts.campaign, donatedOn: opts.on, amount: opts.amount, note: opts.note };
      parseInput(donationInput, raw, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const d = await recordDonation(ctx, raw);
        if (g.json) {
          printJson(d);
          return;
        }
        println(`已登记捐款记录 ${d.id}：${d.name}（${d.orgName}）${d.donatedOn} 向“${d.campaign}”捐款${d.amount}元`);
      });
    });

  donations
    .command('list')
    .description('查询捐款记录（组织含下级），新的在前')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--campaign <活动>', '捐款活动名称')
    .option('--from <日期>', '捐款日期起（YYYY-MM-DD）')
    .option('--to <日期>', '捐款日期止（YYYY-MM-DD）')
    .option('--limit <条数>', '最多列出的条数（1–1000）', '50')
    .option('--offset <条数>', '跳过的条数', '0')
    .action(async (opts: Record<string, string | undefined>) => {
      const g = globals();
      const q = parseInput(donationListQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const page = await findDonations(ctx, q);
        if (g.json) {
          printJson(page);
          return;
        }
        println(
          formatTable(
            ['编号', '党员编号', '姓名', '所在组织', '捐款活动', '捐款日期', '金额（元）'],
            page.items.map((d) => [String(d.id), String(d.memberId), d.name, d.orgName, d.campaign, d.donatedOn, d.amount]),
          ),
        );
        println(`共${page.total}笔，合计${page.totalAmount}元`);
      });
    });

  donations
    .command('delete')
    .description('删除误登记的捐款记录（记入审计日志）')
    .argument('<编号>', '捐款记录编号')
    .action(async (id: string) => {
      const g = globals();
      const donationId = recordIdOf(id, 'id', '捐款记录编号');
      await withSession(g, async ({ ctx }) => {
        const d = await deleteDonation(ctx, donationId);
        if (g.json) {
          printJson(d);
          return;
        }
        println(`已删除捐款记录 ${d.id}：${d.name} ${d.donatedOn}“${d.campaign}”${d.amount}元`);
      });
    });

  donations
    .command('figures')
    .description('党员捐款统计指标：捐款人数、捐款率、捐款金额')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .requiredOption('--period <统计期>', '2026、2026H1、2026Q3 或 2026-03')
    .option('--campaign <活动>', '只统计某一捐款活动')
    .action(async (opts: { org?: string; period: string; campaign?: string }) => {
      const g = globals();
      const q = parseInput(donationFiguresQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const f = await donationFigures(ctx, { orgCode: q.org, period: q.period, campaign: q.campaign });
        if (g.json) {
          printJson(f);
          return;
        }
        printFigures(f, q.campaign ? `“${q.campaign}”捐款统计` : '党员捐款统计');
      });
    });

  donations
    .command('campaigns')
    .description('捐款活动及其人数、笔数、合计金额')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--from <日期>', '捐款日期起（YYYY-MM-DD）')
    .option('--to <日期>', '捐款日期止（YYYY-MM-DD）')
    .action(async (opts: { org?: string; from?: string; to?: string }) => {
      const g = globals();
      const q = parseInput(donationCampaignsQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const c = await donationCampaigns(ctx, q);
        if (g.json) {
          printJson(c);
          return;
        }
        println(
          formatTable(
            ['捐款活动', '捐款人数', '笔数', '合计（元）', '起始日期', '截止日期'],
            c.items.map((x) => [x.campaign, String(x.donors), String(x.donations), x.total, x.firstOn, x.lastOn]),
          ),
        );
      });
    });
}
