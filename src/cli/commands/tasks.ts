import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { addListItems } from '../../modules/tasks/add-list-items.js';
import { completeTask } from '../../modules/tasks/complete-task.js';
import { createList } from '../../modules/tasks/create-list.js';
import { createTask } from '../../modules/tasks/create-task.js';
import { findLists, getList } from '../../modules/tasks/find-lists.js';
import { findTasks, openTasks } from '../../modules/tasks/find-tasks.js';
import { getTask } from '../../modules/tasks/get-task.js';
import { recordTaskEvent } from '../../modules/tasks/record-task-event.js';
import { taskFigures } from '../../modules/tasks/task-figures.js';
import { updateTask } from '../../modules/tasks/update-task.js';
import {
  SUGGESTED_TASK_CATEGORIES,
  SUPERVISION_KINDS,
  TASK_LABELS,
  TASK_STATUS_FILTERS,
  listInput,
  listItemsInput,
  listQuery,
  openTasksQuery,
  taskCompleteInput,
  taskEventInput,
  taskFiguresQuery,
  taskInput,
  taskPatch,
  taskQuery,
  type ListDetail,
  type ListItemInput,
  type TaskDetail,
  type TaskView,
} from '../../modules/tasks/tasks.schema.js';
import { AppError } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { LIST_KINDS, TASK_STATUSES } from '../../shared/vocab.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable, pageLine } from '../table.js';
import { printFigures, recordIdOf } from './honors.js';

const CLI_LABELS: Record<string, string> = {
  ...TASK_LABELS,
  orgCode: '--org',
  org: '--org',
  year: '--year',
  kind: '--kind',
  title: '--title',
  issuedOn: '--issued-on',
  note: '--note',
  items: '--items',
  assignedByCode: '--by',
  assignedBy: '--by',
  itemId: '--item',
  category: '--category',
  ownerName: '--owner',
  startOn: '--start',
  deadline: '--deadline',
  status: '--status',
  completedOn: '--on',
  happenedOn: '--on',
  content: '--content',
  percent: '--percent',
  from: '--from',
  to: '--to',
  days: '--days',
  period: '--period',
  limit: '--limit',
  offset: '--offset',
};

/** A number option as a number (a value that is not one is left for the schema to refuse, naming the option). */
function numberOf(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
}

/**
 * Items from `--items "内容1;内容2"` or `--items-file` (one per line). Each item may carry its category and planned
 * target after a vertical bar: `内容|分类|目标值|单位`.
 */
function itemsOf(opts: { items?: string; itemsFile?: string }): ListItemInput[] {
  if (opts.items !== undefined && opts.itemsFile !== undefined) {
    const message = '--items 和 --items-file 只能用其一';
    throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'items', message }]);
  }
  let lines: string[] = [];
  if (opts.items !== undefined) lines = opts.items.split(/[;；]/);
  if (opts.itemsFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(opts.itemsFile, 'utf8');
    } catch {
      const message = `文件不存在或无法读取：${opts.itemsFile}`;
      throw new AppError('FILE_NOT_FOUND', message, [{ code: 'FILE_NOT_FOUND', field: 'items', message }]);
    }
    lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  }
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [content, category, target, unit] = line.split(/[|｜]/).map((p) => p.trim());
      return {
        content: content ?? '',
        category: category || undefined,
        targetValue: target ? (numberOf(target) as number) : undefined,
        targetUnit: unit || undefined,
      };
    });
}

function taskTable(items: TaskView[]): string {
  return formatTable(
    ['编号', '责任组织', '任务', '分类', '责任人', '开始', '完成时限', '状态', '进度'],
    items.map((t) => [
      String(t.id), t.orgName, t.title, t.category ?? '', t.ownerName, t.startOn, t.deadline,
      t.status === '已完成' && !t.completedLate ? `已完成（${t.completedOn}）` : t.state, t.percent === null ? '' : `${t.percent}%`,
    ]),
  );
}

function printList(l: ListDetail): void {
  println(`清单 ${l.id}：${l.orgName} ${l.year}年${l.kind}“${l.title}”${l.issuedOn ? `，${l.issuedOn}印发` : ''}，共${l.items.length}项`);
  println(
    formatTable(
      ['事项编号', '序号', '内容', '分类', '计划目标', '任务', '已完成', '逾期'],
      l.items.map((i) => [
        String(i.id), String(i.seq), i.content, i.category ?? '', i.targetValue === null ? '' : `${i.targetValue}${i.targetUnit ?? ''}`,
        String(i.counts.total), String(i.counts.completed), String(i.counts.overdue),
      ]),
    ),
  );
  const c = l.counts;
  println(`任务合计${c.total}项：未开始${c.notStarted}，进行中${c.inProgress}，已完成${c.completed}（其中逾期完成${c.completedLate}），已取消${c.cancelled}，逾期未完成${c.overdue}`);
}

