import type { Command } from 'commander';
import { addInspectionTargets } from '../../modules/inspections/add-inspection-targets.js';
import { createInspection } from '../../modules/inspections/create-inspection.js';
import { findInspections, getInspection } from '../../modules/inspections/find-inspections.js';
import { findProblems } from '../../modules/inspections/find-problems.js';
import { inspectionFigures, problemBreakdown } from '../../modules/inspections/inspection-figures.js';
import { getProblem } from '../../modules/inspections/problem-records.js';
import { recordProblem } from '../../modules/inspections/record-problem.js';
import { stepProblem } from '../../modules/inspections/step-problem.js';
import { updateInspection } from '../../modules/inspections/update-inspection.js';
import { updateProblem } from '../../modules/inspections/update-problem.js';
import {
  INSPECTION_LABELS,
  PROBLEM_ACTIONS,
  PROBLEM_STATUS_FILTERS,
  SUGGESTED_PROBLEM_CATEGORIES,
  inspectionFiguresQuery,
  inspectionInput,
  inspectionListQuery,
  inspectionPatch,
  problemInput,
  problemListQuery,
  problemPatch,
  problemStepInput,
  targetsInput,
  type InspectionView,
  type ProblemDetailView,
  type ProblemView,
  type TargetInput,
} from '../../modules/inspections/inspections.schema.js';
import { parseInput } from '../../shared/validation.js';
import { INSPECTION_KINDS, PROBLEM_LEVELS, PROBLEM_SOURCES, UNIT_KINDS } from '../../shared/vocab.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable, pageLine } from '../table.js';
import { printFigures, recordIdOf } from './honors.js';

const CLI_LABELS: Record<string, string> = {
  ...INSPECTION_LABELS,
  orgCode: '--org',
  org: '--org',
  kind: '--kind',
  title: '--title',
  roundNo: '--round',
  startOn: '--start',
  endOn: '--end',
  cluesTransferred: '--clues',
  noticesIssued: '--notices',
  targets: '--targets',
  source: '--source',
  inspectionId: '--inspection',
  inspection: '--inspection',
  category: '--category',
  level: '--level',
  description: '--description',
  ownerName: '--owner',
  measures: '--measures',
  measuresCount: '--measures-count',
  foundOn: '--found-on',
  deadline: '--deadline',
  status: '--status',
  action: '--action',
  on: '--on',
  evidence: '--evidence',
  note: '--note',
  from: '--from',
  to: '--to',
  period: '--period',
  limit: '--limit',
  offset: '--offset',
};

/** A whole number option as a number (anything else is handed on as written, for the schema to refuse by name). */
function whole(text: string | undefined): number | string | undefined {
  return text === undefined ? undefined : /^\d{1,9}$/.test(text) ? Number(text) : text;
}

/** `C.T1,C.T2:村` → organizations by code (with an optional unit kind); `县医院:医院` → units by name with their kind. */
function targetsOf(codes: string | undefined, units: string | undefined): TargetInput[] {
  const split = (s: string | undefined) => (s ?? '').split(/[,，、]/).map((x) => x.trim()).filter(Boolean);
  const out: TargetInput[] = [];
  for (const c of split(codes)) {
    const [code, kind] = c.split(/[:：]/);
    out.push({ orgCode: code!.trim(), ...(kind && { unitKind: kind.trim() as TargetInput['unitKind'] }) });
  }
  for (const u of split(units)) {
    const [name, kind] = u.split(/[:：]/);
    out.push({ unitName: name!.trim(), ...(kind && { unitKind: kind.trim() as TargetInput['unitKind'] }) });
  }
  return out;
}

function inspectionTable(items: InspectionView[]): string {
  return formatTable(
    ['编号', '开展组织', '类别', '名称', '轮次', '起止日期', '对象', '移交线索', '通报文书'],
    items.map((i) => [
      String(i.id), i.orgName, i.kind, i.title, i.roundNo === null ? '' : `第${i.roundNo}轮`, `${i.startOn} 至 ${i.endOn}`,
      i.targets.map((t) => t.unitName).join('、'), i.cluesTransferred ?? '', i.noticesIssued ?? '',
    ]),
  );
}

