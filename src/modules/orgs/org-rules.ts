import type { FieldIssue } from '../../shared/errors.js';
import { BRANCH_KINDS, type OrgKind } from '../../shared/vocab.js';
import type { OrgInput } from './orgs.schema.js';

/**
 * Checks of one organization record that need no database: dates, the kind under its parent, an extension of the
 * term after the election it extends, a committee only where one can be set up.
 * Used by the service and by the importer, which collects the issues of every row.
 */
export function checkOrgRecord(
  input: Pick<OrgInput, 'kind' | 'establishedOn' | 'lastElectionOn' | 'committeeSize' | 'termExtendedTo'>,
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
  if (input.termExtendedTo) {
    if (!input.lastElectionOn) {
      issues.push({ code: 'FIELD_REQUIRED', field: 'lastElectionOn', message: `填写了延期换届至日期（${input.termExtendedTo}），须同时填写本届选举日期` });
    } else if (input.termExtendedTo <= input.lastElectionOn) {
      issues.push({ code: 'DATE_ORDER_INVALID', field: 'termExtendedTo', message: `延期换届至日期${input.termExtendedTo}应晚于本届选举日期${input.lastElectionOn}` });
    }
  }
  // 《支部条例》第二十一条: a 支部委员会 is set up in a branch (and a 总支委员会 in a 党总支); a 党小组 has only a 组长.
  if (input.committeeSize && input.kind === '党小组') {
    issues.push({ code: 'ORG_COMMITTEE_NOT_ALLOWED', field: 'committeeSize', message: '党小组不设支部委员会，支委会委员人数只能填0或不填' });
  }
  if (input.kind === '党小组' && parentKind !== null && !BRANCH_KINDS.includes(parentKind as OrgKind) && parentKind !== '党总支') {
    issues.push({ code: 'ORG_KIND_NOT_ALLOWED', field: 'kind', message: '党小组只能设在党支部或党总支之下' });
  }
  if (parentKind === '党小组') {
    issues.push({ code: 'ORG_KIND_NOT_ALLOWED', field: 'parentCode', message: '党小组之下不能再设组织' });
  }
  return issues;
}
