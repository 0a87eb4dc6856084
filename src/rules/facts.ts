/**
 * The facts the rules judge, read for a whole subtree in a fixed handful of grouped queries: the number of queries
 * does not depend on how many organizations, members or meetings there are (rules.medium.test.ts counts them).
 */
import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { addMonths, type IsoDate } from '../shared/dates.js';
import { subtreeUpperBound } from '../modules/orgs/tree.js';
import type { StepDates } from '../modules/development/steps.js';
import { STEPS } from '../modules/development/steps.js';
import type { ApprovalRow, BaseRow, DuesApprovalKind, DuesCategory } from '../modules/dues/dues-rates.js';
import { CONCENTRATED_STUDY_KINDS } from '../modules/study/study-points.js';

export interface OrgFact {
  id: number;
  code: string;
  name: string;
  kind: string;
  sector: string;
  parentId: number | null;
  path: string;
  depth: number;
  establishedOn: IsoDate | null;
  lastElectionOn: IsoDate | null;
  termYears: number | null;
  termExtendedTo: IsoDate | null;
  committeeSize: number | null;
  /** On the roll on the day judged: 正式党员 and 预备党员. */
  full: number;
  probationary: number;
}

export interface MeetingFact {
  id: number;
  orgId: number;
  kind: string;
  heldOn: IsoDate;
  expected: number;
  attended: number;
}

export interface DevelopmentFact {
  id: number;
  orgId: number;
  person: string;
  birthDate: IsoDate | null;
  dates: StepDates;
  introducers: string | null;
  trainingHours: number | null;
  extensionMonths: number | null;
  membershipId: number | null;
  /** The member left the roll (transferred out of the county, or otherwise): open steps are no longer due here. */
  leftOn: IsoDate | null;
  /** The organization whose roll holds the member now (it answers for the conversion); null before approval. */
  memberOrgId: number | null;
}

export interface MemberFact {
  membershipId: number;
  orgId: number;
  name: string;
  status: string;
  joinedOn: IsoDate;
  confirmedOn: IsoDate | null;
  entryKind: string | null;
  /** The day the member came onto this organization's roll: the latest transfer in, the entry, or joining. */
  onRollSince: IsoDate;
  /** The latest day the member's relationship was transferred in (within the county, or from outside it). */
  transferredInOn: IsoDate | null;
  isMobile: boolean;
  /** Branch meetings (大会、党课、主题党日、组织生活会、民主评议) in the look-back window, and the last one attended. */
  meetingsHeld: number;
  lastAttended: IsoDate | null;
  /** Whether the member has a development record here (then the development rules judge the probation). */
  developed: boolean;
  /** 书记 | 副书记 | 委员, or null (decides the 32- or 56-hour training rule). */
  partyPost: string | null;
}

export interface DuesPaymentFact {
  month: string;
  dueFen: number;
  paidFen: number;
  paidOn: IsoDate;
}

/** Each member's dues records (by membership id): bases, approved arrangements, and payments in the look-back. */
export interface DuesFacts {
  bases: Map<number, BaseRow[]>;
  approvals: Map<number, ApprovalRow[]>;
  payments: Map<number, DuesPaymentFact[]>;
  /** Payments made in the period judged, for the back-pay limit (wherever their month lies). */
  paidInPeriod: (DuesPaymentFact & { membershipId: number })[];
}

/** A member's study and training in one calendar year (by the training's start, the study's day). */
export interface TrainingYearFact {
  /** Concentrated minutes: 集中培训 attended, and the member's own study of CONCENTRATED_STUDY_KINDS. */
  concentratedMinutes: number;
  /** 集中培训 the member completed. */
  concentratedTrainings: number;
  /** Every study record and training attendance of the year (0: nothing recorded for the member that year). */
  records: number;
}

/** A supervised task (任务清单, 督办) of an organization in the subtree: open, or completed since the period began. */
export interface TaskFact {
  id: number;
  orgId: number;
  title: string;
  ownerName: string;
  startOn: IsoDate;
  deadline: IsoDate;
  status: string;
  completedOn: IsoDate | null;
}

