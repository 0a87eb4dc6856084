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
import { generateDemo, isDatabaseEmpty } from './generate-demo.js';

const TABLES = ['organizations', 'people', 'memberships', 'member_transfers', 'development_records', 'meetings', 'meeting_absences'] as const;

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
