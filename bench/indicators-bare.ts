/**
 * The bare SQL that computes the same numbers as the indicator families (src/modules/figures/ledger-figures.ts), written
 * by hand as plain grouped SQL and run on the raw driver: what `npm run bench` sets computeIndicators() against
 * (issue 7: every indicator of a report for the demo county within 1.5× the bare SQL).
 *
 * One grouped query per record family where possible, returning the numbers (never the ids behind them); a family
 * that needs several (distinct persons over two tables, a ratio's denominator, a minimum over groups) has the fewest
 * that do. Ratios are divided in JS from the two numbers, with the same rounding as `percent`. Calendar data that
 * depends only on the period (the months of the dues ledger, the disclosure periods due) and the configuration (the
 * top grade of each star scheme, the province's fixed dues) are passed in as VALUES or parameters, not read from data.
 * The hand-entered family (manual) computes nothing and is left out on both sides.
 *
 * Parameters are written :name; sqliteBare() and pgBare() bind them for their engine.
 * Run alone (iterating): `node --import tsx bench/indicators-bare.ts <demo.db copy> [postgres schema holding a demo]`.
 */
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Ctx } from '../src/context.js';
import { openDatabase } from '../src/db/database.js';
import { computeIndicators } from '../src/indicators/registry.js';
import { COMPUTED_INDICATORS } from '../src/indicators/computed-ids.js';
import { LEDGERS, type Ledger } from '../src/modules/figures/ledger-figures.js';
import { SYSTEM_ACTOR } from '../src/modules/access/actor.js';
import { getOrgRow } from '../src/modules/orgs/find-orgs.js';
import { subtreeUpperBound } from '../src/modules/orgs/tree.js';
import { addMonth, monthList, monthOf, quarterOf } from '../src/modules/dues/dues-months.js';
import { loadFixedAmounts } from '../src/modules/dues/dues-settings.js';
import { schemesByCode } from '../src/modules/ratings/rating-schemes.js';
import { CADENCE_EVERY, pathsUpTo } from '../src/modules/disclosures/disclosure-rules.js';
import { DISCLOSURE_GRACE_DAYS } from '../src/modules/disclosures/disclosures.schema.js';
import { generateReport } from '../src/reports/generate-report.js';
import { systemClock } from '../src/shared/clock.js';
import { addDays } from '../src/shared/dates.js';
import { percent } from '../src/shared/figures.js';
import { plainVault } from '../src/shared/id-vault.js';
import { parsePeriod, unitsEndingIn, type Period } from '../src/shared/period.js';

type Params = Record<string, string | number | null>;
type Row = Record<string, unknown>;

export interface BareDb {
  all(text: string, params: Params): Promise<Row[]>;
  close(): Promise<void>;
}

const NAME = /:([a-zA-Z_][a-zA-Z0-9_]*)/g;
const namesIn = (text: string) => [...new Set([...text.matchAll(NAME)].map((m) => m[1]!))];

export function sqliteBare(file: string): BareDb {
  const db = new SQLite(file, { readonly: true });
  const stmts = new Map<string, { stmt: SQLite.Statement; names: string[] }>();
  return {
    all: async (text, params) => {
      let s = stmts.get(text);
      if (!s) stmts.set(text, (s = { stmt: db.prepare(text.replace(NAME, '@$1')), names: namesIn(text) }));
      return s.stmt.all(Object.fromEntries(s.names.map((n) => [n, params[n]]))) as Row[];
    },
    close: async () => {
      db.close();
    },
  };
}

export function pgBare(url: string, schema: string): BareDb {
  const pool = new pg.Pool({ connectionString: url, max: 1, options: `-c search_path=${schema}` });
  const texts = new Map<string, { text: string; names: string[] }>();
  return {
    all: async (text, params) => {
      let t = texts.get(text);
      if (!t) {
        const names = namesIn(text);
        texts.set(text, (t = { text: text.replace(NAME, (_, n: string) => `$${names.indexOf(n) + 1}`), names }));
      }
      return (await pool.query(t.text, t.names.map((n) => params[n]))).rows as Row[];
    },
    close: () => pool.end(),
  };
}

/** Everything the bare SQL needs about the scope and period, worked out once (outside the timing). */
export interface BareScope {
  period: Period;
  params: Params;
  /** The months of the dues ledger read (the span and the arrears look-back), with each one's quarter. */
  duesMonths: { month: string; qs: string; qe: string }[];
  /** The periods of periodic disclosure items judged in the period: cadence, label, due date. */
  disclosureUnits: { cadence: string; label: string; due: string }[];
  /** The top grade of each star rating scheme (null when it has none). */
  starTops: { code: string; grade: string | null }[];
  /** The root and its ancestors (disclosure items defined above the root apply to it). */
  ancestors: string[];
}

export async function bareScope(ctx: Ctx, orgCode: string, period: Period): Promise<BareScope> {
  const root = (await getOrgRow(ctx, orgCode)).path;
  const today = ctx.clock.today();
  const asOf = period.end < today ? period.end : today;
  // Dues: as duesFiguresWithMembers works out its months.
  const from = period.start.slice(0, 7);
  const to = period.end.slice(0, 7);
  const current = monthOf(today);
  const through = to < current ? to : current;
  const arrearsEnd = to < current ? to : addMonth(current, -1);
  const lookFrom = addMonth(arrearsEnd, -11);
  const loadedFrom = lookFrom < from ? lookFrom : from;
  const fixed = await loadFixedAmounts(ctx);
  const duesMonths = monthList(loadedFrom, to).map((month) => {
    const [qs, qe] = quarterOf(month);
    return { month, qs, qe };
  });
  const disclosureUnits: BareScope['disclosureUnits'] = [];
  for (const [cadence, every] of Object.entries(CADENCE_EVERY)) {
    if (every === null) continue;
    for (const u of unitsEndingIn(every, addDays(period.start, -DISCLOSURE_GRACE_DAYS), addDays(period.end, -DISCLOSURE_GRACE_DAYS))) {
      const due = addDays(u.end, DISCLOSURE_GRACE_DAYS);
      if (due < today) disclosureUnits.push({ cadence, label: u.label, due });
    }
  }
  const starTops = [...(await schemesByCode(ctx)).values()]
    .filter((s) => s.kind === '星级')
    .map((s) => ({ code: s.code, grade: s.config.bands[0]?.grade ?? null }));
  const ancestors = pathsUpTo(root);
  return {
    period,
    params: {
      root,
      upper: subtreeUpperBound(root),
      start: period.start,
      end: period.end,
      asOf,
      yearStart: `${period.start.slice(0, 4)}-01-01`,
      year: Number(period.start.slice(0, 4)),
      from,
      through,
      current,
      arrearsEnd,
      farmer: fixed.farmerFen,
      hardship: fixed.hardshipFen,
      ...Object.fromEntries(ancestors.map((p, i) => [`a${i}`, p])),
    },
    duesMonths,
    disclosureUnits,
    starTops,
    ancestors,
  };
}

// ——— SQL fragments ———

const SUB = (alias: string) => `${alias}.path >= :root and ${alias}.path < :upper`;
const IN_PERIOD = (col: string) => `${col} >= :start and ${col} <= :end`;
const n = (x: unknown): number => (x === null || x === undefined ? 0 : Number(x));
const nullable = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));
const oneDecimal = (x: number) => Math.round(x * 10) / 10;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const list = (xs: readonly string[]) => `(${xs.map(lit).join(', ')})`;
const count = (cond: string) => `sum(case when ${cond} then 1 else 0 end)`;
/** A person: the member, or the name within the recording organization. */
const PERSON = (a: string, name: string) =>
  `case when ${a}.membership_id is not null then 'm' || cast(${a}.membership_id as text) else 'n' || cast(${a}.org_id as text) || ':' || ${a}.${name} end`;