function stageOf(p: ProblemView): string {
  return p.overdue ? `${p.stage}（逾期）` : p.late && p.status !== '已销号' ? `${p.stage}（逾期整改）` : p.stage;
}

function problemTable(items: ProblemView[]): string {
  return formatTable(
    ['编号', '责任组织', '来源', '类别', '问题', '责任人', '发现日期', '整改时限', '状态'],
    items.map((p) => [
      String(p.id), p.orgName, p.source, p.category, p.description.length > 30 ? `${p.description.slice(0, 30)}…` : p.description,
      p.ownerName, p.foundOn, p.deadline, stageOf(p),
    ]),
  );
}

function printProblem(p: ProblemDetailView): void {
  println(`整改问题 ${p.id}：${p.description}`);
  println(`责任组织：${p.orgName}（${p.orgCode}）  责任人：${p.ownerName}  问题层面：${p.level}`);
  println(`来源：${p.source}${p.inspectionTitle ? `（${p.inspectionTitle}）` : ''}  类别：${p.category}`);
  println(`发现日期：${p.foundOn}  整改时限：${p.deadline}  状态：${stageOf(p)}${p.reopened ? `  重新整改${p.reopened}次` : ''}`);
  if (p.measures) println(`整改措施（${p.measuresCount}条）：${p.measures}`);
  if (p.rectifiedOn) println(`整改完成（提请验收）：${p.rectifiedOn}`);
  if (p.acceptedOn) println(`验收通过：${p.acceptedOn}（${p.acceptedBy}）`);
  if (p.closedOn) println(`销号：${p.closedOn}`);
  if (p.note) println(`备注：${p.note}`);
  println('办理记录：');
  println(
    formatTable(
      ['日期', '事项', '状态', '说明', '佐证材料', '办理人'],
      p.events.map((e) => [e.on, e.action, e.fromStatus && e.fromStatus !== e.toStatus ? `${e.fromStatus} → ${e.toStatus}` : e.toStatus, e.note, e.evidence, e.actor]),
    ),
  );
}

