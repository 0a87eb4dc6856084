import type { Command } from 'commander';
import { assessRating } from '../../modules/ratings/assess-rating.js';
import { decideRating } from '../../modules/ratings/decide-rating.js';
import { findDesignations } from '../../modules/ratings/find-designations.js';
import { findRatings } from '../../modules/ratings/find-ratings.js';
import { findWeakCases } from '../../modules/ratings/find-weak-cases.js';
import { openWeakCase } from '../../modules/ratings/open-weak-case.js';
import { ratingBreakdown, ratingFigures } from '../../modules/ratings/rating-figures.js';
import { getRating } from '../../modules/ratings/rating-records.js';
import { getRatingScheme, listRatingSchemes } from '../../modules/ratings/rating-schemes.js';
import { recordDesignation } from '../../modules/ratings/record-designation.js';
import { revokeDesignation } from '../../modules/ratings/revoke-designation.js';
import { stepWeakCase } from '../../modules/ratings/step-weak-case.js';
import { getWeakCase } from '../../modules/ratings/weak-case-records.js';
import {
  RATING_LABELS,
  designationInput,
  designationListQuery,
  designationRevokeInput,
  ratingBreakdownQuery,
  ratingDecision,
  ratingFiguresQuery,
  ratingInput,
  ratingListQuery,
  weakCaseInput,
  weakCaseListQuery,
  weakCaseStep,
  type DesignationView,
  type RatingView,
  type SchemeView,
  type WeakCaseView,
} from '../../modules/ratings/ratings.schema.js';
import { AppError } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { DESIGNATION_ACTIONS, DESIGNATION_KINDS, LEVELS, WEAK_CASE_SOURCES, WEAK_CASE_STATUSES } from '../../shared/vocab.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable, pageLine } from '../table.js';
import { printFigures, recordIdOf } from './honors.js';

const CLI_LABELS: Record<string, string> = {
  ...RATING_LABELS,
  orgCode: '--org',
  org: '--org',
  year: '--year',
  schemeCode: '--scheme',
  scheme: '--scheme',
  scores: '--scores',
  finalScore: '--score',
  memberScore: '--member-score',
  publicSatisfaction: '--satisfaction',
  vetoes: '--vetoes',
  items: '--items',
  grade: '--grade',
  decidedOn: '--on',
  note: '--note',
  source: '--source',
  reasons: '--reason',
  flaggedOn: '--on',
  plan: '--plan',
  leaderName: '--leader',
  deadline: '--deadline',
  closedOn: '--on',
  title: '--title',
  kind: '--kind',
  action: '--action',
  level: '--level',
  designatedOn: '--on',
  revokedOn: '--on',
  reason: '--reason',
  status: '--status',
  period: '--period',
  limit: '--limit',
  offset: '--offset',
};

function invalid(field: string, message: string): AppError {
  return new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field, message }]);
}

/** "党组织带头人=18,工作思路=12" → { 党组织带头人: 18, 工作思路: 12 } (also ，, ＝, :). */
export function parseScoreList(text: string, option: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(/[,，;；]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*[=＝:：]\s*(-?\d+(?:\.\d+)?)$/.exec(part);
    if (!m) throw invalid('scores', `${option}：“${part}”应写作 指标=分数（如 党组织带头人=18）`);
    out[m[1]!] = Number(m[2]);
  }
  return out;
}

function list(text: string | undefined): string[] | undefined {
  return text === undefined ? undefined : text.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
}

function num(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) throw invalid(option, `${option} 应为数字：${text}`);
  return n;
}

