/**
 * Members and development records carry the caller's actions (`actions`), and the list agrees with the routes: for
 * each role, every action listed on a B1 record succeeds through its route and every action withheld is refused.
 * The county C → T1 → B1, B2 and C → T2 → B3, as in the role matrix.
 *
 * 'transfer' is offered only where transferMember would accept some destination: a branch the caller sees other than
 * the member's own. The secretary of B1 sees no other branch (B2 is "not found" to them); neither does the
 * organization administrator of T2, whose only branch is B3.
 */
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createDevelopment } from '../../src/modules/development/record-development.js';
import { leaveMember } from '../../src/modules/members/leave-member.js';
import { ENGINES, type Engine } from '../helpers/test-db.js';
import { expectError, logIn, useApi, type ApiHarness } from '../helpers/http.js';
import { TEST_PASSWORD, idNumberFor, makeMember, makeOrg, makeUser } from '../factories.js';

const WHO = ['admin', 'org_admin@T1', 'secretary@B1', 'viewer@T1'] as const;
type Who = (typeof WHO)[number];
const MEMBER_ACTIONS = ['update', 'leave', 'transfer'] as const;
type MemberAction = (typeof MEMBER_ACTIONS)[number];

const ACCOUNTS: Record<Exclude<Who, 'admin'>, { username: string; role: 'org_admin' | 'secretary' | 'viewer'; org: string }> = {
  'org_admin@T1': { username: 'p-org-admin-t1', role: 'org_admin', org: 'T1' },
  'secretary@B1': { username: 'p-secretary-b1', role: 'secretary', org: 'B1' },
  'viewer@T1': { username: 'p-viewer-t1', role: 'viewer', org: 'T1' },
};

/** What each role is offered on a B1 member on the roll, on a B1 member who has left, and on a B1 development record. */
const OFFERED: Record<Who, { onRoll: MemberAction[]; left: MemberAction[]; development: string[] }> = {
  admin: { onRoll: ['update', 'leave', 'transfer'], left: ['update'], development: ['update'] },
  'org_admin@T1': { onRoll: ['update', 'leave', 'transfer'], left: ['update'], development: ['update'] },
  'secretary@B1': { onRoll: ['update', 'leave'], left: ['update'], development: ['update'] },
  'viewer@T1': { onRoll: [], left: [], development: [] },
};

type Send = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: object) => Promise<LightMyRequestResponse>;

/** Each member action through its route: a correction, leaving the roll, a transfer to the sibling branch B2. */
const PERFORM: Record<MemberAction, (send: Send, id: number) => Promise<LightMyRequestResponse>> = {
  update: (send, id) => send('PATCH', `/api/members/${id}`, { isMobile: true, mobileDestination: '浙江省杭州市' }),
  leave: (send, id) => send('POST', `/api/members/${id}/leave`, { reason: '转出组织关系', leftOn: '2026-10-01', note: '转往县外' }),
  transfer: (send, id) => send('POST', `/api/members/${id}/transfer`, { toOrgCode: 'B2', transferredOn: '2026-10-01' }),
};

/** How a withheld action is refused: not the caller's to change (403), B2 unseen (404), or the member has left (409). */
function expectRefused(res: LightMyRequestResponse, who: Who, action: MemberAction, left: boolean): void {
  if (who === 'viewer@T1') expectError(res, 403, 'PERMISSION_DENIED');
  else if (left) expectError(res, 409, 'MEMBER_ALREADY_LEFT');
  else if (who === 'secretary@B1' && action === 'transfer') expectError(res, 404, 'ORG_NOT_FOUND');
  else throw new Error(`${who} was refused ${action} unexpectedly: ${res.statusCode} ${res.body}`);
}

interface World {
  /** One B1 member on the roll per action, so that each action starts from the same state. */
  onRoll: Record<MemberAction, number>;
  left: number;
  development: number;
}

async function buildWorld(api: ApiHarness): Promise<World> {
  const ctx = api.ctx;
  await makeOrg(ctx, { code: 'C', kind: '党委', sector: '机关' });
  await makeOrg(ctx, { code: 'T1', kind: '党委', parentCode: 'C' });
  await makeOrg(ctx, { code: 'T2', kind: '党委', parentCode: 'C' });
  for (const [code, parent] of [['B1', 'T1'], ['B2', 'T1'], ['B3', 'T2']] as const) {
    await makeOrg(ctx, { code, parentCode: parent, establishedOn: '2000-01-01' });
  }
  const onRoll = {} as Record<MemberAction, number>;
  for (const a of MEMBER_ACTIONS) onRoll[a] = (await makeMember(ctx, 'B1')).id;
  const left = await makeMember(ctx, 'B1');
  await leaveMember(ctx, left.id, { reason: '死亡', leftOn: '2026-06-01' });
  const dev = await createDevelopment(ctx, { name: '申请人', idNumber: idNumberFor('1990-01-01'), orgCode: 'B1', appliedOn: '2025-03-01' });
  for (const a of Object.values(ACCOUNTS)) await makeUser(ctx, a.username, [a.role], a.org);
  return { onRoll, left: left.id, development: dev.id };
}

