import type { Ctx } from '../../context.js';
import type { DevelopmentRow } from '../../db/schema.js';
import { AppError } from '../../shared/errors.js';
import { maskIdNumber } from '../../shared/id-number.js';
import type { IdNumberVault } from '../../shared/id-vault.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { isReadable } from '../access/scope.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { probationEnd } from './development-rules.js';
import { STEPS, type StepDates } from './steps.js';
import type { DevelopmentView } from './development.schema.js';

function selectRecords(ctx: Ctx) {
  return ctx.db
    .selectFrom('development_records as d')
    .innerJoin('people as p', 'p.id', 'd.person_id')
    .innerJoin('organizations as o', 'o.id', 'd.org_id')
    .selectAll('d')
    .select(['p.name', 'p.id_number', 'p.gender', 'p.birth_date', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path']);
}

type Row = DevelopmentRow & { name: string; id_number: string; gender: string; birth_date: string; org_code: string; org_name: string; org_path: string };

export function stepDatesOf(row: DevelopmentRow): StepDates {
  return Object.fromEntries(STEPS.map((s) => [s.key, row[s.column]])) as StepDates;
}

function present(r: Row, vault: IdNumberVault): DevelopmentView {
  const dates = stepDatesOf(r);
  return {
    id: r.id,
    personId: r.person_id,
    name: r.name,
    idNumberMasked: maskIdNumber(vault.open(r.id_number)),
    gender: r.gender,
    birthDate: r.birth_date,
    orgCode: r.org_code,
    orgName: r.org_name,
    stage: r.stage,
    membershipId: r.membership_id,
    contacts: r.contacts,
    introducers: r.introducers,
    trainingHours: r.training_hours,
    extensionMonths: r.extension_months,
    probationEndsOn: r.branch_meeting_on ? probationEnd(r.branch_meeting_on, r.extension_months) : null,
    ...(Object.fromEntries(STEPS.map((s) => [s.key, dates[s.key] ?? null])) as Record<(typeof STEPS)[number]['key'], string | null>),
  };
}

export function developmentNotFound(id: number): AppError {
  const message = `发展党员记录 ${id} 不存在`;
  return new AppError('DEVELOPMENT_NOT_FOUND', message, [{ code: 'DEVELOPMENT_NOT_FOUND', field: 'id', message }]);
}

export async function getDevelopment(ctx: Ctx, id: number): Promise<DevelopmentView> {
  const row = (await selectRecords(ctx).where('d.id', '=', id).executeTakeFirst()) as Row | undefined;
  if (!row || !isReadable(ctx, row.org_path)) throw developmentNotFound(id);
  return present(row, ctx.vault);
}

/** People in development in an organization's subtree, optionally at one stage. */
export async function findDevelopment(
  ctx: Ctx,
  query: { org: string; stage?: string | undefined; limit?: number; offset?: number },
): Promise<{ total: number; items: DevelopmentView[] }> {
  const org = await getOrgRow(ctx, query.org, 'org');
  const upper = subtreeUpperBound(org.path);
  let q = selectRecords(ctx).where('o.path', '>=', org.path).where('o.path', '<', upper);
  let c = ctx.db
    .selectFrom('development_records as d')
    .innerJoin('organizations as o', 'o.id', 'd.org_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('o.path', '>=', org.path)
    .where('o.path', '<', upper);
  if (query.stage) {
    q = q.where('d.stage', '=', query.stage);
    c = c.where('d.stage', '=', query.stage);
  }
  const rows = (await q.orderBy('d.applied_on').orderBy('d.id').limit(query.limit ?? 50).offset(query.offset ?? 0).execute()) as Row[];
  const count = await c.executeTakeFirstOrThrow();
  return { total: Number(count.n), items: rows.map((r) => present(r, ctx.vault)) };
}