/** The numbers of the one row a grouped query returns, by column. */
const numbers = (row: Row | undefined) => Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, n(v)]));

type Values = Record<string, number | null>;
type BareFamily = (db: BareDb, s: BareScope) => Promise<Values>;

// ——— orgs ———
const LOCAL = list(['农村', '社区']);
const BASIC = `o.kind in ${list(['党委', '党总支', '党支部', '联合党支部'])} and o.parent_id is not null`;
const PARENT_TOWNSHIP = `o.depth >= 2 and coalesce(p.kind, '') in ('党委', '党工委') and coalesce(p.sector, '') in ${LOCAL} and coalesce(g.sector, '') not in ${LOCAL}`;
const VILLAGE = `${BASIC} and o.sector in ${LOCAL} and ${PARENT_TOWNSHIP}`;
const ORGS_SQL = `
  select
    ${count(BASIC)} as party_orgs_total,
    ${count(VILLAGE)} as village_orgs_total,
    ${count(`o.parent_id is not null and o.kind in ('党委', '党工委') and o.sector in ${LOCAL} and coalesce(p.sector, '') not in ${LOCAL}`)} as townships_in_scope,
    ${count(`o.depth = 2 and o.kind in ('党委', '党总支', '党支部') and o.sector in ${list(['机关', '事业单位', '国有企业', '学校'])}
             and coalesce(p.kind, '') in ('党委', '党工委') and not (${PARENT_TOWNSHIP})`)} as district_units_in_scope,
    ${count(`o.kind = '临时党支部' and ${IN_PERIOD('o.established_on')}`)} as temporary_branches_established,
    ${count(`${BASIC} and o.sector = '非公有制企业'`)} as nonpublic_party_orgs,
    ${count(`${BASIC} and o.sector = '非公有制企业' and o.kind <> '联合党支部'
             and not (coalesce(p.sector, '') = '非公有制企业' and coalesce(p.kind, '') in ('党委', '党总支'))`)} as nonpublic_enterprises_with_party_org,
    ${count(`${BASIC} and o.sector in ('非公有制企业', '社会组织') and ${IN_PERIOD('o.established_on')}`)} as two_new_party_orgs_established,
    ${count(`${VILLAGE} and o.sector = '农村' and ${IN_PERIOD('o.last_election_on')}`)} as org_elections_completed,
    ${count(`${BASIC} and ${IN_PERIOD('o.last_election_on')}`)} as party_org_elections_completed
  from organizations o
  left join organizations p on p.id = o.parent_id
  left join organizations g on g.id = p.parent_id
  where ${SUB('o')} and (o.established_on is null or o.established_on <= :end)`;

// ——— members ———
const MEMBERS_SQL = `
  select count(*) as members_total,
    ${count(`not (ms.status = '正式党员' and (ms.confirmed_on is null or ms.confirmed_on <= :end))`)} as probationary_members_total
  from memberships ms
  left join (
    select t.membership_id, t.from_org_id from member_transfers t
    where t.transferred_on > :end and not exists (
      select 1 from member_transfers t2
      where t2.membership_id = t.membership_id and t2.transferred_on > :end
        and (t2.transferred_on < t.transferred_on or (t2.transferred_on = t.transferred_on and t2.id < t.id)))
  ) ft on ft.membership_id = ms.id
  join organizations o on o.id = coalesce(ft.from_org_id, ms.org_id)
  where ${SUB('o')} and ms.joined_on <= :end and (ms.entry_on is null or ms.entry_on <= :end)
    and (ms.left_on is null or ms.left_on > :end)`;

// ——— development ———
const DEVELOPMENT_SQL = `
  select
    ${count(IN_PERIOD('d.activist_on'))} as new_activists,
    ${count(IN_PERIOD('d.approved_on'))} as new_probationary_members,
    ${count(IN_PERIOD('d.conversion_approved_on'))} as probationary_members_confirmed,
    ${count(`d.activist_on <= :end and (d.candidate_on is null or d.candidate_on > :end) and (d.approved_on is null or d.approved_on > :end)`)} as activists_total,
    (select count(*) from memberships ms join organizations mo on mo.id = ms.org_id
     where ${SUB('mo')} and ms.leave_reason = '取消预备党员资格' and ${IN_PERIOD('ms.left_on')}) as probationary_status_cancelled
  from development_records d join organizations o on o.id = d.org_id
  where ${SUB('o')}`;

// ——— meetings ———
const LIKE_ANY = (col: string, words: string[]) => `(${words.map((w) => `${col} like ${lit(`%${w}%`)}`).join(' or ')})`;
const JOINT = `(${LIKE_ANY('mt.topic', ['联席会', '会商会'])} and ${LIKE_ANY('mt.topic', ['意识形态', '舆情'])})`;
const MEETINGS_SQL = `
  select
    ${count(`mt.kind = '支委会'`)} as branch_committee_meetings,
    ${count(`mt.kind = '支部党员大会'`)} as general_member_meetings,
    ${count(`mt.kind = '党课'`)} as party_lectures,
    ${count(`mt.kind = '主题党日'`)} as theme_party_days,
    ${count(`mt.kind = '民主生活会'`)} as democratic_life_meetings,
    ${count(`mt.kind = '党委会' and ${LIKE_ANY('mt.topic', ['党建', '党的建设', '组织工作', '从严治党', '基层组织建设', '党员队伍建设'])}`)} as committee_party_building_meetings,
    ${count(`mt.kind = '党委会' and mt.topic like '%意识形态%' and not ${JOINT}`)} as ideology_special_meetings,
    ${count(JOINT)} as ideology_joint_meetings,
    ${count(`mt.kind = '党委会' and mt.topic like '%人才%'`)} as talent_work_meetings,
    ${count(`mt.topic like '%三重一大%'`)} as major_decision_meetings_supervised,
    sum(case when mt.kind in ('主题党日', '其他') and not ${JOINT} then mt.attended_count else 0 end) as activity_participant_times
  from meetings mt join organizations o on o.id = mt.org_id
  where ${SUB('o')} and ${IN_PERIOD('mt.held_on')}`;

