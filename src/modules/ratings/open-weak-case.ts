import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { auditableWeakCase, getWeakCase } from './weak-case-records.js';
import { RATING_LABELS, weakCaseInput, type WeakCaseInput, type WeakCaseView } from './ratings.schema.js';

/** The statuses of a case still open: 待研判 (flagged, to be judged) and 整顿中 (under rectification). */
export const OPEN_WEAK_STATUSES = ['待研判', '整顿中'] as const;

/**
 * Flags an organization for 软弱涣散 review (列入排查): a case in 待研判 with its source (数据提示 from the rule engine's
 * suggestions, 上级认定, 自查), its reasons ({code, text}) and the date (today unless given). A writer of the
 * organization (or above) may flag it; judging it is the superior's (stepWeakCase). An organization has at most one
 * open case a year: a second is refused with WEAK_CASE_EXISTS (409) naming the open one — add its reasons there.
 */
export async function openWeakCase(ctx: Ctx, raw: WeakCaseInput): Promise<WeakCaseView> {
  const input = parseInput(weakCaseInput, raw, RATING_LABELS);
  return inTransaction(ctx, async (tx) => {
    const org = await getWritableOrgRow(tx, input.orgCode);
    const today = tx.clock.today();
    const flaggedOn = input.flaggedOn ?? today;
    const issues = [];
    if (flaggedOn > today) issues.push(issue('DATE_IN_FUTURE', 'flaggedOn', `列入日期${flaggedOn}晚于今天`));
    if (input.year > Number(today.slice(0, 4))) issues.push(issue('FIELD_INVALID', 'year', `年度：${input.year}年尚未到来`));
    const codes = input.reasons.map((r) => r.code);
    const dup = codes.find((c, i) => codes.indexOf(c) !== i);
    if (dup) issues.push(issue('FIELD_INVALID', 'reasons', `认定情形：“${dup}”重复`));
    throwIfIssues(issues);
    const open = await tx.db
      .selectFrom('weak_org_cases')
      .select(['id', 'status'])
      .where('org_id', '=', org.id)
      .where('year', '=', input.year)
      .where('status', 'in', [...OPEN_WEAK_STATUSES])
      .executeTakeFirst();
    if (open) {
      const message = `${org.name}${input.year}年已有未销号的软弱涣散整顿记录（编号${open.id}，${open.status}）`;
      throw new AppError('WEAK_CASE_EXISTS', message, [{ code: 'WEAK_CASE_EXISTS', field: 'orgCode', message }]);
    }
    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('weak_org_cases')
      .values({
        org_id: org.id,
        year: input.year,
        source: input.source,
        reasons: JSON.stringify(input.reasons),
        flagged_on: flaggedOn,
        status: '待研判',
        plan: null,
        leader_name: null,
        deadline: null,
        closed_on: null,
        closed_by: null,
        note: input.note ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await getWeakCase(tx, row.id);
    await appendAudit(tx, { action: 'create', recordType: 'weak_org_case', recordId: row.id, orgId: org.id, changes: diff(null, auditableWeakCase(created)) });
    return created;
  });
}
