import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeOrg } from '../../../test/factories.js';
import { createTestDatabase, ENGINES, TEST_TODAY, useTestDatabase } from '../../../test/helpers/test-db.js';
import type { Ctx } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { catalogEntry } from '../../indicators/catalog.js';
import { addDays, addMonths, ageOn } from '../../shared/dates.js';
import { AppError } from '../../shared/errors.js';
import { isValidMobile, parseIdNumber } from '../../shared/id-number.js';
import { BRANCH_KINDS, HONOR_KINDS, ORG_KINDS, SECTORS, SERVICE_KINDS, TEAM_KINDS, TRAINING_KINDS } from '../../shared/vocab.js';
import { dueFor, type ApprovalRow, type BaseRow, type DuesApprovalKind, type DuesCategory } from '../dues/dues-rates.js';
import { BUILTIN_SCHEMES, CENTRAL_SCHEME_CODE, STAR_SCHEME_CODE } from '../ratings/builtin-schemes.js';
import { computeGrade } from '../ratings/rating-grade.js';
import { checkServiceRecord } from '../service/service-rules.js';
import { CONCENTRATED_STUDY_KINDS, LEADER_REQUIRED_MINUTES, MEMBER_REQUIRED_MINUTES, STUDY_DAILY_POINTS_CAP } from '../study/study-points.js';
import { generateDemo, isDatabaseEmpty } from './generate-demo.js';

const TABLES = [
  'organizations', 'people', 'memberships', 'member_transfers', 'development_records', 'meetings', 'meeting_absences', 'dues_bases', 'dues_approvals',
  'dues_payments', 'trainings', 'training_attendance', 'study_records', 'service_records', 'community_reports', 'service_teams', 'service_team_members',
  'honors', 'donations', 'responsibility_lists', 'list_items', 'tasks', 'task_events', 'inspections', 'inspection_targets', 'problems', 'problem_events', 'ratings',
  'weak_org_cases', 'designations', 'disclosure_items', 'disclosures', 'cadre_events', 'publications', 'figure_sets', 'figure_values',
] as const;

/** A digest of every row of every table, leaving out the write timestamps. */
async function digest(ctx: Ctx): Promise<string> {
  const hash = createHash('sha256');
  for (const table of TABLES) {
    const rows = await ctx.db.selectFrom(table as keyof Database).selectAll().orderBy('id').execute();
    hash.update(`${table}:${rows.length};`);
    for (const row of rows) {
      const { created_at: _c, updated_at: _u, ...rest } = row as Record<string, unknown>;
      hash.update(JSON.stringify(rest));
    }
  }
  return hash.digest('hex');
}