// ——— dues ———
/** Each member-month on the roll from the look-back to the period's end, with what was due and its status. */
export function duesSql(s: BareScope): string {
  const grid = s.duesMonths.map((m) => `(${lit(m.month)}, ${lit(m.qs)}, ${lit(m.qe)})`).join(', ');
  const covering = (a: string, kinds: string) =>
    `${a}.membership_id = c.id and ${a}.kind in ${kinds} and ${a}.from_month <= c.month and (${a}.to_month is null or ${a}.to_month >= c.month)`;
  return `
  with g(month, qs, qe) as (values ${grid}),
  c as (
    select m.id, g.month, g.qs, g.qe, pay.due_fen as pay_due, pay.paid_fen, pay.paid_on
    from memberships m
    join organizations o on o.id = m.org_id
    join g on g.month >= substr(m.joined_on, 1, 7) and (m.left_on is null or g.month < substr(m.left_on, 1, 7))
    left join dues_payments pay on pay.membership_id = m.id and pay.month = g.month
    where ${SUB('o')} and o.kind <> '临时党支部'
  ),
  bases as (
    select b.membership_id, b.from_month, b.category, coalesce(b.base_fen, 0) as base_fen,
      lead(b.from_month) over (partition by b.membership_id order by b.from_month) as next_month
    from dues_bases b
  ),
  d as (
    select c.*,
      case when c.paid_on is not null then c.pay_due
           when b.membership_id is null then null
           when rel.kind = '免交' then 0
           when rel.monthly_fen is not null then rel.monthly_fen
           when b.category = '在职' then round(b.base_fen * (case when b.base_fen <= 300000 then 50 when b.base_fen <= 500000 then 100
                                                               when b.base_fen <= 1000000 then 150 else 200 end) / 10000.0)
           when b.category = '离退休' then round(b.base_fen * (case when b.base_fen <= 500000 then 50 else 100 end) / 10000.0)
           when b.category = '农民' then :farmer else :hardship end as due,
      case when qa.membership_id is null then 0 else 1 end as quarterly
    from c
    left join bases b on b.membership_id = c.id and b.from_month <= c.month and (b.next_month is null or b.next_month > c.month)
    -- Approved reliefs do not overlap (checkApproval), nor do quarterly arrangements: at most one of each covers a month.
    left join dues_approvals rel on ${covering('rel', "('免交', '减交')")}
    left join dues_approvals qa on ${covering('qa', "('按季交纳')")}
  ),
  e as (
    select d.*,
      case when d.paid_on is null and d.due is not null and d.due <> 0
                and (case when d.quarterly = 1 then d.qs else d.month end) <= :current then 1 else 0 end as unpaid
    from d
  ),
  runs as (
    select e.id, max(case when e.month <= :arrearsEnd and e.unpaid = 0 then e.month end) as last_break
    from e group by e.id having max(case when e.month = :arrearsEnd then 1 else 0 end) = 1
  )
  select
    sum(case when e.month >= :from and e.month <= :through then coalesce(e.paid_fen, 0) else 0 end) as paid_fen,
    sum(case when e.month >= :from and e.month <= :through and e.due > 0 then e.due else 0 end) as due_fen,
    ${count(`e.month >= :from and e.month <= :through and e.due > 0`)} as due_months,
    ${count(`e.month >= :from and e.month <= :through and e.due > 0 and e.paid_on is not null`)} as paid_months,
    count(distinct case when e.month >= :from and e.month <= :through and e.due is null then e.id end) as without_base,
    (select count(*) from (
       select e2.id from e e2 join runs r on r.id = e2.id
       where e2.month <= :arrearsEnd and (r.last_break is null or e2.month > r.last_break) and e2.unpaid = 1
         and (case when e2.quarterly = 1 then e2.qe else e2.month end) < :current
       group by e2.id having count(*) >= 3) x) as in_arrears
  from e`;
}

const bareDues: BareFamily = async (db, s) => {
  const r = numbers((await db.all(duesSql(s), s.params))[0]);
  return {
    dues_due_total: Math.round(r.due_fen!) / 100,
    dues_paid_total: Math.round(r.paid_fen!) / 100,
    dues_payment_rate: percent(r.paid_months!, r.due_months!),
    dues_members_in_arrears: r.in_arrears!,
    dues_members_without_base: r.without_base!,
  };
};

// ——— study ———
const PARTICIPANTS = `(case when coalesce(c.n, 0) > 0 then c.n else coalesce(t.audience_count, 0) end)`;
const VILLAGE_AUDIENCE = `t.audience in ('村（社区）“两委”成员', '村（社区）党组织书记')`;
const STUDY_TRAININGS_SQL = `
  select count(*) as trainings_held,
    sum(${PARTICIPANTS}) as training_participant_times,
    ${count(VILLAGE_AUDIENCE)} as village_cadre_training_sessions,
    ${count(`${VILLAGE_AUDIENCE} and t.kind = '培训班'`)} as village_cadre_training_classes,
    ${count(`t.audience = '新任干部'`)} as cadre_training_classes,
    sum(case when t.audience = '新任干部' then ${PARTICIPANTS} else 0 end) as cadre_training_participant_times,
    ${count(`t.kind = '理论宣讲'`)} as theory_outreach_sessions,
    sum(case when t.kind = '理论宣讲' then ${PARTICIPANTS} else 0 end) as theory_outreach_audience,
    ${count(`t.kind = '警示教育'`)} as warning_education_sessions,
    ${count(`t.kind = '现场教学'`)} as onsite_lectures,
    ${count(`t.kind = '大讲堂'`)} as lecture_series_sessions,
    ${count(`t.kind = '以考促学'`)} as study_exams_held,
    sum(case when t.kind = '初任培训' then coalesce(c.done, 0) else 0 end) as initial_training_completed,
    ${count(`t.subject like '%乡村振兴%'`)} as rural_revitalization_trainings
  from trainings t join organizations o on o.id = t.org_id
  left join (select a.training_id, count(*) as n, sum(case when a.completed = 1 then 1 else 0 end) as done
             from training_attendance a group by a.training_id) c on c.training_id = t.id
  where ${SUB('o')} and ${IN_PERIOD('t.start_on')}`;
const STUDY_MEETINGS_SQL = `
  select count(*) as central_group_study_sessions, sum(mt.attended_count) as central_group_study_attendance,
    ${count(`mt.topic like '%研讨%'`)} as central_group_seminars
  from meetings mt join organizations o on o.id = mt.org_id
  where ${SUB('o')} and mt.kind = '理论学习中心组学习' and ${IN_PERIOD('mt.held_on')}`;
const STUDY_MEMBERS_SQL = `
  select count(*) as members, ${count('f.attended > 0')} as attended, sum(f.conc_period) as conc_period, sum(f.points) as points,
    ${count(`(f.leader = 1 and (f.conc_year < ${56 * 60} or f.trainings_year < 1)) or (f.leader = 0 and f.conc_year < ${32 * 60})`)} as below
  from (
    select ms.id, case when ms.party_post in ('书记', '副书记', '委员') then 1 else 0 end as leader,
      sum(case when x.src = 1 and x.d >= :start then 1 else 0 end) as attended,
      sum(case when x.conc = 1 and x.d >= :start then x.minutes else 0 end) as conc_period,
      sum(case when x.conc = 1 and x.d <= :asOf then x.minutes else 0 end) as conc_year,
      sum(case when x.src = 1 and x.conc = 1 and x.completed = 1 and x.d <= :asOf then 1 else 0 end) as trainings_year,
      sum(case when x.d >= :start then x.points else 0 end) as points
    from memberships ms
    join organizations o on o.id = ms.org_id
    left join (
      select a.membership_id, 1 as src, t.start_on as d, a.minutes, t.concentrated as conc, a.completed, 0 as points
      from training_attendance a join trainings t on t.id = a.training_id
      where t.start_on >= :yearStart and t.start_on <= :end
      union all
      select s.membership_id, 2 as src, s.studied_on as d, s.minutes,
        case when s.kind in ('集中学习', '网络培训', '专题讲座') then 1 else 0 end as conc, 0 as completed, s.points
      from study_records s where s.studied_on >= :yearStart and s.studied_on <= :end
    ) x on x.membership_id = ms.id
    where ${SUB('o')} and ms.joined_on <= :end and (ms.left_on is null or ms.left_on > :end)
    group by ms.id, ms.party_post
  ) f`;

const bareStudy: BareFamily = async (db, s) => {
  const t = numbers((await db.all(STUDY_TRAININGS_SQL, s.params))[0]);
  const m = numbers((await db.all(STUDY_MEETINGS_SQL, s.params))[0]);
  const f = numbers((await db.all(STUDY_MEMBERS_SQL, s.params))[0]);
  const members = f.members!;
  return {
    ...t,
    ...m,
    training_coverage_rate: percent(f.attended!, members),
    training_hours_per_member: members === 0 ? null : oneDecimal(f.conc_period! / 60 / members),
    study_points_per_member: members === 0 ? null : oneDecimal(f.points! / members),
    members_below_training_hours: f.below!,
  };
};

