import type { Command } from 'commander';
import { deletePublication } from '../../modules/publicity/delete-publication.js';
import { findPublications } from '../../modules/publicity/find-publications.js';
import { publicityFigures } from '../../modules/publicity/publicity-figures.js';
import { recordPublication } from '../../modules/publicity/record-publication.js';
import { PUBLICITY_LABELS, publicationInput, publicationListQuery, publicityFiguresQuery, type PublicationView } from '../../modules/publicity/publicity.schema.js';
import { parseInput } from '../../shared/validation.js';
import { MEDIUM_LEVELS, PUBLICATION_FORMS } from '../../shared/vocab.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable, pageLine } from '../table.js';
import { printFigures, recordIdOf } from './honors.js';

const CLI_LABELS: Record<string, string> = {
  ...PUBLICITY_LABELS,
  orgCode: '--org',
  org: '--org',
  title: '--title',
  mediumLevel: '--level',
  mediumName: '--medium',
  form: '--form',
  theme: '--theme',
  publishedOn: '--on',
  from: '--from',
  to: '--to',
  period: '--period',
  limit: '--limit',
  offset: '--offset',
};

function publicationTable(items: PublicationView[]): string {
  return formatTable(
    ['编号', '组织', '标题', '媒体级别', '媒体', '形式', '原创', '主题', '刊发日期'],
    items.map((p) => [String(p.id), p.orgCode, p.title, p.mediumLevel, p.mediumName, p.form, p.original ? '原创' : '转载', p.theme ?? '', p.publishedOn]),
  );
}

export function registerPublicity(program: Command, globals: () => GlobalOptions): void {
  const publicity = program.command('publicity').description('宣传台账：登记、查询、删除刊发的稿件、视频、专版等，统计');

  publicity
    .command('list', { isDefault: true })
    .description('查询宣传稿件（组织含下级），新的在前')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--level <媒体级别>', MEDIUM_LEVELS.join('、'))
    .option('--form <形式>', PUBLICATION_FORMS.join('、'))
    .option('--theme <主题>', '主题包含的文字')
    .option('--from <日期>', '刊发日期起（YYYY-MM-DD）')
    .option('--to <日期>', '刊发日期止（YYYY-MM-DD）')
    .option('--limit <条数>', '最多列出的条数（1–1000）', '50')
    .option('--offset <条数>', '跳过的条数', '0')
    .action(async (opts: Record<string, string | undefined>) => {
      const g = globals();
      const q = parseInput(publicationListQuery, { ...opts, mediumLevel: opts.level, level: undefined }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const page = await findPublications(ctx, q);
        if (g.json) {
          printJson(page);
          return;
        }
        println(publicationTable(page.items));
        println(pageLine(page, q.offset, '条', '条'));
      });
    });

  publicity
    .command('add')
    .description('登记宣传稿件')
    .requiredOption('--org <代码>', '组织代码')
    .requiredOption('--title <标题>', '标题')
    .requiredOption('--level <媒体级别>', MEDIUM_LEVELS.join('、'))
    .requiredOption('--medium <名称>', '媒体（平台）名称')
    .requiredOption('--form <形式>', PUBLICATION_FORMS.join('、'))
    .option('--repost', '转载（默认原创）')
    .option('--theme <主题>', '主题')
    .requiredOption('--on <日期>', '刊发日期（YYYY-MM-DD）')
    .action(async (opts: { org: string; title: string; level: string; medium: string; form: string; repost?: boolean; theme?: string; on: string }) => {
      const g = globals();
      const input = parseInput(
        publicationInput,
        { orgCode: opts.org, title: opts.title, mediumLevel: opts.level, mediumName: opts.medium, form: opts.form, original: !opts.repost, theme: opts.theme, publishedOn: opts.on },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const p = await recordPublication(ctx, input);
        if (g.json) {
          printJson(p);
          return;
        }
        println(`已登记宣传稿件 ${p.id}：${p.mediumName}（${p.mediumLevel}）${p.publishedOn} ${p.form}“${p.title}”`);
      });
    });

  publicity
    .command('delete')
    .description('删除误登记的宣传稿件（记入审计日志）')
    .argument('<编号>', '宣传稿件记录编号')
    .action(async (id: string) => {
      const g = globals();
      const pubId = recordIdOf(id, 'id', '宣传稿件记录编号');
      await withSession(g, async ({ ctx }) => {
        const p = await deletePublication(ctx, pubId);
        if (g.json) {
          printJson(p);
          return;
        }
        println(`已删除宣传稿件 ${p.id}：“${p.title}”`);
      });
    });

  publicity
    .command('figures')
    .description('宣传统计指标（各级媒体用稿、新媒体推送、原创和转载、视频、专版、广播）')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .requiredOption('--period <统计期>', '2026、2026H1、2026Q3 或 2026-03')
    .action(async (opts: { org?: string; period: string }) => {
      const g = globals();
      const q = parseInput(publicityFiguresQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const f = await publicityFigures(ctx, { orgCode: q.org, period: q.period });
        if (g.json) {
          printJson(f);
          return;
        }
        printFigures(f, '宣传统计');
      });
    });
}