function printScheme(s: SchemeView): void {
  const c = s.config;
  println(`${s.code}  ${s.name}（${s.kind}${s.builtin ? '，内置' : ''}），总分${c.total}分`);
  println(formatTable(['指标', '代码', '分值'], c.indicators.map((i) => [i.name, i.key, String(i.max)])));
  println(`等次：${c.bands.map((b) => `${b.grade}≥${b.min}`).join('，')}`);
  if (c.quotas.length) println(`比例上限：${c.quotas.map((q) => `${q.grade}≤${q.maxShare}%`).join('，')}`);
  if (c.vetoes.length) println(`否决事项：${c.vetoes.map((v) => `${v.key}（${v.text}，${v.capAt ? `最高${v.capAt}` : '不定级'}）`).join('；')}`);
  for (const x of c.conditions) println(`附加条件：${x.text}${x.kind === 'requires' ? `（事项代码 ${x.item}）` : ''}`);
  if (c.source) println(`依据：${c.source}`);
  for (const n of c.notes ?? []) println(`说明：${n}`);
}

function ratingTable(items: RatingView[]): string {
  return formatTable(
    ['编号', '组织', '年度', '方案', '自评', '自评等次', '群众满意率', '评定得分', '评定等次', '状态'],
    items.map((r) => [
      String(r.id), `${r.orgName}（${r.orgCode}）`, String(r.year), r.schemeName, r.selfScore === null ? '—' : String(r.selfScore), r.selfGrade ?? '—',
      r.publicSatisfaction === null ? '—' : `${r.publicSatisfaction}%`, r.finalScore === null ? '—' : String(r.finalScore), r.finalGrade ?? '—',
      r.status === '已评定' ? `已评定（${r.decidedOn}，${r.decidedBy}）` : '待评定',
    ]),
  );
}

function printRating(r: RatingView): void {
  println(ratingTable([r]));
  println(`自评各项：${r.selfScores.map((s) => `${s.name}${s.score}/${s.max}`).join('，')}`);
  if (r.finalScores) println(`评定各项：${r.finalScores.map((s) => `${s.name}${s.score}/${s.max}`).join('，')}`);
  if (r.memberScore !== null) println(`党员评议得分：${r.memberScore}`);
  if (r.vetoes.length) println(`否决事项：${r.vetoes.map((v) => v.text).join('；')}`);
  if (r.items.length) println(`具备事项：${r.items.map((v) => v.text).join('；')}`);
  println(`计算等次：${r.computedGrade ?? '—'}${r.gradeReasons.length ? `（${r.gradeReasons.join('；')}）` : ''}`);
  if (r.note) println(`备注：${r.note}`);
}

function weakTable(items: WeakCaseView[]): string {
  return formatTable(
    ['编号', '组织', '年度', '来源', '情形', '列入日期', '状态', '责任人', '整顿期限', '销号'],
    items.map((w) => [
      String(w.id), `${w.orgName}（${w.orgCode}）`, String(w.year), w.source, w.reasons.map((r) => r.text).join('；'), w.flaggedOn,
      w.overdue ? `${w.status}（已超期）` : w.status, w.leaderName ?? '—', w.deadline ?? '—', w.closedOn ? `${w.closedOn}（${w.closedBy}）` : '—',
    ]),
  );
}

function designationTable(items: DesignationView[]): string {
  return formatTable(
    ['编号', '组织', '称号', '类别', '方式', '级别', '命名日期', '状态'],
    items.map((d) => [
      String(d.id), `${d.orgName}（${d.orgCode}）`, d.title, d.kind, d.action, d.level, d.designatedOn, d.revokedOn ? `已撤销（${d.revokedOn}）` : '有效',
    ]),
  );
}

function reasonsOf(texts: string[]): { code: string; text: string }[] {
  return texts.map((t) => {
    const m = /^([A-Za-z][\w.-]*)[:：](.+)$/.exec(t.trim());
    return m ? { code: m[1]!, text: m[2]!.trim() } : { code: '其他', text: t.trim() };
  });
}

