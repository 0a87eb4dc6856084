import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues, type AppError } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { assertWritable } from '../access/scope.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { loadMember, memberNotFound } from '../members/find-members.js';
import { getOrgRow, orgNotFound } from '../orgs/find-orgs.js';
import { checkAwardedOn, checkRecipient } from './honor-rules.js';
import { auditableHonor, getHonor } from './honor-records.js';
import { HONOR_LABELS, honorInput, type HonorInput, type HonorView } from './honors.schema.js';

function named(e: AppError, field: string): AppError {
  for (const i of e.issues) i.field = field;
  return e;
}

/**
 * Records an honor (表彰, 命名, 推荐, 选树, 评选) to a member, a person, an organization, a unit or a household. The
 * records named are looked up first (each outside the caller's scope "not found", as if missing), then the fields
 * are checked together, then the caller's right to change the organization the honor is recorded under.
 */
export async function recordHonor(ctx: Ctx, raw: HonorInput): Promise<HonorView> {
  const input = parseInput(honorInput, raw, HONOR_LABELS);
  return inTransaction(ctx, async (tx) => {
    const recording = input.orgCode ? await getOrgRow(tx, input.orgCode, 'orgCode') : null;
    const recipientOrg = input.recipientOrgCode ? await getOrgRow(tx, input.recipientOrgCode, 'recipientOrgCode') : null;
    const member = input.memberId ? await loadMember(tx, input.memberId).catch((e: AppError) => Promise.reject(named(e, 'memberId'))) : null;

    const issues = checkRecipient({
      recipientKind: input.recipientKind,
      memberId: member !== null,
      recipientOrgCode: recipientOrg !== null,
      recipientName: Boolean(input.recipientName),
      orgCode: recording !== null,
    });
    issues.push(...checkAwardedOn(input.awardedOn, tx.clock.today()));
    throwIfIssues(issues);

    // The organization the honor is recorded under, and the "not found" its writability check answers with.
    let org: { id: number; path: string; code: string };
    let notFound: () => AppError;
    let recipientName: string;
    if (member) {
      org = { id: member.orgId, path: member.orgPath, code: member.view.orgCode };
      notFound = () => named(memberNotFound(member.view.id), 'memberId');
      recipientName = member.view.name;
    } else if (recipientOrg) {
      org = recipientOrg;
      notFound = () => orgNotFound(recipientOrg.code, 'recipientOrgCode');
      recipientName = recipientOrg.name;
    } else {
      org = recording!;
      notFound = () => orgNotFound(recording!.code, 'orgCode');
      recipientName = input.recipientName!;
    }
    if (recording && recording.id !== org.id) {
      const by = member ? `党员${member.view.name}所在组织${org.code}` : `受表彰组织${org.code}`;
      throwIfIssues([issue('FIELD_INVALID', 'orgCode', `登记组织代码：${recording.code}与${by}不一致（可不填）`)]);
    }
    assertWritable(tx, org.path, notFound);

    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('honors')
      .values({
        org_id: org.id,
        kind: input.kind,
        recipient_kind: input.recipientKind,
        membership_id: member?.view.id ?? null,
        recipient_org_id: recipientOrg?.id ?? null,
        recipient_name: recipientName,
        title: input.title,
        level: input.level,
        awarded_by: input.awardedBy,
        awarded_on: input.awardedOn,
        revoked_on: null,
        note: input.note ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await getHonor(tx, row.id);
    await appendAudit(tx, { action: 'create', recordType: 'honor', recordId: row.id, orgId: org.id, changes: diff(null, auditableHonor(created)) });
    return created;
  });
}