/** A problem of the rectification ledger (整改台账): open, or rectified or closed since the period began. */
export interface ProblemFact {
  id: number;
  orgId: number;
  source: string;
  category: string;
  description: string;
  ownerName: string;
  foundOn: IsoDate;
  deadline: IsoDate;
  status: string;
  rectifiedOn: IsoDate | null;
  closedOn: IsoDate | null;
  reopened: boolean;
  /** The latest workflow event on or before the day judged. */
  lastEvent: { id: number; action: string; toStatus: string; happenedOn: IsoDate } | null;
}

export interface DisclosureFact {
  id: number;
  orgId: number;
  itemId: number;
  periodLabel: string;
  proposedOn: IsoDate;
  reviewedOn: IsoDate | null;
  publishedOn: IsoDate | null;
}

/**
 * An active item of a disclosure catalogue (三务公开目录) that reaches into the subtree (defined in it or above it),
 * with the disclosures made for it by organizations of the subtree.
 */
export interface DisclosureItemFact {
  id: number;
  orgId: number;
  orgPath: string;
  category: string;
  name: string;
  cadence: string;
  sector: string | null;
  /** The day the item entered the catalogue: units before it are not owed. */
  createdOn: IsoDate;
  disclosures: DisclosureFact[];
}

export interface Facts {
  root: OrgFact;
  orgs: OrgFact[];
  /** The organizations above the root, top first (their member counts are not needed and not meaningful here). */
  ancestors: OrgFact[];
  byId: Map<number, OrgFact>;
  meetings: MeetingFact[];
  development: DevelopmentFact[];
  members: MemberFact[];
  dues: DuesFacts;
  /** Each member's study and training by year (membership id → year → minutes), for the years of the period to asOf. */
  training: Map<number, Map<number, TrainingYearFact>>;
  tasks: TaskFact[];
  problems: ProblemFact[];
  disclosureItems: DisclosureItemFact[];
  /** The day the roll and the terms are judged on: the period's end, or today if that comes first. */
  asOf: IsoDate;
  /** Meetings are read from this day: the start of the year the period starts in, or the look-back if earlier. */
  meetingsFrom: IsoDate;
  lookbackFrom: IsoDate;
}

/** Meeting kinds every member of a branch is expected at: attendance at these is "organizational life". */
export const MEMBER_MEETING_KINDS = ['支部党员大会', '党课', '主题党日', '组织生活会', '民主评议党员'] as const;
export const LAPSE_LOOKBACK_MONTHS = 12;

