/**
 * The pure checks of an honor, returning field issues (shared by the services and, later, by import).
 */
import type { FieldIssue } from '../../shared/errors.js';
import { issue } from '../../shared/validation.js';
import { LEVELS, type HonorKind, type Level, type RecipientKind } from '../../shared/vocab.js';

/** No honor of the Party is older than the Party (1921-07-01). */
export const EARLIEST_HONOR_DATE = '1921-07-01';

/**
 * 上级命名: a naming (命名) by a level above the organization itself. The tree does not say at which administrative
 * level an organization stands (a deployment may be rooted at a county, a city or a unit), so "above" is read from
 * the record alone: every level but 本单位 is a body above the organization that records the honor.
 */
export const HIGHER_LEVELS: readonly Level[] = LEVELS.filter((l) => l !== '本单位');

/** The kinds that confer an honor the recipient then holds; a 推荐 is only a nomination. */
export const CONFERRING_KINDS: readonly HonorKind[] = ['表彰', '命名', '选树', '评选'];

export function checkAwardedOn(awardedOn: string, today: string): FieldIssue[] {
  if (awardedOn > today) return [issue('DATE_IN_FUTURE', 'awardedOn', `授予日期${awardedOn}晚于今天`)];
  if (awardedOn < EARLIEST_HONOR_DATE) return [issue('DATE_INVALID', 'awardedOn', `授予日期${awardedOn}早于${EARLIEST_HONOR_DATE}`)];
  return [];
}

export function checkRevokedOn(revokedOn: string, awardedOn: string, today: string): FieldIssue[] {
  if (revokedOn > today) return [issue('DATE_IN_FUTURE', 'revokedOn', `撤销日期${revokedOn}晚于今天`)];
  if (revokedOn < awardedOn) return [issue('DATE_ORDER_INVALID', 'revokedOn', `撤销日期${revokedOn}早于授予日期${awardedOn}`)];
  return [];
}

/**
 * Who an honor goes to, by recipient kind: 个人 a member or a person by name, 集体 an organization of the tree or a
 * unit by name, 家庭 a household by name; a recipient by name is recorded under `orgCode`, which a member or an
 * organization of the tree decide themselves (a different `orgCode` is refused).
 */
export function checkRecipient(
  r: { recipientKind: RecipientKind; memberId: boolean; recipientOrgCode: boolean; recipientName: boolean; orgCode: boolean },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const notFor = (field: string, label: string) => issues.push(issue('FIELD_INVALID', field, `${label}：${r.recipientKind}荣誉不填此项`));
  switch (r.recipientKind) {
    case '个人':
      if (r.recipientOrgCode) notFor('recipientOrgCode', '受表彰组织代码');
      if (r.memberId && r.recipientName) {
        issues.push(issue('FIELD_INVALID', 'recipientName', '授予对象名称：授予党员时不填（姓名取自党员记录）'));
      } else if (!r.memberId && !r.recipientName) {
        issues.push(issue('FIELD_REQUIRED', 'memberId', '缺少必填项：个人荣誉须填党员记录编号，非党员填授予对象名称'));
      }
      break;
    case '集体':
      if (r.memberId) notFor('memberId', '党员记录编号');
      if (r.recipientOrgCode && r.recipientName) {
        issues.push(issue('FIELD_INVALID', 'recipientName', '授予对象名称：授予本系统中的组织时不填（名称取自组织）'));
      } else if (!r.recipientOrgCode && !r.recipientName) {
        issues.push(issue('FIELD_REQUIRED', 'recipientOrgCode', '缺少必填项：集体荣誉须填受表彰组织代码，系统外的单位填授予对象名称'));
      }
      break;
    case '家庭':
      if (r.memberId) notFor('memberId', '党员记录编号');
      if (r.recipientOrgCode) notFor('recipientOrgCode', '受表彰组织代码');
      if (!r.recipientName) issues.push(issue('FIELD_REQUIRED', 'recipientName', '缺少必填项：授予对象名称（家庭户名，如“张某某家庭”）'));
      break;
  }
  const byName = !r.memberId && !r.recipientOrgCode;
  if (byName && r.recipientName && !r.orgCode) {
    issues.push(issue('FIELD_REQUIRED', 'orgCode', '缺少必填项：登记组织代码（按名称登记的授予对象记在哪个组织）'));
  }
  return issues;
}
