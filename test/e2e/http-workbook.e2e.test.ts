import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { XLSX_TYPE } from '../../src/server/workbook.routes.js';
import { SHEETS, SUPERVISION_SHEET_KEYS } from '../../src/modules/workbook/workbook-format.js';
import { ENGINES, createTestDatabase } from '../helpers/test-db.js';
import { expectError, signIn, snapshot, useApi } from '../helpers/http.js';
import { makeCounty, makeMember } from '../factories.js';

/** The supervision ledger sheets (0006) in an import's counts: none in these workbooks. */
const NO_SUPERVISION = Object.fromEntries(SUPERVISION_SHEET_KEYS.map((k) => [k, 0]));

/** A one-sheet CSV of organizations, with the format's own headers. */
function orgsCsv(rows: string[][]): string {
  const headers = SHEETS.orgs.columns.map((c) => c.header);
  return [headers, ...rows.map((r) => headers.map((_, i) => r[i] ?? ''))].map((r) => r.join(',')).join('\r\n');
}

describe.each(ENGINES)('HTTP API on %s: workbook import and export', (engine) => {
  const api = useApi(engine);

  it('exports a subtree as an .xlsx download that imports again, dry run first', async () => {
    await makeCounty(api.ctx, 2);
    await makeMember(api.ctx, 'C.T1.B1');
    await makeMember(api.ctx, 'C.T1.B2');
    await api.request('POST', '/api/meetings', {
      orgCode: 'C.T1.B1', kind: '党课', heldOn: '2026-06-01', topic: '学习党章', expectedCount: 1, attendedCount: 1,
    });

    const res = await api.request('GET', '/api/export?org=C');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(res.headers['content-disposition']).toContain('attachment; filename="dangjian_C_2026-11-23.xlsx"');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('党建数据_C_2026-11-23.xlsx')}`);
    const file = res.rawPayload;
    expect(file.subarray(0, 2).toString()).toBe('PK');

    // Into an empty database, through the API of another app.
    const target = await createTestDatabase(engine);
    const other = await buildApp({ ctx: target.ctx });
    try {
      const headers = await signIn(other, target.ctx);
      const upload = (dryRun: boolean) =>
        other.inject({ method: 'POST', url: `/api/import?dryRun=${dryRun}`, headers: { ...headers, 'content-type': XLSX_TYPE }, payload: file });
      const dry = await upload(true);
      expect(dry.statusCode).toBe(200);
      expect(dry.json()).toEqual({ dryRun: true, counts: { orgs: 4, members: 2, development: 0, meetings: 1, duesBases: 0, duesApprovals: 0, duesPayments: 0, studyRecords: 0, trainings: 0, trainingAttendance: 0, serviceRecords: 0, communityReports: 0, serviceTeams: 0, serviceTeamMembers: 0, honors: 0, donations: 0, ...NO_SUPERVISION } });
      expect((await other.inject({ url: '/api/orgs', headers })).json().items).toEqual([]);

      const real = await upload(false);
      expect(real.statusCode).toBe(200);
      expect(real.json()).toEqual({ dryRun: false, counts: { orgs: 4, members: 2, development: 0, meetings: 1, duesBases: 0, duesApprovals: 0, duesPayments: 0, studyRecords: 0, trainings: 0, trainingAttendance: 0, serviceRecords: 0, communityReports: 0, serviceTeams: 0, serviceTeamMembers: 0, honors: 0, donations: 0, ...NO_SUPERVISION } });
      expect((await other.inject({ url: '/api/orgs/C/member-count', headers })).json().count).toBe(2);
      expect((await other.inject({ url: '/api/meetings?org=C', headers })).json().items[0]).toMatchObject({ topic: '学习党章', orgCode: 'C.T1.B1' });
    } finally {
      await other.close();
      await target.close();
    }

    const all = await api.request('GET', '/api/export');
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-disposition']).toContain('dangjian_all_');
  });

  it('imports a CSV of one sheet', async () => {
    const csv = orgsCsv([
      ['X', '中共某县委员会', '', '党委', '机关'],
      ['X.B1', '某村党支部', 'X', '党支部', '农村', '2001-05-01'],
    ]);
    const res = await api.app.inject({ method: 'POST', url: '/api/import', headers: { ...api.headers, 'content-type': 'text/csv; charset=utf-8' }, payload: csv });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ dryRun: false, counts: { orgs: 2, members: 0, development: 0, meetings: 0, duesBases: 0, duesApprovals: 0, duesPayments: 0, studyRecords: 0, trainings: 0, trainingAttendance: 0, serviceRecords: 0, communityReports: 0, serviceTeams: 0, serviceTeamMembers: 0, honors: 0, donations: 0, ...NO_SUPERVISION } });
    expect((await api.request('GET', '/api/orgs/X.B1')).json()).toMatchObject({ parentCode: 'X', establishedOn: '2001-05-01' });
  });

  it('refuses a bad workbook, an unreadable file, a wrong type and an oversized body, writing nothing', async () => {
    await makeCounty(api.ctx, 1);
    const before = await snapshot(api.ctx);
    const post = (headers: Record<string, string>, payload: string | Buffer, query = '') =>
      api.app.inject({ method: 'POST', url: `/api/import${query}`, headers: { ...api.headers, ...headers }, payload });

    const bad = orgsCsv([
      ['Y', '某党委', 'NOPE', '党委', '机关'],
      ['Y.B1', '某村党支部', 'Y', '支部', '农村', '2099-01-01'],
    ]);
    const invalid = expectError(await post({ 'content-type': 'text/csv' }, bad), 400, 'IMPORT_INVALID', '未写入');
    expect(invalid.issues.length).toBeGreaterThanOrEqual(3);
    for (const issue of invalid.issues) expect(issue).toMatchObject({ sheet: '组织', row: expect.any(Number), column: expect.any(String) });

    expectError(await post({ 'content-type': XLSX_TYPE }, Buffer.from('not a zip at all')), 400, 'WORKBOOK_UNREADABLE', 'Excel');
    expectError(await post({ 'content-type': 'application/json' }, '{"a":1}'), 400, 'UNSUPPORTED_MEDIA_TYPE', 'application/json');
    expectError(await post({ 'content-type': 'text/csv' }, bad, '?dryRun=perhaps'), 400, 'FIELD_INVALID', '试导入');
    expectError(await api.request('POST', '/api/import'), 400, 'FIELD_REQUIRED', '请求体');

    const huge = Buffer.alloc(50 * 1024 * 1024 + 1);
    expectError(await post({ 'content-type': XLSX_TYPE }, huge), 400, 'PAYLOAD_TOO_LARGE', '50MB');

    expectError(await api.request('GET', '/api/export?org=NOPE'), 404, 'ORG_NOT_FOUND', 'NOPE');
    expect(await snapshot(api.ctx)).toEqual(before);
  });

  it('documents both routes with their file types', async () => {
    const doc = (await api.request('GET', '/api/openapi.json')).json();
    const imp = doc.paths['/api/import'].post;
    expect(imp.tags).toEqual(['导入导出']);
    expect(Object.keys(imp.requestBody.content)).toEqual([XLSX_TYPE, 'text/csv']);
    expect(imp.requestBody.content[XLSX_TYPE].schema).toMatchObject({ type: 'string', format: 'binary' });
    expect(imp.parameters.map((p: { name: string }) => p.name)).toEqual(['dryRun']);
    const exp = doc.paths['/api/export'].get;
    expect(Object.keys(exp.responses['200'].content)).toEqual([XLSX_TYPE]);
    expect(exp.responses['200'].content[XLSX_TYPE].schema).toMatchObject({ type: 'string', format: 'binary' });
  });
});