// ——— service ———
const H = IN_PERIOD('s.happened_on');
const DONE = `s.status = '已办结' and ${IN_PERIOD('s.done_on')}`;
const SERVICE_OWN_SQL = `
  select
    ${count(`s.kind = '志愿服务' and ${H}`)} as volunteer_activities,
    sum(case when s.kind = '志愿服务' and ${H} then coalesce(s.minutes, 0) else 0 end) as volunteer_minutes,
    sum(case when s.kind = '志愿服务' and ${H} then coalesce(s.beneficiaries, 0) else 0 end) as volunteer_beneficiaries,
    ${count(`s.kind = '办实事' and ${DONE}`)} as services_for_people,
    ${count(`s.kind = '办实事' and (s.done_on is null or s.done_on > :end)`)} as services_in_progress,
    ${count(`s.kind = '社情民意' and ${H}`)} as public_opinion_items_collected,
    ${count(`s.kind = '矛盾纠纷化解' and ${DONE}`)} as disputes_resolved,
    ${count(`s.kind = '矛盾纠纷化解' and ${DONE} and trim(s.category) in ('集访', '劳资纠纷')`)} as collective_petitions_handled
  from service_records s join organizations o on o.id = s.org_id
  where ${SUB('o')} and s.happened_on <= :end and (s.happened_on >= :start or s.done_on >= :start or s.done_on is null)`;
const SERVICE_MEMBERS_SQL = `
  select count(distinct s.membership_id) as members_in_service,
    count(distinct case when ${SUB('mo')} and m.joined_on <= :end and (m.left_on is null or m.left_on > :end) then s.membership_id end) as serving_on_roll,
    (select count(*) from memberships m2 join organizations o2 on o2.id = m2.org_id
     where ${SUB('o2')} and m2.joined_on <= :end and (m2.left_on is null or m2.left_on > :end)) as roll
  from service_records s
  join organizations o on o.id = s.org_id
  join memberships m on m.id = s.membership_id
  join organizations mo on mo.id = m.org_id
  where ${H} and ((${SUB('o')}) or (${SUB('mo')}))`;
const SERVICE_OTHER_SQL = `
  select
    (select count(distinct r.membership_id) from community_reports r join organizations o on o.id = r.org_id
     left join organizations c on c.id = r.community_org_id
     where ${IN_PERIOD('r.reported_on')} and ((${SUB('o')}) or (${SUB('c')}))) as members_reporting_to_community,
    (select ${count(`t.kind in ('志愿服务队', '党员突击队')`)} from service_teams t join organizations o on o.id = t.org_id
     where ${SUB('o')} and ${IN_PERIOD('t.established_on')}) as volunteer_teams,
    (select ${count(`t.kind = '党员先锋岗'`)} from service_teams t join organizations o on o.id = t.org_id
     where ${SUB('o')} and ${IN_PERIOD('t.established_on')}) as vanguard_posts_established,
    (select ${count(`${IN_PERIOD('t.established_on')} and e.joined_on <= :end and (e.left_on is null or e.left_on > :end)`)}
     from service_team_members e join service_teams t on t.id = e.team_id join organizations o on o.id = t.org_id
     where ${SUB('o')} and t.kind in ('志愿服务队', '党员突击队')) as volunteer_team_members,
    (select ${count(`e.membership_id is not null`)} from service_team_members e join service_teams t on t.id = e.team_id
     join organizations o on o.id = t.org_id
     where ${SUB('o')} and t.kind = '志愿服务队' and ${IN_PERIOD('e.joined_on')}) as member_volunteers_recruited,
    (select ${count(`e.membership_id is null`)} from service_team_members e join service_teams t on t.id = e.team_id
     join organizations o on o.id = t.org_id
     where ${SUB('o')} and t.kind = '志愿服务队' and ${IN_PERIOD('e.joined_on')}) as public_volunteers_recruited`;

const bareService: BareFamily = async (db, s) => {
  const own = numbers((await db.all(SERVICE_OWN_SQL, s.params))[0]);
  const mem = numbers((await db.all(SERVICE_MEMBERS_SQL, s.params))[0]);
  const other = numbers((await db.all(SERVICE_OTHER_SQL, s.params))[0]);
  const { volunteer_minutes, ...rest } = own;
  return {
    ...rest,
    volunteer_service_hours: Math.round(volunteer_minutes! / 6) / 10,
    ...other,
    members_in_service: mem.members_in_service!,
    member_service_rate: percent(mem.serving_on_roll!, mem.roll!),
  };
};

// ——— honors ———
const HP = `h.awarded_on >= :start`;
const IND = (kind: string) => `h.recipient_kind = '个人' and h.kind = ${lit(kind)}`;
const COLL = (kind: string) => `h.recipient_kind = '集体' and h.kind = ${lit(kind)}`;
const distinctPerson = (cond: string) => `count(distinct case when ${cond} then ${PERSON('h', 'recipient_name')} end)`;
const HONORS_SQL = `
  select
    ${distinctPerson(`${HP} and ${IND('表彰')}`)} as honors_members,
    count(distinct case when ${HP} and ${COLL('表彰')} then h.recipient_org_id end) as honors_orgs,
    ${distinctPerson(`${HP} and ${IND('表彰')} and h.title like '%优秀党务工作者%'`)} as honors_party_workers,
    ${distinctPerson(`${HP} and ${IND('命名')} and h.level <> '本单位'`)} as honors_received_individual,
    ${count(`${HP} and ${IND('推荐')}`)} as honor_nominations_individual,
    ${count(`${HP} and ${COLL('推荐')}`)} as honor_nominations_collective,
    ${distinctPerson(`h.recipient_kind = '个人' and h.kind in ('表彰', '命名', '选树', '评选')`)} as honors_held,
    ${count(`${HP} and h.recipient_kind = '家庭' and h.kind = '选树'`)} as model_households_selected,
    ${distinctPerson(`${HP} and ${IND('选树')}`)} as model_persons_selected,
    ${count(`${HP} and ${IND('评选')}`)} as quarterly_stars,
    ${count(`${HP} and ${COLL('评选')}`)} as quarterly_excellent_units
  from honors h join organizations o on o.id = h.org_id
  where ${SUB('o')} and h.awarded_on <= :end and (h.revoked_on is null or h.revoked_on > :end)`;

// ——— donations ———
const DONATIONS_SQL = `
  select count(distinct d.membership_id) as donors, sum(d.amount_fen) as fen,
    (select count(*) from memberships m join organizations o2 on o2.id = m.org_id
     where ${SUB('o2')} and m.joined_on <= :end and (m.left_on is null or m.left_on > :end)) as roll
  from donations d join organizations o on o.id = d.org_id
  where ${SUB('o')} and ${IN_PERIOD('d.donated_on')}`;

const bareDonations: BareFamily = async (db, s) => {
  const r = numbers((await db.all(DONATIONS_SQL, s.params))[0]);
  return { member_donors: r.donors!, member_donation_rate: percent(r.donors!, r.roll!), member_donation_amount: r.fen! / 100 };
};