/** The ids on an organization's path: itself and every organization above it. */
function ancestorIdsOf(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/** What a period judged on `asOf` reads back to: the look-back of the lapse rules, the year's start, the meetings. */
function windowOf(range: { from: IsoDate; to: IsoDate }, asOf: IsoDate): { lookbackFrom: IsoDate; yearStart: IsoDate; meetingsFrom: IsoDate } {
  const lookbackFrom = addMonths(asOf, -LAPSE_LOOKBACK_MONTHS);
  const yearStart = `${range.from.slice(0, 4)}-01-01`;
  return { lookbackFrom, yearStart, meetingsFrom: yearStart < lookbackFrom ? yearStart : lookbackFrom };
}

/**
 * For a run of periods (the dashboard's trend): the rows of the heavier queries, read once with bounds that cover
 * every period, from which each period's facts are cut in memory by the same conditions its own queries would
 * apply. The roll's counts, the training sums and the supervision ledgers depend on the day judged in their
 * grouping and are still read per period (they are the cheap ones).
 */
export interface SharedRows {
  rootPath: string;
  meetings: MeetingRow[];
  development: DevelopmentRow[];
  members: MemberRow[];
  /** `meeting id|absentee` of every period's look-back: a superset does no harm, only a period's meetings are looked up. */
  absent: Set<string>;
  bases: Awaited<ReturnType<typeof readBases>>;
  approvals: Awaited<ReturnType<typeof readApprovals>>;
  payments: Awaited<ReturnType<typeof readPayments>>;
}

export async function loadSharedRows(ctx: Ctx, rootPath: string, periods: { range: { from: IsoDate; to: IsoDate }; asOf: IsoDate }[]): Promise<SharedRows> {
  const upper = subtreeUpperBound(rootPath);
  const min = (xs: IsoDate[]) => xs.reduce((a, b) => (b < a ? b : a));
  const max = (xs: IsoDate[]) => xs.reduce((a, b) => (b > a ? b : a));
  const windows = periods.map((p) => windowOf(p.range, p.asOf));
  const from = min(periods.map((p) => p.range.from));
  const to = max(periods.map((p) => p.range.to));
  const firstAsOf = min(periods.map((p) => p.asOf));
  const lastAsOf = max(periods.map((p) => p.asOf));
  const lookbackFrom = min(windows.map((w) => w.lookbackFrom));
  const absences = await readAbsences(ctx, rootPath, upper, lookbackFrom, lastAsOf);
  return {
    rootPath,
    meetings: await readMeetings(ctx, rootPath, upper, min(windows.map((w) => w.meetingsFrom)), to),
    development: await readDevelopment(ctx, rootPath, upper),
    members: await readMembers(ctx, rootPath, upper, lastAsOf, firstAsOf),
    absent: new Set(absences.map((r) => `${r.meeting_id}|${r.name}`)),
    bases: await readBases(ctx, rootPath, upper),
    approvals: await readApprovals(ctx, rootPath, upper, lastAsOf),
    payments: await readPayments(ctx, rootPath, upper, lastAsOf, lookbackFrom.slice(0, 7), { from, to }),
  };
}

/** `shared`: rows read once for several periods (loadSharedRows), for this same root; each query's own otherwise. */
export async function loadFacts(ctx: Ctx, rootPath: string, range: { from: IsoDate; to: IsoDate }, asOf: IsoDate, shared?: SharedRows): Promise<Facts> {
  const upper = subtreeUpperBound(rootPath);
  const own = shared?.rootPath === rootPath ? shared : undefined;
  const { lookbackFrom, yearStart, meetingsFrom } = windowOf(range, asOf);

  const orgRows = await ctx.db
    .selectFrom('organizations as o')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('memberships as m')
          .select([
            'm.org_id',
            sql<number>`sum(case when m.status = '正式党员' and (m.confirmed_on is null or m.confirmed_on <= ${asOf}) then 1 else 0 end)`.as('full'),
            sql<number>`sum(case when m.status = '正式党员' and (m.confirmed_on is null or m.confirmed_on <= ${asOf}) then 0 else 1 end)`.as('probationary'),
          ])
          .where('m.joined_on', '<=', asOf)
          .where((w) => w.or([w('m.left_on', 'is', null), w('m.left_on', '>', asOf)]))
          .groupBy('m.org_id')
          .as('c'),
      (j) => j.onRef('c.org_id', '=', 'o.id'),
    )
    .select([
      'o.id', 'o.code', 'o.name', 'o.kind', 'o.sector', 'o.parent_id', 'o.path', 'o.depth', 'o.established_on',
      'o.last_election_on', 'o.term_years', 'o.term_extended_to', 'o.committee_size', 'c.full', 'c.probationary',
    ])
    // The subtree, and the organizations above it (a disclosure catalogue's reach is decided along the whole line).
    .where((w) => w.or([w.and([w('o.path', '>=', rootPath), w('o.path', '<', upper)]), w('o.id', 'in', ancestorIdsOf(rootPath))]))
    .orderBy('o.path')
    .execute();
  const allOrgs: OrgFact[] = orgRows.map((r) => ({
    id: r.id, code: r.code, name: r.name, kind: r.kind, sector: r.sector, parentId: r.parent_id, path: r.path, depth: r.depth,
    establishedOn: r.established_on, lastElectionOn: r.last_election_on, termYears: r.term_years, termExtendedTo: r.term_extended_to,
    committeeSize: r.committee_size, full: Number(r.full ?? 0), probationary: Number(r.probationary ?? 0),
  }));
  const orgs = allOrgs.filter((o) => o.path >= rootPath && o.path < upper);
  const ancestors = allOrgs.filter((o) => o.path < rootPath);
  const byId = new Map(orgs.map((o) => [o.id, o]));

  const meetingRows = own ? own.meetings.filter((r) => r.held_on >= meetingsFrom && r.held_on <= range.to) : await readMeetings(ctx, rootPath, upper, meetingsFrom, range.to);
  const meetings: MeetingFact[] = meetingRows.map((r) => ({
    id: r.id, orgId: r.org_id, kind: r.kind, heldOn: r.held_on, expected: r.expected_count, attended: r.attended_count,
  }));

  const devRows = own ? own.development : await readDevelopment(ctx, rootPath, upper);
  const development: DevelopmentFact[] = devRows.map((r) => {
    // Judged as things stood on the day judged: a step recorded later had not happened yet.
    const dates: StepDates = {};
    for (const s of STEPS) {
      const v = (r as unknown as Record<string, string | null>)[s.column];
      if (v && v <= asOf) dates[s.key] = v;
    }
    return {
      id: r.id, orgId: r.org_id, person: r.person_name, birthDate: r.birth_date, dates, introducers: r.introducers,
      trainingHours: r.training_hours, extensionMonths: dates.extensionDecidedOn ? r.extension_months : null, membershipId: r.membership_id, leftOn: r.member_left_on,
      memberOrgId: r.member_org_id,
    };
  });

  // One row per member on the roll, with the day they came onto it; attendance is worked out below from the
  // meetings already read and the absentees of those in the look-back window (a join per member would probe the
  // absentees once per member and meeting).
  const memberRows = own
    ? own.members.filter((r) => r.joined_on <= asOf && (r.left_on === null || r.left_on > asOf))
    : await readMembers(ctx, rootPath, upper, asOf, asOf);
  const absent = own ? own.absent : new Set((await readAbsences(ctx, rootPath, upper, lookbackFrom, asOf)).map((r) => `${r.meeting_id}|${r.name}`));
  const memberMeetings = new Map<number, MeetingFact[]>();
  const lifeKinds = new Set<string>(MEMBER_MEETING_KINDS);
  for (const m of meetings) {
    if (!lifeKinds.has(m.kind) || m.heldOn <= lookbackFrom || m.heldOn > asOf) continue;
    const list = memberMeetings.get(m.orgId);
    if (list) list.push(m);
    else memberMeetings.set(m.orgId, [m]);
  }
  const members: MemberFact[] = memberRows.map((r) => {
    const since = [r.joined_on, r.entry_on, r.last_in as string | null].filter((d): d is string => !!d).sort().at(-1)!;
    const fromOutside = r.entry_kind === '转入组织关系' ? r.entry_on : null;
    // Only meetings since the member came onto this roll: a newcomer is not judged by meetings held before.
    const held = (memberMeetings.get(r.org_id) ?? []).filter((m) => m.heldOn >= since);
    let lastAttended: IsoDate | null = null;
    for (const m of held) if (!absent.has(`${m.id}|${r.name}`) && (!lastAttended || m.heldOn > lastAttended)) lastAttended = m.heldOn;
    const transferredInOn = [fromOutside, r.last_in as string | null].filter((d): d is string => !!d).sort().at(-1) ?? null;
    return {
      membershipId: r.id, orgId: r.org_id, name: r.name, status: r.status, joinedOn: r.joined_on, confirmedOn: r.confirmed_on,
      entryKind: r.entry_kind, onRollSince: since, transferredInOn, isMobile: r.is_mobile === 1, meetingsHeld: held.length,
      lastAttended, developed: r.developed !== null, partyPost: r.party_post,
    };
  });

  const dues = await loadDues(ctx, rootPath, upper, range, asOf, lookbackFrom, own);
  const training = await loadTraining(ctx, rootPath, upper, yearStart, asOf);
  const { tasks, problems, disclosureItems } = await loadSupervision(ctx, rootPath, upper, range, asOf);
  return { root: orgs[0]!, orgs, ancestors, byId, meetings, development, members, dues, training, tasks, problems, disclosureItems, asOf, meetingsFrom, lookbackFrom };
}

