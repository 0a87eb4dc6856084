import type { FieldIssue } from '../../shared/errors.js';
import { BRANCH_KINDS, type OrgKind } from '../../shared/vocab.js';
import type { OrgInput } from './orgs.schema.js';

/**
 * Checks of one organization record that need no database: dates, the kind under its parent.
 * Used by the service and by the importer, which collects the issues of every row.
 */
export function checkOrgRecord(
  input: Pick<OrgInput, 'kind' | 'establishedOn' | 'lastElectionOn'>,
  parentKind: string | null,
  today: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.establishedOn && input.establishedOn > today) {
    issues.push({ code: 'DATE_IN_FUTURE', field: 'establishedOn', message: `成立日期${input.establishedOn}晚于今天` });
  }
  if (input.lastElectionOn) {
    if (input.lastElectionOn > today) {
      issues.push({ code: 'DATE_IN_FUTURE', field: 'lastElectionOn', message: `本届选举日期${input.lastElectionOn}晚于今天` });
    } else if (input.establishedOn && input.lastElectionOn < input.establishedOn) {
      issues.push({ code: 'DATE_ORDER_INVALID', field: 'lastElectionOn', message: '本届选举日期早于成立日期' });
    }
  }
  if (input.kind === '党小组' && parentKind !== null && !BRANCH_KINDS.includes(parentKind as OrgKind) && parentKind !== '党总支') {
    issues.push({ code: 'ORG_KIND_NOT_ALLOWED', field: 'kind', message: '党小组只能设在党支部或党总支之下' });
  }
  if (parentKind === '党小组') {
    issues.push({ code: 'ORG_KIND_NOT_ALLOWED', field: 'parentCode', message: '党小组之下不能再设组织' });
  }
  return issues;
}
