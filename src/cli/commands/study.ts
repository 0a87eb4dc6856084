import type { Command } from 'commander';
import { addAttendance } from '../../modules/study/training-attendance.js';
import { createTraining } from '../../modules/study/create-training.js';
import { getTraining, listTrainings } from '../../modules/study/find-trainings.js';
import { memberStudy } from '../../modules/study/member-study.js';
import { recordStudy } from '../../modules/study/record-study.js';
import { studyFigures, studyRanking } from '../../modules/study/study-figures.js';
import { listStudyRecords } from '../../modules/study/study-records.js';
import {
  STUDY_LABELS,
  attendanceInput,
  memberStudyQuery,
  studyFiguresQuery,
  studyListQuery,
  studyRankingQuery,
  studyRecordInput,
  trainingInput,
  trainingListQuery,
} from '../../modules/study/study.schema.js';
import { AppError } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable, pageLine } from '../table.js';

const CLI_LABELS: Record<string, string> = {
  ...STUDY_LABELS,
  org: '--org',
  orgCode: '--org',
  memberId: '--member',
  memberIds: '--members',
  studiedOn: '--date',
  kind: '--kind',
  title: '--title',
  hours: '--hours',
  source: '--source',
  level: '--level',
  audience: '--audience',
  subject: '--subject',
  startOn: '--start',
  endOn: '--end',
  audienceCount: '--audience-count',
  note: '--note',
  from: '--from',
  to: '--to',
  period: '--period',
  year: '--year',
  limit: '--limit',
  offset: '--offset',
};

/** A record number given on the command line (党员记录编号, 培训编号). */
function idOf(text: string, field: string, label: string): number {
  const id = Number(text);
  if (!/^\d{1,10}$/.test(text.trim()) || id < 1 || id > 2_147_483_647) {
    const message = `${label}应为正整数：${text}`;
    throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field, message }]);
  }
  return id;
}

function figuresTable(figures: { id: string; label: string; unit: string; value: number | null }[]): string {
  return formatTable(['指标', '数值', '单位', '编号'], figures.map((f) => [f.label, f.value === null ? '—' : String(f.value), f.unit, f.id]));
}