// ——— tasks ———
const IN_EFFECT = `t.start_on <= :end and t.deadline >= :start`;
const DONE_IN = `t.status = '已完成' and ${IN_PERIOD('t.completed_on')}`;
const LIVE_TASK = `${SUB('o')} and t.status <> '已取消'`;
const TASKS_SQL = `
  select
    ${count(`t.category = '书记项目' and ${IN_PERIOD('t.start_on')}`)} as secretary_projects,
    ${count(`t.category = '党建品牌项目' and ${IN_PERIOD('t.start_on')}`)} as party_brand_projects,
    count(distinct case when t.category = '包联支部' and ${IN_EFFECT} then t.org_id end) as contact_branches_assigned,
    count(distinct case when t.category = '包联支部' and ${IN_EFFECT} then t.owner_name end) as leaders_with_contact_branches,
    count(distinct case when t.category = '责任书签订' and ${DONE_IN} then t.org_id end) as responsibility_letters_signed,
    ${count(`t.category = '经济事项交接' and ${DONE_IN}`)} as units_economic_handover,
    count(distinct case when t.category = '文明创建' and ${DONE_IN} then t.org_id end) as civilized_village_creation_completed,
    ${count(`t.category = '人才工作' and ${IN_EFFECT}`)} as talent_group_duties,
    ${count(IN_PERIOD('t.deadline'))} as tasks_total,
    ${count(`${IN_PERIOD('t.deadline')} and t.status = '已完成' and t.completed_on <= :end`)} as tasks_completed,
    ${count(`${IN_PERIOD('t.deadline')} and t.status = '已完成' and t.completed_on <= :end and t.completed_on <= t.deadline`)} as tasks_completed_on_time,
    ${count(`t.deadline < :asOf and (t.completed_on is null or t.completed_on > :asOf)`)} as tasks_overdue
  from tasks t join organizations o on o.id = t.org_id
  where ${LIVE_TASK} and t.start_on <= :end and (t.deadline >= :start or t.completed_on is null or t.completed_on >= :start)`;
const VISIT = `t.category = '党建联系点' and e.kind = '进展'`;
const TASK_EVENTS_SQL = `
  select ${count(VISIT)} as leader_contact_point_visits,
    ${count(`t.category = '人才工作' and e.kind in ('督办', '催办')`)} as talent_work_dispatches,
    (select min(v) from (
       select u.owner_name, sum(u.v) as v from (
         select t.owner_name, 0 as v from tasks t join organizations o on o.id = t.org_id
         where ${LIVE_TASK} and t.category = '党建联系点' and ${IN_EFFECT}
         union all
         select t.owner_name, 1 as v from task_events e join tasks t on t.id = e.task_id join organizations o on o.id = t.org_id
         where ${LIVE_TASK} and ${VISIT} and ${IN_PERIOD('e.happened_on')}
       ) u group by u.owner_name) w) as leader_contact_point_visits_min
  from task_events e join tasks t on t.id = e.task_id join organizations o on o.id = t.org_id
  where ${LIVE_TASK} and ${IN_PERIOD('e.happened_on')}`;
const LIST_ITEMS_SQL = `
  select ${count(`l.kind = '主体责任清单'`)} as responsibility_list_items,
    sum(case when i.category = '“三治融合”试点村' then i.target_value end) as governance_pilot_villages,
    sum(case when i.category = '赴外参观学习' then i.target_value end) as secretaries_study_tour,
    ${count(`l.kind = '工作要点' and i.category = '党的制度建设'`)} as reform_points_party_institution
  from list_items i join responsibility_lists l on l.id = i.list_id join organizations o on o.id = l.org_id
  where ${SUB('o')} and l.year = :year`;

const bareTasks: BareFamily = async (db, s) => {
  const t = numbers((await db.all(TASKS_SQL, s.params))[0]);
  const e = (await db.all(TASK_EVENTS_SQL, s.params))[0] ?? {};
  const l = (await db.all(LIST_ITEMS_SQL, s.params))[0] ?? {};
  return {
    ...t,
    tasks_completion_rate: percent(t.tasks_completed!, t.tasks_total!),
    leader_contact_point_visits: n(e.leader_contact_point_visits),
    talent_work_dispatches: n(e.talent_work_dispatches),
    leader_contact_point_visits_min: nullable(e.leader_contact_point_visits_min),
    responsibility_list_items: n(l.responsibility_list_items),
    governance_pilot_villages: nullable(l.governance_pilot_villages),
    secretaries_study_tour: nullable(l.secretaries_study_tour),
    reform_points_party_institution: n(l.reform_points_party_institution),
  };
};

// ——— inspections ———
const ROUNDS_SQL = `
  select ${count(`i.kind = '巡察'`)} as inspection_rounds,
    sum(case when i.kind = '巡察' then coalesce(i.clues_transferred, 0) else 0 end) as inspection_clues_transferred,
    ${count(`i.kind in ('监督检查', '专项督查')`)} as supervision_checks,
    sum(coalesce(i.notices_issued, 0)) as supervision_notices_issued,
    ${count(`i.kind = '抽查'`)} as three_meetings_spot_checks,
    ${count(`i.kind = '调研督导'`)} as work_style_survey_rounds
  from inspections i join organizations o on o.id = i.org_id
  where ${SUB('o')} and ${IN_PERIOD('i.start_on')}`;
const TARGET = `case when t.target_org_id is not null then 'o' || cast(t.target_org_id as text)
  else 'n' || coalesce(t.unit_kind, 'null') || ':' || coalesce(t.unit_name, 'null') end`;
const TARGETS_SQL = `
  select count(distinct case when i.kind = '巡察' then ${TARGET} end) as inspection_units_covered,
    count(distinct case when i.kind = '巡察' and t.unit_kind = '村' then ${TARGET} end) as inspection_villages_covered,
    count(distinct case when i.kind = '实地督查' then ${TARGET} end) as orgs_supervised_onsite,
    count(distinct case when i.kind = '调研督导' then ${TARGET} end) as work_style_survey_units
  from inspections i join organizations o on o.id = i.org_id join inspection_targets t on t.inspection_id = i.id
  where ${SUB('o')} and ${IN_PERIOD('i.start_on')}`;
const F = `p.found_on >= :start`;
const R = `p.accepted_on is not null and p.accepted_on <= :end`;
const SUPERVISION = `p.source in ('监督检查', '专项督查')`;
const FEEDBACK = `p.source in ('述职评议', '巡察')`;
const PROBLEMS_SQL = `
  select
    ${count(`${F} and p.source = '巡察'`)} as inspection_problems_found,
    ${count(`${F} and p.source = '巡察' and ${R}`)} as inspection_problems_rectified,
    ${count(`${F} and ${SUPERVISION}`)} as supervision_problems_found,
    ${count(`${F} and ${SUPERVISION} and ${R}`)} as supervision_problems_rectified,
    ${count(`${F} and ${SUPERVISION} and p.category = '四风'`)} as four_winds_problems_found,
    ${count(`${F} and ${FEEDBACK}`)} as assessment_feedback_problems_found,
    ${count(`${F} and ${FEEDBACK} and not (${R})`)} as assessment_feedback_problems_in_progress,
    ${count(`${F} and ${FEEDBACK} and ${R}`)} as assessment_feedback_problems_rectified,
    count(distinct case when ${F} and ${FEEDBACK} then p.category end) as assessment_feedback_problem_categories,
    ${count(`p.source = '党建联系点' and ${IN_PERIOD('p.closed_on')}`)} as contact_point_problems_solved,
    ${count(`${F} and p.source = '查摆'`)} as self_check_problems_found,
    sum(case when ${F} then p.measures_count else 0 end) as rectification_measures,
    ${count(`${F} and p.category = '党员发展'`)} as member_recruitment_violation_issues,
    ${count(`${F} and p.category = '党员发展' and ${R}`)} as member_recruitment_violation_resolved,
    ${count(F)} as problems_found,
    ${count(`${F} and ${R}`)} as problems_rectified,
    ${count(`p.found_on <= :asOf and (p.closed_on is null or p.closed_on > :asOf) and p.deadline < :asOf`)} as problems_overdue,
    (select count(distinct e.problem_id) from problem_events e join organizations o2 on o2.id = e.org_id
     where ${SUB('o2')} and e.action = '重新整改' and ${IN_PERIOD('e.happened_on')}) as problems_reopened
  from problems p join organizations o on o.id = p.org_id
  where ${SUB('o')} and p.found_on <= :end and (p.found_on >= :start or p.closed_on is null or p.closed_on >= :start)`;

