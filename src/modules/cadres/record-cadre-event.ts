import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues, type AppError } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { assertWritable } from '../access/scope.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { loadMember, memberNotFound } from '../members/find-members.js';
import { getOrgRow, orgNotFound } from '../orgs/find-orgs.js';
import { checkCadreEvent } from './cadre-rules.js';
import { auditableCadreEvent, getCadreEvent } from './cadre-records.js';
import { CADRE_LABELS, cadreEventInput, type CadreEventInput, type CadreEventView } from './cadres.schema.js';

function named(e: AppError, field: string): AppError {
  for (const i of e.issues) i.field = field;
  return e;
}

/**
 * Records a cadre event (调整, 提拔, 招录, 后备干部, 提醒谈话, 诫勉 …) on a member (under the member's organization) or
 * on a person by name (under `orgCode`). Of the member only the name is taken.
 */
export async function recordCadreEvent(ctx: Ctx, raw: CadreEventInput): Promise<CadreEventView> {
  const input = parseInput(cadreEventInput, raw, CADRE_LABELS);
  return inTransaction(ctx, async (tx) => {
    const recording = input.orgCode ? await getOrgRow(tx, input.orgCode, 'orgCode') : null;
    const member = input.memberId ? await loadMember(tx, input.memberId).catch((e: AppError) => Promise.reject(named(e, 'memberId'))) : null;
    const issues = checkCadreEvent(
      { memberId: member !== null, personName: Boolean(input.personName), orgCode: recording !== null, happenedOn: input.happenedOn, birthYear: input.birthYear },
      tx.clock.today(),
    );
    if (member && recording && recording.id !== member.orgId) {
      issues.push(issue('FIELD_INVALID', 'orgCode', `登记组织代码：${recording.code}与党员${member.view.name}所在组织${member.view.orgCode}不一致（可不填）`));
    }
    throwIfIssues(issues);
    const org = member ? { id: member.orgId, path: member.orgPath } : { id: recording!.id, path: recording!.path };
    assertWritable(tx, org.path, () => (member ? named(memberNotFound(member.view.id), 'memberId') : orgNotFound(recording!.code, 'orgCode')));

    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('cadre_events')
      .values({
        org_id: org.id,
        membership_id: member?.view.id ?? null,
        person_name: member ? member.view.name : input.personName!,
        kind: input.kind,
        subkind: input.subkind ?? null,
        happened_on: input.happenedOn,
        frontline: input.frontline ? 1 : 0,
        batch: input.batch ?? null,
        birth_year: input.birthYear ?? null,
        education: input.education ?? null,
        note: input.note ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await getCadreEvent(tx, row.id);
    await appendAudit(tx, { action: 'create', recordType: 'cadre_event', recordId: row.id, orgId: org.id, changes: diff(null, auditableCadreEvent(created)) });
    return created;
  });
}
