/**
 * Test data through the real services (STYLE §10): each test builds what it needs.
 */
import { withActor, type Ctx } from '../src/context.js';
import type { Role } from '../src/modules/access/actor.js';
import { actorOfUser } from '../src/modules/users/actor-of-user.js';
import { createUser } from '../src/modules/users/create-user.js';
import type { UserInput, UserView } from '../src/modules/users/users.schema.js';
import { createOrg } from '../src/modules/orgs/create-org.js';
import { createMember } from '../src/modules/members/create-member.js';
import type { OrgInput, OrgView } from '../src/modules/orgs/orgs.schema.js';
import type { MemberDetail, MemberInput } from '../src/modules/members/members.schema.js';
import { makeIdNumber } from '../src/shared/id-number.js';

let seq = 0;

/** A valid, unique ID number for someone born on `birthDate` (odd sequence = man, even = woman). */
export function idNumberFor(birthDate = '1985-06-15', gender: '男' | '女' = '男'): string {
  seq += 1;
  const n = (seq * 2 + (gender === '男' ? 1 : 0)) % 1000;
  return makeIdNumber('110101', birthDate, n);
}

export async function makeOrg(ctx: Ctx, input: Partial<OrgInput> & { code: string }): Promise<OrgView> {
  return createOrg(ctx, {
    name: `测试组织${input.code}`,
    kind: '党支部',
    sector: '农村',
    parentCode: null,
    ...input,
  });
}

/** A county committee with one township committee and `branches` village branches under it. */
export async function makeCounty(ctx: Ctx, branches = 2): Promise<{ county: OrgView; town: OrgView; branches: OrgView[] }> {
  const county = await makeOrg(ctx, { code: 'C', name: '中共测试县委员会', kind: '党委', sector: '机关' });
  const town = await makeOrg(ctx, { code: 'C.T1', name: '中共测试镇委员会', kind: '党委', sector: '农村', parentCode: 'C' });
  const list: OrgView[] = [];
  for (let i = 1; i <= branches; i++) {
    list.push(await makeOrg(ctx, { code: `C.T1.B${i}`, name: `测试村${i}党支部`, parentCode: 'C.T1', establishedOn: '2000-01-01' }));
  }
  return { county, town, branches: list };
}

export async function makeMember(ctx: Ctx, orgCode: string, input: Partial<MemberInput> = {}): Promise<MemberDetail> {
  seq += 1;
  return createMember(ctx, {
    name: `党员${seq}`,
    idNumber: input.idNumber ?? idNumberFor(input.birthDate ?? '1980-03-01', (input.gender as '男' | '女') ?? '男'),
    ethnicity: '汉族',
    education: '大学本科',
    occupation: '农牧渔民',
    orgCode,
    status: '正式党员',
    joinedOn: '2005-07-01',
    confirmedOn: '2006-07-01',
    ...input,
  });
}

/** A password every test account may use: long, three classes, not common. */
export const TEST_PASSWORD = 'Hongqi-piaopiao-2026';

/** An account, through the real service; `orgCode` null makes a system administrator without an organization. */
export async function makeUser(
  ctx: Ctx,
  username: string,
  roles: Role[],
  orgCode: string | null,
  input: Partial<UserInput> = {},
): Promise<UserView> {
  return createUser(ctx, { username, displayName: `用户${username}`, orgCode, roles, password: TEST_PASSWORD, mustChangePassword: false, ...input });
}

/** The context of a request by this account (its actor read as the server reads it). */
export async function asUser(ctx: Ctx, user: { id: number }, ip = '10.0.0.1'): Promise<Ctx> {
  const found = await actorOfUser(ctx, user.id, ip);
  if (!found) throw new Error(`user ${user.id} cannot act`);
  return withActor(ctx, found.actor);
}