const bareInspections: BareFamily = async (db, s) => {
  const r = numbers((await db.all(ROUNDS_SQL, s.params))[0]);
  const t = numbers((await db.all(TARGETS_SQL, s.params))[0]);
  const p = numbers((await db.all(PROBLEMS_SQL, s.params))[0]);
  return {
    ...r,
    ...t,
    ...p,
    inspection_rectification_rate: percent(p.inspection_problems_rectified!, p.inspection_problems_found!),
    rectification_rate: percent(p.problems_rectified!, p.problems_found!),
  };
};

// ——— ratings ———
const VILLAGE_ORG = `o.kind in ('党总支', '党支部', '联合党支部') and o.sector = '农村' and (o.established_on is null or o.established_on <= :end)`;
const NEW_DESIGNATION = `coalesce(d.action, '') <> '复核' and ${IN_PERIOD('d.designated_on')}`;
function ratingsSql(s: BareScope): string {
  const tops = s.starTops.length === 0
    ? `select '' as code, '' as grade where 1 = 0`
    : s.starTops.map((t) => `select ${lit(t.code)} as code, ${t.grade === null ? 'null' : lit(t.grade)} as grade`).join(' union all ');
  return `
  with tg as (${tops}),
  latest as (
    select r.final_grade, tg.grade as top,
      row_number() over (partition by r.org_id order by r.year desc, r.decided_on desc, r.id) as rn
    from ratings r join organizations o on o.id = r.org_id join tg on tg.code = r.scheme_code
    where ${SUB('o')} and r.decided_on is not null and r.decided_on <= :end
  )
  select
    (select count(distinct r.org_id) from ratings r join organizations o on o.id = r.org_id
     where ${SUB('o')} and r.decided_on is not null and ${IN_PERIOD('r.decided_on')}) as orgs_graded,
    (select count(*) from latest where rn = 1 and final_grade = top) as top_grade_orgs,
    (select count(*) from organizations o where ${SUB('o')} and ${VILLAGE_ORG}) as villages`;
}
const DESIGNATIONS_SQL = `
  select
    count(distinct case when d.kind = '标准化规范化达标' and ${VILLAGE_ORG} then d.org_id end) as standardized_villages,
    count(distinct case when d.kind = '标准化规范化达标' and ${NEW_DESIGNATION} and o.kind in ('党总支', '党支部', '联合党支部') then d.org_id end) as branches_standardized,
    count(distinct case when d.kind in ('示范党支部', '最强党支部', '双强党支部') and ${NEW_DESIGNATION} then d.org_id end) as model_branches_designated,
    count(distinct case when d.kind = '党建示范村' and ${NEW_DESIGNATION} then d.org_id end) as model_villages_built,
    count(distinct case when d.kind = '党建示范村' and ${NEW_DESIGNATION} and d.action = '新建' then d.org_id end) as model_villages_new,
    count(distinct case when d.kind = '党建示范村' and ${NEW_DESIGNATION} and d.action = '提升' then d.org_id end) as model_villages_upgraded
  from designations d join organizations o on o.id = d.org_id
  where ${SUB('o')} and d.designated_on <= :end and (d.revoked_on is null or d.revoked_on > :end)`;
const WEAK_SQL = `
  select count(distinct case when ${IN_PERIOD('w.flagged_on')} then w.org_id end) as weak_orgs_flagged,
    count(distinct case when w.status = '整顿中' or (w.status = '已销号' and w.closed_on > :end) then w.org_id end) as weak_orgs_in_rectification,
    count(distinct case when w.status = '已销号' and ${IN_PERIOD('w.closed_on')} then w.org_id end) as weak_orgs_rectified
  from weak_org_cases w join organizations o on o.id = w.org_id
  where ${SUB('o')} and w.flagged_on <= :end`;

const bareRatings: BareFamily = async (db, s) => {
  const r = numbers((await db.all(ratingsSql(s), s.params))[0]);
  const d = numbers((await db.all(DESIGNATIONS_SQL, s.params))[0]);
  const w = numbers((await db.all(WEAK_SQL, s.params))[0]);
  const { standardized_villages, ...designated } = d;
  return {
    orgs_graded: r.orgs_graded!,
    top_grade_orgs: r.top_grade_orgs!,
    standardized_villages_share: percent(standardized_villages!, r.villages!),
    ...designated,
    ...w,
  };
};

// ——— disclosures ———
export function disclosuresSql(s: BareScope): string {
  const units = s.disclosureUnits.length === 0
    ? `select '' as cadence, '' as label, '' as due_on where 1 = 0`
    : s.disclosureUnits.map((u) => `select ${lit(u.cadence)} as cadence, ${lit(u.label)} as label, ${lit(u.due)} as due_on`).join(' union all ');
  const ancestors = s.ancestors.map((_, i) => `:a${i}`).join(', ');
  return `
  with u as (${units}),
  orgs as (
    select o.id, o.path, o.sector, o.kind, p.kind as parent_kind
    from organizations o left join organizations p on p.id = o.parent_id where ${SUB('o')}
  ),
  items as (
    select i.id, i.cadence, i.sector, io.path from disclosure_items i join organizations io on io.id = i.org_id
    where i.active = 1 and (io.path in (${ancestors}) or (${SUB('io')}))
  ),
  recorded as (
    select distinct d.org_id, d.item_id from disclosures d join organizations o on o.id = d.org_id
    where ${SUB('o')} and d.proposed_on <= :end
  ),
  pairs as (
    select orgs.id as org_id, items.id as item_id, items.cadence
    from orgs join items on substr(orgs.path, 1, length(items.path)) = items.path and (items.sector is null or items.sector = orgs.sector)
    left join recorded r on r.org_id = orgs.id and r.item_id = items.id
    where (orgs.kind in ('党总支', '党支部', '联合党支部') and coalesce(orgs.parent_kind, '') <> '党总支') or r.org_id is not null
  ),
  pub as (
    select d.org_id, d.item_id, d.period_label, min(d.published_on) as published_on
    from disclosures d join organizations o on o.id = d.org_id
    where ${SUB('o')} and d.proposed_on <= :end and d.published_on is not null and d.published_on <= :end
    group by d.org_id, d.item_id, d.period_label
  ),
  j as (
    select pairs.org_id, u.due_on, case when pub.published_on <= :asOf then pub.published_on end as published_on
    from pairs join u on u.cadence = pairs.cadence
    left join pub on pub.org_id = pairs.org_id and pub.item_id = pairs.item_id and pub.period_label = u.label
  )
  select count(*) as judged,
    ${count('j.published_on is not null and j.published_on <= j.due_on')} as on_time,
    ${count('j.published_on is null')} as disclosures_overdue,
    count(distinct case when j.published_on is null then j.org_id end) as orgs_behind_disclosure,
    (select count(*) from disclosures d join organizations o on o.id = d.org_id
     where ${SUB('o')} and d.proposed_on <= :end and ${IN_PERIOD('d.published_on')}) as disclosures_published
  from j`;
}

