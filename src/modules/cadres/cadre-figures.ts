/**
 * The cadre figures of an organization's subtree for a reporting period (catalog ids of
 * ../shared/indicators/seed-indicator-ids.jsonl, source_record `cadre`), from the cadre events dated in the period,
 * in one query (plus the organization's lookup).
 *
 * Decisions, stated once (repeated in each figure's computation text):
 * - Persons are distinct members (by member record), and distinct names within an organization for people recorded
 *   by name; figures in 人次 count records.
 * - Subkinds are matched exactly (SUGGESTED_CADRE_SUBKINDS in cadres.schema.ts lists those read here).
 * - 后备干部 with subkind 县管干部推荐 is a recommendation for a county-managed post (cadres_recommended), not an
 *   entry in the village reserve register (reserve_cadres).
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { percent, type Figure, type FigureSet } from '../../shared/figures.js';
import { parsePeriod } from '../../shared/period.js';
import { rootOf } from '../dues/dues-ledger.js';
import { subtreeUpperBound } from '../orgs/tree.js';

interface Row {
  id: number;
  org_id: number;
  membership_id: number | null;
  person_name: string;
  kind: string;
  subkind: string | null;
  frontline: number;
  batch: string | null;
}

const ADJUSTMENT_KINDS = ['调整', '提拔', '职级晋升'];
const RECOMMENDED = '县管干部推荐';
const MEDICAL_AID = '医疗专家帮扶';

export async function cadreFigures(ctx: Ctx, q: { orgCode?: string | undefined; period: string }): Promise<FigureSet> {
  const period = parsePeriod(q.period);
  const { root, org } = await rootOf(ctx, q.orgCode);
  const rows: Row[] = await ctx.db
    .selectFrom('cadre_events as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.org_id', 'c.membership_id', 'c.person_name', 'c.kind', 'c.subkind', 'c.frontline', 'c.batch'])
    .where(root === null ? sql<boolean>`1 = 1` : sql<boolean>`o.path >= ${root} and o.path < ${subtreeUpperBound(root)}`)
    .where('c.happened_on', '>=', period.start)
    .where('c.happened_on', '<=', period.end)
    .orderBy('c.id')
    .execute();

  const person = (r: Row) => (r.membership_id !== null ? `m${r.membership_id}` : `n${r.org_id}:${r.person_name}`);
  const of = (kinds: string[], subkinds?: string[], also: (r: Row) => boolean = () => true) =>
    rows.filter((r) => kinds.includes(r.kind) && (subkinds === undefined || (r.subkind !== null && subkinds.includes(r.subkind))) && also(r));
  const persons = (id: string, label: string, unit: string, list: Row[], computation: string): Figure => ({
    id,
    label,
    unit,
    value: new Set(list.map(person)).size,
    computation: `${computation}，按人去重`,
    evidence: { table: 'cadre_events', ids: list.map((r) => r.id) },
  });
  const records = (id: string, label: string, unit: string, list: Row[], computation: string): Figure => ({
    id,
    label,
    unit,
    value: list.length,
    computation: `${computation}，按记录条数`,
    evidence: { table: 'cadre_events', ids: list.map((r) => r.id) },
  });
  const batches = (id: string, label: string, list: Row[], computation: string): Figure => ({
    id,
    label,
    unit: '批次',
    value: new Set(list.filter((r) => r.batch !== null).map((r) => r.batch)).size,
    computation: `${computation}（批次相同的记为一批，未填批次的不计）`,
    evidence: { table: 'cadre_events', ids: list.filter((r) => r.batch !== null).map((r) => r.id) },
  });

  const adjusted = of(ADJUSTMENT_KINDS);
  const promoted = of(['提拔']);
  const frontline = promoted.filter((r) => r.frontline === 1);
  const dispatched = of(['选派'], undefined, (r) => r.subkind !== MEDICAL_AID);
  const figures: Figure[] = [
    records('cadres_adjusted', '调整干部', '人', adjusted, '期内调整、提拔、职级晋升的记录'),
    batches('cadre_adjustment_batches', '干部调整批次', adjusted, '期内调整、提拔、职级晋升记录的不同批次数（如常委会、部务会）'),
    persons('cadres_promoted_from_frontline', '从基层一线提拔干部', '名', frontline, '期内提拔且来自基层一线的干部'),
    {
      id: 'cadre_promotions_grassroots_share',
      label: '提拔干部中基层一线干部占比',
      unit: '%',
      value: percent(frontline.length, promoted.length),
      computation: '期内来自基层一线的提拔记录 / 期内全部提拔记录 ×100',
      evidence: { table: 'cadre_events', ids: frontline.map((r) => r.id) },
    },
    persons('civil_servants_recruited', '招录公务员（含选调生）', '名', of(['招录'], ['公务员', '选调生']), '期内具体类别为公务员、选调生的招录'),
    persons('public_institution_staff_recruited', '事业单位招聘', '人', of(['招录'], ['事业单位']), '期内具体类别为事业单位的招录'),
    persons('teachers_medical_recruited', '招聘急需紧缺教师和医务人员', '人', of(['招录'], ['教师', '医务人员']), '期内具体类别为教师、医务人员的招录'),
    persons('transferred_staff_selected', '公开调任入选', '名', of(['招录'], ['公开调任']), '期内具体类别为公开调任的招录'),
    persons('talents_introduced_masters', '引进硕士研究生', '名', of(['引进人才'], ['硕士研究生']), '期内具体类别为硕士研究生的人才引进'),
    persons('talents_introduced_education', '引进“组团式”教育人才', '人', of(['引进人才'], ['教育人才']), '期内具体类别为教育人才的人才引进'),
    persons('talents_introduced_medical', '引进“组团式”医疗人才', '人', of(['引进人才'], ['医疗人才']), '期内具体类别为医疗人才的人才引进'),
    persons('reserve_cadres', '新增后备干部', '人', of(['后备干部'], undefined, (r) => r.subkind !== RECOMMENDED), `期内列入后备干部台账（具体类别为${RECOMMENDED}的除外）`),
    persons('cadres_recommended', '推荐县管干部', '名', of(['后备干部', '调整', '提拔'], [RECOMMENDED]), `期内具体类别为${RECOMMENDED}的记录`),
    persons('young_cadre_pool_members', '优秀年轻干部入库', '名', of(['年轻干部入库']), '期内新入优秀年轻干部库'),
    persons('mid_level_cadres_selected', '选拔中层干部', '名', of(['调整', '提拔'], ['中层干部']), '期内具体类别为中层干部的调整、提拔'),
    persons('staff_grade_promotions', '事业单位职员等级晋升', '人', of(['职级晋升'], ['事业单位职员']), '期内具体类别为事业单位职员的职级晋升'),
    records('cadre_reminder_talks', '干部监督提醒谈话', '人次', of(['提醒谈话']), '期内提醒谈话'),
    persons('admonishments', '诫勉', '人', of(['诫勉']), '期内诫勉'),
    persons('cadres_ordered_self_review', '责令检查', '人', of(['责令检查']), '期内责令检查'),
    persons('experts_dispatched', '选派专家人才服务基层', '人', dispatched, `期内选派（具体类别为${MEDICAL_AID}的除外）`),
    batches('experts_dispatched_batches', '专家人才选派批次', dispatched, `期内选派（${MEDICAL_AID}除外）的不同批次数`),
    persons('medical_experts_assigned', '医疗专家帮扶', '名', of(['选派'], [MEDICAL_AID]), `期内具体类别为${MEDICAL_AID}的选派`),
  ];
  return { org, period, figures };
}
