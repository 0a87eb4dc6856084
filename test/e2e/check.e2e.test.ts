/**
 * The rule engine as people reach it: `dangjian check | due | rules` (the compiled program, both engines) and the
 * /api/checks, /api/due and /api/rules routes, on a small county imported from a workbook — a branch that keeps its
 * meetings but once without a quorum, and one that holds none and leaves an applicant waiting for the interview.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_TYPE } from '../../src/server/workbook.routes.js';
import { ENGINES, type Engine } from '../helpers/test-db.js';
import { createCliDatabase, importCounty, memberRow as member, runCli as run, type CliDatabase } from '../helpers/cli-db.js';
import { expectError, logIn, useApi } from '../helpers/http.js';
import { workbookBuffer, workbookCells, type WorkbookRecords } from '../helpers/workbook.js';
import { TEST_PASSWORD, idNumberFor, makeUser } from '../factories.js';

const NOTICE_SHEETS = ['通报汇总', '问题清单', '即将到期', '规则说明'];
const PERIOD = '2026-03';
const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

/** 中共测试县委员会 → 测试镇党委 → 一村 (meets, but one 支部党员大会 lacks a quorum), 二村 (holds nothing). */
function county(): WorkbookRecords {
  const meeting = (kind: string, heldOn: string, expectedCount = 4, attendedCount = 4) => ({ orgCode: B1, kind, heldOn, topic: `${kind}学习`, expectedCount, attendedCount });
  return {
    orgs: [
      { code: 'C', name: '中共测试县委员会', kind: '党委', sector: '机关', establishedOn: '1990-01-01' },
      { code: 'C.T1', name: '中共测试镇委员会', kind: '党委', sector: '农村', parentCode: 'C', establishedOn: '1990-01-01' },
      { code: B1, name: '中共测试镇一村支部委员会', kind: '党支部', sector: '农村', parentCode: 'C.T1', establishedOn: '2000-01-01', lastElectionOn: '2024-01-10', committeeSize: 3 },
      { code: B2, name: '中共测试镇二村支部委员会', kind: '党支部', sector: '农村', parentCode: 'C.T1', establishedOn: '2000-01-01' },
    ],
    members: [member('一村甲', B1), member('一村乙', B1), member('一村丙', B1), member('一村丁', B1), member('二村甲', B2), member('二村乙', B2), member('二村丙', B2)],
    development: [{ name: '二村申请人', idNumber: idNumberFor('2000-02-02'), orgCode: B2, appliedOn: '2026-01-05' }],
    meetings: [
      meeting('支委会', '2026-03-05', 3, 3),
      meeting('主题党日', '2026-03-10'),
      meeting('支部党员大会', '2026-03-15', 4, 2),
      meeting('党课', '2026-03-20'),
    ],
  };
}

interface Finding {
  org: string;
  period: string;
  rule: string;
  family: string;
  status: string;
  citation: string;
  message: string;
  evidence: { records: unknown[]; facts: Record<string, unknown> };
}
interface NoticeJson {
  org: string;
  thresholds: { greenAt: number };
  rows: { org: string; level: number; status: string | null; problems: Finding[] }[];
  findings: Finding[];
}

/** What the county's March notice must hold, whoever produced it. */
function expectMarchFindings(findings: Finding[]): void {
  for (const f of findings) {
    for (const field of ['org', 'period', 'rule', 'family', 'status', 'citation', 'message'] as const) expect(f[field], field).toEqual(expect.any(String));
    expect(f.evidence).toMatchObject({ records: expect.any(Array), facts: expect.any(Object) });
  }
  const brief = findings.map((f) => `${f.org} ${f.rule} ${f.status} ${f.period}`);
  expect(brief).toEqual(
    expect.arrayContaining([
      `${B1} life.general-quorum violation 2026-03`,
      `${B2} life.party-day missed 2026-03`,
      `${B2} life.general-meeting missed 2026Q1`,
      `${B2} dev.interview overdue 2026-02`,
    ]),
  );
  expect(brief.filter((b) => b.startsWith(`${B1} `))).toEqual([`${B1} life.general-quorum violation 2026-03`]);
  const party = findings.find((f) => f.org === B2 && f.rule === 'life.party-day')!;
  expect(party.citation).toContain('《中国共产党支部工作条例（试行）》');
  expect(party.message).toContain('主题党日');
}

