import type { Ctx } from '../../context.js';
import type { IdNumberVault } from '../../shared/id-vault.js';
import { formatAbsentees } from '../meetings/meetings.schema.js';
import { orgFields, type OrgView } from '../orgs/orgs.schema.js';
import { STEPS } from '../development/steps.js';
import { yuan } from '../dues/dues-rates.js';

/** One exported row: cell values by field (see workbook-format.ts); text stays text, counts are numbers. */
export type ExportRow = Record<string, string | number | null>;

/** Organizations are read this many at a time; their records come back in one query per batch. */
const ORGS_PER_QUERY = 500;

/** Code order that is the same on both engines (PostgreSQL's collation may not sort codes byte-wise). */
export function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function orgRow(o: OrgView): ExportRow {
  return orgFields(o);
}

/**
 * The records of the given organizations, a batch of organizations at a time, in organization-code order and within
 * an organization by `order`. Memory stays bounded by one batch, however large the county.
 */
export async function* byOrg<T extends { org_id: number }>(
  orgs: OrgView[],
  fetch: (orgIds: number[]) => Promise<T[]>,
  order: (a: T, b: T) => number,
  present: (row: T, orgCode: string) => ExportRow,
): AsyncGenerator<ExportRow[]> {
  const sorted = [...orgs].sort((a, b) => byCode(a.code, b.code));
  for (let i = 0; i < sorted.length; i += ORGS_PER_QUERY) {
    const batch = sorted.slice(i, i + ORGS_PER_QUERY);
    const byOrgId = new Map(batch.map((o) => [o.id, [] as T[]]));
    for (const row of await fetch(batch.map((o) => o.id))) byOrgId.get(row.org_id)!.push(row);
    yield batch.flatMap((o) => byOrgId.get(o.id)!.sort(order).map((r) => present(r, o.code)));
  }
}

type PersonColumns = {
  name: string;
  id_number: string;
  gender: string;
  ethnicity: string;
  birth_date: string;
  education: string | null;
  occupation: string | null;
};

/** The person columns, written out field by field: an object spread per row is measurably slow at 100,000 rows. */
function personRow(p: PersonColumns, orgCode: string, vault: IdNumberVault): ExportRow {
  return {
    name: p.name,
    idNumber: vault.open(p.id_number),
    gender: p.gender,
    ethnicity: p.ethnicity,
    birthDate: p.birth_date,
    education: p.education,
    occupation: p.occupation,
    orgCode,
  };
}

const PERSON_COLUMNS = ['p.name', 'p.id_number', 'p.gender', 'p.ethnicity', 'p.birth_date', 'p.education', 'p.occupation'] as const;

/** Every member of the organizations, those who left included (with date and reason): a member is never deleted. */
export function memberRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    (ids) =>
      ctx.db
        .selectFrom('memberships as m')
        .innerJoin('people as p', 'p.id', 'm.person_id')
        .select([...PERSON_COLUMNS, 'p.phone', 'm.id', 'm.org_id', 'm.status', 'm.joined_on', 'm.confirmed_on'])
        .select(['m.is_mobile', 'm.mobile_destination', 'm.party_post', 'm.left_on', 'm.leave_reason'])
        .where('m.org_id', 'in', ids)
        .execute(),
    (a, b) => a.id - b.id,
    (r, orgCode) => {
      const row = personRow(r, orgCode, ctx.vault);
      row.status = r.status;
      row.joinedOn = r.joined_on;
      row.confirmedOn = r.confirmed_on;
      row.phone = r.phone;
      row.isMobile = r.is_mobile ? '是' : '否';
      row.mobileDestination = r.mobile_destination;
      row.partyPost = r.party_post;
      row.leftOn = r.left_on;
      row.leaveReason = r.leave_reason;
      return row;
    },
  );
}

export function developmentRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    (ids) =>
      ctx.db
        .selectFrom('development_records as d')
        .innerJoin('people as p', 'p.id', 'd.person_id')
        .selectAll('d')
        .select(PERSON_COLUMNS)
        .where('d.org_id', 'in', ids)
        .execute(),
    (a, b) => a.id - b.id,
    (r, orgCode) => {
      const row = personRow(r, orgCode, ctx.vault);
      for (const step of STEPS) row[step.key] = r[step.column];
      row.contacts = r.contacts;
      row.introducers = r.introducers;
      row.trainingHours = r.training_hours;
      row.extensionMonths = r.extension_months;
      return row;
    },
  );
}

