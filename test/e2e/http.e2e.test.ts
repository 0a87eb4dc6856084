import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { ENGINES, createTestDatabase } from '../helpers/test-db.js';
import { TEST_ADMIN, expectError, signIn, snapshot, useApi } from '../helpers/http.js';
import { idNumberFor, makeCounty, makeMember } from '../factories.js';

describe.each(ENGINES)('HTTP API on %s: system, organizations, errors, OpenAPI', (engine) => {
  const api = useApi(engine);

  it('answers the health check with the engine', async () => {
    const res = await api.request('GET', '/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, engine });
  });

  describe('organizations', () => {
    it('creates, reads, lists (flat and tree), updates, moves and counts', async () => {
      await makeCounty(api.ctx, 2);
      const created = await api.request('POST', '/api/orgs', {
        code: 'C.T2',
        name: '中共第二镇委员会',
        parentCode: 'C',
        kind: '党委',
        sector: '农村',
        establishedOn: '1998-05-01',
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ code: 'C.T2', parentCode: 'C', depth: 1, kind: '党委' });

      const one = await api.request('GET', '/api/orgs/C.T1.B1');
      expect(one.statusCode).toBe(200);
      expect(one.json()).toMatchObject({ code: 'C.T1.B1', name: '测试村1党支部', parentCode: 'C.T1' });

      const flat = await api.request('GET', '/api/orgs?root=C.T1');
      expect(flat.statusCode).toBe(200);
      expect(flat.json().format).toBe('flat');
      expect(flat.json().items.map((o: { code: string }) => o.code)).toEqual(['C.T1', 'C.T1.B1', 'C.T1.B2']);
      expect((await api.request('GET', '/api/orgs')).json().items).toHaveLength(5);

      const tree = await api.request('GET', '/api/orgs?format=tree');
      expect(tree.statusCode).toBe(200);
      const roots = tree.json().items;
      expect(roots).toHaveLength(1);
      expect(roots[0].code).toBe('C');
      expect(roots[0].children.map((c: { code: string }) => c.code)).toEqual(['C.T1', 'C.T2']);
      expect(roots[0].children[0].children.map((c: { code: string }) => c.code)).toEqual(['C.T1.B1', 'C.T1.B2']);

      const patched = await api.request('PATCH', '/api/orgs/C.T1.B1', { name: '测试村一党支部', lastElectionOn: '2024-03-01', termYears: 5 });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({ name: '测试村一党支部', lastElectionOn: '2024-03-01', termYears: 5, committeeSize: null, termExtendedTo: null });
      const setUp = await api.request('PATCH', '/api/orgs/C.T1.B1', { committeeSize: 3, termExtendedTo: '2029-09-01' });
      expect(setUp.statusCode).toBe(200);
      expect(setUp.json()).toMatchObject({ committeeSize: 3, termExtendedTo: '2029-09-01' });
      expect((await api.request('GET', '/api/orgs?root=C.T1.B1')).json().items[0]).toMatchObject({ committeeSize: 3, termExtendedTo: '2029-09-01' });
      expectError(await api.request('PATCH', '/api/orgs/C.T1.B1', { committeeSize: 16 }), 400, 'FIELD_INVALID', '支委会委员人数');
      expectError(await api.request('PATCH', '/api/orgs/C.T1.B1', { termExtendedTo: '2024-01-01' }), 400, 'DATE_ORDER_INVALID', '延期换届至');

      await makeMember(api.ctx, 'C.T1.B1');
      await makeMember(api.ctx, 'C.T1.B1');
      const moved = await api.request('POST', '/api/orgs/C.T1.B1/move', { parentCode: 'C.T2' });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ code: 'C.T1.B1', parentCode: 'C.T2', depth: 2 });
      expect(moved.json().path.startsWith(created.json().path)).toBe(true);

      expect((await api.request('GET', '/api/orgs/C.T2/member-count')).json()).toEqual({ orgCode: 'C.T2', count: 2 });
      expect((await api.request('GET', '/api/orgs/C.T1/member-count')).json()).toEqual({ orgCode: 'C.T1', count: 0 });
      expect((await api.request('GET', '/api/orgs/C/member-count')).json()).toEqual({ orgCode: 'C', count: 2 });
    });

    it('refuses a missing or malformed field, naming it in Chinese, and stores nothing', async () => {
      await makeCounty(api.ctx, 1);
      const before = await snapshot(api.ctx);

      const missing = expectError(await api.request('POST', '/api/orgs', { code: 'X', kind: '党支部', sector: '农村' }), 400, 'FIELD_REQUIRED', '组织名称');
      expect(missing.issues).toEqual([{ code: 'FIELD_REQUIRED', field: 'name', message: '缺少必填项：组织名称' }]);

      const wrongType = expectError(await api.request('POST', '/api/orgs', { code: 'X', name: 'x', kind: '党支部', sector: '农村', termYears: '五' }), 400, 'FIELD_INVALID', '任期(年)');
      expect(wrongType.issues[0]!.field).toBe('termYears');

      const badCode = expectError(await api.request('POST', '/api/orgs', { code: '中文', name: 'x', kind: '党支部', sector: '农村' }), 400, 'FIELD_INVALID', '组织代码');
      expect(badCode.issues[0]!.field).toBe('code');

      expectError(await api.request('POST', '/api/orgs', { code: 'X', name: 'x', kind: '支部', sector: '农村' }), 400, 'VALUE_NOT_ALLOWED', '组织类别');
      expectError(await api.request('POST', '/api/orgs', { code: 'X', name: 'x', kind: '党支部', sector: '农村', establishedOn: '2023-02-30' }), 400, 'FIELD_INVALID', '成立日期');

      const several = expectError(await api.request('POST', '/api/orgs', { kind: '党支部' }), 400, 'FIELD_REQUIRED', '组织代码');
      expect(several.message).toContain('共3处错误');
      expect(several.issues.map((i) => i.field)).toEqual(['code', 'name', 'sector']);

      expect(await snapshot(api.ctx)).toEqual(before);
    });

    it('refuses an unknown organization, a taken code, a date in the future and a cycle, changing nothing', async () => {
      await makeCounty(api.ctx, 1);
      const before = await snapshot(api.ctx);

      const unknownParent = expectError(
        await api.request('POST', '/api/orgs', { code: 'X', name: 'x', kind: '党支部', sector: '农村', parentCode: 'NOPE' }),
        404,
        'ORG_NOT_FOUND',
        'NOPE',
      );
      expect(unknownParent.issues[0]!.field).toBe('parentCode');
      expectError(await api.request('GET', '/api/orgs/NOPE'), 404, 'ORG_NOT_FOUND', 'NOPE');
      expectError(await api.request('PATCH', '/api/orgs/NOPE', { name: 'x' }), 404, 'ORG_NOT_FOUND', 'NOPE');
      expectError(await api.request('GET', '/api/orgs?root=NOPE'), 404, 'ORG_NOT_FOUND', 'NOPE');
      expectError(await api.request('GET', '/api/orgs/NOPE/member-count'), 404, 'ORG_NOT_FOUND', 'NOPE');
      expectError(await api.request('POST', '/api/orgs/C.T1/move', { parentCode: 'NOPE' }), 404, 'ORG_NOT_FOUND', 'NOPE');

      const taken = expectError(await api.request('POST', '/api/orgs', { code: 'C.T1', name: 'x', kind: '党委', sector: '农村', parentCode: 'C' }), 409, 'ORG_CODE_TAKEN', '组织代码');
      expect(taken.issues[0]!.field).toBe('code');

      const future = expectError(
        await api.request('POST', '/api/orgs', { code: 'X', name: 'x', kind: '党支部', sector: '农村', parentCode: 'C.T1', establishedOn: '2099-01-01' }),
        400,
        'DATE_IN_FUTURE',
        '成立日期',
      );
      expect(future.issues[0]!.field).toBe('establishedOn');
      expectError(await api.request('PATCH', '/api/orgs/C.T1.B1', { lastElectionOn: '1999-01-01' }), 400, 'DATE_ORDER_INVALID', '本届选举日期');

      const cycle = expectError(await api.request('POST', '/api/orgs/C.T1/move', { parentCode: 'C.T1.B1' }), 409, 'ORG_CYCLE', '循环');
      expect(cycle.issues[0]!.field).toBe('parentCode');
      expectError(await api.request('POST', '/api/orgs/C/move', { parentCode: 'C' }), 409, 'ORG_CYCLE', '自己');

      expect(await snapshot(api.ctx)).toEqual(before);
    });

    it('refuses a change of place through PATCH instead of silently ignoring it', async () => {
      await makeCounty(api.ctx, 1);
      const before = await snapshot(api.ctx);
      const err = expectError(await api.request('PATCH', '/api/orgs/C.T1.B1', { name: '新名称', parentCode: 'C' }), 400, 'FIELD_INVALID', '上级组织代码');
      expect(err.issues).toEqual([{ code: 'FIELD_INVALID', field: 'parentCode', message: '上级组织代码不能在此修改' }]);
      expect(await snapshot(api.ctx)).toEqual(before);
    });
  });

  describe('errors in general', () => {
    it('answers malformed JSON, a missing body and an unknown route with Chinese errors', async () => {
      await makeCounty(api.ctx, 1);
      const before = await snapshot(api.ctx);
      const malformed = await api.app.inject({
        method: 'POST',
        url: '/api/orgs',
        headers: { ...api.headers, 'content-type': 'application/json' },
        payload: '{"code": "X", ',
      });
      const err = expectError(malformed, 400, 'FIELD_INVALID');
      expect(err.message).toBe('请求体不是有效的JSON');

      expectError(await api.request('POST', '/api/orgs'), 400, 'FIELD_REQUIRED', '请求体');
      expectError(
        await api.app.inject({ method: 'POST', url: '/api/orgs', headers: { ...api.headers, 'content-type': 'application/json' }, payload: '' }),
        400,
        'FIELD_REQUIRED',
        '请求体',
      );
      expectError(
        await api.app.inject({ method: 'POST', url: '/api/orgs', headers: { ...api.headers, 'content-type': 'application/xml' }, payload: '<org/>' }),
        400,
        'UNSUPPORTED_MEDIA_TYPE',
        'application/xml',
      );
      expectError(await api.request('POST', '/api/orgs', [1, 2]), 400, 'FIELD_INVALID', '请求体');

      const unknown = expectError(await api.request('GET', '/api/nothing-here?x=1'), 404, 'ROUTE_NOT_FOUND', '/api/nothing-here');
      expect(unknown.message).not.toContain('x=1');
      expectError(await api.request('DELETE', '/api/orgs/C'), 404, 'ROUTE_NOT_FOUND');
      expect(await snapshot(api.ctx)).toEqual(before);
    });

    it('answers a JSON body over the limit with a Chinese 4xx error', async () => {
      const res = await api.request('POST', '/api/orgs', { code: 'X', name: 'x'.repeat(2 * 1024 * 1024), kind: '党支部', sector: '农村' });
      expectError(res, 400, 'PAYLOAD_TOO_LARGE', '1MB');
    });

    it('answers an unexpected failure with a generic 500 that reveals nothing', async () => {
      await api.db.close();
      const res = await api.request('GET', '/api/health');
      const err = expectError(res, 500, 'INTERNAL');
      expect(err.message).toBe('服务器内部错误，请稍后重试；如仍出错，请联系系统管理员');
      expect(err.issues).toEqual([]);
      // The harness closes the database again after the test; a second close must be harmless.
      api.db.close = async () => undefined;
    });
  });

  describe('OpenAPI', () => {
    const ROUTES = [
      ['get', '/api/health'],
      ['post', '/api/auth/login'],
      ['post', '/api/auth/logout'],
      ['get', '/api/auth/me'],
      ['post', '/api/auth/password'],
      ['get', '/api/auth/tokens'],
      ['post', '/api/auth/tokens'],
      ['delete', '/api/auth/tokens/{id}'],
      ['get', '/api/users'],
      ['post', '/api/users'],
      ['get', '/api/users/{id}'],
      ['patch', '/api/users/{id}'],
      ['post', '/api/users/{id}/password'],
      ['get', '/api/orgs'],
      ['post', '/api/orgs'],
      ['get', '/api/orgs/{code}'],
      ['patch', '/api/orgs/{code}'],
      ['post', '/api/orgs/{code}/move'],
      ['get', '/api/orgs/{code}/member-count'],
      ['get', '/api/members'],
      ['post', '/api/members'],
      ['get', '/api/members/{id}'],
      ['patch', '/api/members/{id}'],
      ['post', '/api/members/{id}/transfer'],
      ['post', '/api/members/{id}/leave'],
      ['get', '/api/development'],
      ['post', '/api/development'],
      ['get', '/api/development/{id}'],
      ['patch', '/api/development/{id}'],
      ['get', '/api/meetings'],
      ['post', '/api/meetings'],
      ['get', '/api/meetings/{id}'],
      ['post', '/api/import'],
      ['get', '/api/export'],
    ] as const;

    it('documents every route with tags, a Chinese summary, its input and its answers', async () => {
      const res = await api.request('GET', '/api/openapi.json');
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toMatch(/^3\./);
      const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method} ${path}`),
      );
      for (const [method, path] of ROUTES) expect(documented).toContain(`${method} ${path}`);

      for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Record<string, any>>>)) {
        for (const [method, op] of Object.entries(ops)) {
          const where = `${method} ${path}`;
          expect(op.tags?.length, where).toBeGreaterThan(0);
          expect(op.summary, where).toMatch(/[\u4e00-\u9fff]/);
          const ok = op.responses['200'] ?? op.responses['201'];
          expect(Object.values(ok?.content ?? {})[0], where).toHaveProperty('schema');
          expect(op.responses['400']?.content?.['application/json']?.schema, where).toEqual({ $ref: '#/components/schemas/Error' });
          if (method === 'post' || method === 'patch') expect(Object.values(op.requestBody?.content ?? {})[0], where).toHaveProperty('schema');
          if (path.includes('{')) expect(op.parameters?.some((p: { in: string }) => p.in === 'path'), where).toBe(true);
        }
      }
      expect(doc.components.schemas.Error).toBeDefined();
      expect(doc.components.schemas.OrgTreeNode).toBeDefined();
      // Credentials: a session cookie with its CSRF header, or a bearer token; only health and login go without.
      expect(Object.keys(doc.components.securitySchemes)).toEqual(['session', 'csrf', 'token']);
      expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'dj_session' });
      expect(doc.security).toEqual([{ session: [], csrf: [] }, { token: [] }]);
      expect(doc.paths['/api/health'].get.security).toEqual([]);
      expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
      expect(doc.paths['/api/orgs'].get.security).toBeUndefined();
      expect(doc.paths['/api/orgs'].get.responses['401']?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Error' });
      // The list's parameters come from the same zod schema that validates them.
      const listParams = doc.paths['/api/members'].get.parameters.map((p: { name: string }) => p.name);
      expect(listParams).toEqual(expect.arrayContaining(['org', 'subtree', 'status', 'name', 'includeLeft', 'limit', 'offset']));
    });

    it('serves the Swagger UI', async () => {
      const res = await api.request('GET', '/api/docs');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
    });
  });
});

describe.each(ENGINES)('HTTP API on %s: the log', (engine) => {
  it('logs requests by path and errors by code, never a body, a query, an ID number or a phone number', async () => {
    const db = await createTestDatabase(engine);
    const lines: string[] = [];
    const app = await buildApp({ ctx: db.ctx, engine, logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } } });
    try {
      const headers = await signIn(app, db.ctx);
      await makeCounty(db.ctx, 1);
      const idNumber = idNumberFor('1979-02-03', '男');
      const body = { name: '孙立新', idNumber, phone: '13698765432', orgCode: 'C.T1.B1', status: '正式党员', joinedOn: '2001-07-01', confirmedOn: '2002-07-01' };
      expect((await app.inject({ method: 'POST', url: '/api/members', headers, payload: body })).statusCode).toBe(201);
      expect((await app.inject({ method: 'POST', url: '/api/members', headers, payload: body })).statusCode).toBe(409);
      expect((await app.inject({ method: 'GET', url: `/api/members?org=C&name=${encodeURIComponent('孙立新')}`, headers })).statusCode).toBe(200);
      await db.close();
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(500);

      const log = lines.join('');
      expect(log).toContain('"url":"/api/members"');
      expect(log).toContain('"code":"ID_NUMBER_TAKEN"');
      expect(log).toContain('request failed');
      const credentials = [TEST_ADMIN.password, headers.cookie!.split('=')[1]!, headers['x-csrf-token']!];
      for (const secret of [idNumber, idNumber.slice(6, 14), '13698765432', '孙立新', encodeURIComponent('孙立新'), ...credentials]) {
        expect(log).not.toContain(secret);
      }
    } finally {
      await app.close();
      db.close = async () => undefined;
    }
  });
});