/**
 * The supervision ledgers in three queries: tasks, problems with their latest event, and the disclosure items that
 * reach the subtree with the disclosures made under them. Only what can still matter is read: a task or problem done
 * before the period began is history, a disclosure proposed more than 14 months before it too (unless still unreviewed).
 */
async function loadSupervision(
  ctx: Ctx,
  rootPath: string,
  upper: string,
  range: { from: IsoDate; to: IsoDate },
  asOf: IsoDate,
): Promise<{ tasks: TaskFact[]; problems: ProblemFact[]; disclosureItems: DisclosureItemFact[] }> {
  const taskRows = await ctx.db
    .selectFrom('tasks as t')
    .innerJoin('organizations as o', 'o.id', 't.org_id')
    .select(['t.id', 't.org_id', 't.title', 't.owner_name', 't.start_on', 't.deadline', 't.status', 't.completed_on'])
    .where('o.path', '>=', rootPath)
    .where('o.path', '<', upper)
    .where('t.status', '<>', '已取消')
    .where('t.start_on', '<=', asOf)
    .where((w) => w.or([w('t.status', '<>', '已完成'), w('t.completed_on', 'is', null), w('t.completed_on', '>=', range.from)]))
    .orderBy('t.id')
    .execute();
  const tasks: TaskFact[] = taskRows.map((r) => ({
    id: r.id, orgId: r.org_id, title: r.title, ownerName: r.owner_name, startOn: r.start_on, deadline: r.deadline, status: r.status, completedOn: r.completed_on,
  }));

  const problemRows = await ctx.db
    .selectFrom('problems as p')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('problem_events as pe')
          .innerJoin('organizations as eo', 'eo.id', 'pe.org_id')
          .select(['pe.problem_id', (e) => e.fn.max('pe.id').as('last_id')])
          .where('eo.path', '>=', rootPath)
          .where('eo.path', '<', upper)
          .where('pe.happened_on', '<=', asOf)
          .groupBy('pe.problem_id')
          .as('le'),
      (j) => j.onRef('le.problem_id', '=', 'p.id'),
    )
    .leftJoin('problem_events as ev', 'ev.id', 'le.last_id')
    .select([
      'p.id', 'p.org_id', 'p.source', 'p.category', 'p.description', 'p.owner_name', 'p.found_on', 'p.deadline', 'p.status', 'p.rectified_on',
      'p.closed_on', 'p.reopened', 'ev.id as ev_id', 'ev.action as ev_action', 'ev.to_status as ev_to', 'ev.happened_on as ev_on',
    ])
    .where('o.path', '>=', rootPath)
    .where('o.path', '<', upper)
    .where('p.found_on', '<=', asOf)
    .where((w) =>
      w.or([
        w('p.status', 'not in', ['待验收', '已销号']),
        w.and([w('p.rectified_on', 'is', null), w('p.closed_on', 'is', null)]),
        w('p.rectified_on', '>=', range.from),
        w('p.closed_on', '>=', range.from),
      ]),
    )
    .orderBy('p.id')
    .execute();
  const problems: ProblemFact[] = problemRows.map((r) => ({
    id: r.id, orgId: r.org_id, source: r.source, category: r.category, description: r.description, ownerName: r.owner_name, foundOn: r.found_on,
    deadline: r.deadline, status: r.status, rectifiedOn: r.rectified_on, closedOn: r.closed_on, reopened: Number(r.reopened) === 1,
    lastEvent: r.ev_id !== null && r.ev_id !== undefined ? { id: r.ev_id, action: r.ev_action!, toStatus: r.ev_to!, happenedOn: r.ev_on! } : null,
  }));

  // Items defined in the subtree or by an organization above it (a county's catalogue reaches every village).
  const ancestorIds = ancestorIdsOf(rootPath);
  const disclosedFrom = addMonths(range.from, -14);
  const itemRows = await ctx.db
    .selectFrom('disclosure_items as i')
    .innerJoin('organizations as io', 'io.id', 'i.org_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('disclosures as d')
          .innerJoin('organizations as o', 'o.id', 'd.org_id')
          .select(['d.id', 'd.org_id', 'd.item_id', 'd.period_label', 'd.proposed_on', 'd.reviewed_on', 'd.published_on'])
          .where('o.path', '>=', rootPath)
          .where('o.path', '<', upper)
          .where('d.proposed_on', '<=', asOf)
          .where((w) => w.or([w('d.proposed_on', '>=', disclosedFrom), w.and([w('d.reviewed_on', 'is', null), w('d.published_on', 'is', null)])]))
          .as('dd'),
      (j) => j.onRef('dd.item_id', '=', 'i.id'),
    )
    .select([
      'i.id', 'i.org_id', 'io.path', 'i.category', 'i.name', 'i.cadence', 'i.sector', 'i.created_at',
      'dd.id as d_id', 'dd.org_id as d_org_id', 'dd.period_label', 'dd.proposed_on', 'dd.reviewed_on', 'dd.published_on',
    ])
    .where('i.active', '=', 1)
    .where((w) => w.or([w.and([w('io.path', '>=', rootPath), w('io.path', '<', upper)]), w('i.org_id', 'in', ancestorIds)]))
    .orderBy('i.id')
    .orderBy('dd.id')
    .execute();
  const items = new Map<number, DisclosureItemFact>();
  for (const r of itemRows) {
    let item = items.get(r.id);
    if (!item) {
      item = { id: r.id, orgId: r.org_id, orgPath: r.path, category: r.category, name: r.name, cadence: r.cadence, sector: r.sector, createdOn: r.created_at.slice(0, 10), disclosures: [] };
      items.set(r.id, item);
    }
    if (r.d_id !== null && r.d_id !== undefined) {
      item.disclosures.push({
        id: r.d_id, orgId: r.d_org_id!, itemId: r.id, periodLabel: r.period_label!, proposedOn: r.proposed_on!, reviewedOn: r.reviewed_on ?? null, publishedOn: r.published_on ?? null,
      });
    }
  }
  return { tasks, problems, disclosureItems: [...items.values()] };
}

