import type { Ctx } from '../../context.js';
import { maskIdNumber, maskPhone } from '../../shared/id-number.js';
import { accessOf } from '../access/actor.js';
import { appendAudit } from '../audit/append-audit.js';
import { loadMember } from './find-members.js';
import type { MemberDetail } from './members.schema.js';

/**
 * A member's detail view (个人信息保护法): the whole ID number and phone only for roles that need them, and each such
 * view of a person's data by a user is audited. Other roles see them masked, as in lists.
 */
export async function viewMember(ctx: Ctx, id: number): Promise<MemberDetail> {
  const { view, orgId } = await loadMember(ctx, id);
  if (!accessOf(ctx.actor).fullPersonalData) {
    return { ...view, idNumber: maskIdNumber(view.idNumber), phone: maskPhone(view.phone) };
  }
  if (ctx.actor.kind === 'user') {
    await appendAudit(ctx, { action: 'view_personal_data', recordType: 'member', recordId: id, orgId, note: '查看党员完整个人信息' });
  }
  return view;
}
