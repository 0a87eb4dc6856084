import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { auditablePublication, loadPublication, presentPublication } from './publication-records.js';
import { PUBLICITY_LABELS, publicationInput, type PublicationInput, type PublicationView } from './publicity.schema.js';

/** No piece of the Party's publicity predates the Party. */
export const EARLIEST_PUBLICATION = '1921-07-01';

/** Records a piece published (稿件、视频、专版、广播 …) by an organization, with the medium's level and the form. */
export async function recordPublication(ctx: Ctx, raw: PublicationInput): Promise<PublicationView> {
  const input = parseInput(publicationInput, raw, PUBLICITY_LABELS);
  return inTransaction(ctx, async (tx) => {
    const org = await getWritableOrgRow(tx, input.orgCode);
    if (input.publishedOn > tx.clock.today()) throwIfIssues([issue('DATE_IN_FUTURE', 'publishedOn', `刊发日期${input.publishedOn}晚于今天`)]);
    if (input.publishedOn < EARLIEST_PUBLICATION) throwIfIssues([issue('DATE_INVALID', 'publishedOn', `刊发日期${input.publishedOn}早于${EARLIEST_PUBLICATION}`)]);
    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('publications')
      .values({
        org_id: org.id,
        title: input.title,
        medium_level: input.mediumLevel,
        medium_name: input.mediumName,
        form: input.form,
        original: input.original ? 1 : 0,
        theme: input.theme ?? null,
        published_on: input.publishedOn,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = presentPublication(await loadPublication(tx, row.id));
    await appendAudit(tx, { action: 'create', recordType: 'publication', recordId: row.id, orgId: org.id, changes: diff(null, auditablePublication(created)) });
    return created;
  });
}
