import type { Command } from 'commander';
import { createDisclosureItem } from '../../modules/disclosures/create-disclosure-item.js';
import { disclosureFigures } from '../../modules/disclosures/disclosure-figures.js';
import { getDisclosure } from '../../modules/disclosures/disclosure-records.js';
import { disclosureStatus } from '../../modules/disclosures/disclosure-status.js';
import { findDisclosureItems } from '../../modules/disclosures/find-disclosure-items.js';
import { findDisclosures } from '../../modules/disclosures/find-disclosures.js';
import { installDisclosureCatalogue } from '../../modules/disclosures/install-disclosure-catalogue.js';
import { proposeDisclosure } from '../../modules/disclosures/propose-disclosure.js';
import { takeDisclosureStep } from '../../modules/disclosures/take-disclosure-step.js';
import {
  DISCLOSURE_GRACE_DAYS,
  DISCLOSURE_LABELS,
  DISCLOSURE_REVIEW_DAYS,
  DISCLOSURE_STATUSES,
  disclosureFiguresQuery,
  disclosureInput,
  disclosureItemInput,
  disclosureListQuery,
  disclosureStatusQuery,
  disclosureStepInput,
  type DisclosureAction,
  type DisclosureItemView,
  type DisclosureView,
} from '../../modules/disclosures/disclosures.schema.js';
import { parseInput } from '../../shared/validation.js';
import { DISCLOSURE_CADENCES, DISCLOSURE_CATEGORIES, SECTORS } from '../../shared/vocab.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable, pageLine } from '../table.js';
import { printFigures, recordIdOf } from './honors.js';

const CLI_LABELS: Record<string, string> = {
  ...DISCLOSURE_LABELS,
  orgCode: '--org',
  org: '--org',
  category: '--category',
  name: '--name',
  cadence: '--cadence',
  sector: '--sector',
  itemId: '--item',
  periodLabel: '--period',
  content: '--content',
  proposedOn: '--on',
  on: '--on',
  by: '--by',
  note: '--note',
  status: '--status',
  from: '--from',
  to: '--to',
  period: '--period',
  reviewDays: '--review-days',
  limit: '--limit',
  offset: '--offset',
};

function itemTable(items: DisclosureItemView[]): string {
  return formatTable(
    ['编号', '定义组织', '类别', '公开事项', '频次', '适用单位类型', '状态'],
    items.map((i) => [String(i.id), i.orgCode, i.category, i.name, i.cadence, i.sector ?? '全部', i.active ? '启用' : '停用']),
  );
}

function disclosureTable(items: DisclosureView[]): string {
  return formatTable(
    ['编号', '组织', '公开事项', '期次', '提出', '审核', '审批', '公开', '状态'],
    items.map((d) => [
      String(d.id), d.orgCode, d.itemName, d.periodLabel, d.proposedOn,
      d.reviewedOn ? `${d.reviewedOn} ${d.reviewedBy ?? ''}`.trim() : '', d.approvedOn ? `${d.approvedOn} ${d.approvedBy ?? ''}`.trim() : '', d.publishedOn ?? '', d.status,
    ]),
  );
}

