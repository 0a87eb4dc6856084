import type { Ctx } from '../../context.js';
import type { Role } from '../access/actor.js';
import { listSubtree } from '../orgs/find-orgs.js';
import { createUser } from '../users/create-user.js';

/** The demo accounts' shared password: for the demo county only (README lists it). */
export const DEMO_PASSWORD = 'Dangjian#2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  orgCode: string;
  orgName: string;
  roles: Role[];
}

/**
 * A few accounts at different levels of the demo county, so each view can be tried: the county organization
 * department, a township committee, a village branch secretary, and a read-only county viewer.
 */
export async function createDemoAccounts(ctx: Ctx, countyCode: string): Promise<DemoAccount[]> {
  const orgs = await listSubtree(ctx, countyCode);
  const county = orgs[0]!;
  const town = orgs.find((o) => o.depth === county.depth + 1 && o.kind === '党委') ?? county;
  const branch =
    orgs.find((o) => o.path.startsWith(town.path) && o.kind === '党支部' && o.sector === '农村') ??
    orgs.find((o) => o.path.startsWith(town.path) && o.kind === '党支部') ??
    town;
  const plan: DemoAccount[] = [
    { username: 'county', displayName: '县委组织部', orgCode: county.code, orgName: county.name, roles: ['org_admin'] },
    { username: 'town', displayName: '乡镇党委组织委员', orgCode: town.code, orgName: town.name, roles: ['org_admin'] },
    { username: 'branch', displayName: '村党支部书记', orgCode: branch.code, orgName: branch.name, roles: ['secretary'] },
    { username: 'viewer', displayName: '县委督查室', orgCode: county.code, orgName: county.name, roles: ['viewer'] },
  ];
  for (const a of plan) {
    await createUser(ctx, { username: a.username, displayName: a.displayName, orgCode: a.orgCode, roles: a.roles, password: DEMO_PASSWORD, mustChangePassword: false });
  }
  return plan;
}
