import type { FieldIssue } from '../../shared/errors.js';
import { checkMemberOrgKind } from '../members/member-rules.js';
import { checkPerson, type CheckedPerson } from '../people/person-rules.js';
import type { KnownOrg } from './check-orgs.js';

/**
 * The person on a 党员 or 发展党员 row and the branch the row puts them in, checked as the member and development
 * services check them. Issues go to `found`; the person is null when the ID number is missing or invalid.
 */
export function checkPersonInBranch(
  v: { name?: string | null; idNumber?: string | null; orgCode?: string | null } & Record<string, unknown>,
  orgs: Map<string, KnownOrg>,
  today: string,
  found: FieldIssue[],
): { person: CheckedPerson | null; org: KnownOrg | undefined } {
  let person: CheckedPerson | null = null;
  if (v.idNumber) {
    const checked = checkPerson({ ...v, name: v.name ?? '', idNumber: v.idNumber }, today);
    found.push(...checked.issues);
    person = checked.person;
  }
  const org = v.orgCode ? orgs.get(v.orgCode) : undefined;
  if (v.orgCode) {
    if (!org) found.push(unknownOrg(v.orgCode));
    else if (org.kind) found.push(...checkMemberOrgKind(org.kind, v.orgCode));
  }
  return { person, org };
}

export function unknownOrg(code: string): FieldIssue {
  return { code: 'ORG_NOT_FOUND', field: 'orgCode', message: `组织代码“${code}”不存在（数据库和组织表中都没有）` };
}