describe.each(ENGINES)('dangjian check, due and rules on %s', (engine: Engine) => {
  let dir = '';
  let db = '';
  let cli: CliDatabase | undefined;

  beforeAll(async () => {
    cli = await createCliDatabase(engine, 'chk');
    ({ dir, db } = cli);
    await importCounty(cli, county(), []);
  });

  afterAll(async () => {
    await cli?.drop();
  });

  it('prints the notice as JSON with every finding cited and evidenced, exiting 0', async () => {
    const r = await run(['--db', db, '--json', 'check', '--period', PERIOD]);
    expect(r.code, r.stderr).toBe(0);
    const notice = JSON.parse(r.stdout) as NoticeJson;
    expect(notice.org).toBe('C');
    expect(notice.rows.map((row) => row.org)).toEqual(expect.arrayContaining(['C', 'C.T1', B1, B2]));
    expectMarchFindings(notice.findings);
  });

  it('prints the notice for people: the title, the summary, the table and a branch’s own problems', async () => {
    const county = await run(['--db', db, 'check', '--period', PERIOD]);
    expect(county.code, county.stderr).toBe(0);
    expect(county.stdout).toContain('中共测试县委员会 2026年3月 监测通报（截至2026-03-31）');
    expect(county.stdout).toMatch(/组织生活 \d+\.\d%/);
    expect(county.stdout).toContain('排名');
    const branch = await run(['--db', db, 'check', '--org', B2, '--period', PERIOD]);
    expect(branch.code).toBe(0);
    expect(branch.stdout).toContain('存在的问题');
    expect(branch.stdout).toContain('[未落实] 《中国共产党支部工作条例（试行）》');
    const all = await run(['--db', db, 'check', '--period', PERIOD, '--all']);
    expect(all.stdout).toContain(B1);
    expect(all.stdout).toContain('[违规]');
  });

  it('refuses a bad period (exit 2, naming it) and a bad --days, and writes the workbook', async () => {
    const bad = await run(['--db', db, 'check', '--period', '2026-13']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('统计期');
    const badJson = await run(['--db', db, '--json', 'check', '--period', '2026Q5']);
    expect(badJson.code).toBe(2);
    expect((JSON.parse(badJson.stdout) as { error: { issues: { field: string }[] } }).error.issues.map((i) => i.field)).toEqual(['period']);
    const days = await run(['--db', db, '--json', 'due', '--days', '400']);
    expect(days.code).toBe(2);
    expect(JSON.parse(days.stdout)).toMatchObject({ error: { code: 'FIELD_INVALID', issues: [{ field: 'days' }] } });

    const file = join(dir, 'notice.xlsx');
    const written = await run(['--db', db, 'check', '--period', PERIOD, '--xlsx', file]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(NOTICE_SHEETS);
  });

  it('lists what is due, grouped by family', async () => {
    const due = await run(['--db', db, '--json', 'due', '--org', B2]);
    expect(due.code, due.stderr).toBe(0);
    const list = JSON.parse(due.stdout) as { org: string; items: Finding[] };
    expect(list.org).toBe(B2);
    expect(list.items.map((f) => `${f.rule} ${f.status}`)).toContain('dev.interview overdue');
    const text = await run(['--db', db, 'due', '--org', B2]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('【发展党员】');
    expect(text.stdout).toContain('二村申请人');
  });

  it('lists the rules and changes a setting (audited), refusing an unknown one', async () => {
    const rules = await run(['--db', db, '--json', 'rules']);
    expect(rules.code, rules.stderr).toBe(0);
    const catalog = JSON.parse(rules.stdout) as { ruleSets: { id: string; rules: { id: string; citation: string; certaintyLabel: string }[] }[] };
    expect(catalog.ruleSets.map((s) => s.id)).toContain('development-2026');
    expect(catalog.ruleSets.flatMap((s) => s.rules).every((r) => r.citation.length > 0 && r.certaintyLabel.length > 0)).toBe(true);
    expect((await run(['--db', db, 'rules'])).stdout).toContain('未核实');

    expect((await run(['--db', db, 'rules', 'set', 'notice.greenAt', '95'])).code).toBe(0);
    const settings = JSON.parse((await run(['--db', db, '--json', 'rules', 'settings'])).stdout) as { key: string; value: unknown; changed: boolean }[];
    expect(settings.find((s) => s.key === 'notice.greenAt')).toMatchObject({ value: 95, changed: true });
    expect((JSON.parse((await run(['--db', db, '--json', 'check', '--period', PERIOD])).stdout) as NoticeJson).thresholds.greenAt).toBe(95);
    const reset = await run(['--db', db, '--json', 'rules', 'reset', 'notice.greenAt']);
    expect(JSON.parse(reset.stdout)).toMatchObject({ key: 'notice.greenAt', value: 90, changed: false });
    const audit = JSON.parse((await run(['--db', db, '--json', 'audit', '--record', 'rule_setting:notice.greenAt'])).stdout) as { total: number };
    expect(audit.total).toBe(2);

    const unknown = await run(['--db', db, 'rules', 'set', 'no.such.setting', '1']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('SETTING_UNKNOWN');
  });
});

describe.each(ENGINES)('the checks API on %s', (engine: Engine) => {
  const api = useApi(engine);

  async function importCounty(): Promise<void> {
    const res = await api.app.inject({ method: 'POST', url: '/api/import', headers: { ...api.headers, 'content-type': XLSX_TYPE }, payload: await workbookBuffer(county()) });
    expect(res.statusCode, res.body).toBe(200);
  }

  it('answers the notice, its findings filtered and paged, and the due list', async () => {
    await importCounty();
    const res = await api.request('GET', `/api/checks?period=${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    const notice = res.json() as NoticeJson;
    expect(notice.org).toBe('C');
    expectMarchFindings(notice.findings);
    expect(notice.rows.find((r) => r.org === B2)!.problems.length).toBeGreaterThanOrEqual(3);

    const missed = await api.request('GET', `/api/checks/findings?period=${PERIOD}&status=missed&family=org-life&limit=1`);
    expect(missed.statusCode, missed.body).toBe(200);
    const page = missed.json() as { total: number; items: Finding[] };
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ org: B2, status: 'missed', family: 'org-life' });
    const byRule = (await api.request('GET', `/api/checks/findings?period=${PERIOD}&rule=dev.interview`)).json() as { total: number; items: Finding[] };
    expect(byRule.items.map((f) => `${f.org} ${f.status}`)).toEqual([`${B2} overdue`]);

    expectError(await api.request('GET', '/api/checks?period=2026-13'), 400, 'FIELD_INVALID', '统计期');
    expectError(await api.request('GET', `/api/checks/findings?period=${PERIOD}&status=late`), 400, 'VALUE_NOT_ALLOWED', '状态');

    const due = await api.request('GET', `/api/due?org=${B2}&days=30`);
    expect(due.statusCode, due.body).toBe(200);
    expect((due.json() as { items: Finding[] }).items.map((f) => f.rule)).toContain('dev.interview');
    const badDays = expectError(await api.request('GET', '/api/due?days=0'), 400, 'FIELD_INVALID', '提前天数');
    expect(badDays.issues.map((i) => i.field)).toEqual(['days']);
  });

  it('shows a branch secretary only the branch: another branch is not found, like a missing one', async () => {
    await importCounty();
    await makeUser(api.ctx, 'b1-secretary', ['secretary'], B1);
    const headers = await logIn(api.app, 'b1-secretary', TEST_PASSWORD);
    const get = (url: string) => api.app.inject({ method: 'GET', url, headers });

    const other = await get(`/api/checks?org=${B2}&period=${PERIOD}`);
    const error = expectError(other, 404, 'ORG_NOT_FOUND');
    expect(error.issues.map((i) => i.field)).toEqual(['org']);
    const missing = await get(`/api/checks?org=NOPE&period=${PERIOD}`);
    expect(other.body.replaceAll(B2, '⟨code⟩')).toBe(missing.body.replaceAll('NOPE', '⟨code⟩'));
    for (const url of [`/api/checks/findings?org=${B2}&period=${PERIOD}`, `/api/checks/notice.xlsx?org=${B2}&period=${PERIOD}`, `/api/due?org=${B2}`]) {
      expectError(await get(url), 404, 'ORG_NOT_FOUND');
    }

    const own = await get(`/api/checks?period=${PERIOD}`);
    expect(own.statusCode, own.body).toBe(200);
    const notice = own.json() as NoticeJson;
    expect(notice.org).toBe(B1);
    expect(notice.rows.map((r) => r.org)).toEqual([B1]);
    expect(own.body).not.toContain(B2);
    expect(own.body).not.toContain('二村');
  });

  it('lets only a system administrator change a setting', async () => {
    await importCounty();
    await makeUser(api.ctx, 'c-viewer', ['viewer'], 'C');
    const viewer = await logIn(api.app, 'c-viewer', TEST_PASSWORD);
    const put = (headers: Record<string, string>, key: string, value: unknown) =>
      api.app.inject({ method: 'PUT', url: `/api/rules/settings/${key}`, headers, payload: { value } });

    expectError(await put(viewer, 'notice.greenAt', 95), 403, 'PERMISSION_DENIED');
    const rules = await api.app.inject({ method: 'GET', url: '/api/rules', headers: viewer });
    expect(rules.statusCode).toBe(200);
    // 7 rule sets, and since issue 6 the supervision ones (responsibility-2020, inspection-2017, disclosure-2017).
    expect((rules.json() as { ruleSets: unknown[] }).ruleSets).toHaveLength(10);

    const changed = await put(api.headers, 'notice.greenAt', 95);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ key: 'notice.greenAt', value: 95, default: 90, changed: true });
    const settings = (await api.app.inject({ method: 'GET', url: '/api/rules/settings', headers: viewer })).json() as { key: string; value: unknown }[];
    expect(settings.find((s) => s.key === 'notice.greenAt')!.value).toBe(95);
    expect(((await api.request('GET', `/api/checks?period=${PERIOD}`)).json() as NoticeJson).thresholds.greenAt).toBe(95);
    expect((await put(api.headers, 'notice.greenAt', null)).json()).toMatchObject({ value: 90, changed: false });

    expectError(await put(api.headers, 'no.such.setting', 1), 400, 'SETTING_UNKNOWN');
    expectError(await put(api.headers, 'notice.greenAt', 250), 400, 'FIELD_INVALID');
  });

  it('downloads the notice workbook under a Chinese file name, and it opens with its four sheets', async () => {
    await importCounty();
    const res = await api.request('GET', `/api/checks/notice.xlsx?period=${PERIOD}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_TYPE);
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`监测通报_中共测试县委员会_${PERIOD}.xlsx`)}`);
    const cells = await workbookCells(res.rawPayload);
    expect(Object.keys(cells)).toEqual(NOTICE_SHEETS);
    expect(cells['通报汇总']![0]![0]).toContain('监测通报');
    const problems = cells['问题清单']!;
    expect(problems[0]).toEqual(['组织代码', '组织名称', '期间', '规则编号', '类别', '状态', '依据', '可信度', '说明', '期限', '涉及人员']);
    expect(problems.some((row) => row[0] === B2 && row[3] === 'life.party-day' && row[5] === '未落实')).toBe(true);
    expect(cells['规则说明']!.flat().join('')).toContain('未核实');
  });
});
