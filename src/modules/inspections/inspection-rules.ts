/**
 * The checks of an inspection round and its targets, returning field issues, and the resolution of targets named by
 * organization code (each looked up in the caller's scope: outside it "not found", as if missing).
 */
import type { Ctx } from '../../context.js';
import { AppError, throwIfIssues, type FieldIssue } from '../../shared/errors.js';
import { issue } from '../../shared/validation.js';
import { isInSubtree } from '../orgs/tree.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { unitKindOfOrg } from './inspection-records.js';
import type { TargetInput } from './inspections.schema.js';

/** No round is older than the Party's rules on inspection tours; a guard against typing errors in the year. */
export const EARLIEST_INSPECTION_DATE = '1949-10-01';

export function checkRoundDates(startOn: string, endOn: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (startOn < EARLIEST_INSPECTION_DATE) issues.push(issue('DATE_INVALID', 'startOn', `开始日期${startOn}早于${EARLIEST_INSPECTION_DATE}`));
  if (endOn < startOn) issues.push(issue('DATE_ORDER_INVALID', 'endOn', `结束日期${endOn}早于开始日期${startOn}`));
  return issues;
}

export interface NewTarget {
  target_org_id: number | null;
  unit_name: string;
  unit_kind: string;
}

/** How a target is told from another: the organization, or the unit's name. */
function keyOf(t: { target_org_id: number | null; unit_name: string }): string {
  return t.target_org_id !== null ? `o${t.target_org_id}` : `n${t.unit_name}`;
}

/**
 * The targets as rows: an organization of the tree (strictly inside the conducting organization's subtree; its
 * name and, unless given, its unit kind from the record), or a unit by name with its kind. A target named twice,
 * or already a target of the round, is refused (INSPECTION_TARGET_DUPLICATE).
 */
export async function resolveTargets(
  ctx: Ctx,
  conducting: { path: string; code: string },
  inputs: TargetInput[],
  existing: { target_org_id: number | null; unit_name: string }[] = [],
): Promise<NewTarget[]> {
  const issues: FieldIssue[] = [];
  const out: NewTarget[] = [];
  const seen = new Set(existing.map(keyOf));
  for (const [i, t] of inputs.entries()) {
    const field = `targets.${i}`;
    if (t.orgCode && t.unitName) {
      issues.push(issue('FIELD_INVALID', `${field}.unitName`, `对象名称：对象为本系统中的组织（${t.orgCode}）时不填，名称取自组织`));
      continue;
    }
    let row: NewTarget;
    if (t.orgCode) {
      const org = await getOrgRow(ctx, t.orgCode, `${field}.orgCode`);
      if (org.path === conducting.path || !isInSubtree(conducting.path, org.path)) {
        issues.push(issue('FIELD_INVALID', `${field}.orgCode`, `对象组织代码：${org.code}不是${conducting.code}的下级组织`));
        continue;
      }
      row = { target_org_id: org.id, unit_name: org.name, unit_kind: t.unitKind ?? unitKindOfOrg(org.kind, org.sector) };
    } else if (t.unitName) {
      if (!t.unitKind) {
        issues.push(issue('FIELD_REQUIRED', `${field}.unitKind`, `缺少必填项：对象类别（系统外单位“${t.unitName}”）`));
        continue;
      }
      row = { target_org_id: null, unit_name: t.unitName, unit_kind: t.unitKind };
    } else {
      issues.push(issue('FIELD_REQUIRED', `${field}.orgCode`, '缺少必填项：对象组织代码，系统外单位填对象名称和类别'));
      continue;
    }
    const key = keyOf(row);
    if (seen.has(key)) {
      const message = `对象“${row.unit_name}”重复（已是本轮对象）`;
      throw new AppError('INSPECTION_TARGET_DUPLICATE', message, [{ code: 'INSPECTION_TARGET_DUPLICATE', field, message }]);
    }
    seen.add(key);
    out.push(row);
  }
  throwIfIssues(issues);
  return out;
}
