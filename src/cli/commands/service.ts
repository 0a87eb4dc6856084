import type { Command } from 'commander';
import { addTeamPeople } from '../../modules/service/add-team-people.js';
import { createServiceRecord } from '../../modules/service/create-service-record.js';
import { createServiceTeam } from '../../modules/service/create-service-team.js';
import { findServiceRecords } from '../../modules/service/find-service-records.js';
import { findServiceTeams } from '../../modules/service/find-service-teams.js';
import { reportToCommunity } from '../../modules/service/report-to-community.js';
import { serviceFigures } from '../../modules/service/service-figures.js';
import { updateServiceRecord } from '../../modules/service/update-service-record.js';
import { findOrgRowByCode } from '../../modules/orgs/find-orgs.js';
import {
  SERVICE_LABELS,
  communityReportInput,
  serviceFiguresQuery,
  serviceRecordInput,
  serviceRecordQuery,
  serviceTeamInput,
  serviceTeamQuery,
  teamPeopleInput,
  type ServiceRecordView,
} from '../../modules/service/service.schema.js';
import { AppError } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { SERVICE_KINDS, SERVICE_STATUSES, TEAM_KINDS, LEVELS } from '../../shared/vocab.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable } from '../table.js';

const CLI_LABELS: Record<string, string> = {
  ...SERVICE_LABELS,
  org: '--org',
  orgCode: '--org',
  kind: '--kind',
  title: '--title',
  happenedOn: '--date',
  memberId: '--member',
  memberIds: '--members',
  category: '--category',
  status: '--status',
  doneOn: '--done-on',
  hours: '--hours',
  beneficiaries: '--beneficiaries',
  from: '--from',
  to: '--to',
  communityCode: '--community',
  communityName: '--community',
  unitLevel: '--level',
  reportedOn: '--on',
  name: '--name',
  establishedOn: '--established',
  joinedOn: '--on',
  period: '--period',
  limit: '--limit',
  offset: '--offset',
};

/** A record number given on the command line (a member's 编号, a record's, a team's). */
function idOf(text: string, field: string, label: string): number {
  const id = Number(text);
  if (!/^\d{1,10}$/.test(text) || id < 1 || id > 2_147_483_647) {
    const message = `${label}应为正整数：${text}`;
    throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field, message }]);
  }
  return id;
}

/** A count given as text: a number when it reads as one, else as written (validation names the option). */
function countOf(text: string | undefined): number | string | undefined {
  return text === undefined ? undefined : /^\d{1,9}$/.test(text) ? Number(text) : text;
}

function recordRow(r: ServiceRecordView): string[] {
  return [String(r.id), r.kind, r.title, r.orgName, r.memberName ?? '', r.category ?? '', r.happenedOn, r.status, r.doneOn ?? '', r.hours ?? '', r.beneficiaries === null ? '' : String(r.beneficiaries)];
}
const RECORD_HEADERS = ['编号', '类别', '事项', '组织', '党员', '具体类型', '日期', '状态', '办结日期', '时长（小时）', '服务对象'];

