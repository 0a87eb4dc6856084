import type { Command } from 'commander';
import { cadreFigures } from '../../modules/cadres/cadre-figures.js';
import { deleteCadreEvent } from '../../modules/cadres/delete-cadre-event.js';
import { findCadreEvents } from '../../modules/cadres/find-cadre-events.js';
import { recordCadreEvent } from '../../modules/cadres/record-cadre-event.js';
import {
  CADRE_LABELS,
  SUGGESTED_CADRE_SUBKINDS,
  cadreEventInput,
  cadreEventListQuery,
  cadreFiguresQuery,
  type CadreEventView,
} from '../../modules/cadres/cadres.schema.js';
import { AppError } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { CADRE_EVENT_KINDS } from '../../shared/vocab.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable, pageLine } from '../table.js';
import { printFigures, recordIdOf } from './honors.js';

const CLI_LABELS: Record<string, string> = {
  ...CADRE_LABELS,
  orgCode: '--org',
  org: '--org',
  memberId: '--member',
  personName: '--name',
  kind: '--kind',
  subkind: '--subkind',
  happenedOn: '--on',
  batch: '--batch',
  birthYear: '--birth-year',
  education: '--education',
  note: '--note',
  from: '--from',
  to: '--to',
  period: '--period',
  limit: '--limit',
  offset: '--offset',
};

function eventTable(items: CadreEventView[]): string {
  return formatTable(
    ['编号', '组织', '姓名', '类别', '具体类别', '日期', '基层一线', '批次'],
    items.map((e) => [String(e.id), e.orgCode, e.memberId ? `${e.personName}（党员编号${e.memberId}）` : e.personName, e.kind, e.subkind ?? '', e.happenedOn, e.frontline ? '是' : '', e.batch ?? '']),
  );
}

export function registerCadres(program: Command, globals: () => GlobalOptions): void {
  const cadres = program.command('cadres').description('干部工作记录：调整、提拔、招录、人才引进、后备干部、谈话诫勉、选派；统计');

  cadres
    .command('list', { isDefault: true })
    .description('查询干部工作记录（组织含下级），新的在前')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--kind <类别>', CADRE_EVENT_KINDS.join('、'))
    .option('--subkind <具体类别>', '具体类别')
    .option('--batch <批次>', '批次')
    .option('--from <日期>', '日期起（YYYY-MM-DD）')
    .option('--to <日期>', '日期止（YYYY-MM-DD）')
    .option('--limit <条数>', '最多列出的条数（1–1000）', '50')
    .option('--offset <条数>', '跳过的条数', '0')
    .action(async (opts: Record<string, string | undefined>) => {
      const g = globals();
      const q = parseInput(cadreEventListQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const page = await findCadreEvents(ctx, q);
        if (g.json) {
          printJson(page);
          return;
        }
        println(eventTable(page.items));
        println(pageLine(page, q.offset, '条', '条'));
      });
    });

  cadres
    .command('figures')
    .description('干部工作统计指标')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .requiredOption('--period <统计期>', '2026、2026H1、2026Q3 或 2026-03')
    .action(async (opts: { org?: string; period: string }) => {
      const g = globals();
      const q = parseInput(cadreFiguresQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const f = await cadreFigures(ctx, { orgCode: q.org, period: q.period });
        if (g.json) {
          printJson(f);
          return;
        }
        printFigures(f, '干部工作统计');
      });
    });

  const cadre = program.command('cadre').description('登记、删除干部工作记录');
  const suggested = Object.entries(SUGGESTED_CADRE_SUBKINDS).map(([k, v]) => `${k}：${v.join('、')}`).join('；');

  cadre
    .command('add')
    .description(`登记干部工作记录：党员用 --member，其他人员用 --name 加 --org。统计用到的具体类别——${suggested}`)
    .requiredOption('--kind <类别>', CADRE_EVENT_KINDS.join('、'))
    .option('--member <编号>', '党员记录编号')
    .option('--name <姓名>', '姓名（非党员或未登记的人员）')
    .option('--org <代码>', '登记组织代码（按姓名登记时必填）')
    .option('--subkind <具体类别>', '具体类别，如 公务员、选调生、中层干部')
    .requiredOption('--on <日期>', '日期（YYYY-MM-DD）')
    .option('--frontline', '来自基层一线')
    .option('--batch <批次>', '批次，如 2026年第3次常委会')
    .option('--birth-year <年份>', '出生年份')
    .option('--education <学历>', '学历')
    .option('--note <备注>', '备注')
    .action(async (opts: {
      kind: string; member?: string; name?: string; org?: string; subkind?: string; on: string; frontline?: boolean; batch?: string; birthYear?: string; education?: string; note?: string;
    }) => {
      const g = globals();
      let birthYear: number | undefined;
      if (opts.birthYear !== undefined) {
        if (!/^\d{4}$/.test(opts.birthYear)) {
          const message = `--birth-year 出生年份应为四位数字：${opts.birthYear}`;
          throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'birthYear', message }]);
        }
        birthYear = Number(opts.birthYear);
      }
      const input = parseInput(
        cadreEventInput,
        {
          kind: opts.kind,
          memberId: opts.member === undefined ? undefined : recordIdOf(opts.member, 'memberId', '--member 党员记录编号'),
          personName: opts.name,
          orgCode: opts.org,
          subkind: opts.subkind,
          happenedOn: opts.on,
          frontline: Boolean(opts.frontline),
          batch: opts.batch,
          birthYear,
          education: opts.education,
          note: opts.note,
        },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const e = await recordCadreEvent(ctx, input);
        if (g.json) {
          printJson(e);
          return;
        }
        println(`已登记干部工作记录 ${e.id}：${e.personName} ${e.happenedOn} ${e.kind}${e.subkind ? `（${e.subkind}）` : ''}`);
      });
    });

  cadre
    .command('delete')
    .description('删除误登记的干部工作记录（记入审计日志）')
    .argument('<编号>', '干部工作记录编号')
    .action(async (id: string) => {
      const g = globals();
      const eventId = recordIdOf(id, 'id', '干部工作记录编号');
      await withSession(g, async ({ ctx }) => {
        const e = await deleteCadreEvent(ctx, eventId);
        if (g.json) {
          printJson(e);
          return;
        }
        println(`已删除干部工作记录 ${e.id}：${e.personName} ${e.happenedOn} ${e.kind}`);
      });
    });
}
