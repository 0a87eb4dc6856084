import { inTransaction, type Ctx } from '../../context.js';
import { actorName } from '../access/actor.js';
import { throwIfIssues, type FieldIssue } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { isInSubtree } from '../orgs/tree.js';
import { loadInspection } from './inspection-records.js';
import { auditableProblem, getProblem, loadProblem, presentProblem } from './problem-records.js';
import { countMeasures } from './problem-workflow.js';
import { INSPECTION_LABELS, INSPECTION_SOURCES, problemInput, type ProblemDetailView, type ProblemInput } from './inspections.schema.js';

/** No problem of the ledger is older than this (a guard against typing errors in the year). */
export const EARLIEST_PROBLEM_DATE = '1949-10-01';

export function checkProblemDates(foundOn: string, deadline: string, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (foundOn > today) issues.push(issue('DATE_IN_FUTURE', 'foundOn', `发现日期${foundOn}晚于今天`));
  if (foundOn < EARLIEST_PROBLEM_DATE) issues.push(issue('DATE_INVALID', 'foundOn', `发现日期${foundOn}早于${EARLIEST_PROBLEM_DATE}`));
  if (deadline < foundOn) issues.push(issue('DATE_ORDER_INVALID', 'deadline', `整改时限${deadline}早于发现日期${foundOn}`));
  return issues;
}

/**
 * Registers a problem (登记) for an organization the caller may change: status 待整改, the first event of its
 * history. A problem of an inspection round names the round (of the source's kind); its organization must be one of
 * the round's targets or under one, and it is found on or after the round's start.
 */
export async function recordProblem(ctx: Ctx, raw: ProblemInput): Promise<ProblemDetailView> {
  const input = parseInput(problemInput, raw, INSPECTION_LABELS);
  return inTransaction(ctx, async (tx) => {
    const org = await getWritableOrgRow(tx, input.orgCode);
    const issues = checkProblemDates(input.foundOn, input.deadline, tx.clock.today());
    if (input.inspectionId != null) {
      // The round is looked up first: one the caller cannot see is "not found", whatever else is wrong.
      const round = await loadInspection(tx, input.inspectionId, 'inspectionId');
      if (!(INSPECTION_SOURCES as readonly string[]).includes(input.source)) {
        issues.push(issue('FIELD_INVALID', 'inspectionId', `巡察（督查）编号：来源为${input.source}的问题不关联巡察（督查），仅${INSPECTION_SOURCES.join('、')}可关联`));
      } else {
        if (round.kind !== input.source) {
          issues.push(issue('FIELD_INVALID', 'inspectionId', `巡察（督查）编号：第${round.id}号是${round.kind}，与问题来源${input.source}不一致`));
        }
        const targets = await tx.db
          .selectFrom('inspection_targets as t')
          .innerJoin('organizations as o', 'o.id', 't.target_org_id')
          .select(['o.path'])
          .where('t.inspection_id', '=', round.id)
          .execute();
        if (!targets.some((t) => isInSubtree(t.path, org.path))) {
          issues.push(issue('FIELD_INVALID', 'orgCode', `组织代码：${org.code}不是“${round.title}”的对象或其下级组织`));
        }
        if (input.foundOn < round.start_on) {
          issues.push(issue('DATE_ORDER_INVALID', 'foundOn', `发现日期${input.foundOn}早于“${round.title}”的开始日期${round.start_on}`));
        }
      }
    }
    throwIfIssues(issues);

    const now = tx.clock.nowIso();
    const measures = input.measures || null;
    const row = await tx.db
      .insertInto('problems')
      .values({
        org_id: org.id,
        source: input.source,
        inspection_id: input.inspectionId ?? null,
        category: input.category,
        level: input.level,
        description: input.description,
        owner_name: input.ownerName,
        measures,
        measures_count: input.measuresCount ?? (measures ? countMeasures(measures) : 0),
        found_on: input.foundOn,
        deadline: input.deadline,
        status: '待整改',
        rectified_on: null,
        accepted_on: null,
        accepted_by: null,
        closed_on: null,
        reopened: 0,
        note: input.note ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db
      .insertInto('problem_events')
      .values({
        org_id: org.id,
        problem_id: row.id,
        action: '登记',
        from_status: null,
        to_status: '待整改',
        happened_on: input.foundOn,
        note: null,
        evidence: null,
        actor: actorName(tx.actor),
        created_at: now,
      })
      .execute();
    const created = presentProblem(await loadProblem(tx, row.id), tx.clock.today());
    await appendAudit(tx, { action: 'create', recordType: 'problem', recordId: row.id, orgId: org.id, changes: diff(null, auditableProblem(created)) });
    return getProblem(tx, row.id);
  });
}
