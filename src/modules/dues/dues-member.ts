import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { loadWritableMember } from '../members/find-members.js';
import type { MemberDetail } from '../members/members.schema.js';
import { NO_DUES_ORG_KIND } from './dues-facts.js';

export interface WritableDuesMember {
  view: MemberDetail;
  orgId: number;
  orgPath: string;
}

export function notCollected(orgName: string, field = 'memberId'): AppError {
  const message = `${orgName}是临时党支部，临时党支部不收缴党费（党员在正式组织关系所在党支部交纳）`;
  return new AppError('DUES_NOT_COLLECTED', message, [{ code: 'DUES_NOT_COLLECTED', field, message }]);
}

/**
 * A member whose dues the caller may record (MEMBER_NOT_FOUND outside the caller's scope, PERMISSION_DENIED for a
 * read-only role), refusing members of a 临时党支部, which collects no dues.
 */
export async function loadDuesMember(ctx: Ctx, memberId: number): Promise<WritableDuesMember> {
  const { view, orgId, orgPath } = await loadWritableMember(ctx, memberId);
  const org = await ctx.db.selectFrom('organizations').select(['kind', 'name']).where('id', '=', orgId).executeTakeFirstOrThrow();
  if (org.kind === NO_DUES_ORG_KIND) throw notCollected(org.name);
  return { view, orgId, orgPath };
}
