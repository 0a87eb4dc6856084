/**
 * What the caller may do at an organization, as the server decides it — the web UI shows or hides its buttons from
 * this answer and never re-derives permissions (the services still check every write). An organization outside the
 * caller's scope is "not found", like every read.
 */
import { z } from 'zod';
import type { Ctx } from '../../context.js';
import { accessOf, canWrite } from '../access/actor.js';
import { getOrgRow } from './find-orgs.js';

export const ORG_ACTIONS = [
  'record',
  'superior',
  'manageOrgs',
  'manageUsers',
  'import',
  'viewPersonalData',
] as const;
export type OrgAction = (typeof ORG_ACTIONS)[number];

export const ORG_ACTION_LABELS: Record<OrgAction, string> = {
  record: '登记和修改本组织的记录（组织生活、党员、发展党员、台账等）',
  superior: '作为上级办理（审批、验收、销号、督办、评定）',
  manageOrgs: '新建、修改、调整下级组织',
  manageUsers: '管理用户和角色',
  import: '导入工作簿',
  viewPersonalData: '查看完整的公民身份号码和手机号码',
};

export const orgActionsView = z.object({
  org: z.object({ code: z.string(), name: z.string() }),
  actions: z.array(z.enum(ORG_ACTIONS)).describe(Object.entries(ORG_ACTION_LABELS).map(([k, v]) => `${k}：${v}`).join('；')),
});
export type OrgActionsView = z.infer<typeof orgActionsView>;

export async function orgActions(ctx: Ctx, code: string): Promise<OrgActionsView> {
  const org = await getOrgRow(ctx, code, 'code');
  const access = accessOf(ctx.actor);
  const actions: OrgAction[] = [];
  const write = canWrite(access, org.path);
  if (write) actions.push('record');
  // Acting as the superior: writing over an organization above this one (a 党委 over its branches), or the admin.
  const parentPath = org.path.replace(/\d+\/$/, '');
  if (access.isAdmin || (parentPath !== '/' && parentPath !== org.path && canWrite(access, parentPath) && !access.writeExact)) actions.push('superior');
  if (write && !access.writeExact) actions.push('manageOrgs', 'manageUsers');
  if (write) actions.push('import');
  if (access.fullPersonalData) actions.push('viewPersonalData');
  return { org: { code: org.code, name: org.name }, actions };
}