async function headersOf(api: ApiHarness, who: Who): Promise<Record<string, string>> {
  return who === 'admin' ? api.headers : logIn(api.app, ACCOUNTS[who].username, TEST_PASSWORD);
}

type Listed = { items: { id: number; actions: string[] }[] };

describe.each(ENGINES)('record actions of members and development records on %s', (engine: Engine) => {
  const api = useApi(engine);

  it.each(WHO)('%s: the actions listed on B1 records are exactly those the routes then allow', async (who) => {
    const w = await buildWorld(api);
    const headers = await headersOf(api, who);
    const send: Send = (method, url, body) => api.app.inject({ method, url, headers, ...(body && { payload: body }) });
    const expected = OFFERED[who];

    // The list (left members included) and each detail carry the same actions.
    const list = await send('GET', '/api/members?org=B1&includeLeft=true');
    expect(list.statusCode).toBe(200);
    const listed = new Map((list.json() as Listed).items.map((m) => [m.id, m.actions]));
    for (const id of Object.values(w.onRoll)) {
      expect(listed.get(id)).toEqual(expected.onRoll);
      expect(((await send('GET', `/api/members/${id}`)).json() as { actions: string[] }).actions).toEqual(expected.onRoll);
    }
    expect(listed.get(w.left)).toEqual(expected.left);
    expect(((await send('GET', `/api/members/${w.left}`)).json() as { actions: string[] }).actions).toEqual(expected.left);

    const devList = await send('GET', '/api/development?org=B1');
    expect(devList.statusCode).toBe(200);
    expect((devList.json() as Listed).items.find((d) => d.id === w.development)?.actions).toEqual(expected.development);
    expect(((await send('GET', `/api/development/${w.development}`)).json() as { actions: string[] }).actions).toEqual(expected.development);

    // Each action on a member on the roll: offered → done (the answer carries the member's actions after it), withheld → refused.
    for (const action of MEMBER_ACTIONS) {
      const res = await PERFORM[action](send, w.onRoll[action]);
      if (expected.onRoll.includes(action)) {
        expect(res.statusCode, `${who} ${action}: ${res.body}`).toBe(200);
        const after = res.json() as { orgCode: string; leftOn: string | null; actions: string[] };
        expect(after.actions).toEqual(action === 'leave' ? ['update'] : expected.onRoll);
        if (action === 'leave') expect(after.leftOn).toBe('2026-10-01');
        if (action === 'transfer') expect(after.orgCode).toBe('B2');
      } else {
        expectRefused(res, who, action, false);
      }
    }
    // The secretary has nowhere to transfer to: the only branch they see is the member's own.
    if (who === 'secretary@B1') {
      expectError(await send('POST', `/api/members/${w.onRoll.transfer}/transfer`, { toOrgCode: 'B1', transferredOn: '2026-10-01' }), 400, 'FIELD_INVALID');
    }

    // The member who has left: corrections only.
    for (const action of MEMBER_ACTIONS) {
      const res = await PERFORM[action](send, w.left);
      if (expected.left.includes(action)) {
        expect(res.statusCode, `${who} ${action} (left): ${res.body}`).toBe(200);
        expect((res.json() as { actions: string[] }).actions).toEqual(expected.left);
      } else {
        expectRefused(res, who, action, true);
      }
    }

    // The development record's step dates.
    const patched = await send('PATCH', `/api/development/${w.development}`, { contacts: '王五、赵六' });
    if (expected.development.includes('update')) {
      expect(patched.statusCode, patched.body).toBe(200);
      expect((patched.json() as { actions: string[] }).actions).toEqual(['update']);
    } else {
      expectError(patched, 403, 'PERMISSION_DENIED');
    }
  });

  it('an organization administrator whose only branch is the member’s own is not offered a transfer, and cannot make one', async () => {
    await buildWorld(api);
    const b3 = await makeMember(api.ctx, 'B3');
    await makeUser(api.ctx, 'p-org-admin-t2', ['org_admin'], 'T2');
    const headers = await logIn(api.app, 'p-org-admin-t2', TEST_PASSWORD);
    const send: Send = (method, url, body) => api.app.inject({ method, url, headers, ...(body && { payload: body }) });

    expect(((await send('GET', `/api/members/${b3.id}`)).json() as { actions: string[] }).actions).toEqual(['update', 'leave']);
    // Every branch there is: B1 and B2 unseen, B3 the member's own.
    expectError(await send('POST', `/api/members/${b3.id}/transfer`, { toOrgCode: 'B1', transferredOn: '2026-10-01' }), 404, 'ORG_NOT_FOUND');
    expectError(await send('POST', `/api/members/${b3.id}/transfer`, { toOrgCode: 'B3', transferredOn: '2026-10-01' }), 400, 'FIELD_INVALID');

    // A second branch under T2 gives the member somewhere to go, and the transfer is offered.
    await makeOrg(api.ctx, { code: 'B4', parentCode: 'T2', establishedOn: '2000-01-01' });
    expect(((await send('GET', `/api/members/${b3.id}`)).json() as { actions: string[] }).actions).toEqual(['update', 'leave', 'transfer']);
    const moved = await send('POST', `/api/members/${b3.id}/transfer`, { toOrgCode: 'B4', transferredOn: '2026-10-01' });
    expect(moved.statusCode, moved.body).toBe(200);
  });
});
