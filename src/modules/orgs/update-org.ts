import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { BRANCH_KINDS } from '../../shared/vocab.js';
import { checkOrgRecord } from './org-rules.js';
import { findOrgRowByCode, getOrg, getWritableOrgRow } from './find-orgs.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { orgFields, type OrgPatch, type OrgView } from './orgs.schema.js';

/** Changes an organization's own fields. Its place in the tree changes only through moveOrg. */
export async function updateOrg(ctx: Ctx, code: string, patch: OrgPatch): Promise<OrgView> {
  return inTransaction(ctx, async (tx) => {
    const row = await getWritableOrgRow(tx, code, 'code');
    const before = await getOrg(tx, code);
    const parent = row.parent_code ? await findOrgRowByCode(tx, row.parent_code) : undefined;
    const merged = {
      kind: patch.kind ?? row.kind,
      establishedOn: patch.establishedOn === undefined ? row.established_on : patch.establishedOn,
      lastElectionOn: patch.lastElectionOn === undefined ? row.last_election_on : patch.lastElectionOn,
      committeeSize: patch.committeeSize === undefined ? row.committee_size : patch.committeeSize,
      termExtendedTo: patch.termExtendedTo === undefined ? row.term_extended_to : patch.termExtendedTo,
    } as Parameters<typeof checkOrgRecord>[0];
    const issues = checkOrgRecord(merged, parent?.kind ?? null, tx.clock.today());
    if (patch.kind && !BRANCH_KINDS.includes(patch.kind)) {
      const members = await tx.db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', row.id)
        .where('left_on', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(members.n) > 0) {
        issues.push({
          code: 'MEMBER_ORG_NOT_BRANCH',
          field: 'kind',
          message: `该组织有${Number(members.n)}名党员，党员须编入党支部，不能改为${patch.kind}（请先转接党员）`,
        });
      }
    }
    throwIfIssues(issues);
    await tx.db
      .updateTable('organizations')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.sector !== undefined && { sector: patch.sector }),
        ...(patch.establishedOn !== undefined && { established_on: patch.establishedOn }),
        ...(patch.lastElectionOn !== undefined && { last_election_on: patch.lastElectionOn }),
        ...(patch.termYears !== undefined && { term_years: patch.termYears }),
        ...(patch.committeeSize !== undefined && { committee_size: patch.committeeSize }),
        ...(patch.termExtendedTo !== undefined && { term_extended_to: patch.termExtendedTo }),
        updated_at: tx.clock.nowIso(),
      })
      .where('id', '=', row.id)
      .execute();
    const after = await getOrg(tx, code);
    await appendAudit(tx, { action: 'update', recordType: 'organization', recordId: code, orgId: row.id, changes: diff(orgFields(before), orgFields(after)) });
    return after;
  });
}