async function count(ctx: Ctx, table: (typeof TABLES)[number]): Promise<number> {
  const row = await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(ENGINES)('the demo county on %s', (engine) => {
  const t = useTestDatabase(engine);

  it('is deterministic: the same seed gives the same rows, another seed other rows', async () => {
    const summary = await generateDemo(t.ctx, { members: 1500, seed: 7 });
    const twin = await createTestDatabase(engine);
    const other = await createTestDatabase(engine);
    try {
      expect(await generateDemo(twin.ctx, { members: 1500, seed: 7 })).toEqual(summary);
      expect(await digest(twin.ctx)).toBe(await digest(t.ctx));
      await generateDemo(other.ctx, { members: 1500, seed: 8 });
      expect(await digest(other.ctx)).not.toBe(await digest(t.ctx));
    } finally {
      await twin.close();
      await other.close();
    }
  });

  it('refuses a database that already holds organizations, and writes nothing', async () => {
    expect(await isDatabaseEmpty(t.ctx)).toBe(true);
    await makeOrg(t.ctx, { code: 'X', kind: '党委', sector: '机关' });
    expect(await isDatabaseEmpty(t.ctx)).toBe(false);
    const error = await generateDemo(t.ctx, { members: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DATABASE_NOT_EMPTY');
    expect([await count(t.ctx, 'organizations'), await count(t.ctx, 'people'), await count(t.ctx, 'meetings')]).toEqual([1, 0, 0]);
  });

  it('builds a county of the expected shape, with records that agree with the rules', async () => {
    const s = await generateDemo(t.ctx, { members: 2500, seed: 3 });
    const { db } = t.ctx;

    // The summary is what the database holds.
    expect(await count(t.ctx, 'organizations')).toBe(s.orgs.total);
    expect(await count(t.ctx, 'memberships')).toBe(2500);
    expect(s.members.total).toBe(2500);
    expect(await count(t.ctx, 'development_records')).toBe(s.development.total);
    expect(await count(t.ctx, 'meetings')).toBe(s.meetings.total);
    expect(await count(t.ctx, 'meeting_absences')).toBe(s.meetings.absences);

    // Every kind of organization, and branches in every sector.
    const orgs = await db.selectFrom('organizations').selectAll().execute();
    for (const kind of ORG_KINDS.filter((k) => k !== '党组')) expect(orgs.some((o) => o.kind === kind), kind).toBe(true);
    const branches = orgs.filter((o) => BRANCH_KINDS.includes(o.kind as never));
    for (const sector of SECTORS) expect(branches.some((o) => o.sector === sector), sector).toBe(true);
    expect(orgs.filter((o) => o.parent_id === null).map((o) => o.code)).toEqual(['C']);

    // Members: in branches, 18 or older when they joined, about 30% women, valid ID numbers and phones.
    const members = await db
      .selectFrom('memberships as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .innerJoin('organizations as o', 'o.id', 'm.org_id')
      .select(['o.kind', 'p.id_number', 'p.gender', 'p.birth_date', 'p.phone', 'm.joined_on', 'm.confirmed_on', 'm.status', 'm.left_on'])
      .execute();
    expect(members.every((m) => BRANCH_KINDS.includes(m.kind as never))).toBe(true);
    expect(members.every((m) => ageOn(m.birth_date, m.joined_on) >= 18)).toBe(true);
    const active = members.filter((m) => !m.left_on);
    const women = active.filter((m) => m.gender === '女').length / active.length;
    expect(women).toBeGreaterThan(0.25);
    expect(women).toBeLessThan(0.38);
    for (const m of members) {
      const id = parseIdNumber(m.id_number);
      expect(id.ok && id.value.gender === m.gender && id.value.birthDate === m.birth_date).toBe(true);
      if (m.phone) expect(isValidMobile(m.phone)).toBe(true);
      if (m.status === '预备党员') expect(m.confirmed_on).toBeNull();
    }
    const probationary = members.filter((m) => m.status === '预备党员').length;
    expect(probationary).toBeGreaterThan(0);
    expect(probationary / members.length).toBeLessThan(0.06);

    // 临时党支部: no members and no development, but meetings.
    const temporary = branches.filter((o) => o.kind === '临时党支部').map((o) => o.id);
    const inTemporary = (table: 'memberships' | 'development_records' | 'meetings') =>
      db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', 'in', temporary).executeTakeFirstOrThrow();
    expect(Number((await inTemporary('memberships')).n)).toBe(0);
    expect(Number((await inTemporary('development_records')).n)).toBe(0);
    expect(Number((await inTemporary('meetings')).n)).toBeGreaterThan(0);

    // Development at every stage; the approved ones are members.
    for (const [stage, n] of Object.entries(s.development.byStage)) expect(n, stage).toBeGreaterThan(0);
    const unlinked = await db.selectFrom('development_records').select('id').where('approved_on', 'is not', null).where('membership_id', 'is', null).execute();
    expect(unlinked).toEqual([]);

    // Meetings in nearly every branch; absentees never more than expected less attended.
    const withMeetings = new Set((await db.selectFrom('meetings').select('org_id').distinct().execute()).map((r) => r.org_id));
    expect(branches.filter((b) => withMeetings.has(b.id)).length / branches.length).toBeGreaterThan(0.9);
    const absences = await db
      .selectFrom('meetings as m')
      .leftJoin('meeting_absences as a', 'a.meeting_id', 'm.id')
      .select(['m.id', 'm.expected_count', 'm.attended_count', (eb) => eb.fn.count<number>('a.id').as('absent')])
      .groupBy(['m.id', 'm.expected_count', 'm.attended_count'])
      .execute();
    expect(absences.filter((m) => Number(m.absent) > m.expected_count - m.attended_count || m.attended_count > m.expected_count)).toEqual([]);

    // Committees (《支部条例》第二十一条) as the records state them: 3 or 5 where 7+ full members are, none in a smaller
    // branch or a 临时党支部; about 3% of the branches that need one have none. Only a committee holds 支委会.
    const fullRows = await db
      .selectFrom('memberships')
      .select(['org_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '=', '正式党员')
      .where('left_on', 'is', null)
      .groupBy('org_id')
      .execute();
    const full = new Map(fullRows.map((r) => [r.org_id, Number(r.n)]));
    for (const o of orgs.filter((x) => !BRANCH_KINDS.includes(x.kind as never))) expect(o.committee_size, o.code).toBeNull();
    for (const b of branches) {
      const n = full.get(b.id) ?? 0;
      if (b.kind === '临时党支部' || n < 7) expect(b.committee_size, b.code).toBe(0);
      else expect([0, n >= 20 ? 5 : 3], b.code).toContain(b.committee_size);
    }
    const due = branches.filter((b) => b.kind !== '临时党支部' && (full.get(b.id) ?? 0) >= 7);
    const lacking = due.filter((b) => b.committee_size === 0).length / due.length;
    expect(lacking).toBeGreaterThan(0.01);
    expect(lacking).toBeLessThan(0.06);
    const committeeMeetings = await db
      .selectFrom('meetings as m')
      .innerJoin('organizations as o', 'o.id', 'm.org_id')
      .select(['o.code', 'o.committee_size'])
      .where('m.kind', '=', '支委会')
      .execute();
    expect(committeeMeetings.length).toBeGreaterThan(0);
    expect(committeeMeetings.filter((m) => !m.committee_size)).toEqual([]);

    // Extensions of the term (延期换届): about a quarter of the overdue terms, one or two by more than a year.
    const termEndOf = (o: (typeof orgs)[number]) => (o.last_election_on && o.term_years ? addMonths(o.last_election_on, o.term_years * 12) : null);
    const overdue = orgs.filter((o) => (termEndOf(o) ?? TEST_TODAY) < TEST_TODAY);
    const extended = orgs.filter((o) => o.term_extended_to !== null);
    expect(extended.every((o) => overdue.includes(o))).toBe(true);
    expect(extended.length / overdue.length).toBeGreaterThan(0.15);
    expect(extended.length / overdue.length).toBeLessThan(0.5);
    const tooLong = extended.filter((o) => o.term_extended_to! > addMonths(termEndOf(o)!, 12)).length;
    expect(tooLong).toBeGreaterThanOrEqual(1);
    expect(tooLong).toBeLessThanOrEqual(2);

    // Party dues: every member of a standing branch has a base; the ledger agrees with the rules; planted arrears.
    expect(await count(t.ctx, 'dues_bases')).toBe(s.dues.bases);
    expect(await count(t.ctx, 'dues_approvals')).toBe(s.dues.approvals);
    expect(await count(t.ctx, 'dues_payments')).toBe(s.dues.payments);
    const ms = await db.selectFrom('memberships').select(['id', 'org_id', 'joined_on', 'entry_kind', 'entry_on', 'left_on']).execute();
    const basesOf = new Map<number, BaseRow[]>();
    for (const b of await db.selectFrom('dues_bases').selectAll().execute()) {
      basesOf.set(b.membership_id, [...(basesOf.get(b.membership_id) ?? []), { fromMonth: b.from_month, category: b.category as DuesCategory, baseFen: b.base_fen }]);
      if (['在职', '离退休'].includes(b.category)) expect(b.base_fen! >= 250_000 && b.base_fen! <= 1_400_000, `${b.category} ${b.base_fen}`).toBe(true);
      else expect(b.base_fen).toBeNull();
    }
    const approvals = await db.selectFrom('dues_approvals').selectAll().execute();
    const approvalsOf = new Map<number, ApprovalRow[]>();
    for (const a of approvals) {
      approvalsOf.set(a.membership_id, [...(approvalsOf.get(a.membership_id) ?? []), { kind: a.kind as DuesApprovalKind, fromMonth: a.from_month, toMonth: a.to_month, monthlyFen: a.monthly_fen }]);
    }
    const membersOf = new Map(ms.map((m) => [m.id, m]));
    const stayed = ms.filter((m) => !m.left_on);
    expect(stayed.filter((m) => basesOf.has(m.id)).length / stayed.length).toBeGreaterThan(0.99);
    const payments = await db.selectFrom('dues_payments').selectAll().execute();
    const lastPaid = new Map<number, string>();
    let inMonth = 0;
    for (const p of payments) {
      const m = membersOf.get(p.membership_id)!;
      expect(p.due_fen, `${p.membership_id} ${p.month}`).toBe(dueFor(basesOf.get(p.membership_id) ?? [], approvalsOf.get(p.membership_id) ?? [], p.month));
      expect(p.org_id).toBe(m.org_id);
      expect(p.paid_on <= TEST_TODAY && p.month <= TEST_TODAY.slice(0, 7)).toBe(true);
      expect(p.month >= m.joined_on.slice(0, 7) && p.paid_on >= m.joined_on).toBe(true);
      if (m.left_on) expect(p.month < m.left_on.slice(0, 7) && p.paid_on <= m.left_on).toBe(true);
      if (p.paid_on.startsWith(p.month)) inMonth++;
      if ((lastPaid.get(p.membership_id) ?? '') < p.month) lastPaid.set(p.membership_id, p.month);
    }
    expect(payments.filter((p) => temporary.includes(p.org_id))).toEqual([]);
    expect(inMonth / payments.length).toBeGreaterThan(0.75);
    // Months behind at the end: 3–5 for about 2% of the members on the roll, 6 or more for about 0.5%.
    const endMonth = TEST_TODAY.slice(0, 7);
    const behind = (m: (typeof ms)[number]) => {
      const last = lastPaid.get(m.id);
      if (!last) return 0;
      return (Number(endMonth.slice(0, 4)) - Number(last.slice(0, 4))) * 12 + Number(endMonth.slice(5)) - Number(last.slice(5));
    };
    const exempt = new Set(approvals.filter((a) => a.kind !== '减交').map((a) => a.membership_id));
    const counted = stayed.filter((m) => lastPaid.has(m.id) && !exempt.has(m.id));
    const share = (from: number, to: number) => counted.filter((m) => behind(m) >= from && behind(m) <= to).length / counted.length;
    expect(share(4, 6)).toBeGreaterThan(0.01);
    expect(share(4, 6)).toBeLessThan(0.04);
    expect(share(7, 99)).toBeGreaterThan(0.001);
    expect(share(7, 99)).toBeLessThan(0.012);
    expect(s.dues.quarterlyBranches).toBeGreaterThanOrEqual(1);
    expect(approvals.filter((a) => a.kind === '按季交纳').length).toBeGreaterThan(0);
    expect(approvals.filter((a) => a.kind === '减交' || a.kind === '免交').length).toBeGreaterThan(0);
    // A few 补交 more than six months after the month.
    const monthsLate = (p: (typeof payments)[number]) =>
      (Number(p.paid_on.slice(0, 4)) - Number(p.month.slice(0, 4))) * 12 + Number(p.paid_on.slice(5, 7)) - Number(p.month.slice(5, 7));
    expect(payments.filter((p) => monthsLate(p) > 6).length).toBeGreaterThan(0);

    // No record dated after today.
    const latest = async (table: keyof Database, column: string) => {
      const row = await db.selectFrom(table).select((eb) => eb.fn.max(column as never).as('d')).executeTakeFirstOrThrow();
      return (row as { d: string | null }).d ?? '';
    };
    const dated: [keyof Database, string[]][] = [
      ['organizations', ['established_on', 'last_election_on']],
      ['people', ['birth_date']],
      ['memberships', ['joined_on', 'confirmed_on', 'entry_on', 'left_on']],
      ['development_records', ['applied_on', 'activist_on', 'candidate_on', 'branch_meeting_on', 'approved_on', 'oath_on', 'conversion_meeting_on', 'conversion_approved_on', 'extension_decided_on']],
      ['meetings', ['held_on']],
      ['dues_approvals', ['approved_on']],
      ['dues_payments', ['paid_on']],
      ['trainings', ['start_on', 'end_on']],
      ['study_records', ['studied_on']],
      ['service_records', ['happened_on', 'done_on']],
      ['community_reports', ['reported_on', 'ended_on']],
      ['service_teams', ['established_on', 'dissolved_on']],
      ['service_team_members', ['joined_on', 'left_on']],
      ['honors', ['awarded_on', 'revoked_on']],
      ['donations', ['donated_on']],
      ['responsibility_lists', ['issued_on']],
      ['tasks', ['start_on', 'completed_on']],
      ['task_events', ['happened_on']],
      ['inspections', ['start_on', 'end_on']],
      ['problems', ['found_on', 'rectified_on', 'accepted_on', 'closed_on']],
      ['problem_events', ['happened_on']],
      ['ratings', ['decided_on']],
      ['weak_org_cases', ['flagged_on', 'closed_on']],
      ['designations', ['designated_on', 'revoked_on']],
      ['disclosures', ['proposed_on', 'reviewed_on', 'approved_on', 'published_on']],
      ['cadre_events', ['happened_on']],
      ['publications', ['published_on']],
      ['figure_sets', ['period_end', 'entered_on']],
    ];
    for (const [table, columns] of dated) for (const c of columns) expect(await latest(table, c) <= TEST_TODAY, `${table}.${c}`).toBe(true);
  });

  it('gives the members two years of member-work records, with the shortfalls the rules must find', async () => {
    const s = await generateDemo(t.ctx, { members: 2500, seed: 3 });
    const { db } = t.ctx;
    const n = async (table: (typeof TABLES)[number]) => count(t.ctx, table);
    expect(await n('trainings')).toBe(s.study.trainings);
    expect(await n('training_attendance')).toBe(s.study.attendance);
    expect(await n('study_records')).toBe(s.study.records);
    expect(await n('service_records')).toBe(s.service.records);
    expect(await n('community_reports')).toBe(s.service.reports);
    expect(await n('service_teams')).toBe(s.service.teams);
    expect(await n('service_team_members')).toBe(s.service.teamPeople);
    expect(await n('honors')).toBe(s.honors.total);
    expect(await n('donations')).toBe(s.donations.donations);

    // Party posts: one 书记 in every standing branch with members, a 正式党员 on the roll; the committee as recorded.
    const orgs = await db.selectFrom('organizations').selectAll().execute();
    const ms = await db.selectFrom('memberships').select(['id', 'org_id', 'status', 'left_on', 'party_post', 'joined_on', 'entry_kind', 'entry_on']).execute();
    const withMembers = new Set(ms.map((m) => m.org_id));
    const standing = orgs.filter((o) => BRANCH_KINDS.includes(o.kind as never) && o.kind !== '临时党支部' && withMembers.has(o.id));
    const postsOf = (orgId: number) => ms.filter((m) => m.org_id === orgId && m.party_post);
    for (const b of standing) {
      const posts = postsOf(b.id);
      expect(posts.filter((m) => m.party_post === '书记').length, b.code).toBe(1);
      expect(posts.every((m) => m.status === '正式党员' && m.left_on === null), b.code).toBe(true);
      expect(posts.length, b.code).toBeLessThanOrEqual(Math.max(1, b.committee_size ?? 0));
      if ((b.committee_size ?? 0) < 5) expect(posts.some((m) => m.party_post === '副书记'), b.code).toBe(false);
    }
    expect(ms.filter((m) => m.party_post).length).toBe(s.posts.书记 + s.posts.副书记 + s.posts.委员);
    expect(s.posts.副书记).toBeGreaterThan(0);
    expect(s.posts.委员).toBeGreaterThan(s.posts.书记);

    // Trainings of every kind but 观摩学习, for the audiences the brief names; 理论宣讲 counted by heads.
    const trainings = await db.selectFrom('trainings').selectAll().execute();
    for (const kind of TRAINING_KINDS.filter((k) => k !== '观摩学习')) expect(trainings.some((x) => x.kind === kind), kind).toBe(true);
    for (const audience of ['全体党员', '村（社区）“两委”成员', '基层党组织书记', '新任干部', '公务员', '群众']) expect(trainings.some((x) => x.audience === audience), audience).toBe(true);
    expect(trainings.filter((x) => x.kind === '理论宣讲').every((x) => x.audience_count !== null && x.concentrated === 0)).toBe(true);
    expect(trainings.some((x) => x.subject === '乡村振兴')).toBe(true);
    expect(trainings.every((x) => x.start_on <= x.end_on && x.minutes > 0)).toBe(true);

    // Points: one a full half hour, at most 8 a member a day.
    const records = await db.selectFrom('study_records').select(['membership_id', 'studied_on', 'minutes', 'points', 'org_id']).execute();
    expect(records.every((r) => r.points >= 0 && r.points <= Math.floor(r.minutes / 30))).toBe(true);
    const perDay = new Map<string, number>();
    for (const r of records) perDay.set(`${r.membership_id}|${r.studied_on}`, (perDay.get(`${r.membership_id}|${r.studied_on}`) ?? 0) + r.points);
    expect([...perDay.values()].every((p) => p <= STUDY_DAILY_POINTS_CAP)).toBe(true);
    const orgOf = new Map(ms.map((m) => [m.id, m.org_id]));
    expect(records.every((r) => r.org_id === orgOf.get(r.membership_id))).toBe(true);

    // Hours in the last complete year, counted from the rows: 集中培训 attended + 集中学习, 网络培训, 专题讲座.
    const year = s.study.year!;
    expect(year).toBe(Number(TEST_TODAY.slice(0, 4)) - 1);
    const [from, to] = [`${year}-01-01`, `${year}-12-31`];
    const attended = await db
      .selectFrom('training_attendance as a')
      .innerJoin('trainings as x', 'x.id', 'a.training_id')
      .select(['a.membership_id', (eb) => eb.fn.sum<number>('a.minutes').as('minutes'), (eb) => eb.fn.sum<number>('a.completed').as('completed')])
      .where('x.concentrated', '=', 1)
      .where('x.start_on', '>=', from)
      .where('x.start_on', '<=', to)
      .groupBy('a.membership_id')
      .execute();
    const studied = await db
      .selectFrom('study_records')
      .select(['membership_id', (eb) => eb.fn.sum<number>('minutes').as('minutes')])
      .where('kind', 'in', [...CONCENTRATED_STUDY_KINDS])
      .where('studied_on', '>=', from)
      .where('studied_on', '<=', to)
      .groupBy('membership_id')
      .execute();
    const minutes = new Map<number, number>();
    const trained = new Map<number, number>();
    for (const r of attended) {
      minutes.set(r.membership_id, Number(r.minutes));
      trained.set(r.membership_id, Number(r.completed));
    }
    for (const r of studied) minutes.set(r.membership_id, (minutes.get(r.membership_id) ?? 0) + Number(r.minutes));
    const since = (m: (typeof ms)[number]) => (m.entry_kind === '转入组织关系' ? m.entry_on! : m.joined_on);
    const allYear = ms.filter((m) => since(m) <= from && (!m.left_on || m.left_on > to));
    const hoursOf = (m: (typeof ms)[number]) => minutes.get(m.id) ?? 0;
    const ordinary = allYear.filter((m) => !m.party_post);
    const below = ordinary.filter((m) => hoursOf(m) < MEMBER_REQUIRED_MINUTES).length;
    expect(below).toBe(s.study.below32);
    expect(below / ordinary.length).toBeGreaterThan(0.035);
    expect(below / ordinary.length).toBeLessThan(0.09);
    const secretaries = allYear.filter((m) => m.party_post === '书记');
    const between = secretaries.filter((m) => hoursOf(m) >= MEMBER_REQUIRED_MINUTES && hoursOf(m) < LEADER_REQUIRED_MINUTES).length;
    const untrained = secretaries.filter((m) => hoursOf(m) >= LEADER_REQUIRED_MINUTES && !trained.get(m.id)).length;
    expect(between).toBe(s.study.secretariesBetween);
    expect(untrained).toBe(s.study.secretariesNoTraining);
    expect(between).toBeGreaterThanOrEqual(1);
    expect(untrained).toBeGreaterThanOrEqual(1);
    const leaders = allYear.filter((m) => m.party_post);
    const met = leaders.filter((m) => hoursOf(m) >= LEADER_REQUIRED_MINUTES && (trained.get(m.id) ?? 0) >= 1).length;
    expect(met / leaders.length).toBeGreaterThan(0.88);
    expect(met).toBeLessThan(leaders.length);
    const studyRows = (s.study.records + s.study.attendance) / (s.members.total * 2);
    expect(studyRows).toBeLessThan(6);

    // Service records agree with the rules of one record; 办实事 long open, disputes by category; reports, teams.
    const service = await db.selectFrom('service_records').selectAll().execute();
    for (const r of service) {
      expect(checkServiceRecord({ kind: r.kind, happenedOn: r.happened_on, status: r.status, doneOn: r.done_on, minutes: r.minutes }, TEST_TODAY), `${r.id}`).toEqual([]);
    }
    for (const kind of SERVICE_KINDS) expect(service.filter((r) => r.kind === kind).length, kind).toBe(s.service.byKind[kind]);
    for (const c of ['劳资纠纷', '集访', '邻里纠纷']) expect(service.some((r) => r.kind === '矛盾纠纷化解' && r.category === c), c).toBe(true);
    const halfYearAgo = addMonths(TEST_TODAY, -6);
    const practical = service.filter((r) => r.kind === '办实事');
    const longOpen = practical.filter((r) => r.status === '办理中' && r.happened_on < halfYearAgo).length;
    expect(longOpen).toBeGreaterThanOrEqual(1);
    expect(practical.filter((r) => r.status === '已办结').length / practical.length).toBeGreaterThan(0.8);
    expect(service.filter((r) => r.kind === '志愿服务').every((r) => r.minutes! > 0 && r.beneficiaries! > 0)).toBe(true);
    const reports = await db.selectFrom('community_reports').selectAll().execute();
    const byId = new Map(orgs.map((o) => [o.id, o]));
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((r) => ['机关', '事业单位', '学校'].includes(byId.get(r.org_id)!.sector) && r.org_id === orgOf.get(r.membership_id))).toBe(true);
    expect(reports.every((r) => ['县级', '乡镇（街道）级'].includes(r.unit_level))).toBe(true);
    const inTree = reports.filter((r) => r.community_org_id !== null);
    expect(inTree.length / reports.length).toBeGreaterThan(0.8);
    expect(inTree.every((r) => byId.get(r.community_org_id!)!.sector === '社区' && byId.get(r.community_org_id!)!.name === r.community_name)).toBe(true);
    const teams = await db.selectFrom('service_teams').selectAll().execute();
    for (const kind of TEAM_KINDS) expect(teams.some((x) => x.kind === kind), kind).toBe(true);
    expect(teams.some((x) => x.dissolved_on !== null)).toBe(true);
    const teamPeople = await db.selectFrom('service_team_members').selectAll().execute();
    expect(teamPeople.some((p) => p.membership_id === null && p.name)).toBe(true);
    expect(teamPeople.every((p) => (p.membership_id === null) !== (p.name === null))).toBe(true);

    // Honors: about 1% of the members 优秀共产党员 each 七一, at county and township level; higher levels, nominations,
    // households, 季度之星; one revoked.
    const honors = await db.selectFrom('honors').selectAll().execute();
    for (const kind of HONOR_KINDS.filter((k) => k !== '命名')) expect(honors.some((h) => h.kind === kind), kind).toBe(true);
    for (const level of ['县级', '乡镇（街道）级', '市（州）级', '省级', '本单位']) expect(honors.some((h) => h.level === level), level).toBe(true);
    const excellent = honors.filter((h) => h.title === '优秀共产党员' && h.kind === '表彰' && h.awarded_on.startsWith(String(year))).length;
    expect(excellent / s.members.active).toBeGreaterThan(0.006);
    expect(excellent / s.members.active).toBeLessThan(0.016);
    expect(honors.some((h) => h.title === '优秀党务工作者') && honors.some((h) => h.title === '先进基层党组织' && h.recipient_org_id !== null)).toBe(true);
    expect(honors.filter((h) => h.recipient_kind === '家庭').every((h) => h.membership_id === null && h.recipient_name.endsWith('家庭'))).toBe(true);
    expect(honors.filter((h) => h.revoked_on !== null).length).toBe(1);
    expect(honors.filter((h) => h.membership_id !== null).every((h) => h.org_id === orgOf.get(h.membership_id!))).toBe(true);

    // Donations: 60–80% of the members on the roll give to each appeal, plausible amounts.
    const donations = await db.selectFrom('donations').selectAll().execute();
    const campaigns = [...new Set(donations.map((d) => d.campaign))];
    expect(campaigns.length).toBe(s.donations.campaigns);
    expect(campaigns.length).toBe(2);
    for (const c of campaigns) {
      const gifts = donations.filter((d) => d.campaign === c);
      const on = gifts[0]!.donated_on;
      const onRoll = ms.filter((m) => since(m) <= on && (!m.left_on || m.left_on > on)).length;
      expect(gifts.length / onRoll, c).toBeGreaterThan(0.6);
      expect(gifts.length / onRoll, c).toBeLessThan(0.8);
    }
    expect(donations.every((d) => d.amount_fen >= 2000 && d.amount_fen <= 300_000 && d.amount_fen % 100 === 0)).toBe(true);
    expect(donations.reduce((a, d) => a + d.amount_fen, 0)).toBe(s.donations.amountFen);
  });
  it('gives the county two years of supervision records, with the overdue items the rules must find', async () => {
    const s = await generateDemo(t.ctx, { members: 2500, seed: 3 });
    const v = s.supervision;
    const { db } = t.ctx;
    const n = async (table: (typeof TABLES)[number]) => count(t.ctx, table);
    const counted: [(typeof TABLES)[number], number][] = [
      ['responsibility_lists', v.lists], ['list_items', v.listItems], ['tasks', v.tasks], ['task_events', v.taskEvents], ['inspections', v.inspections],
      ['inspection_targets', v.inspectionTargets], ['problems', v.problems], ['problem_events', v.problemEvents], ['ratings', v.ratings], ['weak_org_cases', v.weakCases],
      ['designations', v.designations], ['disclosure_items', v.disclosureItems], ['disclosures', v.disclosures], ['cadre_events', v.cadreEvents],
      ['publications', v.publications], ['figure_sets', v.figureSets], ['figure_values', v.figureValues],
    ];
    for (const [table, expected] of counted) {
      expect(await n(table), table).toBe(expected);
      expect(expected, table).toBeGreaterThan(0);
    }
    const orgs = await db.selectFrom('organizations').select(['id', 'code', 'kind', 'sector', 'path', 'parent_id', 'name']).execute();
    const orgById = new Map(orgs.map((o) => [o.id, o]));
    const county = orgs.find((o) => o.parent_id === null)!;
    const years = [Number(TEST_TODAY.slice(0, 4)) - 1, Number(TEST_TODAY.slice(0, 4))];

    // Lists: the county's 主体责任清单 each year (20–30 items, some with targets) and the townships' own.
    const lists = await db.selectFrom('responsibility_lists').selectAll().execute();
    const items = await db.selectFrom('list_items').selectAll().execute();
    for (const y of years) {
      const own = lists.filter((l) => l.org_id === county.id && l.year === y && l.kind === '主体责任清单');
      expect(own.length, `${y}`).toBe(1);
      const mine = items.filter((i) => i.list_id === own[0]!.id);
      expect(mine.length).toBeGreaterThanOrEqual(20);
      expect(mine.length).toBeLessThanOrEqual(30);
      expect(mine.filter((i) => i.target_value !== null && i.target_unit !== null).length).toBeGreaterThan(5);
      expect(lists.filter((l) => l.year === y && orgById.get(l.org_id)!.parent_id === county.id).length).toBeGreaterThan(1);
    }
    expect(items.every((i) => i.org_id === lists.find((l) => l.id === i.list_id)!.org_id)).toBe(true);

    // Tasks: assigned from above to named people, with ordered progress; about 5% open past the deadline (planted).
    const tasks = await db.selectFrom('tasks').selectAll().execute();
    for (const c of ['书记项目', '党建品牌项目', '包联支部', '党建联系点', '责任书签订', '文明创建']) expect(tasks.some((x) => x.category === c), c).toBe(true);
    expect(tasks.every((x) => orgById.get(x.org_id)!.path.startsWith(orgById.get(x.assigned_by_org_id)!.path) && x.org_id !== x.assigned_by_org_id)).toBe(true);
    expect(tasks.every((x) => x.start_on <= x.deadline && x.owner_name.length >= 2 && (x.status === '已完成') === (x.completed_on !== null))).toBe(true);
    const overdueTasks = await db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['未开始', '进行中'])
      .where('deadline', '<', TEST_TODAY)
      .executeTakeFirstOrThrow();
    expect(Number(overdueTasks.n)).toBe(v.tasksOverdue);
    expect(v.tasksOverdue / v.tasks).toBeGreaterThan(0.02);
    expect(v.tasksOverdue / v.tasks).toBeLessThan(0.1);
    expect(tasks.filter((x) => x.completed_on !== null && x.completed_on > x.deadline).length).toBe(v.tasksLate);
    expect(v.tasksLate).toBeGreaterThan(0);
    const taskEvents = await db.selectFrom('task_events').selectAll().orderBy('id').execute();
    const eventsOf = new Map<number, typeof taskEvents>();
    for (const e of taskEvents) eventsOf.set(e.task_id, [...(eventsOf.get(e.task_id) ?? []), e]);
    for (const x of tasks) {
      const list = eventsOf.get(x.id) ?? [];
      expect(list.every((e) => e.org_id === x.org_id && e.happened_on >= x.start_on && e.happened_on <= TEST_TODAY), `task ${x.id}`).toBe(true);
      const percents = list.filter((e) => e.kind === '进展').map((e) => e.percent!);
      expect(percents.every((p, i) => i === 0 || p >= percents[i - 1]!), `task ${x.id}`).toBe(true);
      if (x.status === '已完成') expect(percents[percents.length - 1], `task ${x.id}`).toBe(100);
      else expect(percents.every((p) => p < 100), `task ${x.id}`).toBe(true);
    }
    expect(taskEvents.some((e) => e.kind === '督办') && taskEvents.some((e) => e.kind === '催办')).toBe(true);

    // Inspections: two 巡察 rounds a year over townships, villages and departments; the other kinds.
    const inspections = await db.selectFrom('inspections').selectAll().execute();
    for (const kind of ['巡察', '专项督查', '监督检查', '调研督导', '抽查']) expect(inspections.some((i) => i.kind === kind), kind).toBe(true);
    for (const y of years) expect(inspections.filter((i) => i.kind === '巡察' && i.start_on.startsWith(String(y))).length).toBe(2);
    const targets = await db.selectFrom('inspection_targets').selectAll().execute();
    const rounds = inspections.filter((i) => i.kind === '巡察');
    for (const r of rounds) {
      const kinds = new Set(targets.filter((x) => x.inspection_id === r.id).map((x) => x.unit_kind));
      expect(kinds.has('乡镇（街道）') && kinds.has('县直部门') && (kinds.has('村') || kinds.has('社区')), r.title).toBe(true);
    }
    expect(targets.every((x) => x.target_org_id !== null && orgById.has(x.target_org_id))).toBe(true);
    expect(rounds.some((r) => (r.clues_transferred ?? 0) > 0 && (r.notices_issued ?? 0) > 0)).toBe(true);

    // Problems: valid workflows replayed from their events; about 8% of those past the deadline still open (planted).
    const problems = await db.selectFrom('problems').selectAll().execute();
    const problemEvents = await db.selectFrom('problem_events').selectAll().orderBy('id').execute();
    const steps: Record<string, [string | null, string]> = {
      登记: [null, '待整改'], 制定措施: ['待整改', '整改中'], 报告进展: ['整改中', '整改中'], 提请验收: ['整改中', '待验收'], 验收通过: ['待验收', '待验收'],
      验收不通过: ['待验收', '整改中'], 销号: ['待验收', '已销号'], 重新整改: ['已销号', '整改中'],
    };
    const byProblem = new Map<number, typeof problemEvents>();
    for (const e of problemEvents) byProblem.set(e.problem_id, [...(byProblem.get(e.problem_id) ?? []), e]);
    const inspectionKind = new Map(inspections.map((i) => [i.id, i.kind]));
    for (const p of problems) {
      const list = byProblem.get(p.id)!;
      expect(list[0]!.action, `problem ${p.id}`).toBe('登记');
      let state: string | null = null;
      let last = p.found_on;
      let accepted = false;
      for (const e of list) {
        expect([e.from_status, e.to_status], `problem ${p.id} ${e.action}`).toEqual(steps[e.action]);
        expect(e.from_status, `problem ${p.id} ${e.action}`).toBe(state);
        if (e.action === '销号') expect(accepted, `problem ${p.id}`).toBe(true);
        accepted = e.action === '验收通过' ? true : e.action === '提请验收' || e.action === '重新整改' ? false : accepted;
        expect(e.happened_on >= last && e.org_id === p.org_id, `problem ${p.id}`).toBe(true);
        state = e.to_status;
        last = e.happened_on;
      }
      expect(state, `problem ${p.id}`).toBe(p.status);
      expect(p.closed_on !== null, `problem ${p.id}`).toBe(p.status === '已销号');
      expect(p.measures_count > 0, `problem ${p.id}`).toBe(p.status !== '待整改');
      if (p.inspection_id !== null) expect(inspectionKind.get(p.inspection_id), `problem ${p.id}`).toBe(p.source);
    }
    for (const source of ['巡察', '专项督查', '组织生活会', '查摆', '述职评议', '党建联系点']) expect(problems.some((p) => p.source === source), source).toBe(true);
    expect(new Set(problems.map((p) => p.category)).size).toBeGreaterThan(5);
    const overdueProblems = await db
      .selectFrom('problems')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '!=', '已销号')
      .where('deadline', '<', TEST_TODAY)
      .executeTakeFirstOrThrow();
    expect(Number(overdueProblems.n)).toBe(v.problemsOverdue);
    const pastDeadline = problems.filter((p) => p.deadline < TEST_TODAY).length;
    expect(v.problemsOverdue / pastDeadline).toBeGreaterThan(0.03);
    expect(v.problemsOverdue / pastDeadline).toBeLessThan(0.16);
    expect(problems.filter((p) => p.rectified_on !== null && p.rectified_on > p.deadline).length).toBe(v.problemsLate);
    expect(v.problemsLate).toBeGreaterThan(0);
    expect(problems.filter((p) => p.reopened === 1).length).toBe(1);
    expect(problemEvents.some((e) => e.action === '验收不通过')).toBe(true);

    // Ratings: every standing branch graded each decided year; grades agree with the bands; about 30/45/20/5.
    const ratings = await db.selectFrom('ratings').selectAll().execute();
    const central = ratings.filter((r) => r.scheme_code === CENTRAL_SCHEME_CODE);
    const config = BUILTIN_SCHEMES.find((x) => x.code === CENTRAL_SCHEME_CODE)!.config;
    for (const r of central) {
      const final = (JSON.parse(r.scores!) as { final: Record<string, number> }).final;
      expect(Math.abs(Object.values(final).reduce((a, b) => a + b, 0) - r.final_score!), `rating ${r.id}`).toBeLessThan(0.051);
      expect(r.final_grade, `rating ${r.id}`).toBe(computeGrade(config, { score: r.final_score!, publicSatisfaction: r.public_satisfaction }).grade);
      expect(r.decided_on! > `${r.year}-12-31` && r.decided_by !== null, `rating ${r.id}`).toBe(true);
    }
    const share = (g: string) => central.filter((r) => r.final_grade === g).length / central.length;
    expect(share('好')).toBeGreaterThan(0.2);
    expect(share('好')).toBeLessThan(0.4);
    expect(share('较好')).toBeGreaterThan(0.35);
    expect(share('较好')).toBeLessThan(0.55);
    expect(share('一般')).toBeGreaterThan(0.12);
    expect(share('一般')).toBeLessThan(0.3);
    expect(share('较差')).toBeGreaterThan(0);
    expect(share('较差')).toBeLessThan(0.1);
    const withMembers = new Set((await db.selectFrom('memberships').select('org_id').distinct().execute()).map((r) => r.org_id));
    const standing = orgs.filter((o) => withMembers.has(o.id) && o.kind !== '临时党支部');
    const lastYear = years[0]!;
    const graded = new Set(central.filter((r) => r.year === lastYear).map((r) => r.org_id));
    expect(standing.filter((o) => graded.has(o.id)).length / standing.length).toBeGreaterThan(0.95);
    const stars = ratings.filter((r) => r.scheme_code === STAR_SCHEME_CODE);
    expect(stars.length).toBe(v.starRatings);
    expect(stars.every((r) => ['非公有制企业', '社会组织', '国有企业'].includes(orgById.get(r.org_id)!.sector))).toBe(true);

    // 软弱涣散: the 上级认定 cases were among the lowest graded the year before; some closed out.
    const cases = await db.selectFrom('weak_org_cases').selectAll().execute();
    const gradeOf = new Map(central.map((r) => [`${r.org_id}:${r.year}`, r.final_grade]));
    expect(cases.filter((c) => c.source === '上级认定').every((c) => ['较差', '一般'].includes(gradeOf.get(`${c.org_id}:${c.year - 1}`) ?? ''))).toBe(true);
    expect(cases.filter((c) => c.status === '已销号').length).toBe(v.weakCasesClosed);
    expect(v.weakCasesClosed).toBeGreaterThan(0);
    expect(cases.filter((c) => c.status === '整顿中').every((c) => c.plan && c.leader_name && c.deadline)).toBe(true);

    // Designations: most village organizations 达标; 示范党支部 (one revoked), 星级, 党建示范村 新建 and 提升.
    const designations = await db.selectFrom('designations').selectAll().execute();
    const villages = new Set(designations.filter((d) => d.kind === '标准化规范化达标').map((d) => d.org_id));
    const villageOrgs = orgs.filter((o) => (o.sector === '农村' || o.sector === '社区') && orgById.get(o.parent_id ?? 0)?.parent_id === county.id && /(村|社区)/.test(o.name));
    expect(villages.size / villageOrgs.length).toBeGreaterThan(0.5);
    expect(designations.filter((d) => d.kind === '示范党支部' && d.revoked_on !== null).length).toBe(1);
    expect(designations.some((d) => d.kind === '党建示范村' && d.action === '新建') && designations.some((d) => d.kind === '党建示范村' && d.action === '提升')).toBe(true);
    expect(designations.some((d) => d.kind === '星级党组织')).toBe(true);

    // Disclosures: quarterly by every village and community organization; a few behind, a few never reviewed (planted).
    const itemsOf = await db.selectFrom('disclosure_items').selectAll().execute();
    const disclosures = await db.selectFrom('disclosures').selectAll().execute();
    expect(itemsOf.filter((i) => i.cadence === '每月' && i.org_id !== county.id).length).toBe(v.busyVillages);
    for (const d of disclosures) {
      const dates = [d.proposed_on, d.reviewed_on, d.approved_on, d.published_on].filter((x): x is string => x !== null);
      expect(dates.every((x, i) => i === 0 || x >= dates[i - 1]!), `disclosure ${d.id}`).toBe(true);
    }
    const lastQuarter = `${years[1]}Q3`;
    const quarterly = itemsOf.filter((i) => i.org_id === county.id && i.cadence === '每季度');
    const disclosing = [...new Set(disclosures.map((d) => d.org_id))];
    const published = new Set(disclosures.filter((d) => d.published_on !== null && d.published_on <= TEST_TODAY).map((d) => `${d.org_id}:${d.item_id}:${d.period_label}`));
    const behind = disclosing.filter((id) => quarterly.some((i) => i.sector === orgById.get(id)!.sector && !published.has(`${id}:${i.id}:${lastQuarter}`)));
    expect(behind.length).toBe(v.disclosuresBehind);
    expect(behind.length).toBeGreaterThanOrEqual(2);
    expect(behind.length / disclosing.length).toBeLessThan(0.15);
    const unreviewed = disclosures.filter((d) => d.reviewed_on === null && d.proposed_on < addDays(TEST_TODAY, -10)).length;
    expect(unreviewed).toBe(v.disclosuresUnreviewed);
    expect(unreviewed).toBeGreaterThanOrEqual(2);

    // Cadre events: members' under their own organization and name; recruitment by kind; reserve cadres; talks.
    const cadres = await db
      .selectFrom('cadre_events as c')
      .leftJoin('memberships as m', 'm.id', 'c.membership_id')
      .leftJoin('people as p', 'p.id', 'm.person_id')
      .select(['c.kind', 'c.subkind', 'c.org_id', 'c.frontline', 'c.person_name', 'c.membership_id', 'm.org_id as member_org', 'p.name'])
      .execute();
    expect(cadres.filter((c) => c.membership_id !== null).every((c) => c.org_id === c.member_org && c.person_name === c.name)).toBe(true);
    for (const kind of ['调整', '提拔', '招录', '后备干部', '提醒谈话', '诫勉', '考核评优']) expect(cadres.some((c) => c.kind === kind), kind).toBe(true);
    for (const sub of ['公务员', '选调生', '事业单位']) expect(cadres.some((c) => c.kind === '招录' && c.subkind === sub), sub).toBe(true);
    expect(cadres.some((c) => c.kind === '提拔' && c.frontline === 1)).toBe(true);

    // Publications by level and form; figure sets with catalog ids of the right source and unit.
    const publications = await db.selectFrom('publications').selectAll().execute();
    expect(new Set(publications.map((p) => p.medium_level)).size).toBeGreaterThanOrEqual(5);
    expect(publications.some((p) => p.form === '图文') && publications.some((p) => p.form === '视频' || p.form === '微视频')).toBe(true);
    const sets = await db.selectFrom('figure_sets').selectAll().execute();
    const values = await db.selectFrom('figure_values').selectAll().execute();
    expect(sets.filter((x) => x.source_department.endsWith('纪委监委')).length).toBeGreaterThanOrEqual(3);
    for (const x of values) {
      const set = sets.find((y) => y.id === x.set_id)!;
      const entry = catalogEntry(x.indicator_id);
      expect(entry?.source_record, x.indicator_id).toBe(set.source_department.endsWith('纪委监委') ? 'discipline_case_aggregate' : 'manual');
      expect(x.unit, x.indicator_id).toBe(entry!.unit);
      expect(x.value >= 0 && set.entered_on > set.period_end, x.indicator_id).toBe(true);
    }
  });
});

describe('the demo county on both engines', () => {
  it('writes the same rows on SQLite and PostgreSQL', async () => {
    const sqlite = await createTestDatabase('sqlite');
    const postgres = await createTestDatabase('postgres');
    try {
      await generateDemo(sqlite.ctx, { members: 1200, seed: 11 });
      await generateDemo(postgres.ctx, { members: 1200, seed: 11 });
      expect(await digest(postgres.ctx)).toBe(await digest(sqlite.ctx));
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  });
});