const bareDisclosures: BareFamily = async (db, s) => {
  const r = numbers((await db.all(disclosuresSql(s), s.params))[0]);
  return {
    disclosures_published: r.disclosures_published!,
    disclosures_overdue: r.disclosures_overdue!,
    disclosure_on_time_rate: percent(r.on_time!, r.judged!),
    orgs_behind_disclosure: r.orgs_behind_disclosure!,
  };
};

// ——— cadres ———
const cadrePersons = (cond: string) => `count(distinct case when ${cond} then ${PERSON('c', 'person_name')} end)`;
const ADJ = `c.kind in ('调整', '提拔', '职级晋升')`;
const SUBKIND = (kinds: string[]) => `c.subkind in ${list(kinds)}`;
const DISPATCHED = `c.kind = '选派' and coalesce(c.subkind, '') <> '医疗专家帮扶'`;
const CADRES_SQL = `
  select
    ${count(ADJ)} as cadres_adjusted,
    count(distinct case when ${ADJ} then c.batch end) as cadre_adjustment_batches,
    ${cadrePersons(`c.kind = '提拔' and c.frontline = 1`)} as cadres_promoted_from_frontline,
    ${count(`c.kind = '提拔' and c.frontline = 1`)} as frontline_promotions,
    ${count(`c.kind = '提拔'`)} as promotions,
    ${cadrePersons(`c.kind = '招录' and ${SUBKIND(['公务员', '选调生'])}`)} as civil_servants_recruited,
    ${cadrePersons(`c.kind = '招录' and ${SUBKIND(['事业单位'])}`)} as public_institution_staff_recruited,
    ${cadrePersons(`c.kind = '招录' and ${SUBKIND(['教师', '医务人员'])}`)} as teachers_medical_recruited,
    ${cadrePersons(`c.kind = '招录' and ${SUBKIND(['公开调任'])}`)} as transferred_staff_selected,
    ${cadrePersons(`c.kind = '引进人才' and ${SUBKIND(['硕士研究生'])}`)} as talents_introduced_masters,
    ${cadrePersons(`c.kind = '引进人才' and ${SUBKIND(['教育人才'])}`)} as talents_introduced_education,
    ${cadrePersons(`c.kind = '引进人才' and ${SUBKIND(['医疗人才'])}`)} as talents_introduced_medical,
    ${cadrePersons(`c.kind = '后备干部' and coalesce(c.subkind, '') <> '县管干部推荐'`)} as reserve_cadres,
    ${cadrePersons(`c.kind in ('后备干部', '调整', '提拔') and ${SUBKIND(['县管干部推荐'])}`)} as cadres_recommended,
    ${cadrePersons(`c.kind = '年轻干部入库'`)} as young_cadre_pool_members,
    ${cadrePersons(`c.kind in ('调整', '提拔') and ${SUBKIND(['中层干部'])}`)} as mid_level_cadres_selected,
    ${cadrePersons(`c.kind = '职级晋升' and ${SUBKIND(['事业单位职员'])}`)} as staff_grade_promotions,
    ${count(`c.kind = '提醒谈话'`)} as cadre_reminder_talks,
    ${cadrePersons(`c.kind = '诫勉'`)} as admonishments,
    ${cadrePersons(`c.kind = '责令检查'`)} as cadres_ordered_self_review,
    ${cadrePersons(DISPATCHED)} as experts_dispatched,
    count(distinct case when ${DISPATCHED} then c.batch end) as experts_dispatched_batches,
    ${cadrePersons(`c.kind = '选派' and ${SUBKIND(['医疗专家帮扶'])}`)} as medical_experts_assigned
  from cadre_events c join organizations o on o.id = c.org_id
  where ${SUB('o')} and ${IN_PERIOD('c.happened_on')}`;

const bareCadres: BareFamily = async (db, s) => {
  const { frontline_promotions, promotions, ...r } = numbers((await db.all(CADRES_SQL, s.params))[0]);
  return { ...r, cadre_promotions_grassroots_share: percent(frontline_promotions!, promotions!) };
};

// ——— publicity ———
const LEVEL = (levels: string[]) => `p.medium_level in ${list(levels)}`;
const REPOSTED = (forms: string[]) => `p.original = 0 and p.form in ${list(forms)}`;
const PUBLICITY_SQL = `
  select
    ${count(LEVEL(['中央', '省级', '市（州）级', '县级', '其他主流']))} as media_items_all_levels,
    ${count(LEVEL(['中央']))} as media_items_central,
    ${count(LEVEL(['省级']))} as media_items_provincial,
    ${count(LEVEL(['市（州）级']))} as media_items_prefectural,
    ${count(LEVEL(['中央', '省级', '市（州）级']))} as media_items_central_prov_pref,
    ${count(LEVEL(['其他主流']))} as media_items_other_mainstream,
    ${count(`p.medium_level = '自有平台' and p.form = '图文'`)} as new_media_posts,
    ${count(`p.original = 1 and p.medium_level = '自有平台' and p.form in ('图文', '视频', '微视频')`)} as publicity_original_items,
    ${count(REPOSTED(['图文']))} as publicity_reposted_articles,
    ${count(REPOSTED(['视频', '微视频']))} as publicity_reposted_videos,
    ${count(REPOSTED(['直播']))} as publicity_reposted_livestreams,
    count(*) as publicity_items_total,
    ${count(`p.original = 1 and p.form = '视频'`)} as videos_produced,
    ${count(`p.form = '微视频'`)} as micro_videos_published,
    ${count(`p.form = '专版'`)} as special_pages_published,
    ${count(`p.form = '广播'`)} as broadcast_episodes
  from publications p join organizations o on o.id = p.org_id
  where ${SUB('o')} and ${IN_PERIOD('p.published_on')}`;

const one = (text: string): BareFamily => async (db, s) => numbers((await db.all(text, s.params))[0]);

/** The bare SQL of every computing family (manual, the hand-entered figures, computes nothing). */
export const BARE_FAMILIES: Record<Exclude<Ledger, 'manual'>, BareFamily> = {
  orgs: one(ORGS_SQL),
  members: one(MEMBERS_SQL),
  development: one(DEVELOPMENT_SQL),
  meetings: one(MEETINGS_SQL),
  dues: bareDues,
  study: bareStudy,
  service: bareService,
  honors: one(HONORS_SQL),
  donations: bareDonations,
  tasks: bareTasks,
  inspections: bareInspections,
  ratings: bareRatings,
  disclosures: bareDisclosures,
  cadres: bareCadres,
  publicity: one(PUBLICITY_SQL),
};
export type ComputingFamily = keyof typeof BARE_FAMILIES;
export const COMPUTING_FAMILIES = Object.keys(BARE_FAMILIES) as ComputingFamily[];
const COMPUTED_IDS = COMPUTED_INDICATORS.filter((c) => c.family !== 'manual').map((c) => c.id);

// ——— comparison ———

export interface Mismatch {
  family: string;
  id: string;
  ours: number | null | undefined;
  bare: number | null | undefined;
}

const same = (a: number | null | undefined, b: number | null | undefined) =>
  (a ?? null) === null || (b ?? null) === null ? (a ?? null) === (b ?? null) : Math.abs(a! - b!) < 1e-6;

