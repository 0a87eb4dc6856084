import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit } from '../audit/append-audit.js';
import { assertWritable, isReadable } from '../access/scope.js';
import { checkSpan } from './service-rules.js';
import { notFound } from './service-find.js';
import { presentReport, selectReports } from './find-community-reports.js';
import { SERVICE_LABELS, communityReportEnd, type CommunityReportEnd, type CommunityReportView } from './service.schema.js';

/** Ends a member's report to a community (moved away, retired …), by whoever keeps the member's records. */
export async function endCommunityReport(ctx: Ctx, id: number, raw: CommunityReportEnd): Promise<CommunityReportView> {
  const input = parseInput(communityReportEnd, raw, SERVICE_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await selectReports(tx).where('r.id', '=', id).executeTakeFirst();
    if (!row || !isReadable(tx, row.org_path)) throw notFound('报到记录', id);
    assertWritable(tx, row.org_path, () => notFound('报到记录', id));
    if (row.ended_on !== null) {
      const message = `报到记录 ${id} 已于${row.ended_on}结束`;
      throw new AppError('SERVICE_ALREADY_ENDED', message, [{ code: 'SERVICE_ALREADY_ENDED', field: 'endedOn', message }]);
    }
    throwIfIssues(
      checkSpan({ field: 'reportedOn', label: '报到日期', value: row.reported_on }, { field: 'endedOn', label: '结束日期', value: input.endedOn }, tx.clock.today()),
    );
    await tx.db
      .updateTable('community_reports')
      .set({ ended_on: input.endedOn, ...(input.note !== undefined && { note: input.note || null }), updated_at: tx.clock.nowIso() })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, { action: 'update', recordType: 'community_report', recordId: id, orgId: row.org_id, changes: { endedOn: [null, input.endedOn] } });
    return presentReport(tx, await selectReports(tx).where('r.id', '=', id).executeTakeFirstOrThrow());
  });
}
