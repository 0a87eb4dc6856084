/**
 * The bare SQL that computes the facts the rule engine judges (src/rules/facts.ts), written by hand and run on the
 * raw driver: what `npm run bench` sets rule evaluation against. Parameters: $1 root path, $2 its upper bound,
 * $3 the day judged, $4 the first day meetings are read from, $5 the period's last day, $6 the attendance look-back,
 * $7 the look-back's month, $8 the period's first day.
 * The engine then works out attendance in memory from the meetings and absentees read.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';

const MEMBER_KINDS = `('支部党员大会', '党课', '主题党日', '组织生活会', '民主评议党员')`;

export const FACT_QUERIES: Record<string, string> = {
  orgs: `
    select o.id, o.code, o.name, o.kind, o.sector, o.parent_id, o.path, o.depth, o.established_on, o.last_election_on,
           o.term_years, o.term_extended_to, o.committee_size, c.full, c.probationary
    from organizations o
    left join (
      select m.org_id,
             sum(case when m.status = '正式党员' and (m.confirmed_on is null or m.confirmed_on <= $3) then 1 else 0 end) as full,
             sum(case when m.status = '正式党员' and (m.confirmed_on is null or m.confirmed_on <= $3) then 0 else 1 end) as probationary
      from memberships m
      where m.joined_on <= $3 and (m.left_on is null or m.left_on > $3)
      group by m.org_id
    ) c on c.org_id = o.id
    where o.path >= $1 and o.path < $2
    order by o.path`,
  meetings: `
    select mt.id, mt.org_id, mt.kind, mt.held_on, mt.expected_count, mt.attended_count
    from meetings mt join organizations o on o.id = mt.org_id
    where o.path >= $1 and o.path < $2 and mt.held_on >= $4 and mt.held_on <= $5`,
  development: `
    select d.*, p.name as person_name, p.birth_date, ms.left_on as member_left_on, ms.org_id as member_org_id
    from development_records d
    join organizations o on o.id = d.org_id
    join people p on p.id = d.person_id
    left join memberships ms on ms.id = d.membership_id
    left join organizations mo on mo.id = ms.org_id
    where (o.path >= $1 and o.path < $2) or (mo.path >= $1 and mo.path < $2)`,
  members: `
    select ms.id, ms.org_id, p.name, ms.status, ms.joined_on, ms.confirmed_on, ms.entry_kind, ms.entry_on, ms.is_mobile,
           tr.last_in, dv.membership_id as developed
    from memberships ms
    join organizations o on o.id = ms.org_id
    join people p on p.id = ms.person_id
    left join (select membership_id, max(transferred_on) as last_in from member_transfers group by membership_id) tr on tr.membership_id = ms.id
    left join (select membership_id from development_records where membership_id is not null group by membership_id) dv on dv.membership_id = ms.id
    where o.path >= $1 and o.path < $2 and ms.joined_on <= $3 and (ms.left_on is null or ms.left_on > $3)`,
  absences: `
    select ma.meeting_id, ma.name
    from meeting_absences ma
    join meetings mt on mt.id = ma.meeting_id
    join organizations o on o.id = mt.org_id
    where o.path >= $1 and o.path < $2 and mt.kind in ${MEMBER_KINDS} and mt.held_on > $6 and mt.held_on <= $3`,
  duesBases: `
    select b.membership_id, b.from_month, b.category, b.base_fen
    from dues_bases b join memberships ms on ms.id = b.membership_id join organizations o on o.id = ms.org_id
    where o.path >= $1 and o.path < $2`,
  duesApprovals: `
    select a.membership_id, a.kind, a.from_month, a.to_month, a.monthly_fen
    from dues_approvals a join memberships ms on ms.id = a.membership_id join organizations o on o.id = ms.org_id
    where o.path >= $1 and o.path < $2 and a.approved_on <= $3`,
  duesPayments: `
    select p.membership_id, p.month, p.due_fen, p.paid_fen, p.paid_on
    from dues_payments p join memberships ms on ms.id = p.membership_id join organizations o on o.id = ms.org_id
    where o.path >= $1 and o.path < $2 and p.paid_on <= $3 and (p.month > $7 or (p.paid_on >= $8 and p.paid_on <= $5))`,
};

export interface BareFacts {
  /** Runs the fact queries; returns the number of rows each returned. */
  run(params: string[]): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export function sqliteFacts(file: string): BareFacts {
  const db = new SQLite(file);
  const stmts = Object.entries(FACT_QUERIES).map(([name, text]) => [name, db.prepare(text.replace(/\$(\d)/g, '@p$1'))] as const);
  return {
    run: async (params) => {
      const bind = Object.fromEntries(params.map((v, i) => [`p${i + 1}`, v]));
      const out: Record<string, number> = {};
      for (const [name, stmt] of stmts) {
        const used = Object.fromEntries(Object.entries(bind).filter(([k]) => FACT_QUERIES[name]!.includes(`$${k.slice(1)}`)));
        out[name] = stmt.all(used).length;
      }
      return out;
    },
    close: async () => {
      db.close();
    },
  };
}

export function pgFacts(url: string, schema: string): BareFacts {
  const pool = new pg.Pool({ connectionString: url, max: 1, options: `-c search_path=${schema}` });
  return {
    run: async (params) => {
      const out: Record<string, number> = {};
      for (const [name, text] of Object.entries(FACT_QUERIES)) {
        // PostgreSQL wants every numbered parameter up to the highest used: renumber those this query uses.
        const used = [...new Set([...text.matchAll(/\$(\d)/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
        const renumbered = text.replace(/\$(\d)/g, (_, d: string) => `$${used.indexOf(Number(d)) + 1}`);
        out[name] = (await pool.query(renumbered, used.map((i) => params[i - 1]))).rowCount ?? 0;
      }
      return out;
    },
    close: () => pool.end(),
  };
}