/**
 * Study and training minutes of the members of the subtree (by their organization now), per member and year, from
 * the first day of the period's year to the day judged: one grouped query over training attendance and study records.
 */
async function loadTraining(ctx: Ctx, rootPath: string, upper: string, from: IsoDate, to: IsoDate): Promise<Map<number, Map<number, TrainingYearFact>>> {
  const rows = await sql<{ membership_id: number; year: string; minutes: number | string; trainings: number | string; records: number | string }>`
    select x.membership_id, x.year,
      sum(case when x.conc = 1 then x.minutes else 0 end) as minutes,
      sum(case when x.src = 1 and x.conc = 1 and x.completed = 1 then 1 else 0 end) as trainings,
      count(*) as records
    from (
      select a.membership_id, substr(t.start_on, 1, 4) as year, 1 as src, a.minutes, t.concentrated as conc, a.completed
      from training_attendance a join trainings t on t.id = a.training_id
      where t.start_on >= ${from} and t.start_on <= ${to}
      union all
      select s.membership_id, substr(s.studied_on, 1, 4) as year, 2 as src, s.minutes,
        case when s.kind in (${sql.join([...CONCENTRATED_STUDY_KINDS])}) then 1 else 0 end as conc, 0 as completed
      from study_records s
      where s.studied_on >= ${from} and s.studied_on <= ${to}
    ) x
    join memberships ms on ms.id = x.membership_id
    join organizations o on o.id = ms.org_id
    where o.path >= ${rootPath} and o.path < ${upper}
    group by x.membership_id, x.year
  `.execute(ctx.db);
  const out = new Map<number, Map<number, TrainingYearFact>>();
  for (const r of rows.rows) {
    let years = out.get(Number(r.membership_id));
    if (!years) out.set(Number(r.membership_id), (years = new Map()));
    years.set(Number(r.year), { concentratedMinutes: Number(r.minutes), concentratedTrainings: Number(r.trainings), records: Number(r.records) });
  }
  return out;
}

