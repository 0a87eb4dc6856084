/** Reading the publicity ledger: one select with the organization, the view, and the lookups the writes share. */
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { assertWritable, isReadable } from '../access/scope.js';
import type { PublicationView } from './publicity.schema.js';

export function selectPublications(ctx: Ctx) {
  return ctx.db
    .selectFrom('publications as p')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .select([
      'p.id', 'p.org_id', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 'p.title', 'p.medium_level', 'p.medium_name', 'p.form',
      'p.original', 'p.theme', 'p.published_on',
    ]);
}
export type PublicationRow = Awaited<ReturnType<ReturnType<typeof selectPublications>['executeTakeFirstOrThrow']>>;

export function presentPublication(r: PublicationRow): PublicationView {
  return {
    id: r.id,
    orgCode: r.org_code,
    orgName: r.org_name,
    title: r.title,
    mediumLevel: r.medium_level,
    mediumName: r.medium_name,
    form: r.form,
    original: Boolean(r.original),
    theme: r.theme,
    publishedOn: r.published_on,
  };
}

export function publicationNotFound(id: number): AppError {
  const message = `宣传稿件记录 ${id} 不存在`;
  return new AppError('PUBLICATION_NOT_FOUND', message, [{ code: 'PUBLICATION_NOT_FOUND', field: 'id', message }]);
}

export async function loadPublication(ctx: Ctx, id: number): Promise<PublicationRow> {
  const row = await selectPublications(ctx).where('p.id', '=', id).executeTakeFirst();
  if (!row || !isReadable(ctx, row.org_path)) throw publicationNotFound(id);
  return row;
}

export async function loadWritablePublication(ctx: Ctx, id: number): Promise<PublicationRow> {
  const row = await loadPublication(ctx, id);
  assertWritable(ctx, row.org_path, () => publicationNotFound(id));
  return row;
}

export function auditablePublication(v: PublicationView): Record<string, unknown> {
  const { id: _id, orgName: _n, ...rest } = v;
  return rest;
}
