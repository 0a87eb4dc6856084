import type { Command } from 'commander';
import { findHonors } from '../../modules/honors/find-honors.js';
import { honorBreakdown, honorFigures } from '../../modules/honors/honor-figures.js';
import { getHonor } from '../../modules/honors/honor-records.js';
import { recordHonor } from '../../modules/honors/record-honor.js';
import { revokeHonor } from '../../modules/honors/revoke-honor.js';
import {
  HONOR_LABELS,
  SUGGESTED_HONOR_TITLES,
  honorFiguresQuery,
  honorInput,
  honorListQuery,
  honorRevokeInput,
  type HonorView,
} from '../../modules/honors/honors.schema.js';
import type { FigureSet } from '../../shared/figures.js';
import { AppError } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { HONOR_KINDS, LEVELS, RECIPIENT_KINDS } from '../../shared/vocab.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable, pageLine } from '../table.js';

const CLI_LABELS: Record<string, string> = {
  ...HONOR_LABELS,
  kind: '--kind',
  recipientKind: '--recipient-kind',
  memberId: '--member',
  recipientOrgCode: '--org-recipient',
  recipientName: '--name',
  orgCode: '--org',
  org: '--org',
  title: '--title',
  level: '--level',
  awardedBy: '--by',
  awardedOn: '--on',
  revokedOn: '--on',
  reason: '--reason',
  note: '--note',
  from: '--from',
  to: '--to',
  period: '--period',
  limit: '--limit',
  offset: '--offset',
};

/** A record is named by its number (编号): a positive integer. */
export function recordIdOf(text: string, field: string, what: string): number {
  const id = Number(text);
  if (!/^\d{1,10}$/.test(text) || id < 1 || id > 2_147_483_647) {
    const message = `${what}应为正整数：${text}`;
    throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field, message }]);
  }
  return id;
}

function recipientOf(h: HonorView): string {
  if (h.memberId !== null) return `${h.recipientName}（党员编号${h.memberId}）`;
  if (h.recipientOrgCode !== null) return `${h.recipientName}（${h.recipientOrgCode}）`;
  return h.recipientName;
}

function honorTable(items: HonorView[]): string {
  return formatTable(
    ['编号', '类别', '对象', '授予对象', '荣誉称号', '级别', '授予机关', '授予日期', '状态'],
    items.map((h) => [
      String(h.id), h.kind, h.recipientKind, recipientOf(h), h.title, h.level, h.awardedBy, h.awardedOn,
      h.revokedOn ? `已撤销（${h.revokedOn}）` : '有效',
    ]),
  );
}

export function printFigures(f: FigureSet, heading: string): void {
  println(`${f.org?.name ?? '全部组织'} ${heading} ${f.period.title}（${f.period.start} 至 ${f.period.end}）`);
  println(formatTable(['指标', '数值', '单位', '指标代码'], f.figures.map((x) => [x.label, x.value === null ? '—' : String(x.value), x.unit, x.id])));
}

