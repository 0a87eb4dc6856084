import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeOrg } from '../../../test/factories.js';
import { createTestDatabase, ENGINES, TEST_TODAY, useTestDatabase } from '../../../test/helpers/test-db.js';
import type { Ctx } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { addMonths, ageOn } from '../../shared/dates.js';
import { AppError } from '../../shared/errors.js';
import { isValidMobile, parseIdNumber } from '../../shared/id-number.js';
import { BRANCH_KINDS, ORG_KINDS, SECTORS } from '../../shared/vocab.js';
import { dueFor, type ApprovalRow, type BaseRow, type DuesApprovalKind, type DuesCategory } from '../dues/dues-rates.js';
import { generateDemo, isDatabaseEmpty } from './generate-demo.js';

const TABLES = [
  'organizations', 'people', 'memberships', 'member_transfers', 'development_records', 'meetings', 'meeting_absences', 'dues_bases', 'dues_approvals',
  'dues_payments',
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
    ];
    for (const [table, columns] of dated) for (const c of columns) expect(await latest(table, c) <= TEST_TODAY, `${table}.${c}`).toBe(true);
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