export function registerRatings(program: Command, globals: () => GlobalOptions): void {
  program
    .command('schemes')
    .description('评定方案：内置的中央分类定级模式（组厅字〔2012〕6号）、五星创评，及本地设置的方案')
    .argument('[代码]', '方案代码：给出时显示该方案的指标、等次、比例和条件')
    .action(async (code: string | undefined) => {
      const g = globals();
      await withSession(g, async ({ ctx }) => {
        if (code !== undefined) {
          const s = await getRatingScheme(ctx, code);
          if (g.json) return printJson(s);
          return printScheme(s);
        }
        const all = await listRatingSchemes(ctx);
        if (g.json) return printJson({ items: all });
        println(
          formatTable(
            ['代码', '名称', '类别', '总分', '等次', '内置'],
            all.map((s) => [s.code, s.name, s.kind, String(s.config.total), s.config.bands.map((b) => `${b.grade}≥${b.min}`).join(' '), s.builtin ? '是' : '否']),
          ),
        );
      });
    });

  const rating = program.command('rating').description('党组织年度评定：自评、上级评定、查看');
  rating
    .command('assess')
    .description('登记年度自评，自动计算等次（各项得分写作 指标=分数，用逗号分隔；指标可写名称或代码）')
    .requiredOption('--org <代码>', '组织代码')
    .requiredOption('--year <年度>', '评定年度')
    .requiredOption('--scheme <方案>', '评定方案代码（dangjian schemes 查看）')
    .requiredOption('--scores <各项得分>', '如 党组织带头人=18,工作思路=9,…')
    .option('--satisfaction <百分比>', '群众满意率（%）')
    .option('--member-score <分数>', '党员评议得分')
    .option('--vetoes <事项>', '触及的否决事项代码，逗号分隔')
    .option('--items <事项>', '具备的附加条件事项代码（如 innovation_project），逗号分隔')
    .option('--note <备注>', '备注')
    .action(async (opts: { org: string; year: string; scheme: string; scores: string; satisfaction?: string; memberScore?: string; vetoes?: string; items?: string; note?: string }) => {
      const g = globals();
      const input = parseInput(
        ratingInput,
        {
          orgCode: opts.org,
          year: opts.year,
          schemeCode: opts.scheme,
          scores: parseScoreList(opts.scores, '--scores'),
          publicSatisfaction: num(opts.satisfaction, '--satisfaction'),
          memberScore: num(opts.memberScore, '--member-score'),
          vetoes: list(opts.vetoes),
          items: list(opts.items),
          note: opts.note,
        },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const r = await assessRating(ctx, input);
        if (g.json) return printJson(r);
        println(`已登记评定记录 ${r.id}：${r.orgName}${r.year}年自评${r.selfScore}分，计算等次${r.selfGrade}${r.gradeReasons.length ? `（${r.gradeReasons.join('；')}）` : ''}`);
      });
    });
  rating
    .command('decide')
    .description('上级评定等次（仅上级党组织）；不填 --grade 则按得分计算，与计算等次不同须填 --note 说明理由')
    .argument('<编号>', '评定记录编号')
    .option('--grade <等次>', '评定等次')
    .option('--score <分数>', '评定总分（不填则用自评得分）')
    .option('--scores <各项得分>', '上级评定的各项得分，写法同 assess')
    .option('--satisfaction <百分比>', '群众满意率（%）')
    .option('--vetoes <事项>', '触及的否决事项代码（覆盖自评所报）')
    .option('--items <事项>', '具备的附加条件事项代码（覆盖自评所报）')
    .option('--on <日期>', '评定日期（默认今天）')
    .option('--note <备注>', '评定意见')
    .action(async (id: string, opts: { grade?: string; score?: string; scores?: string; satisfaction?: string; vetoes?: string; items?: string; on?: string; note?: string }) => {
      const g = globals();
      const ratingId = recordIdOf(id, 'id', '评定记录编号');
      const input = parseInput(
        ratingDecision,
        {
          grade: opts.grade,
          finalScore: num(opts.score, '--score'),
          scores: opts.scores === undefined ? undefined : parseScoreList(opts.scores, '--scores'),
          publicSatisfaction: num(opts.satisfaction, '--satisfaction'),
          vetoes: list(opts.vetoes),
          items: list(opts.items),
          decidedOn: opts.on,
          note: opts.note,
        },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const r = await decideRating(ctx, ratingId, input);
        if (g.json) return printJson(r);
        println(`已评定 ${r.orgName}${r.year}年：${r.finalScore}分，${r.finalGrade}（计算等次${r.computedGrade}）`);
        for (const w of r.quotaWarnings) println(`提示：${w}`);
      });
    });
  rating
    .command('show')
    .description('查看一条评定记录')
    .argument('<编号>', '评定记录编号')
    .action(async (id: string) => {
      const g = globals();
      const ratingId = recordIdOf(id, 'id', '评定记录编号');
      await withSession(g, async ({ ctx }) => {
        const r = await getRating(ctx, ratingId);
        if (g.json) return printJson(r);
        printRating(r);
      });
    });

  const ratings = program
    .command('ratings')
    .description('查询评定记录（组织含下级）；按年度和方案查询时核对等次比例。子命令 figures、breakdown 为统计')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--year <年度>', '评定年度')
    .option('--scheme <方案>', '评定方案代码')
    .option('--grade <等次>', '评定等次')
    .option('--limit <条数>', '最多列出的条数（1–1000）', '50')
    .option('--offset <条数>', '跳过的条数', '0')
    .action(async (opts: Record<string, string | undefined>) => {
      const g = globals();
      const q = parseInput(ratingListQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const page = await findRatings(ctx, q);
        if (g.json) return printJson(page);
        println(ratingTable(page.items));
        println(pageLine(page, q.offset, '条', '条'));
        for (const c of page.quotas) println(`${c.grade}：${c.count}个，占${c.share ?? '—'}%（上限${c.maxShare}%）${c.exceeded ? '，超出比例上限' : ''}`);
      });
    });
  // Commander gives an option both a command and its subcommand define to the parent (`ratings figures --org X`
  // sets the parent's --org): the subcommands read either.
  const parentOrg = (cmd: Command): string | undefined => cmd.parent?.opts<{ org?: string }>().org;
  ratings
    .command('figures')
    .description('分类定级、示范创建和软弱涣散整顿统计指标')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .requiredOption('--period <统计期>', '2026、2026H1、2026Q3 或 2026-03')
    .action(async (opts: { org?: string; period: string }, cmd: Command) => {
      const g = globals();
      const q = parseInput(ratingFiguresQuery, { org: opts.org ?? parentOrg(cmd), period: opts.period }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const f = await ratingFigures(ctx, { orgCode: q.org, period: q.period });
        if (g.json) return printJson(f);
        printFigures(f, '定级和整顿统计');
      });
    });
  ratings
    .command('breakdown')
    .description('某年度按方案、等次统计的已评定组织数')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--year <年度>', '评定年度（必填）')
    .action(async (opts: { org?: string; year?: string }, cmd: Command) => {
      const g = globals();
      const year = opts.year ?? cmd.parent?.opts<{ year?: string }>().year;
      const q = parseInput(ratingBreakdownQuery, { org: opts.org ?? parentOrg(cmd), year }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const b = await ratingBreakdown(ctx, { orgCode: q.org, year: q.year });
        if (g.json) return printJson(b);
        println(`${b.org?.name ?? '全部组织'} ${b.year}年评定等次统计`);
        for (const s of b.schemes) {
          println(`${s.name}：${s.grades.map((x) => `${x.grade}${x.count}个`).join('，') || '无'}；已评定${s.decided}个，待评定${s.pending}个`);
        }
      });
    });

  program
    .command('weak-orgs')
    .description('查询软弱涣散党组织整顿记录（组织含下级），新的在前')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--year <年度>', '年度')
    .option('--status <状态>', WEAK_CASE_STATUSES.join('、'))
    .option('--source <来源>', WEAK_CASE_SOURCES.join('、'))
    .option('--limit <条数>', '最多列出的条数（1–1000）', '50')
    .option('--offset <条数>', '跳过的条数', '0')
    .action(async (opts: Record<string, string | undefined>) => {
      const g = globals();
      const q = parseInput(weakCaseListQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const page = await findWeakCases(ctx, q);
        if (g.json) return printJson(page);
        println(weakTable(page.items));
        println(`共${page.total}条`);
      });
    });

  const weak = program.command('weak-org').description('软弱涣散整顿：列入排查、认定并填报整顿方案、不予认定、销号、查看');
  weak
    .command('open')
    .description('列入软弱涣散排查（待研判）')
    .requiredOption('--org <代码>', '组织代码')
    .requiredOption('--year <年度>', '年度')
    .option('--source <来源>', WEAK_CASE_SOURCES.join('、'), '上级认定')
    .requiredOption('--reason <情形>', '认定情形，可多次给出；“代码:说明”或直接写说明', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--on <日期>', '列入日期（默认今天）')
    .option('--note <备注>', '备注')
    .action(async (opts: { org: string; year: string; source: string; reason: string[]; on?: string; note?: string }) => {
      const g = globals();
      const input = parseInput(
        weakCaseInput,
        { orgCode: opts.org, year: opts.year, source: opts.source, reasons: reasonsOf(opts.reason), flaggedOn: opts.on, note: opts.note },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const w = await openWeakCase(ctx, input);
        if (g.json) return printJson(w);
        println(`已列入软弱涣散排查，整顿记录 ${w.id}：${w.orgName}${w.year}年（${w.source}），待研判`);
      });
    });
  weak
    .command('plan')
    .description('认定并填报整顿方案（待研判→整顿中，仅上级党组织）；整顿中时修改方案、责任人、期限')
    .argument('<编号>', '整顿记录编号')
    .option('--plan <方案>', '整顿方案')
    .option('--leader <姓名>', '整顿责任人')
    .option('--deadline <日期>', '整顿期限（YYYY-MM-DD）')
    .option('--note <备注>', '备注')
    .action(async (id: string, opts: { plan?: string; leader?: string; deadline?: string; note?: string }) => {
      const g = globals();
      const caseId = recordIdOf(id, 'id', '整顿记录编号');
      const input = parseInput(weakCaseStep, { step: 'plan', plan: opts.plan, leaderName: opts.leader, deadline: opts.deadline, note: opts.note }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const w = await stepWeakCase(ctx, caseId, input);
        if (g.json) return printJson(w);
        println(`整顿记录 ${w.id}：${w.orgName}整顿中，责任人${w.leaderName}，期限${w.deadline}`);
      });
    });
  weak
    .command('dismiss')
    .description('不予认定（待研判→不予认定，仅上级党组织，须说明理由）')
    .argument('<编号>', '整顿记录编号')
    .requiredOption('--note <理由>', '不予认定的理由')
    .action(async (id: string, opts: { note: string }) => {
      const g = globals();
      const caseId = recordIdOf(id, 'id', '整顿记录编号');
      const input = parseInput(weakCaseStep, { step: 'dismiss', note: opts.note }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const w = await stepWeakCase(ctx, caseId, input);
        if (g.json) return printJson(w);
        println(`整顿记录 ${w.id}：${w.orgName}不予认定`);
      });
    });
  weak
    .command('close')
    .description('销号（整顿中→已销号，仅上级党组织）')
    .argument('<编号>', '整顿记录编号')
    .option('--on <日期>', '销号日期（默认今天）')
    .option('--note <备注>', '备注')
    .action(async (id: string, opts: { on?: string; note?: string }) => {
      const g = globals();
      const caseId = recordIdOf(id, 'id', '整顿记录编号');
      const input = parseInput(weakCaseStep, { step: 'close', closedOn: opts.on, note: opts.note }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const w = await stepWeakCase(ctx, caseId, input);
        if (g.json) return printJson(w);
        println(`整顿记录 ${w.id}：${w.orgName}已于${w.closedOn}销号`);
      });
    });
  weak
    .command('show')
    .description('查看一条整顿记录')
    .argument('<编号>', '整顿记录编号')
    .action(async (id: string) => {
      const g = globals();
      const caseId = recordIdOf(id, 'id', '整顿记录编号');
      await withSession(g, async ({ ctx }) => {
        const w = await getWeakCase(ctx, caseId);
        if (g.json) return printJson(w);
        println(weakTable([w]));
        if (w.plan) println(`整顿方案：${w.plan}`);
        if (w.note) println(`备注：${w.note}`);
      });
    });

  const designations = program
    .command('designations')
    .description('示范创建命名（示范党支部、最强党支部、党建示范村、标准化规范化达标等）：查询；子命令 add、revoke')
    .option('--org <代码>', '组织代码；不填则为可见的全部组织')
    .option('--kind <类别>', DESIGNATION_KINDS.join('、'))
    .option('--action <方式>', DESIGNATION_ACTIONS.join('、'))
    .option('--level <级别>', LEVELS.join('、'))
    .option('--from <日期>', '命名日期起')
    .option('--to <日期>', '命名日期止')
    .option('--limit <条数>', '最多列出的条数（1–1000）', '50')
    .option('--offset <条数>', '跳过的条数', '0')
    .action(async (opts: Record<string, string | undefined>) => {
      const g = globals();
      const q = parseInput(designationListQuery, opts, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const page = await findDesignations(ctx, q);
        if (g.json) return printJson(page);
        println(designationTable(page.items));
        println(`共${page.total}条`);
      });
    });
  designations
    .command('add')
    .description('登记命名')
    .option('--org <代码>', '组织代码（必填）')
    .requiredOption('--title <称号>', '命名称号，如 县级示范党支部')
    .option('--kind <类别>', `（必填）${DESIGNATION_KINDS.join('、')}`)
    .option('--action <方式>', `${DESIGNATION_ACTIONS.join('、')}（默认命名）`)
    .option('--level <级别>', `（必填）${LEVELS.join('、')}`)
    .requiredOption('--on <日期>', '命名日期（YYYY-MM-DD）')
    .option('--note <备注>', '备注')
    .action(async (opts: { org?: string; title: string; kind?: string; action?: string; level?: string; on: string; note?: string }, cmd: Command) => {
      const g = globals();
      const parent = cmd.parent!.opts<{ org?: string; kind?: string; action?: string; level?: string }>();
      const input = parseInput(
        designationInput,
        {
          orgCode: opts.org ?? parent.org,
          title: opts.title,
          kind: opts.kind ?? parent.kind,
          action: opts.action ?? parent.action ?? '命名',
          level: opts.level ?? parent.level,
          designatedOn: opts.on,
          note: opts.note,
        },
        CLI_LABELS,
      );
      await withSession(g, async ({ ctx }) => {
        const d = await recordDesignation(ctx, input);
        if (g.json) return printJson(d);
        println(`已登记命名记录 ${d.id}：${d.orgName} ${d.designatedOn} ${d.action}“${d.title}”（${d.kind}，${d.level}）`);
      });
    });
  designations
    .command('revoke')
    .description('撤销命名（记录保留）')
    .argument('<编号>', '命名记录编号')
    .requiredOption('--on <日期>', '撤销日期（YYYY-MM-DD）')
    .option('--reason <原因>', '撤销原因')
    .action(async (id: string, opts: { on: string; reason?: string }) => {
      const g = globals();
      const designationId = recordIdOf(id, 'id', '命名记录编号');
      const input = parseInput(designationRevokeInput, { revokedOn: opts.on, reason: opts.reason }, CLI_LABELS);
      await withSession(g, async ({ ctx }) => {
        const d = await revokeDesignation(ctx, designationId, input);
        if (g.json) return printJson(d);
        println(`已撤销命名记录 ${d.id}：${d.orgName}“${d.title}”，撤销日期${d.revokedOn}`);
      });
    });
}