export function registerInspections(program: Command, globals: () => GlobalOptions): void {
  const inspections = program.command('inspections').description('巡察、督查：查询轮次，统计巡察督查和整改指标');

  inspections
    .command('list', { isDefault: true })
    .description('查询巡察、督查轮次（组织含下级开展的），新的在前')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--kind <类别>', INSPECTION_KINDS.join('、'))
    .option('--from <日期>', '开始日期起（YYYY-MM-DD）')
    .option('--to <日期>', '开始日期止（YYYY-MM-DD）')
    .option('--limit <条数>', '最多列出的条数（1–1000）', '50')
    .option('--offset <条数>', '跳过的条数', '0')
    .action(async (opts: Record<string, string | undefined>) => {
      const g = globals();
      const q = parseInput(inspectionListQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const page = await findInspections(ctx, q);
        if (g.json) return printJson(page);
        println(inspectionTable(page.items));
        println(pageLine(page, q.offset, '轮', '轮'));
      });
    });

  inspections
    .command('figures')
    .description('巡察督查和整改统计指标（整改到位指上级验收通过）')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .requiredOption('--period <统计期>', '2026、2026H1、2026Q3 或 2026-03')
    .action(async (opts: { org?: string; period: string }) => {
      const g = globals();
      const q = parseInput(inspectionFiguresQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const f = await inspectionFigures(ctx, { orgCode: q.org, period: q.period });
        if (g.json) return printJson(f);
        printFigures(f, '巡察督查和整改统计');
      });
    });

  const inspection = program.command('inspection').description('巡察、督查轮次：登记、查看、更正、增加对象');

  inspection
    .command('add')
    .description('登记巡察、督查轮次。对象：--targets 下级组织代码（可加“:类别”），系统外单位用 --units 名称:类别')
    .requiredOption('--org <代码>', '开展巡察（督查）的组织代码')
    .requiredOption('--kind <类别>', INSPECTION_KINDS.join('、'))
    .requiredOption('--title <名称>', '名称，如 十四届县委第三轮巡察')
    .requiredOption('--start <日期>', '开始日期（YYYY-MM-DD）')
    .requiredOption('--end <日期>', '结束日期（YYYY-MM-DD）')
    .option('--round <轮次>', '轮次（正整数）')
    .option('--targets <代码>', '对象组织代码，逗号分隔，如 C.T1,C.T2:村')
    .option('--units <单位>', `系统外对象单位，逗号分隔，如 县医院:医院（类别：${UNIT_KINDS.join('、')}）`)
    .option('--clues <件数>', '移交问题线索数')
    .option('--notices <份数>', '发出通报、文书、提示函数')
    .option('--note <备注>', '备注')
    .action(async (opts: Record<string, string | undefined>) => {
      const g = globals();
      const input = parseInput(
        inspectionInput,
        {
          orgCode: opts.org, kind: opts.kind, title: opts.title, startOn: opts.start, endOn: opts.end, roundNo: whole(opts.round),
          cluesTransferred: whole(opts.clues), noticesIssued: whole(opts.notices), note: opts.note, targets: targetsOf(opts.targets, opts.units),
        },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const i = await createInspection(ctx, input);
        if (g.json) return printJson(i);
        println(`已登记${i.kind} ${i.id}：${i.orgName}“${i.title}”（${i.startOn} 至 ${i.endOn}），对象${i.targets.length}个${i.targets.length ? `：${i.targets.map((t) => t.unitName).join('、')}` : ''}`);
      });
    });

  inspection
    .command('show')
    .description('查看巡察、督查轮次：对象、本轮发现的问题及整改状态')
    .argument('<编号>', '巡察（督查）编号')
    .action(async (id: string) => {
      const g = globals();
      const inspectionId = recordIdOf(id, 'id', '巡察（督查）编号');
      await withSession(g, async ({ ctx }) => {
        const i = await getInspection(ctx, inspectionId);
        if (g.json) return printJson(i);
        println(inspectionTable([i]));
        if (i.note) println(`备注：${i.note}`);
        println(problemTable(i.problems));
        const c = i.statusCounts;
        println(`问题${c.total}个：待整改${c.待整改}，整改中${c.整改中}，待验收${c.待验收}，已销号${c.已销号}；逾期${c.逾期}`);
      });
    });

  inspection
    .command('update')
    .description('更正巡察、督查轮次')
    .argument('<编号>', '巡察（督查）编号')
    .option('--kind <类别>', INSPECTION_KINDS.join('、'))
    .option('--title <名称>', '名称')
    .option('--round <轮次>', '轮次')
    .option('--start <日期>', '开始日期')
    .option('--end <日期>', '结束日期')
    .option('--clues <件数>', '移交问题线索数')
    .option('--notices <份数>', '发出通报、文书、提示函数')
    .option('--note <备注>', '备注')
    .action(async (id: string, opts: Record<string, string | undefined>) => {
      const g = globals();
      const inspectionId = recordIdOf(id, 'id', '巡察（督查）编号');
      const patch = parseInput(
        inspectionPatch,
        {
          kind: opts.kind, title: opts.title, roundNo: whole(opts.round), startOn: opts.start, endOn: opts.end,
          cluesTransferred: whole(opts.clues), noticesIssued: whole(opts.notices), note: opts.note,
        },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const i = await updateInspection(ctx, inspectionId, patch);
        if (g.json) return printJson(i);
        println(`已更正${i.kind} ${i.id}：“${i.title}”`);
      });
    });

  inspection
    .command('target')
    .description('增加巡察、督查对象')
    .argument('<编号>', '巡察（督查）编号')
    .option('--targets <代码>', '对象组织代码，逗号分隔，如 C.T1,C.T2:村')
    .option('--units <单位>', '系统外对象单位，逗号分隔，如 县医院:医院')
    .action(async (id: string, opts: { targets?: string; units?: string }) => {
      const g = globals();
      const inspectionId = recordIdOf(id, 'id', '巡察（督查）编号');
      const input = parseInput(targetsInput, { targets: targetsOf(opts.targets, opts.units) }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const i = await addInspectionTargets(ctx, inspectionId, input);
        if (g.json) return printJson(i);
        println(`${i.title}的对象（${i.targets.length}个）：${i.targets.map((t) => t.unitName).join('、')}`);
      });
    });

  const problems = program.command('problems').description('整改台账：查询问题（含逾期），分类统计');

  problems
    .command('list', { isDefault: true })
    .description('查询整改台账（组织含下级）；--status 逾期 列出已过整改时限未销号的')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--status <状态>', PROBLEM_STATUS_FILTERS.filter((s) => s !== 'overdue').join('、'))
    .option('--source <来源>', PROBLEM_SOURCES.join('、'))
    .option('--category <类别>', SUGGESTED_PROBLEM_CATEGORIES.join('、'))
    .option('--inspection <编号>', '巡察（督查）编号')
    .option('--from <日期>', '发现日期起（YYYY-MM-DD）')
    .option('--to <日期>', '发现日期止（YYYY-MM-DD）')
    .option('--limit <条数>', '最多列出的条数（1–1000）', '50')
    .option('--offset <条数>', '跳过的条数', '0')
    .action(async (opts: Record<string, string | undefined>) => {
      const g = globals();
      const q = parseInput(problemListQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const page = await findProblems(ctx, q);
        if (g.json) return printJson(page);
        println(problemTable(page.items));
        println(pageLine(page, q.offset, '个问题', '个'));
      });
    });

  problems
    .command('breakdown')
    .description('期内发现的问题按来源、类别、整改状态分组统计')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .requiredOption('--period <统计期>', '2026、2026H1、2026Q3 或 2026-03')
    .action(async (opts: { org?: string; period: string }) => {
      const g = globals();
      const q = parseInput(inspectionFiguresQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const b = await problemBreakdown(ctx, { orgCode: q.org, period: q.period });
        if (g.json) return printJson(b);
        println(`${b.org?.name ?? '全部组织'} 问题分类统计 ${b.period.title}`);
        println(formatTable(['来源', '类别', '状态', '个数', '其中逾期'], b.rows.map((r) => [r.source, r.category, r.status, String(r.count), String(r.overdue)])));
        println(`按来源：${b.bySource.map((x) => `${x.source}${x.count}`).join('，') || '无'}`);
        println(`按类别：${b.byCategory.map((x) => `${x.category}${x.count}`).join('，') || '无'}`);
        println(`按状态：${b.byStatus.map((x) => `${x.status}${x.count}`).join('，') || '无'}`);
        println(`合计${b.total}个，其中逾期未销号${b.overdue}个`);
      });
    });

  const problem = program.command('problem').description('整改问题：登记、办理整改步骤、查看办理记录、修改');

  problem
    .command('add')
    .description(`登记问题（状态为待整改）。常用类别：${SUGGESTED_PROBLEM_CATEGORIES.join('、')}`)
    .requiredOption('--org <代码>', '整改责任组织代码')
    .requiredOption('--source <来源>', PROBLEM_SOURCES.join('、'))
    .requiredOption('--category <类别>', '问题类别')
    .requiredOption('--level <层面>', PROBLEM_LEVELS.join('、'))
    .requiredOption('--description <描述>', '问题描述')
    .requiredOption('--owner <姓名>', '整改责任人')
    .requiredOption('--found-on <日期>', '发现日期（YYYY-MM-DD）')
    .requiredOption('--deadline <日期>', '整改时限（YYYY-MM-DD）')
    .option('--inspection <编号>', '来源于哪一轮巡察（督查）')
    .option('--measures <措施>', '整改措施（每行一条）')
    .option('--note <备注>', '备注')
    .action(async (opts: Record<string, string | undefined>) => {
      const g = globals();
      const input = parseInput(
        problemInput,
        {
          orgCode: opts.org, source: opts.source, category: opts.category, level: opts.level, description: opts.description,
          ownerName: opts.owner, foundOn: opts.foundOn, deadline: opts.deadline, measures: opts.measures, note: opts.note,
          inspectionId: opts.inspection === undefined ? undefined : recordIdOf(opts.inspection, 'inspectionId', '--inspection 巡察（督查）编号'),
        },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const p = await recordProblem(ctx, input);
        if (g.json) return printJson(p);
        println(`已登记整改问题 ${p.id}：${p.orgName} ${p.category}问题，责任人${p.ownerName}，整改时限${p.deadline}，状态${p.status}`);
      });
    });

  problem
    .command('step')
    .description('办理整改步骤：制定措施、报告进展、提请验收由责任组织办理；验收通过、验收不通过、销号、重新整改由上级办理')
    .argument('<编号>', '整改问题编号')
    .requiredOption('--action <事项>', PROBLEM_ACTIONS.join('、'))
    .requiredOption('--on <日期>', '办理日期（YYYY-MM-DD）')
    .option('--note <说明>', '说明（报告进展、验收不通过、重新整改时必填）')
    .option('--evidence <材料>', '佐证材料')
    .option('--measures <措施>', '整改措施（制定措施时，每行一条）')
    .option('--measures-count <条数>', '整改措施条数（不填则按行数）')
    .action(async (id: string, opts: Record<string, string | undefined>) => {
      const g = globals();
      const problemId = recordIdOf(id, 'id', '整改问题编号');
      const input = parseInput(
        problemStepInput,
        { action: opts.action, on: opts.on, note: opts.note, evidence: opts.evidence, measures: opts.measures, measuresCount: whole(opts.measuresCount) },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const p = await stepProblem(ctx, problemId, input);
        if (g.json) return printJson(p);
        println(`整改问题 ${p.id} 已办理“${input.action}”（${input.on}），当前状态：${stageOf(p)}`);
      });
    });

  problem
    .command('show')
    .description('查看整改问题及其办理记录')
    .argument('<编号>', '整改问题编号')
    .action(async (id: string) => {
      const g = globals();
      const problemId = recordIdOf(id, 'id', '整改问题编号');
      await withSession(g, async ({ ctx }) => {
        const p = await getProblem(ctx, problemId);
        if (g.json) return printJson(p);
        printProblem(p);
      });
    });

  problem
    .command('update')
    .description('修改整改问题（销号前）：类别、层面、描述、责任人、措施、时限、备注')
    .argument('<编号>', '整改问题编号')
    .option('--category <类别>', '问题类别')
    .option('--level <层面>', PROBLEM_LEVELS.join('、'))
    .option('--description <描述>', '问题描述')
    .option('--owner <姓名>', '整改责任人')
    .option('--measures <措施>', '整改措施（每行一条）')
    .option('--measures-count <条数>', '整改措施条数')
    .option('--deadline <日期>', '整改时限')
    .option('--note <备注>', '备注')
    .action(async (id: string, opts: Record<string, string | undefined>) => {
      const g = globals();
      const problemId = recordIdOf(id, 'id', '整改问题编号');
      const patch = parseInput(
        problemPatch,
        {
          category: opts.category, level: opts.level, description: opts.description, ownerName: opts.owner, measures: opts.measures,
          measuresCount: whole(opts.measuresCount), deadline: opts.deadline, note: opts.note,
        },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const p = await updateProblem(ctx, problemId, patch);
        if (g.json) return printJson(p);
        println(`已修改整改问题 ${p.id}：整改时限${p.deadline}，状态${stageOf(p)}`);
      });
    });
}
