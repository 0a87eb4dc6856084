import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { checkServiceRecord } from './service-rules.js';
import { loadWritableRecord, presentRecord, selectRecords } from './service-find.js';
import { recordMember } from './create-service-record.js';
import { SERVICE_LABELS, parseHours, serviceRecordPatch, type ServiceRecordPatch, type ServiceRecordView } from './service.schema.js';

/**
 * Changes a service record (its organization and kind stay). The status moves 办理中 → 已办结 with the date done;
 * moving a finished record back to 办理中 clears the date done and only happens when asked for (`reopen`), and the
 * audit entry says so. Fields left out keep their values; null clears an optional one.
 */
export async function updateServiceRecord(ctx: Ctx, id: number, raw: ServiceRecordPatch): Promise<ServiceRecordView> {
  const input = parseInput(serviceRecordPatch, raw, SERVICE_LABELS);
  return inTransaction(ctx, async (tx) => {
    const before = await loadWritableRecord(tx, id);
    const happenedOn = input.happenedOn ?? before.happened_on;
    let status = input.status ?? before.status;
    let doneOn = input.doneOn === undefined ? before.done_on : input.doneOn;
    // 志愿服务 done on its day moves with the day.
    if (before.kind === '志愿服务' && input.doneOn === undefined && before.done_on === before.happened_on) doneOn = happenedOn;
    // A date done given to a record in progress finishes it.
    if (input.status === undefined && input.doneOn && before.status === '办理中') status = '已办结';
    const reopening = before.status === '已办结' && status === '办理中';
    if (reopening) {
      if (!input.reopen) {
        const message = '该事项已办结；如需重新办理，请明确选择“重新办理”';
        throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'reopen', message }]);
      }
      if (input.doneOn === undefined) doneOn = null;
    }
    const minutes = input.hours === undefined ? before.minutes : input.hours === null ? null : parseHours(input.hours);
    throwIfIssues(checkServiceRecord({ kind: before.kind, happenedOn, status, doneOn, minutes }, tx.clock.today()));
    const org = await tx.db.selectFrom('organizations').select(['path', 'name']).where('id', '=', before.org_id).executeTakeFirstOrThrow();
    const memberId = input.memberId === undefined ? before.membership_id : input.memberId;
    if (memberId !== null && (memberId !== before.membership_id || happenedOn !== before.happened_on)) {
      await recordMember(tx, memberId, org, happenedOn);
    }
    await tx.db
      .updateTable('service_records')
      .set({
        membership_id: memberId,
        category: input.category === undefined ? before.category : input.category || null,
        title: input.title ?? before.title,
        happened_on: happenedOn,
        status,
        done_on: doneOn,
        minutes,
        beneficiaries: input.beneficiaries === undefined ? before.beneficiaries : input.beneficiaries,
        note: input.note === undefined ? before.note : input.note || null,
        updated_at: tx.clock.nowIso(),
      })
      .where('id', '=', id)
      .execute();
    const after = await selectRecords(tx).where('s.id', '=', id).executeTakeFirstOrThrow();
    const strip = (v: ServiceRecordView) => {
      const { id: _id, orgName: _n, memberName: _m, hours: _h, ...fields } = v;
      return fields;
    };
    const view = presentRecord(after);
    await appendAudit(tx, {
      action: 'update',
      recordType: 'service_record',
      recordId: id,
      orgId: before.org_id,
      changes: diff(strip(presentRecord(before)), strip(view)),
      note: reopening ? '重新办理（已办结改为办理中）' : null,
    });
    return view;
  });
}