export function registerHonors(program: Command, globals: () => GlobalOptions): void {
  const honors = program.command('honors').description('表彰、命名、推荐、选树和评选：登记、查询、撤销、统计');

  honors
    .command('add')
    .description(`登记荣誉。个人：--member 党员记录编号，非党员用 --name 姓名加 --org；集体：--org-recipient 组织代码，系统外单位用 --name 加 --org；家庭：--name 户名加 --org。常用称号：${SUGGESTED_HONOR_TITLES.join('、')}`)
    .requiredOption('--kind <类别>', HONOR_KINDS.join('、'))
    .requiredOption('--recipient-kind <对象>', RECIPIENT_KINDS.join('、'))
    .option('--member <编号>', '党员记录编号（授予党员个人）')
    .option('--org-recipient <代码>', '受表彰组织代码（授予本系统中的组织）')
    .option('--name <名称>', '授予对象名称（非党员个人、系统外单位或家庭）')
    .option('--org <代码>', '登记组织代码（按名称登记时必填）')
    .requiredOption('--title <称号>', '荣誉称号，如 优秀共产党员')
    .requiredOption('--level <级别>', LEVELS.join('、'))
    .requiredOption('--by <机关>', '授予机关（推荐时为接受推荐的上级机关）')
    .requiredOption('--on <日期>', '授予日期（YYYY-MM-DD）')
    .option('--note <备注>', '备注')
    .action(async (opts: {
      kind: string; recipientKind: string; member?: string; orgRecipient?: string; name?: string; org?: string; title: string; level: string;
      by: string; on: string; note?: string;
    }) => {
      const g = globals();
      const input = parseInput(
        honorInput,
        {
          kind: opts.kind,
          recipientKind: opts.recipientKind,
          memberId: opts.member === undefined ? undefined : recordIdOf(opts.member, 'memberId', '--member 党员记录编号'),
          recipientOrgCode: opts.orgRecipient,
          recipientName: opts.name,
          orgCode: opts.org,
          title: opts.title,
          level: opts.level,
          awardedBy: opts.by,
          awardedOn: opts.on,
          note: opts.note,
        },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const h = await recordHonor(ctx, input);
        if (g.json) {
          printJson(h);
          return;
        }
        println(`已登记荣誉记录 ${h.id}：${recipientOf(h)} ${h.awardedOn} 获${h.awardedBy}${h.kind}“${h.title}”（${h.level}）`);
      });
    });

  honors
    .command('list')
    .description('查询荣誉记录（组织含下级），新的在前')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--kind <类别>', HONOR_KINDS.join('、'))
    .option('--recipient-kind <对象>', RECIPIENT_KINDS.join('、'))
    .option('--title <称号>', '称号包含的文字')
    .option('--level <级别>', LEVELS.join('、'))
    .option('--from <日期>', '授予日期起（YYYY-MM-DD）')
    .option('--to <日期>', '授予日期止（YYYY-MM-DD）')
    .option('--limit <条数>', '最多列出的条数（1–1000）', '50')
    .option('--offset <条数>', '跳过的条数', '0')
    .action(async (opts: Record<string, string | undefined>) => {
      const g = globals();
      const q = parseInput(honorListQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const page = await findHonors(ctx, q);
        if (g.json) {
          printJson(page);
          return;
        }
        println(honorTable(page.items));
        println(pageLine(page, q.offset, '条', '条'));
      });
    });

  honors
    .command('show')
    .description('查看一条荣誉记录')
    .argument('<编号>', '荣誉记录编号')
    .action(async (id: string) => {
      const g = globals();
      const honorId = recordIdOf(id, 'id', '荣誉记录编号');
      await withSession(g, async ({ ctx }) => {
        const h = await getHonor(ctx, honorId);
        if (g.json) {
          printJson(h);
          return;
        }
        println(honorTable([h]));
        if (h.note) println(`备注：${h.note}`);
      });
    });

  honors
    .command('revoke')
    .description('撤销荣誉（记录保留，注明撤销日期和原因；不能重复撤销）')
    .argument('<编号>', '荣誉记录编号')
    .requiredOption('--on <日期>', '撤销日期（YYYY-MM-DD）')
    .option('--reason <原因>', '撤销原因')
    .action(async (id: string, opts: { on: string; reason?: string }) => {
      const g = globals();
      const honorId = recordIdOf(id, 'id', '荣誉记录编号');
      const input = parseInput(honorRevokeInput, { revokedOn: opts.on, reason: opts.reason }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const h = await revokeHonor(ctx, honorId, input);
        if (g.json) {
          printJson(h);
          return;
        }
        println(`已撤销荣誉记录 ${h.id}：${recipientOf(h)}“${h.title}”，撤销日期${h.revokedOn}`);
      });
    });

  honors
    .command('figures')
    .description('表彰和选树统计指标（期末前已撤销的不计）')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .requiredOption('--period <统计期>', '2026、2026H1、2026Q3 或 2026-03')
    .action(async (opts: { org?: string; period: string }) => {
      const g = globals();
      const q = parseInput(honorFiguresQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const f = await honorFigures(ctx, { orgCode: q.org, period: q.period });
        if (g.json) {
          printJson(f);
          return;
        }
        printFigures(f, '表彰和选树统计');
      });
    });

  honors
    .command('breakdown')
    .description('期内荣誉按类别、级别、授予对象分组统计')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .requiredOption('--period <统计期>', '2026、2026H1、2026Q3 或 2026-03')
    .action(async (opts: { org?: string; period: string }) => {
      const g = globals();
      const q = parseInput(honorFiguresQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const b = await honorBreakdown(ctx, { orgCode: q.org, period: q.period });
        if (g.json) {
          printJson(b);
          return;
        }
        println(`${b.org?.name ?? '全部组织'} 荣誉分类统计 ${b.period.title}`);
        println(formatTable(['类别', '级别', '对象', '条数'], b.rows.map((r) => [r.kind, r.level, r.recipientKind, String(r.count)])));
        println(`按类别：${b.byKind.map((k) => `${k.kind}${k.count}`).join('，') || '无'}`);
        println(`按级别：${b.byLevel.map((l) => `${l.level}${l.count}`).join('，') || '无'}`);
        println(`合计${b.total}条${b.revokedInPeriod ? `（另有${b.revokedInPeriod}条期末前已撤销，未计入）` : ''}`);
      });
    });
}