function printTask(t: TaskDetail): void {
  println(taskTable([t]));
  println(`交办组织：${t.assignedByName}（${t.assignedByCode}）；责任组织：${t.orgName}（${t.orgCode}）`);
  if (t.item) println(`来自清单 ${t.item.listId}“${t.item.listTitle}”第${t.item.seq}项：${t.item.content}`);
  if (t.note) println(`备注：${t.note}`);
  if (t.events.length) {
    println(formatTable(['日期', '类别', '内容', '进度', '记录人'], t.events.map((e) => [e.happenedOn, e.kind, e.content, e.percent === null ? '' : `${e.percent}%`, e.actor])));
  }
}

function output(g: GlobalOptions, value: unknown, text: () => void): void {
  if (g.json) printJson(value);
  else text();
}

export function registerTasks(program: Command, globals: () => GlobalOptions): void {
  program
    .command('lists')
    .description('查询主体责任清单、任务清单、工作要点和责任书（组织含下级）')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--year <年度>', '年度')
    .option('--kind <类别>', LIST_KINDS.join('、'))
    .option('--limit <条数>', '最多列出的条数（1–1000）', '50')
    .option('--offset <条数>', '跳过的条数', '0')
    .action(async (opts: Record<string, string | undefined>) => {
      const g = globals();
      const q = parseInput(listQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const page = await findLists(ctx, q);
        output(g, page, () => {
          println(formatTable(['编号', '组织', '年度', '类别', '标题', '印发日期', '事项'], page.items.map((l) => [String(l.id), l.orgName, String(l.year), l.kind, l.title, l.issuedOn ?? '', String(l.itemCount)])));
          println(pageLine(page, q.offset, '份', '份'));
        });
      });
    });

  const list = program.command('list').description('清单：登记（连同事项）、追加事项、查看');
  list
    .command('add')
    .description('登记清单及其事项。事项用 --items "内容1;内容2" 或 --items-file（每行一项）；每项可写作 内容|分类|目标值|单位')
    .requiredOption('--org <代码>', '清单所属组织代码')
    .requiredOption('--year <年度>', '年度')
    .requiredOption('--kind <类别>', LIST_KINDS.join('、'))
    .requiredOption('--title <标题>', '标题')
    .option('--issued-on <日期>', '印发日期（YYYY-MM-DD）')
    .option('--note <备注>', '备注')
    .option('--items <事项>', '事项，用分号分隔')
    .option('--items-file <文件>', '事项文件（UTF-8 文本，每行一项）')
    .action(async (opts: { org: string; year: string; kind: string; title: string; issuedOn?: string; note?: string; items?: string; itemsFile?: string }) => {
      const g = globals();
      const input = parseInput(
        listInput,
        { orgCode: opts.org, year: opts.year, kind: opts.kind, title: opts.title, issuedOn: opts.issuedOn, note: opts.note, items: itemsOf(opts) },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const l = await createList(ctx, input);
        output(g, l, () => println(`已登记清单 ${l.id}：${l.orgName} ${l.year}年${l.kind}“${l.title}”，共${l.items.length}项`));
      });
    });

  list
    .command('append')
    .description('在清单末尾增加事项（--items 或 --items-file，格式同 list add）')
    .argument('<编号>', '清单编号')
    .option('--items <事项>', '事项，用分号分隔')
    .option('--items-file <文件>', '事项文件（UTF-8 文本，每行一项）')
    .action(async (id: string, opts: { items?: string; itemsFile?: string }) => {
      const g = globals();
      const listId = recordIdOf(id, 'id', '清单编号');
      const input = parseInput(listItemsInput, { items: itemsOf(opts) }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const l = await addListItems(ctx, listId, input);
        output(g, l, () => println(`已在清单 ${l.id} 增加${input.items.length}项，现共${l.items.length}项`));
      });
    });

  list
    .command('show')
    .description('查看清单：各事项及由其分解的任务和完成情况')
    .argument('<编号>', '清单编号')
    .action(async (id: string) => {
      const g = globals();
      const listId = recordIdOf(id, 'id', '清单编号');
      await withSession(g, async ({ ctx }) => {
        const l = await getList(ctx, listId);
        output(g, l, () => printList(l));
      });
    });

  // `tasks` lists; `tasks figures` and `tasks open` are its subcommands. Commander reads an option both know (--org)
  // as the parent's wherever it stands, so the subcommands take --org from the parent when they did not get it.
  const tasks = program
    .command('tasks')
    .description('查询任务（责任组织含下级）；tasks open：本组织未完成的任务；tasks figures：统计指标')
    .option('--org <代码>', '责任组织代码（含下级）；不填则为可见的全部组织')
    .option('--by <代码>', '交办组织代码（仅该组织交办的）')
    .option('--year <年度>', '年度（起止时间与该年有交集）')
    .option('--status <状态>', TASK_STATUS_FILTERS.join('、'))
    .option('--category <分类>', `分类，如 ${SUGGESTED_TASK_CATEGORIES.join('、')}`)
    .option('--item <编号>', '清单事项编号')
    .option('--from <日期>', '完成时限起（YYYY-MM-DD）')
    .option('--to <日期>', '完成时限止（YYYY-MM-DD）')
    .option('--limit <条数>', '最多列出的条数（1–1000）', '50')
    .option('--offset <条数>', '跳过的条数', '0')
    .action(async (opts: Record<string, string | undefined>) => {
      const g = globals();
      const q = parseInput(taskQuery, { ...opts, assignedBy: opts['by'], itemId: opts['item'], by: undefined, item: undefined }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const page = await findTasks(ctx, q);
        output(g, page, () => {
          println(taskTable(page.items));
          println(pageLine(page, q.offset, '项', '项'));
        });
      });
    });

  const parentOrg = () => tasks.opts<{ org?: string }>().org;

  tasks
    .command('open')
    .description('本组织（不含下级）未完成的任务：逾期的在前，其次按完成时限，标出临期')
    .option('--org <代码>', '责任组织代码（必填）')
    .option('--days <天数>', '多少天内到期算临期', '30')
    .action(async (opts: { org?: string; days: string }) => {
      const g = globals();
      const q = parseInput(openTasksQuery, { ...opts, org: opts.org ?? parentOrg() }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const v = await openTasks(ctx, q);
        output(g, v, () => {
          println(`${v.org.name} 未完成的任务（${v.today}）：逾期${v.counts.overdue}项，${v.days}天内到期${v.counts.dueSoon}项，其余${v.counts.later}项`);
          println(taskTable(v.items.map((t) => (t.dueSoon ? { ...t, state: `${t.state}（临期）` } : t))));
        });
      });
    });

  tasks
    .command('figures')
    .description('清单和任务统计指标（已取消的任务不计）')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .requiredOption('--period <统计期>', '2026、2026H1、2026Q3 或 2026-03')
    .action(async (opts: { org?: string; period: string }) => {
      const g = globals();
      const q = parseInput(taskFiguresQuery, { ...opts, org: opts.org ?? parentOrg() }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const f = await taskFigures(ctx, { orgCode: q.org, period: q.period });
        output(g, f, () => printFigures(f, '清单和任务统计'));
      });
    });

  const task = program.command('task').description('任务督办：交办、查看、报告进展、督办、标记完成、取消');
  task
    .command('add')
    .description(`交办任务。常用分类：${SUGGESTED_TASK_CATEGORIES.join('、')}`)
    .requiredOption('--org <代码>', '责任组织代码（交办组织本身或其下级）')
    .requiredOption('--by <代码>', '交办组织代码')
    .requiredOption('--title <任务>', '任务内容')
    .requiredOption('--owner <姓名>', '责任人')
    .requiredOption('--start <日期>', '开始日期（YYYY-MM-DD）')
    .requiredOption('--deadline <日期>', '完成时限（YYYY-MM-DD）')
    .option('--item <编号>', '清单事项编号')
    .option('--category <分类>', '分类')
    .option('--status <状态>', TASK_STATUSES.join('、'))
    .option('--completed-on <日期>', '完成日期（状态为已完成时）')
    .option('--note <备注>', '备注')
    .action(async (opts: {
      org: string; by: string; title: string; owner: string; start: string; deadline: string; item?: string; category?: string; status?: string;
      completedOn?: string; note?: string;
    }) => {
      const g = globals();
      const input = parseInput(
        taskInput,
        {
          orgCode: opts.org,
          assignedByCode: opts.by,
          itemId: opts.item === undefined ? undefined : recordIdOf(opts.item, 'itemId', '--item 清单事项编号'),
          title: opts.title,
          category: opts.category,
          ownerName: opts.owner,
          startOn: opts.start,
          deadline: opts.deadline,
          status: opts.status,
          completedOn: opts.completedOn,
          note: opts.note,
        },
        { ...CLI_LABELS, completedOn: '--completed-on' },
      );
      await withSession(g, async ({ ctx }) => {
        const t = await createTask(ctx, input);
        output(g, t, () => println(`已交办任务 ${t.id}：${t.assignedByName} → ${t.orgName}（责任人${t.ownerName}）“${t.title}”，${t.startOn} 至 ${t.deadline}`));
      });
    });

  task
    .command('show')
    .description('查看任务：进展报告和督办记录')
    .argument('<编号>', '任务编号')
    .action(async (id: string) => {
      const g = globals();
      const taskId = recordIdOf(id, 'id', '任务编号');
      await withSession(g, async ({ ctx }) => {
        const t = await getTask(ctx, taskId);
        output(g, t, () => printTask(t));
      });
    });

  task
    .command('progress')
    .description('报告进展（责任组织）')
    .argument('<编号>', '任务编号')
    .requiredOption('--on <日期>', '日期（YYYY-MM-DD）')
    .requiredOption('--content <内容>', '进展情况')
    .option('--percent <进度>', '完成进度（0–100）')
    .action(async (id: string, opts: { on: string; content: string; percent?: string }) => {
      const g = globals();
      const taskId = recordIdOf(id, 'id', '任务编号');
      const input = parseInput(taskEventInput, { kind: '进展', happenedOn: opts.on, content: opts.content, percent: numberOf(opts.percent) }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const t = await recordTaskEvent(ctx, taskId, input);
        output(g, t, () => println(`已记录任务 ${t.id} 的进展（${input.happenedOn}${input.percent == null ? '' : `，${input.percent}%`}），状态：${t.state}`));
      });
    });

  task
    .command('supervise')
    .description('督办、催办、约谈或提醒（交办组织）')
    .argument('<编号>', '任务编号')
    .requiredOption('--kind <类别>', SUPERVISION_KINDS.join('、'))
    .requiredOption('--on <日期>', '日期（YYYY-MM-DD）')
    .requiredOption('--content <内容>', '内容')
    .action(async (id: string, opts: { kind: string; on: string; content: string }) => {
      const g = globals();
      const taskId = recordIdOf(id, 'id', '任务编号');
      if (!(SUPERVISION_KINDS as readonly string[]).includes(opts.kind)) {
        const message = `--kind：应为以下之一：${SUPERVISION_KINDS.join('、')}（报告进展用 task progress）`;
        throw new AppError('VALUE_NOT_ALLOWED', message, [{ code: 'VALUE_NOT_ALLOWED', field: 'kind', message }]);
      }
      const input = parseInput(taskEventInput, { kind: opts.kind, happenedOn: opts.on, content: opts.content }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const t = await recordTaskEvent(ctx, taskId, input);
        output(g, t, () => println(`已记录对任务 ${t.id} 的${input.kind}（${input.happenedOn}），任务状态：${t.state}`));
      });
    });

  task
    .command('done')
    .description('标记任务完成（责任组织）')
    .argument('<编号>', '任务编号')
    .requiredOption('--on <日期>', '完成日期（YYYY-MM-DD）')
    .action(async (id: string, opts: { on: string }) => {
      const g = globals();
      const taskId = recordIdOf(id, 'id', '任务编号');
      const input = parseInput(taskCompleteInput, { completedOn: opts.on }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const t = await completeTask(ctx, taskId, input);
        output(g, t, () => println(`已标记任务 ${t.id} 完成（${t.completedOn}）${t.completedLate ? `，${t.state}` : '，按时完成'}`));
      });
    });

  task
    .command('cancel')
    .description('取消任务（交办组织）')
    .argument('<编号>', '任务编号')
    .option('--note <备注>', '取消原因')
    .action(async (id: string, opts: { note?: string }) => {
      const g = globals();
      const taskId = recordIdOf(id, 'id', '任务编号');
      const input = parseInput(taskPatch, { status: '已取消', ...(opts.note !== undefined && { note: opts.note }) }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const t = await updateTask(ctx, taskId, input);
        output(g, t, () => println(`已取消任务 ${t.id}“${t.title}”`));
      });
    });
}