export function registerDisclosures(program: Command, globals: () => GlobalOptions): void {
  const disclosures = program.command('disclosures').description('三务公开（党务、村务、财务）：公开记录、公开目录、进度和统计');

  disclosures
    .command('list', { isDefault: true })
    .description('查询公开记录（组织含下级），新提出的在前')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--item <编号>', '公开事项编号')
    .option('--category <类别>', DISCLOSURE_CATEGORIES.join('、'))
    .option('--status <状态>', DISCLOSURE_STATUSES.join('、'))
    .option('--from <日期>', '提出日期起（YYYY-MM-DD）')
    .option('--to <日期>', '提出日期止（YYYY-MM-DD）')
    .option('--limit <条数>', '最多列出的条数（1–1000）', '50')
    .option('--offset <条数>', '跳过的条数', '0')
    .action(async (opts: Record<string, string | undefined>) => {
      const g = globals();
      const q = parseInput(disclosureListQuery, { ...opts, itemId: opts.item, item: undefined }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const page = await findDisclosures(ctx, q);
        if (g.json) {
          printJson(page);
          return;
        }
        println(disclosureTable(page.items));
        println(pageLine(page, q.offset, '条', '条'));
      });
    });

  disclosures
    .command('items')
    .description('公开目录：适用于某组织（本级和上级定义）及其下级定义的公开事项')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .action(async (opts: { org?: string }) => {
      const g = globals();
      await withSession(g, async ({ ctx }) => {
        const items = await findDisclosureItems(ctx, { org: opts.org });
        if (g.json) {
          printJson({ items });
          return;
        }
        println(itemTable(items));
      });
    });

  disclosures
    .command('install')
    .description('为组织设置默认公开目录（已有同名事项的跳过）；--busy-finance 只设“财务收支（往来较多）每月”，用于财务往来较多的村')
    .requiredOption('--org <代码>', '组织代码（目录适用于其本级和下级）')
    .option('--busy-finance', '只设置每月公开的财务收支事项')
    .action(async (opts: { org: string; busyFinance?: boolean }) => {
      const g = globals();
      await withSession(g, async ({ ctx }) => {
        const r = await installDisclosureCatalogue(ctx, { orgCode: opts.org, busyFinance: Boolean(opts.busyFinance) });
        if (g.json) {
          printJson(r);
          return;
        }
        if (r.created.length) println(itemTable(r.created));
        println(`已设置${r.created.length}项${r.skipped.length ? `，已有未重复设置：${r.skipped.join('、')}` : ''}`);
      });
    });

  disclosures
    .command('status')
    .description(`三务公开进度：各组织各事项最近公开期次，期末后${DISCLOSURE_GRACE_DAYS}日未公开为逾期；滞后的组织；提出后久未审核的公开`)
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--review-days <天数>', `提出后超过多少天未审核即列出（默认${DISCLOSURE_REVIEW_DAYS}）`)
    .option('--behind', '只列逾期的')
    .action(async (opts: { org?: string; reviewDays?: string; behind?: boolean }) => {
      const g = globals();
      const q = parseInput(disclosureStatusQuery, { org: opts.org, reviewDays: opts.reviewDays, behindOnly: Boolean(opts.behind) }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const s = await disclosureStatus(ctx, q);
        if (g.json) {
          printJson(s);
          return;
        }
        println(`${s.org?.name ?? '全部组织'} 三务公开进度（截至${s.asOf}，期末后${s.graceDays}日内公开为按期）`);
        println(
          formatTable(
            ['组织', '公开事项', '频次', '最近公开期次', '公开日期', '最近一期', '最迟日期', '状态', '本年逾期期数'],
            s.rows.map((r) => [r.orgCode, r.itemName, r.cadence, r.lastPublishedPeriod ?? '—', r.lastPublishedOn ?? '—', r.currentPeriod ?? '—', r.dueOn ?? '—', r.state, String(r.overduePeriods)]),
          ),
        );
        println(s.behind.length ? `滞后的组织：${s.behind.map((b) => `${b.orgName}（${b.overdueItems}项，逾期${b.overduePeriods}期）`).join('、')}` : '没有滞后的组织');
        if (s.unreviewed.length) {
          println(`提出后超过${s.reviewDays}天未审核：`);
          println(disclosureTable(s.unreviewed));
        }
      });
    });

  disclosures
    .command('figures')
    .description('三务公开统计指标（公开次数、应公开未公开期次、按期公开率、滞后组织数）')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .requiredOption('--period <统计期>', '2026、2026H1、2026Q3 或 2026-03')
    .action(async (opts: { org?: string; period: string }) => {
      const g = globals();
      const q = parseInput(disclosureFiguresQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const f = await disclosureFigures(ctx, { orgCode: q.org, period: q.period });
        if (g.json) {
          printJson(f);
          return;
        }
        printFigures(f, '三务公开统计');
      });
    });

  const disclosure = program.command('disclosure').description('一次公开的办理：提出 → 审核（含保密审查）→ 审批 → 公开；增设公开事项');

  disclosure
    .command('item')
    .description('增设公开事项（适用于本级和下级中符合单位类型的组织）')
    .requiredOption('--org <代码>', '定义目录的组织代码')
    .requiredOption('--category <类别>', DISCLOSURE_CATEGORIES.join('、'))
    .requiredOption('--name <名称>', '公开事项名称')
    .requiredOption('--cadence <频次>', DISCLOSURE_CADENCES.join('、'))
    .option('--sector <单位类型>', `${SECTORS.join('、')}；不填则适用于所有单位类型`)
    .option('--inactive', '设为停用')
    .action(async (opts: { org: string; category: string; name: string; cadence: string; sector?: string; inactive?: boolean }) => {
      const g = globals();
      const input = parseInput(
        disclosureItemInput,
        { orgCode: opts.org, category: opts.category, name: opts.name, cadence: opts.cadence, sector: opts.sector, active: !opts.inactive },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const i = await createDisclosureItem(ctx, input);
        if (g.json) {
          printJson(i);
          return;
        }
        println(`已增设公开事项 ${i.id}：${i.orgCode} ${i.category}“${i.name}”，${i.cadence}`);
      });
    });

  disclosure
    .command('add')
    .description('提出公开（第一环节）')
    .requiredOption('--org <代码>', '公开的组织代码')
    .requiredOption('--item <编号>', '公开事项编号（disclosures items 的“编号”列）')
    .requiredOption('--period <期次>', '每月 2026-03，每季度 2026Q1，每半年 2026H1，每年 2026，随时 为事项日期')
    .requiredOption('--content <内容>', '公开内容')
    .requiredOption('--on <日期>', '提出日期（YYYY-MM-DD）')
    .option('--note <备注>', '备注')
    .action(async (opts: { org: string; item: string; period: string; content: string; on: string; note?: string }) => {
      const g = globals();
      const input = parseInput(
        disclosureInput,
        { orgCode: opts.org, itemId: recordIdOf(opts.item, 'itemId', '--item 公开事项编号'), periodLabel: opts.period, content: opts.content, proposedOn: opts.on, note: opts.note },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const d = await proposeDisclosure(ctx, input);
        if (g.json) {
          printJson(d);
          return;
        }
        println(`已提出公开记录 ${d.id}：${d.orgCode}“${d.itemName}”${d.periodLabel}，待审核`);
      });
    });

  const step = (name: string, action: DisclosureAction, description: string, withBy: boolean) => {
    const cmd = disclosure.command(name).description(description).argument('<编号>', '公开记录编号').requiredOption('--on <日期>', `${action}日期（YYYY-MM-DD）`);
    if (withBy) cmd.requiredOption('--by <人或机构>', `${action}的人或机构`);
    cmd.option('--note <备注>', '备注').action(async (id: string, opts: { on: string; by?: string; note?: string }) => {
      const g = globals();
      const disclosureId = recordIdOf(id, 'id', '公开记录编号');
      const input = parseInput(disclosureStepInput, { action, on: opts.on, by: opts.by, note: opts.note }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const d = await takeDisclosureStep(ctx, disclosureId, input);
        if (g.json) {
          printJson(d);
          return;
        }
        println(`公开记录 ${d.id}：已${action}（${opts.on}），当前状态：${d.status}`);
      });
    });
  };
  step('review', '审核', '审核（含保密审查）', true);
  step('approve', '审批', '审批', true);
  step('publish', '公开', '公开（实施）', false);

  disclosure
    .command('show')
    .description('查看一条公开记录')
    .argument('<编号>', '公开记录编号')
    .action(async (id: string) => {
      const g = globals();
      const disclosureId = recordIdOf(id, 'id', '公开记录编号');
      await withSession(g, async ({ ctx }) => {
        const d = await getDisclosure(ctx, disclosureId);
        if (g.json) {
          printJson(d);
          return;
        }
        println(disclosureTable([d]));
        println(`公开内容：${d.content}`);
        if (d.note) println(`备注：${d.note}`);
      });
    });
}