/** The registry's numbers (every computed indicator) against the bare SQL's: the ids that differ or are not covered. */
export async function checkIndicators(ctx: Ctx, db: BareDb, orgCode: string, period: Period): Promise<{ ids: number; mismatches: Mismatch[] }> {
  const scope = await bareScope(ctx, orgCode, period);
  const ours = await computeIndicators(ctx, { orgCode, period, ids: COMPUTED_IDS });
  const mismatches: Mismatch[] = [];
  for (const family of COMPUTING_FAMILIES) {
    const bare = await BARE_FAMILIES[family](db, scope);
    const ids = COMPUTED_INDICATORS.filter((c) => c.family === family).map((c) => c.id);
    for (const id of ids) {
      const mine = ours.values.get(id)?.figure?.value;
      if (!(id in bare) || !same(mine, bare[id])) mismatches.push({ family, id, ours: mine, bare: id in bare ? bare[id] : undefined });
    }
  }
  return { ids: COMPUTED_IDS.length, mismatches };
}

export interface IndicatorTiming {
  /** computeIndicators() for every computed id, and the bare SQL of every family, in ms (best and median). */
  total: { ours: number[]; bare: number[] };
  families: Record<ComputingFamily, { ours: number[]; bare: number[] }>;
}

const best = (xs: number[]) => Math.min(...xs);
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Times the registry and the bare SQL, alternating so both see the same cache and load: a warm-up round, then `rounds`
 * measured ones — the whole (computeIndicators for every computed id, against every family's bare SQL in turn) and
 * each family alone (its compute function against its bare SQL).
 */
export async function timeIndicators(ctx: Ctx, db: BareDb, orgCode: string, period: Period, rounds: number): Promise<IndicatorTiming> {
  const scope = await bareScope(ctx, orgCode, period);
  const out: IndicatorTiming = {
    total: { ours: [], bare: [] },
    families: Object.fromEntries(COMPUTING_FAMILIES.map((f) => [f, { ours: [] as number[], bare: [] as number[] }])) as IndicatorTiming['families'],
  };
  for (let i = 0; i <= rounds; i++) {
    let t = performance.now();
    await computeIndicators(ctx, { orgCode, period, ids: COMPUTED_IDS });
    const ours = performance.now() - t;
    t = performance.now();
    for (const f of COMPUTING_FAMILIES) await BARE_FAMILIES[f](db, scope);
    const bare = performance.now() - t;
    if (i > 0) {
      out.total.ours.push(ours);
      out.total.bare.push(bare);
    }
    for (const f of COMPUTING_FAMILIES) {
      t = performance.now();
      await LEDGERS[f].compute(ctx, { orgCode, period: period.label });
      const o = performance.now() - t;
      t = performance.now();
      await BARE_FAMILIES[f](db, scope);
      const b = performance.now() - t;
      if (i > 0) {
        out.families[f].ours.push(o);
        out.families[f].bare.push(b);
      }
    }
  }
  return out;
}

/** generateReport() of a genre, best and median of `rounds` after a warm-up (it runs the rule engine too). */
export async function timeReport(ctx: Ctx, orgCode: string, period: Period, template: string, rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= rounds; i++) {
    const t = performance.now();
    await generateReport(ctx, { orgCode, period: period.label, template });
    if (i > 0) times.push(performance.now() - t);
  }
  return times;
}

const fmt = (x: number, d = 1) => x.toFixed(d);

/** Prints section "指标计算" for one engine and period (what run.ts and the standalone run both print). */
export async function printIndicators(
  engine: string,
  ctx: Ctx,
  db: BareDb,
  orgCode: string,
  periodLabel: string,
  rounds: number,
  log: (line: string) => void = console.log,
): Promise<void> {
  const period = parsePeriod(periodLabel);
  const check = await checkIndicators(ctx, db, orgCode, period);
  const t = await timeIndicators(ctx, db, orgCode, period, rounds);
  const ratio = (x: { ours: number[]; bare: number[] }, pick: (xs: number[]) => number) => pick(x.ours) / pick(x.bare);
  log(
    `   ${engine.padEnd(8)} ${period.label.padEnd(7)} ${check.ids}项指标：本系统 最快 ${fmt(best(t.total.ours))} ms / 中位 ${fmt(median(t.total.ours))} ms，` +
      `裸 SQL 最快 ${fmt(best(t.total.bare))} ms / 中位 ${fmt(median(t.total.bare))} ms，比值 ${fmt(ratio(t.total, median), 2)}（最快相比 ${fmt(ratio(t.total, best), 2)}）；` +
      `数值不一致 ${check.mismatches.length} 项`,
  );
  const cells = COMPUTING_FAMILIES.map((f) => {
    const x = t.families[f];
    return `${f} ${fmt(median(x.ours))}/${fmt(median(x.bare))}=${fmt(ratio(x, median), 2)}`;
  });
  for (let i = 0; i < cells.length; i += 5) log(`            ${i === 0 ? '各台账（本系统/裸 SQL 中位 ms=比值）' : ''.padEnd(20, '　')}${cells.slice(i, i + 5).join('，')}`);
  for (const m of check.mismatches) log(`            不一致 ${m.family}.${m.id}：本系统 ${m.ours ?? '空'}，裸 SQL ${m.bare === undefined ? '未覆盖' : (m.bare ?? '空')}`);
}

/** Prints the whole report's generation time (which includes the rule engine's evaluation for the drafted problems). */
export async function printReport(engine: string, ctx: Ctx, orgCode: string, periodLabel: string, rounds: number, log: (line: string) => void = console.log): Promise<void> {
  const times = await timeReport(ctx, orgCode, parsePeriod(periodLabel), 'annual', rounds);
  log(`   ${engine.padEnd(8)} ${periodLabel.padEnd(7)} 生成年度报告（annual，含规则引擎检查问题）：最快 ${fmt(best(times))} ms / 中位 ${fmt(median(times))} ms`);
}

/** The periods measured: the demo's last full year and a half year. */
export const INDICATOR_PERIODS = ['2025', '2026H1'];

async function standalone(): Promise<void> {
  const [file, schema] = process.argv.slice(2);
  const rounds = Number(process.env.BENCH_INDICATOR_ROUNDS ?? 5);
  const url = process.env.DANGJIAN_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const targets: { engine: string; handle: ReturnType<typeof openDatabase>; bare: BareDb }[] = [];
  if (file) targets.push({ engine: 'sqlite', handle: openDatabase({ engine: 'sqlite', file }), bare: sqliteBare(file) });
  if (schema) targets.push({ engine: 'postgres', handle: openDatabase({ engine: 'postgres', url, schema }), bare: pgBare(url, schema) });
  const only = process.env.BENCH_FAMILIES?.split(',');
  for (const { engine, handle, bare } of targets) {
    const ctx: Ctx = { db: handle.db, clock: systemClock, actor: SYSTEM_ACTOR, vault: plainVault };
    const root = await handle.db.selectFrom('organizations').select('code').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    for (const p of INDICATOR_PERIODS) {
      if (only) {
        const scope = await bareScope(ctx, root.code, parsePeriod(p));
        for (const f of only as ComputingFamily[]) {
          let t0 = performance.now();
          const b = await BARE_FAMILIES[f](bare, scope);
          const tb = performance.now() - t0;
          t0 = performance.now();
          const o = await LEDGERS[f].compute(ctx, { orgCode: root.code, period: p });
          const to = performance.now() - t0;
          console.log(engine, p, f, `ours ${fmt(to)} ms, bare ${fmt(tb)} ms`);
          for (const fig of o.figures) if (!same(fig.value, b[fig.id])) console.log('   mismatch', fig.id, fig.value, b[fig.id]);
        }
        continue;
      }
      await printIndicators(engine, ctx, bare, root.code, p, rounds);
      if (p === INDICATOR_PERIODS[0]) await printReport(engine, ctx, root.code, p, Math.max(1, Math.floor(rounds / 2)));
    }
    await bare.close();
    await handle.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  standalone().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