export function registerStudy(program: Command, globals: () => GlobalOptions): void {
  const study = program.command('study').description('党员学习：登记学习记录（学时、积分），查询，全年学时，统计和积分排名');

  study
    .command('record')
    .description('登记党员学习（每满半小时积1分，每人每日最多8分）')
    .argument('<党员记录编号>', '党员记录编号（members 列表的“编号”列）')
    .requiredOption('--date <日期>', '学习日期（YYYY-MM-DD）')
    .requiredOption('--kind <类别>', '集中学习、网络培训、专题讲座、自学、读书、考试测试、其他')
    .requiredOption('--title <名称>', '学习内容')
    .requiredOption('--hours <小时>', '学时（小时，最多一位小数，如 1.5）')
    .option('--source <来源>', '来源（如 学习强国、党员教育网络学院）')
    .action(async (member: string, opts: { date: string; kind: string; title: string; hours: string; source?: string }) => {
      const g = globals();
      const input = parseInput(
        studyRecordInput,
        { memberId: idOf(member, 'memberId', '党员记录编号'), studiedOn: opts.date, kind: opts.kind, title: opts.title, hours: opts.hours, source: opts.source },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const r = await recordStudy(ctx, input);
        if (g.json) {
          printJson(r);
          return;
        }
        println(`已登记：${r.name} ${r.studiedOn} ${r.kind}“${r.title}”${r.hours}学时（记录编号${r.id}）`);
        println(`积分：应得${r.pointsEarned}分，记入${r.points}分${r.pointsCapped > 0 ? `，超出每日上限${r.dailyCap}分未记入${r.pointsCapped}分` : ''}；当日已记入${r.pointsToday}分`);
      });
    });

  study
    .command('list')
    .description('学习记录：某党员的，或组织（含下级）的（新的在前）')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--member <编号>', '党员记录编号')
    .option('--kind <类别>', '学习类别')
    .option('--from <日期>', '起始日期（YYYY-MM-DD）')
    .option('--to <日期>', '截止日期（YYYY-MM-DD）')
    .option('--limit <条数>', '最多列出的条数（1–1000）', '50')
    .option('--offset <条数>', '跳过的条数', '0')
    .action(async (opts: Record<string, string | undefined>) => {
      const g = globals();
      const { member, ...rest } = opts;
      const q = parseInput(studyListQuery, { ...rest, memberId: member }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const list = await listStudyRecords(ctx, q);
        if (g.json) {
          printJson(list);
          return;
        }
        println(
          formatTable(
            ['编号', '日期', '党员', '所在组织', '类别', '名称', '学时', '积分', '来源'],
            list.items.map((r) => [String(r.id), r.studiedOn, `${r.name}（${r.memberId}）`, r.orgName, r.kind, r.title, r.hours, String(r.points), r.source ?? '']),
          ),
        );
        println(pageLine(list, q.offset, '条', '条'));
      });
    });

  study
    .command('summary')
    .description('某党员全年学习培训：集中学习培训学时、应达学时（32或56）、差额、积分')
    .argument('<党员记录编号>', '党员记录编号')
    .option('--year <年份>', '年度，默认本年')
    .action(async (member: string, opts: { year?: string }) => {
      const g = globals();
      const memberId = idOf(member, 'memberId', '党员记录编号');
      const q = parseInput(memberStudyQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const s = await memberStudy(ctx, memberId, q);
        if (g.json) {
          printJson(s);
          return;
        }
        println(`${s.name}（${s.orgName}${s.partyPost ? `，${s.partyPost}` : ''}）${s.year}年学习培训`);
        println(`集中学习培训：${s.concentratedHours}学时（应达${s.requiredHours}学时${s.requiredTrainings > 0 ? `，至少参加集中培训${s.requiredTrainings}次，已参加${s.concentratedTrainings}次` : ''}）`);
        println(s.met ? '已达到全年要求' : `尚差${s.shortfallHours}学时${s.concentratedTrainings < s.requiredTrainings ? '，尚未参加集中培训' : ''}`);
        println(`全部学习培训：${s.totalHours}学时；学习积分：${s.points}分`);
        if (s.trainings.length > 0) {
          println(formatTable(['开始日期', '培训', '主办', '集中培训', '学时', '完成'], s.trainings.map((t) => [t.startOn, t.title, t.organizer, t.concentrated ? '是' : '否', t.hours, t.completed ? '是' : '否'])));
        }
        if (s.records.length > 0) {
          println(formatTable(['日期', '类别', '名称', '学时', '积分'], s.records.map((r) => [r.studiedOn, r.kind, r.title, r.hours, String(r.points)])));
        }
      });
    });

  study
    .command('figures')
    .description('学习培训统计：培训次数、人次、覆盖率、人均学时、中心组学习等（附指标编号）')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .requiredOption('--period <统计期>', '统计期：年份（2026）、半年（2026H1）、季度（2026Q3）或月份（2026-03）')
    .action(async (opts: { org?: string; period: string }) => {
      const g = globals();
      const q = parseInput(studyFiguresQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const f = await studyFigures(ctx, { orgCode: q.org, period: q.period });
        if (g.json) {
          printJson(f);
          return;
        }
        println(`${f.org?.name ?? '全部组织'} ${f.period.title}学习培训统计`);
        println(figuresTable(f.figures));
      });
    });

  study
    .command('ranking')
    .description('按人均学习积分排名（并列同名次）')
    .option('--org <代码>', '组织代码；不填则为可见的最上级组织')
    .requiredOption('--period <统计期>', '统计期：年份、半年、季度或月份')
    .option('--level <层级>', 'children（下一级组织，默认）或 branches（所属全部党支部）')
    .action(async (opts: { org?: string; period: string; level?: string }) => {
      const g = globals();
      const q = parseInput(studyRankingQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const r = await studyRanking(ctx, { orgCode: q.org, period: q.period, level: q.level });
        if (g.json) {
          printJson(r);
          return;
        }
        println(`${r.org?.name ?? ''} ${r.period.title}人均学习积分排名（${r.level === 'branches' ? '所属党支部' : '下一级组织'}）`);
        println(
          formatTable(
            ['名次', '组织', '代码', '在册党员', '积分', '人均积分'],
            r.items.map((i) => [i.rank === null ? '—' : String(i.rank), i.orgName, i.orgCode, String(i.members), String(i.points), i.pointsPerMember === null ? '—' : i.pointsPerMember.toFixed(1)]),
          ),
        );
      });
    });
}