export function registerService(program: Command, globals: () => GlobalOptions): void {
  const service = program.command('service').description('服务记录：志愿服务、办实事、社情民意、矛盾纠纷化解，在职党员到社区报到，服务队伍和党员先锋岗，统计');

  service
    .command('add')
    .description('登记服务记录（志愿服务为已办结，可记服务时长；已办结须填办结日期）')
    .requiredOption('--org <代码>', '组织代码')
    .requiredOption('--kind <类别>', SERVICE_KINDS.join('、'))
    .requiredOption('--title <事项>', '事项（标题）')
    .requiredOption('--date <日期>', '日期（YYYY-MM-DD）')
    .option('--member <党员编号>', '党员记录编号（须在该组织或其下级）')
    .option('--category <具体类型>', '具体类型，如矛盾纠纷化解的劳资纠纷、集访、邻里纠纷、土地纠纷')
    .option('--status <状态>', SERVICE_STATUSES.join('、'))
    .option('--done-on <日期>', '办结日期（YYYY-MM-DD）')
    .option('--hours <小时>', '服务时长（小时，仅志愿服务）')
    .option('--beneficiaries <人数>', '服务对象人数')
    .action(async (opts: { org: string; kind: string; title: string; date: string; member?: string; category?: string; status?: string; doneOn?: string; hours?: string; beneficiaries?: string }) => {
      const g = globals();
      const input = parseInput(
        serviceRecordInput,
        {
          orgCode: opts.org,
          kind: opts.kind,
          title: opts.title,
          happenedOn: opts.date,
          memberId: opts.member === undefined ? undefined : idOf(opts.member, 'memberId', '党员记录编号'),
          category: opts.category,
          status: opts.status,
          doneOn: opts.doneOn,
          hours: opts.hours,
          beneficiaries: countOf(opts.beneficiaries),
        },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const r = await createServiceRecord(ctx, input);
        if (g.json) {
          printJson(r);
          return;
        }
        println(`已登记${r.kind}：${r.title}（编号${r.id}，${r.orgName}，${r.happenedOn}，${r.status}${r.hours ? `，${r.hours}小时` : ''}）`);
      });
    });

  service
    .command('done')
    .description('办结：办理中的事项记为已办结')
    .argument('<编号>', '服务记录编号')
    .requiredOption('--on <日期>', '办结日期（YYYY-MM-DD）')
    .action(async (id: string, opts: { on: string }) => {
      const g = globals();
      const recordId = idOf(id, 'id', '服务记录编号');
      await withSession(g, async ({ ctx }) => {
        const r = await updateServiceRecord(ctx, recordId, { status: '已办结', doneOn: opts.on });
        if (g.json) {
          printJson(r);
          return;
        }
        println(`${r.kind}“${r.title}”（编号${r.id}）已于${r.doneOn}办结`);
      });
    });

  service
    .command('list')
    .description('服务记录列表：组织（含下级），可按类别、状态、日期筛选（按日期由近及远）')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--kind <类别>', SERVICE_KINDS.join('、'))
    .option('--status <状态>', SERVICE_STATUSES.join('、'))
    .option('--from <日期>', '起始日期（YYYY-MM-DD）')
    .option('--to <日期>', '截止日期（YYYY-MM-DD）')
    .option('--member <党员编号>', '党员记录编号')
    .option('--limit <条数>', '最多列出的条数（1–1000）', '50')
    .option('--offset <条数>', '跳过的条数', '0')
    .action(async (opts: { org?: string; kind?: string; status?: string; from?: string; to?: string; member?: string; limit: string; offset: string }) => {
      const g = globals();
      const { member, ...rest } = opts;
      const q = parseInput(serviceRecordQuery, { ...rest, memberId: member === undefined ? undefined : idOf(member, 'memberId', '党员记录编号') }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const list = await findServiceRecords(ctx, q);
        if (g.json) {
          printJson(list);
          return;
        }
        println(formatTable(RECORD_HEADERS, list.items.map(recordRow)));
        println(`共${list.total}条${list.items.length < list.total ? `，显示第${q.offset + 1}–${q.offset + list.items.length}条` : ''}`);
      });
    });

  service
    .command('report')
    .description('在职党员到社区报到')
    .argument('<党员编号>', '党员记录编号')
    .requiredOption('--community <代码或名称>', '社区党组织代码（组织树中的社区），或社区名称')
    .requiredOption('--level <层级>', `党员所在单位的层级：${LEVELS.join('、')}`)
    .requiredOption('--on <日期>', '报到日期（YYYY-MM-DD）')
    .action(async (member: string, opts: { community: string; level: string; on: string }) => {
      const g = globals();
      const memberId = idOf(member, 'memberId', '党员记录编号');
      await withSession(g, async ({ ctx }) => {
        const community = opts.community.trim();
        const org = community ? await findOrgRowByCode(ctx, community) : undefined;
        const input = parseInput(
          communityReportInput,
          { memberId, ...(org ? { communityCode: org.code } : { communityName: community }), unitLevel: opts.level, reportedOn: opts.on },
          CLI_LABELS,
        );
        const r = await reportToCommunity(ctx, input);
        if (g.json) {
          printJson(r);
          return;
        }
        println(`${r.name}（${r.unitLevel}单位）已于${r.reportedOn}到${r.communityName}报到（报到记录编号${r.id}）`);
      });
    });

  const team = service.command('team').description('服务队伍：组建队伍，加入队伍');

  team
    .command('add')
    .description('组建志愿服务队、党员突击队或设立党员先锋岗')
    .requiredOption('--org <代码>', '组织代码')
    .requiredOption('--kind <类别>', TEAM_KINDS.join('、'))
    .requiredOption('--name <名称>', '队伍名称')
    .requiredOption('--established <日期>', '成立日期（YYYY-MM-DD）')
    .action(async (opts: { org: string; kind: string; name: string; established: string }) => {
      const g = globals();
      const input = parseInput(serviceTeamInput, { orgCode: opts.org, kind: opts.kind, name: opts.name, establishedOn: opts.established }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const t = await createServiceTeam(ctx, input);
        if (g.json) {
          printJson(t);
          return;
        }
        println(`已组建${t.kind}“${t.name}”（队伍编号${t.id}，${t.orgName}，${t.establishedOn}成立）`);
      });
    });

  team
    .command('join')
    .description('加入队伍：党员（--members 党员编号，逗号分隔）或群众志愿者（--name 姓名）')
    .argument('<队伍编号>', '队伍编号')
    .option('--members <党员编号>', '党员记录编号，逗号分隔（如 1,2）')
    .option('--name <姓名>', '群众志愿者姓名')
    .requiredOption('--on <日期>', '加入日期（YYYY-MM-DD）')
    .action(async (id: string, opts: { members?: string; name?: string; on: string }) => {
      const g = globals();
      const teamId = idOf(id, 'id', '队伍编号');
      const memberIds = opts.members?.split(/[,，、\s]+/).filter(Boolean).map((m) => idOf(m, 'memberIds', '党员记录编号'));
      const input = parseInput(teamPeopleInput, { memberIds, name: opts.name, joinedOn: opts.on }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const t = await addTeamPeople(ctx, teamId, input);
        if (g.json) {
          printJson(t);
          return;
        }
        println(`${t.name}现有${t.headCount}人（党员${t.memberCount}人，群众志愿者${t.publicCount}人）：`);
        println(
          formatTable(
            ['姓名', '身份', '党员编号', '加入日期', '退出日期'],
            t.people.map((p) => [p.name, p.isMember ? '党员' : '群众', p.memberId === null ? '' : String(p.memberId), p.joinedOn, p.leftOn ?? '']),
          ),
        );
      });
    });

  service
    .command('teams')
    .description('服务队伍列表及现有人数')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--kind <类别>', TEAM_KINDS.join('、'))
    .option('--limit <条数>', '最多列出的条数（1–1000）', '50')
    .option('--offset <条数>', '跳过的条数', '0')
    .action(async (opts: { org?: string; kind?: string; limit: string; offset: string }) => {
      const g = globals();
      const q = parseInput(serviceTeamQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const list = await findServiceTeams(ctx, q);
        if (g.json) {
          printJson(list);
          return;
        }
        println(
          formatTable(
            ['编号', '类别', '名称', '组织', '成立日期', '撤销日期', '现有人数', '党员', '群众'],
            list.items.map((t) => [String(t.id), t.kind, t.name, t.orgName, t.establishedOn, t.dissolvedOn ?? '', String(t.headCount), String(t.memberCount), String(t.publicCount)]),
          ),
        );
        println(`共${list.total}支（个）`);
      });
    });

  service
    .command('figures')
    .description('服务统计（指标目录编号）：志愿服务、办实事、社情民意、矛盾纠纷化解、到社区报到、服务队伍')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .requiredOption('--period <统计期>', '统计期：月份（2026-03）、季度（2026Q1）、半年（2026H1）或年份（2026）')
    .action(async (opts: { org?: string; period: string }) => {
      const g = globals();
      const q = parseInput(serviceFiguresQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const f = await serviceFigures(ctx, { orgCode: q.org, period: q.period });
        if (g.json) {
          printJson(f);
          return;
        }
        println(`${f.org?.name ?? '全部组织'} 服务统计 ${f.period.title}（${f.period.start} 至 ${f.period.end}）`);
        println(formatTable(['指标', '数值', '单位', '编号'], f.figures.map((x) => [x.label, x.value === null ? '—' : String(x.value), x.unit, x.id])));
      });
    });
}
