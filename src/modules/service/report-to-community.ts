import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { assertWritable } from '../access/scope.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { checkSpan } from './service-rules.js';
import { loadMembers, memberLeft, memberNotFoundAt } from './service-find.js';
import { presentReport, selectReports } from './find-community-reports.js';
import { SERVICE_LABELS, communityReportInput, type CommunityReportInput, type CommunityReportView } from './service.schema.js';

/**
 * Records an in-service member's report to a community (在职党员到社区报到). The community is a 社区 organization of
 * the tree that the caller can see (by code: then its name is the organization's), or a community named in words
 * when it is not in the tree or lies outside the caller's scope. The report belongs to the member's own
 * organization (org_id), so whoever keeps the member's records keeps it; the community's secretary sees it in his
 * list (name and unit level only when the member's organization is outside his scope).
 */
export async function reportToCommunity(ctx: Ctx, raw: CommunityReportInput): Promise<CommunityReportView> {
  const input = parseInput(communityReportInput, raw, SERVICE_LABELS);
  return inTransaction(ctx, async (tx) => {
    let community: { id: number; name: string } | null = null;
    if (input.communityCode) {
      const org = await getOrgRow(tx, input.communityCode, 'communityCode');
      if (org.sector !== '社区') {
        const message = `${org.name}不是社区党组织（单位类型为${org.sector}）；不在组织树中的社区请填写社区名称`;
        throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'communityCode', message }]);
      }
      if (input.communityName && input.communityName !== org.name) {
        const message = `已填写社区党组织代码，社区名称应为“${org.name}”或不填`;
        throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'communityName', message }]);
      }
      community = { id: org.id, name: org.name };
    } else if (!input.communityName) {
      const message = '缺少必填项：社区党组织代码或社区名称';
      throw new AppError('FIELD_REQUIRED', message, [{ code: 'FIELD_REQUIRED', field: 'communityName', message }]);
    }
    const [member] = await loadMembers(tx, [input.memberId], 'memberId');
    assertWritable(tx, member!.orgPath, () => memberNotFoundAt(input.memberId, 'memberId'));
    throwIfIssues(checkSpan({ field: 'reportedOn', label: '报到日期', value: input.reportedOn }, { field: 'endedOn', label: '', value: null }, tx.clock.today()));
    const left = memberLeft(member!, 'memberId', input.reportedOn);
    if (left) throw left;
    const communityName = community?.name ?? input.communityName!;
    const open = await tx.db
      .selectFrom('community_reports')
      .select('id')
      .where('membership_id', '=', member!.id)
      .where('ended_on', 'is', null)
      .where((eb) => (community ? eb('community_org_id', '=', community.id) : eb.and([eb('community_org_id', 'is', null), eb('community_name', '=', communityName)])))
      .executeTakeFirst();
    if (open) {
      const message = `${member!.name}已在${communityName}报到（记录${open.id}，尚未结束）`;
      throw new AppError('SERVICE_DUPLICATE', message, [{ code: 'SERVICE_DUPLICATE', field: 'memberId', message }]);
    }
    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('community_reports')
      .values({
        org_id: member!.orgId,
        membership_id: member!.id,
        community_org_id: community?.id ?? null,
        community_name: communityName,
        unit_level: input.unitLevel,
        reported_on: input.reportedOn,
        ended_on: null,
        note: input.note || null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const view = presentReport(tx, await selectReports(tx).where('r.id', '=', row.id).executeTakeFirstOrThrow());
    const { id: _id, restricted: _r, orgName: _o, name: _n, ...fields } = view;
    await appendAudit(tx, { action: 'create', recordType: 'community_report', recordId: row.id, orgId: member!.orgId, changes: diff(null, fields) });
    return view;
  });
}
