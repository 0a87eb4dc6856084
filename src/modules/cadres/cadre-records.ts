/** Reading cadre events: one select with the organization, the view, and the lookups the writes share. */
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { assertWritable, isReadable } from '../access/scope.js';
import type { CadreEventView } from './cadres.schema.js';

export function selectCadreEvents(ctx: Ctx) {
  return ctx.db
    .selectFrom('cadre_events as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select([
      'c.id', 'c.org_id', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 'c.membership_id', 'c.person_name', 'c.kind', 'c.subkind',
      'c.happened_on', 'c.frontline', 'c.batch', 'c.birth_year', 'c.education', 'c.note',
    ]);
}
export type CadreEventRow = Awaited<ReturnType<ReturnType<typeof selectCadreEvents>['executeTakeFirstOrThrow']>>;

export function presentCadreEvent(r: CadreEventRow): CadreEventView {
  return {
    id: r.id,
    orgCode: r.org_code,
    orgName: r.org_name,
    memberId: r.membership_id,
    personName: r.person_name,
    kind: r.kind,
    subkind: r.subkind,
    happenedOn: r.happened_on,
    frontline: Boolean(r.frontline),
    batch: r.batch,
    birthYear: r.birth_year,
    education: r.education,
    note: r.note,
  };
}

export function cadreEventNotFound(id: number): AppError {
  const message = `干部工作记录 ${id} 不存在`;
  return new AppError('CADRE_EVENT_NOT_FOUND', message, [{ code: 'CADRE_EVENT_NOT_FOUND', field: 'id', message }]);
}

export async function loadCadreEvent(ctx: Ctx, id: number): Promise<CadreEventRow> {
  const row = await selectCadreEvents(ctx).where('c.id', '=', id).executeTakeFirst();
  if (!row || !isReadable(ctx, row.org_path)) throw cadreEventNotFound(id);
  return row;
}

export async function loadWritableCadreEvent(ctx: Ctx, id: number): Promise<CadreEventRow> {
  const row = await loadCadreEvent(ctx, id);
  assertWritable(ctx, row.org_path, () => cadreEventNotFound(id));
  return row;
}

export async function getCadreEvent(ctx: Ctx, id: number): Promise<CadreEventView> {
  return presentCadreEvent(await loadCadreEvent(ctx, id));
}

export function auditableCadreEvent(v: CadreEventView): Record<string, unknown> {
  const { id: _id, orgName: _n, ...rest } = v;
  return rest;
}