export function meetingRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    async (ids) => {
      const meetings = await ctx.db.selectFrom('meetings').selectAll().where('org_id', 'in', ids).execute();
      const absent = new Map<number, { name: string; reason: string | null }[]>();
      const meetingIds = meetings.map((m) => m.id);
      for (let i = 0; i < meetingIds.length; i += 5000) {
        const rows = await ctx.db
          .selectFrom('meeting_absences')
          .select(['meeting_id', 'name', 'reason'])
          .where('meeting_id', 'in', meetingIds.slice(i, i + 5000))
          .orderBy('id')
          .execute();
        for (const a of rows) {
          const list = absent.get(a.meeting_id) ?? [];
          list.push({ name: a.name, reason: a.reason });
          absent.set(a.meeting_id, list);
        }
      }
      return meetings.map((m) => ({ ...m, absentees: absent.get(m.id) ?? [] }));
    },
    (a, b) => byCode(a.held_on, b.held_on) || a.id - b.id,
    (r, orgCode) => ({
      orgCode,
      kind: r.kind,
      heldOn: r.held_on,
      topic: r.topic,
      host: r.host,
      expectedCount: r.expected_count,
      attendedCount: r.attended_count,
      absentees: r.absentees.length > 0 ? formatAbsentees(r.absentees) : null,
      minutes: r.minutes,
    }),
  );
}

/** A member's dues rows, ordered as the members are (by membership) and then by month. */
function byMemberMonth<R extends { membership_id: number; m: string; id: number }>(a: R, b: R): number {
  return a.membership_id - b.membership_id || byCode(a.m, b.m) || a.id - b.id;
}

const money = (fen: number | null) => (fen === null ? null : yuan(fen));

/**
 * The 党费 sheets: the rows of the members of the organizations (where the member is now, as on the 党员 sheet),
 * each naming its member by ID number. Amounts are text in 元 ("12.50"), read back to the same fen.
 */
export function duesBaseRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    async (ids) =>
      (
        await ctx.db
          .selectFrom('dues_bases as d')
          .innerJoin('memberships as ms', 'ms.id', 'd.membership_id')
          .innerJoin('people as p', 'p.id', 'ms.person_id')
          .select(['d.id', 'd.membership_id', 'ms.org_id', 'p.id_number', 'd.from_month', 'd.category', 'd.base_fen', 'd.note'])
          .where('ms.org_id', 'in', ids)
          .execute()
      ).map((r) => ({ ...r, m: r.from_month })),
    byMemberMonth,
    (r) => ({ idNumber: ctx.vault.open(r.id_number), fromMonth: r.from_month, category: r.category, baseFen: money(r.base_fen), note: r.note }),
  );
}

export function duesApprovalRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    async (ids) =>
      (
        await ctx.db
          .selectFrom('dues_approvals as d')
          .innerJoin('memberships as ms', 'ms.id', 'd.membership_id')
          .innerJoin('people as p', 'p.id', 'ms.person_id')
          .select(['d.id', 'd.membership_id', 'ms.org_id', 'p.id_number', 'd.kind', 'd.from_month', 'd.to_month', 'd.monthly_fen', 'd.reason'])
          .select(['d.approved_by', 'd.approved_on'])
          .where('ms.org_id', 'in', ids)
          .execute()
      ).map((r) => ({ ...r, m: r.from_month })),
    byMemberMonth,
    (r) => ({
      idNumber: ctx.vault.open(r.id_number),
      kind: r.kind,
      fromMonth: r.from_month,
      toMonth: r.to_month,
      monthlyFen: money(r.monthly_fen),
      reason: r.reason,
      approvedBy: r.approved_by,
      approvedOn: r.approved_on,
    }),
  );
}

export function duesPaymentRows(ctx: Ctx, orgs: OrgView[]): AsyncGenerator<ExportRow[]> {
  return byOrg(
    orgs,
    async (ids) =>
      (
        await ctx.db
          .selectFrom('dues_payments as d')
          .innerJoin('memberships as ms', 'ms.id', 'd.membership_id')
          .innerJoin('people as p', 'p.id', 'ms.person_id')
          .select(['d.id', 'd.membership_id', 'ms.org_id', 'p.id_number', 'd.month', 'd.due_fen', 'd.paid_fen', 'd.paid_on', 'd.note'])
          .where('ms.org_id', 'in', ids)
          .execute()
      ).map((r) => ({ ...r, m: r.month })),
    byMemberMonth,
    (r) => ({ idNumber: ctx.vault.open(r.id_number), month: r.month, dueFen: yuan(r.due_fen), paidFen: yuan(r.paid_fen), paidOn: r.paid_on, note: r.note }),
  );
}