export function registerTraining(program: Command, globals: () => GlobalOptions): void {
  const training = program.command('training').description('教育培训：登记培训、参训党员，查询');

  training
    .command('add')
    .description('登记培训（培训班、专题讲座、现场教学、理论宣讲等）')
    .requiredOption('--org <代码>', '主办组织代码')
    .requiredOption('--title <名称>', '培训名称')
    .requiredOption('--kind <类别>', '培训班、专题讲座、现场教学、理论宣讲、警示教育、大讲堂、以考促学、观摩学习、初任培训')
    .requiredOption('--level <层级>', '中央、省级、市（州）级、县级、乡镇（街道）级、村（社区）级、本单位')
    .requiredOption('--audience <对象>', '培训对象，如 全体党员、村（社区）“两委”成员、新任干部')
    .requiredOption('--start <日期>', '开始日期（YYYY-MM-DD）')
    .requiredOption('--end <日期>', '结束日期（YYYY-MM-DD）')
    .requiredOption('--hours <小时>', '学时（小时，最多一位小数）')
    .option('--concentrated', '集中培训（计入党员全年集中学习培训学时）')
    .option('--audience-count <人数>', '参加人数（未登记参训名单时）')
    .option('--subject <主题>', '主题，如 乡村振兴')
    .option('--note <备注>', '备注')
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const g = globals();
      const count = opts.audienceCount as string | undefined;
      const input = parseInput(
        trainingInput,
        {
          orgCode: opts.org, title: opts.title, kind: opts.kind, level: opts.level, audience: opts.audience, subject: opts.subject, startOn: opts.start,
          endOn: opts.end, hours: opts.hours, concentrated: opts.concentrated === true,
          audienceCount: count === undefined ? undefined : /^\d+$/.test(count) ? Number(count) : count, note: opts.note,
        },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const t = await createTraining(ctx, input);
        if (g.json) {
          printJson(t);
          return;
        }
        println(`已登记培训（编号${t.id}）：${t.orgName}“${t.title}”${t.startOn}至${t.endOn}，${t.hours}学时${t.concentrated ? '，集中培训' : ''}`);
      });
    });

  training
    .command('list')
    .description('培训列表：组织（含下级）主办的（开始日期新的在前）')
    .option('--org <代码>', '主办组织代码（含下级）；不填则为可见的全部组织')
    .option('--period <统计期>', '开始日期所在的统计期（2026、2026H1、2026Q3、2026-03）')
    .option('--kind <类别>', '培训类别')
    .option('--audience <对象>', '培训对象')
    .option('--limit <条数>', '最多列出的条数（1–1000）', '50')
    .option('--offset <条数>', '跳过的条数', '0')
    .action(async (opts: Record<string, string | undefined>) => {
      const g = globals();
      const q = parseInput(trainingListQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const list = await listTrainings(ctx, q);
        if (g.json) {
          printJson(list);
          return;
        }
        println(
          formatTable(
            ['编号', '开始', '结束', '主办', '名称', '类别', '对象', '学时', '集中', '参训'],
            list.items.map((t) => [
              String(t.id), t.startOn, t.endOn, t.orgName, t.title, t.kind, t.audience, t.hours, t.concentrated ? '是' : '否',
              t.attendees > 0 ? `${t.attendees}人` : t.audienceCount !== null ? `约${t.audienceCount}人` : '',
            ]),
          ),
        );
        println(pageLine(list, q.offset, '次培训', '次'));
      });
    });

  training
    .command('attend')
    .description('登记参训党员（学时默认为培训学时，默认已完成；全部成功或全部不写入）')
    .argument('<培训编号>', '培训编号（training list 的“编号”列）')
    .requiredOption('--members <编号>', '党员记录编号，逗号分隔（如 1,2,3）')
    .option('--hours <小时>', '每人学时，默认为培训学时')
    .option('--not-completed', '未完成培训')
    .action(async (id: string, opts: { members: string; hours?: string; notCompleted?: boolean }) => {
      const g = globals();
      const trainingId = idOf(id, 'id', '培训编号');
      const memberIds = opts.members.split(/[,，、\s]+/).filter(Boolean).map((m) => idOf(m, 'memberIds', '党员记录编号'));
      const input = parseInput(attendanceInput, { memberIds, hours: opts.hours, completed: !opts.notCompleted }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const t = await addAttendance(ctx, trainingId, input);
        if (g.json) {
          printJson(t);
          return;
        }
        println(`“${t.title}”已登记参训${memberIds.length}人，共${t.attendees}人`);
      });
    });

  training
    .command('show')
    .description('培训详情及参训党员')
    .argument('<培训编号>', '培训编号')
    .action(async (id: string) => {
      const g = globals();
      const trainingId = idOf(id, 'id', '培训编号');
      await withSession(g, async ({ ctx }) => {
        const t = await getTraining(ctx, trainingId);
        if (g.json) {
          printJson(t);
          return;
        }
        println(`培训（编号${t.id}）：${t.title}`);
        println(`主办：${t.orgName}（${t.orgCode}，${t.level}）；类别：${t.kind}；对象：${t.audience}${t.subject ? `；主题：${t.subject}` : ''}`);
        println(`时间：${t.startOn}至${t.endOn}；学时：${t.hours}；${t.concentrated ? '集中培训' : '非集中培训'}${t.audienceCount !== null ? `；参加人数：${t.audienceCount}` : ''}`);
        if (t.note) println(`备注：${t.note}`);
        println(`参训党员${t.attendees}人：`);
        println(formatTable(['编号', '姓名', '所在组织', '学时', '完成'], t.attendance.map((a) => [String(a.memberId), a.name, a.orgName, a.hours, a.completed ? '是' : '否'])));
      });
    });
}