/** Dues of the members on a roll in the subtree: three queries, by the member's current organization. */
async function loadDues(
  ctx: Ctx,
  rootPath: string,
  upper: string,
  range: { from: IsoDate; to: IsoDate },
  asOf: IsoDate,
  lookbackFrom: IsoDate,
  shared: SharedRows | undefined,
): Promise<DuesFacts> {
  const afterMonth = lookbackFrom.slice(0, 7);
  const baseRows = shared ? shared.bases : await readBases(ctx, rootPath, upper);
  const approvalRows = shared ? shared.approvals.filter((r) => r.approved_on <= asOf) : await readApprovals(ctx, rootPath, upper, asOf);
  const paymentRows = shared
    ? shared.payments.filter((r) => r.paid_on <= asOf && (r.month > afterMonth || (r.paid_on >= range.from && r.paid_on <= range.to)))
    : await readPayments(ctx, rootPath, upper, asOf, afterMonth, range);
  const group = <R, V>(rows: R[], key: (r: R) => number, value: (r: R) => V) => {
    const out = new Map<number, V[]>();
    for (const r of rows) {
      const k = key(r);
      const list = out.get(k);
      if (list) list.push(value(r));
      else out.set(k, [value(r)]);
    }
    return out;
  };
  const payments = paymentRows.map((r) => ({ membershipId: r.membership_id, month: r.month, dueFen: r.due_fen, paidFen: r.paid_fen, paidOn: r.paid_on }));
  return {
    bases: group(baseRows, (r) => r.membership_id, (r): BaseRow => ({ fromMonth: r.from_month, category: r.category as DuesCategory, baseFen: r.base_fen })),
    approvals: group(approvalRows, (r) => r.membership_id, (r): ApprovalRow => ({ kind: r.kind as DuesApprovalKind, fromMonth: r.from_month, toMonth: r.to_month, monthlyFen: r.monthly_fen })),
    payments: group(payments, (r) => r.membershipId, ({ membershipId: _m, ...p }) => p),
    paidInPeriod: payments.filter((p) => p.paidOn >= range.from && p.paidOn <= range.to),
  };
}

