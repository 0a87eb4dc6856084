import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { checkStep } from './disclosure-rules.js';
import { auditableDisclosure, getDisclosure, loadWritableDisclosure, presentDisclosure } from './disclosure-records.js';
import { DISCLOSURE_LABELS, disclosureStepInput, type DisclosureStepInput, type DisclosureView } from './disclosures.schema.js';

const AUDIT_NOTE = { 审核: '审核（含保密审查）', 审批: '审批', 公开: '公开（实施）' } as const;

/**
 * Takes the next step of a disclosure's workflow (《中国共产党党务公开条例（试行）》第十五条): 审核 (including the secrecy
 * review, 保密审查) with who reviewed, 审批 with who approved, then 公开 — each only in its turn, never backwards
 * (DISCLOSURE_STEP_ORDER, 409), dated not in the future and not before the step before it. Audited.
 */
export async function takeDisclosureStep(ctx: Ctx, id: number, raw: DisclosureStepInput): Promise<DisclosureView> {
  const step = parseInput(disclosureStepInput, raw, DISCLOSURE_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await loadWritableDisclosure(tx, id);
    throwIfIssues(checkStep(id, row, step, tx.clock.today()));
    const before = presentDisclosure(row);
    const by = step.by ?? null;
    const note = step.note ? [row.note, `${step.action}：${step.note}`].filter(Boolean).join('；') : row.note;
    const now = tx.clock.nowIso();
    const set =
      step.action === '审核'
        ? { reviewed_on: step.on, reviewed_by: by }
        : step.action === '审批'
          ? { approved_on: step.on, approved_by: by }
          : { published_on: step.on };
    await tx.db.updateTable('disclosures').set({ ...set, note, updated_at: now }).where('id', '=', id).execute();
    const after = await getDisclosure(tx, id);
    await appendAudit(tx, {
      action: 'update',
      recordType: 'disclosure',
      recordId: id,
      orgId: row.org_id,
      changes: diff(auditableDisclosure(before), auditableDisclosure(after)),
      note: AUDIT_NOTE[step.action],
    });
    return after;
  });
}