// ── The heavier queries: read per period, or once for several (loadSharedRows) with bounds covering them all ──────

function readMeetings(ctx: Ctx, rootPath: string, upper: string, from: IsoDate, to: IsoDate) {
  return ctx.db
    .selectFrom('meetings as mt')
    .innerJoin('organizations as o', 'o.id', 'mt.org_id')
    .select(['mt.id', 'mt.org_id', 'mt.kind', 'mt.held_on', 'mt.expected_count', 'mt.attended_count'])
    .where('o.path', '>=', rootPath)
    .where('o.path', '<', upper)
    .where('mt.held_on', '>=', from)
    .where('mt.held_on', '<=', to)
    .execute();
}
type MeetingRow = Awaited<ReturnType<typeof readMeetings>>[number];

// Development records kept here, and those of members now on a roll here who were developed elsewhere in the
// county: a probationary member's conversion falls to the branch that holds them now.
function readDevelopment(ctx: Ctx, rootPath: string, upper: string) {
  return ctx.db
    .selectFrom('development_records as d')
    .innerJoin('organizations as o', 'o.id', 'd.org_id')
    .innerJoin('people as p', 'p.id', 'd.person_id')
    .leftJoin('memberships as ms', 'ms.id', 'd.membership_id')
    .leftJoin('organizations as mo', 'mo.id', 'ms.org_id')
    .selectAll('d')
    .select(['p.name as person_name', 'p.birth_date', 'ms.left_on as member_left_on', 'ms.org_id as member_org_id'])
    .where((w) =>
      w.or([
        w.and([w('o.path', '>=', rootPath), w('o.path', '<', upper)]),
        w.and([w('mo.path', '>=', rootPath), w('mo.path', '<', upper)]),
      ]),
    )
    .execute();
}
type DevelopmentRow = Awaited<ReturnType<typeof readDevelopment>>[number];

/** Memberships of the subtree begun by `joinedBy` and not ended by `leftAfter` (both the day judged, for one period). */
function readMembers(ctx: Ctx, rootPath: string, upper: string, joinedBy: IsoDate, leftAfter: IsoDate) {
  return ctx.db
    .selectFrom('memberships as ms')
    .innerJoin('organizations as o', 'o.id', 'ms.org_id')
    .innerJoin('people as p', 'p.id', 'ms.person_id')
    .leftJoin(
      (eb) => eb.selectFrom('member_transfers as t').select(['t.membership_id', (e) => e.fn.max('t.transferred_on').as('last_in')]).groupBy('t.membership_id').as('tr'),
      (j) => j.onRef('tr.membership_id', '=', 'ms.id'),
    )
    .leftJoin(
      (eb) => eb.selectFrom('development_records as dr').select(['dr.membership_id']).where('dr.membership_id', 'is not', null).groupBy('dr.membership_id').as('dv'),
      (j) => j.onRef('dv.membership_id', '=', 'ms.id'),
    )
    .select(['ms.id', 'ms.org_id', 'p.name', 'ms.status', 'ms.joined_on', 'ms.confirmed_on', 'ms.entry_kind', 'ms.entry_on', 'ms.is_mobile', 'tr.last_in', 'dv.membership_id as developed', 'ms.party_post', 'ms.left_on'])
    .where('o.path', '>=', rootPath)
    .where('o.path', '<', upper)
    .where('ms.joined_on', '<=', joinedBy)
    .where((w) => w.or([w('ms.left_on', 'is', null), w('ms.left_on', '>', leftAfter)]))
    .execute();
}
type MemberRow = Awaited<ReturnType<typeof readMembers>>[number];

/** Absentees of the meetings every member is expected at, held after `after` up to `to`. */
function readAbsences(ctx: Ctx, rootPath: string, upper: string, after: IsoDate, to: IsoDate) {
  return ctx.db
    .selectFrom('meeting_absences as ma')
    .innerJoin('meetings as mt', 'mt.id', 'ma.meeting_id')
    .innerJoin('organizations as o', 'o.id', 'mt.org_id')
    .select(['ma.meeting_id', 'ma.name'])
    .where('o.path', '>=', rootPath)
    .where('o.path', '<', upper)
    .where('mt.kind', 'in', [...MEMBER_MEETING_KINDS])
    .where('mt.held_on', '>', after)
    .where('mt.held_on', '<=', to)
    .execute();
}

function readBases(ctx: Ctx, rootPath: string, upper: string) {
  return ctx.db
    .selectFrom('dues_bases as b')
    .innerJoin('memberships as ms', 'ms.id', 'b.membership_id')
    .innerJoin('organizations as o', 'o.id', 'ms.org_id')
    .select(['b.membership_id', 'b.from_month', 'b.category', 'b.base_fen'])
    .where('o.path', '>=', rootPath)
    .where('o.path', '<', upper)
    .execute();
}

function readApprovals(ctx: Ctx, rootPath: string, upper: string, approvedBy: IsoDate) {
  return ctx.db
    .selectFrom('dues_approvals as a')
    .innerJoin('memberships as ms', 'ms.id', 'a.membership_id')
    .innerJoin('organizations as o', 'o.id', 'ms.org_id')
    .select(['a.membership_id', 'a.kind', 'a.from_month', 'a.to_month', 'a.monthly_fen', 'a.approved_on'])
    .where('o.path', '>=', rootPath)
    .where('o.path', '<', upper)
    .where('a.approved_on', '<=', approvedBy)
    .execute();
}

/** Payments for the months after `afterMonth` (the look-back, to count arrears), and those paid within `range` (back-pay). */
function readPayments(ctx: Ctx, rootPath: string, upper: string, paidBy: IsoDate, afterMonth: string, range: { from: IsoDate; to: IsoDate }) {
  return ctx.db
    .selectFrom('dues_payments as p')
    .innerJoin('memberships as ms', 'ms.id', 'p.membership_id')
    .innerJoin('organizations as o', 'o.id', 'ms.org_id')
    .select(['p.membership_id', 'p.month', 'p.due_fen', 'p.paid_fen', 'p.paid_on'])
    .where('o.path', '>=', rootPath)
    .where('o.path', '<', upper)
    .where('p.paid_on', '<=', paidBy)
    .where((w) => w.or([w('p.month', '>', afterMonth), w.and([w('p.paid_on', '>=', range.from), w('p.paid_on', '<=', range.to)])]))
    .execute();
}
