/**
 * Reports and indicators as people reach them: `dangjian report`, `dangjian indicator`, `dangjian indicators
 * --coverage` (the compiled program, both engines) on a small county imported from a workbook, and the /api/reports,
 * /api/report-templates and /api/indicators routes — scoped like every read, templates by name only.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type Engine } from '../helpers/test-db.js';
import { cliRows, createCliDatabase, importCounty, memberRow as member, runCli as run, type CliDatabase } from '../helpers/cli-db.js';
import { expectError, logIn, useApi } from '../helpers/http.js';
import { DOCX_TYPE, docxParagraphs } from '../helpers/docx.js';
import { TEST_PASSWORD, makeCounty, makeMember, makeUser } from '../factories.js';
import { recordMeeting } from '../../src/modules/meetings/record-meeting.js';

const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

/** The 支委会 the county holds in 2026: two in 一村, one in 二村 (and a 党课, which is not one). */
const MEETINGS = [
  { orgCode: B1, kind: '支委会', heldOn: '2026-03-05', topic: '一村三月支委会', expectedCount: 3, attendedCount: 3 },
  { orgCode: B1, kind: '支委会', heldOn: '2026-06-05', topic: '一村六月支委会', expectedCount: 3, attendedCount: 3 },
  { orgCode: B2, kind: '支委会', heldOn: '2026-04-08', topic: '二村四月支委会', expectedCount: 3, attendedCount: 2 },
  { orgCode: B1, kind: '党课', heldOn: '2026-05-10', topic: '一村党课', expectedCount: 3, attendedCount: 3 },
];
const COMMITTEE_MEETINGS = MEETINGS.filter((m) => m.kind === '支委会');

interface Narrative {
  type: 'narrative';
  key: string;
  hint: string;
  text: string;
}
interface ReportJson {
  template: string;
  title: string;
  org: { code: string; name: string };
  period: { label: string };
  lead: { parts: ({ type: string } & Record<string, unknown>)[] }[];
  appendix: { id: string; value: number | null; records: number }[];
}

describe.each(ENGINES)('dangjian report and indicators on %s', (engine: Engine) => {
  let db = '';
  let cli: CliDatabase | undefined;

  beforeAll(async () => {
    cli = await createCliDatabase(engine, 'reports');
    db = cli.db;
    await importCounty(
      cli,
      {
        orgs: [
          { code: 'C', name: '中共测试县委员会', kind: '党委', sector: '机关', establishedOn: '1990-01-01' },
          { code: 'C.T1', name: '中共测试镇委员会', kind: '党委', sector: '农村', parentCode: 'C', establishedOn: '1990-01-01' },
          { code: B1, name: '中共测试镇一村支部委员会', kind: '党支部', sector: '农村', parentCode: 'C.T1', establishedOn: '2000-01-01' },
          { code: B2, name: '中共测试镇二村支部委员会', kind: '党支部', sector: '农村', parentCode: 'C.T1', establishedOn: '2000-01-01' },
        ],
        members: [member('一村甲', B1), member('一村乙', B1), member('一村丙', B1), member('二村甲', B2), member('二村乙', B2), member('二村丙', B2)],
        meetings: MEETINGS,
      },
      [],
    );
  });

  afterAll(async () => {
    await cli?.drop();
  });

  it('writes the annual report as Markdown to the screen and as DOCX to a file', async () => {
    const md = await run(['--db', db, 'report', '--org', 'C', '--period', '2026', '--template', 'annual']);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^# 中共测试县委员会2026年党的建设工作报告\n/);
    // The figure as printed (its value, then the footnote to its line of the appendix).
    expect(md.stdout).toMatch(new RegExp(`召开支委会${COMMITTEE_MEETINGS.length}\\[\\^\\d+\\]次`));
    expect(md.stdout).toContain('【待撰写：');
    expect(md.stdout).toContain('## 附：数据说明');
    expect(md.stdout).toContain('统计范围：中共测试县委员会（C）及所属组织；统计期：2026年');
    expect(md.stdout).toMatch(new RegExp(`\\| 召开支委会（branch_committee_meetings） \\| ${COMMITTEE_MEETINGS.length}次 \\|`));

    const out = join(cli!.dir, '年度报告.docx');
    const docx = await run(['--db', db, 'report', '--org', 'C', '--period', '2026', '--template', 'annual', '--format', 'docx', '--out', out]);
    expect(docx.code, docx.stderr).toBe(0);
    expect(docx.stdout).toContain(out);
    expect(docx.stdout).toContain('已生成');
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const paragraphs = await docxParagraphs(bytes);
    expect(paragraphs.slice(0, 3).join('')).toContain('中共测试县委员会2026年党的建设工作报告');
    expect(paragraphs.join('\n')).toContain(`召开支委会${COMMITTEE_MEETINGS.length}次`);
    expect(paragraphs).toContain('数据说明');

    const templates = await run(['--db', db, '--json', 'report', '--period', '2026', '--list-templates']);
    expect(templates.code, templates.stderr).toBe(0);
    expect((JSON.parse(templates.stdout) as { items: { name: string }[] }).items.map((t) => t.name)).toEqual(['annual', 'half-year', 'responsibility', 'secretary']);
  });

  it('takes a template file and narratives from the command line', async () => {
    const dir = cli!.dir;
    const template = join(dir, '我的模板.md');
    writeFileSync(template, '---\nname: 自定报告\ntitle: {{org}}{{period}}自定报告\nperiods: year\n---\n\n本期召开支委会{{branch_committee_meetings}}次，{{撰写：总体评价}}。\n');
    const narratives = join(dir, 'narratives.json');
    writeFileSync(narratives, JSON.stringify({ n1: '工作扎实有效' }));
    const md = await run(['--db', db, 'report', '--org', B1, '--period', '2026', '--template', template, '--narratives', narratives]);
    expect(md.code, md.stderr).toBe(0);
    const own = COMMITTEE_MEETINGS.filter((m) => m.orgCode === B1).length;
    expect(md.stdout).toContain('# 中共测试镇一村支部委员会2026年自定报告');
    expect(md.stdout).toMatch(new RegExp(`本期召开支委会${own}\\[\\^1\\]次，工作扎实有效。`));
    expect(md.stdout).not.toContain('【待撰写');
  });

  it('refuses bad requests with the right exit code, naming the problem', async () => {
    const base = ['--db', db, 'report', '--org', 'C', '--period', '2026'];
    const format = await run([...base, '--format', 'pdf']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format');
    const noOut = await run([...base, '--format', 'docx']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
    const template = await run([...base, '--template', 'no-such-genre']);
    expect(template.code).toBe(3);
    expect(template.stderr).toContain('no-such-genre');
    expect(template.stderr).toContain('annual');
    const file = await run([...base, '--template', join(cli!.dir, '不存在的模板.md')]);
    expect(file.code).toBe(3);
    expect(file.stderr).toContain('不存在');
    const org = await run(['--db', db, 'report', '--org', 'NOPE', '--period', '2026']);
    expect(org.code).toBe(3);
    expect(org.stderr).toContain('NOPE');
    const period = await run(['--db', db, 'report', '--org', 'C', '--period', '2026Q9']);
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('统计期');

    const malformed = join(cli!.dir, 'malformed.json');
    writeFileSync(malformed, '{"n1": "未写完');
    const broken = await run(['--json', ...base, '--narratives', malformed]);
    expect(broken.code).toBe(2);
    const error = (JSON.parse(broken.stdout) as { error: { code: string; message: string; issues: { field: string }[] } }).error;
    expect(error).toMatchObject({ code: 'FIELD_INVALID', issues: [{ field: '--narratives' }] });
    expect(error.message).toContain('撰写内容文件');
    const notObject = join(cli!.dir, 'list.json');
    writeFileSync(notObject, '["一", "二"]');
    const list = await run([...base, '--narratives', notObject]);
    expect(list.code).toBe(2);
    expect(list.stderr).toContain('撰写内容文件应为 JSON 对象');
  });

  it('explains a figure by the very records behind it', async () => {
    const rows = await cliRows(cli!, "select id from meetings where kind = '支委会' order by id");
    const ids = rows.map((r) => Number(r.id));
    expect(ids).toHaveLength(COMMITTEE_MEETINGS.length);

    const explained = await run(['--db', db, '--json', 'indicator', 'branch_committee_meetings', '--org', 'C', '--period', '2026', '--evidence']);
    expect(explained.code, explained.stderr).toBe(0);
    const x = JSON.parse(explained.stdout) as {
      indicator: { id: string };
      figure: { value: number };
      evidence: { table: string; total: number; ids: number[]; items: { id: number; org: string; date: string; text: string }[] };
    };
    expect(x.indicator.id).toBe('branch_committee_meetings');
    expect(x.figure.value).toBe(COMMITTEE_MEETINGS.length);
    expect(x.evidence.table).toBe('meetings');
    expect(x.evidence.total).toBe(ids.length);
    expect([...x.evidence.ids].sort((a, b) => a - b)).toEqual(ids);
    expect(x.evidence.items.map((i) => i.id).sort((a, b) => a - b)).toEqual(ids);
    expect(x.evidence.items.map((i) => [i.org, i.date]).sort()).toEqual(COMMITTEE_MEETINGS.map((m) => [m.orgCode, m.heldOn]).sort());

    const own = await run(['--db', db, 'indicator', 'branch_committee_meetings', '--org', B2, '--period', '2026', '--evidence']);
    expect(own.code, own.stderr).toBe(0);
    expect(own.stdout).toContain('召开支委会（branch_committee_meetings）');
    expect(own.stdout).toContain('二村四月支委会');
    expect(own.stdout).not.toContain('一村三月支委会');
    expect(own.stdout).toContain('共1条');
    expect((await run(['--db', db, 'indicator', 'no_such_indicator', '--period', '2026'])).code).toBe(3);
  });

  it('lists the indicators and the coverage of the catalog', async () => {
    const coverage = await run(['--db', db, '--json', 'indicators', '--coverage']);
    expect(coverage.code, coverage.stderr).toBe(0);
    const c = JSON.parse(coverage.stdout) as { missing: string[]; rows: { total: number; missing: number } };
    expect(c.missing).toEqual([]);
    expect(c.rows.total).toBe(412);
    expect(c.rows.missing).toBe(0);
    const text = await run(['--db', db, 'indicators', '--coverage']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('缺少的指标：无');
    const family = await run(['--db', db, 'indicators', '--family', '不存在的类别']);
    expect(family.code).toBe(2);
    expect(family.stderr).toContain('不存在的类别');
  });
});

describe.each(ENGINES)('the reports and indicators API on %s', (engine: Engine) => {
  const api = useApi(engine);

  /** The county C → T1 → B1, B2 with `n` 支委会 of B1 and one of B2 in 2026. */
  async function county(): Promise<number[]> {
    await makeCounty(api.ctx, 2);
    await makeMember(api.ctx, B1);
    const ids: number[] = [];
    for (const [org, heldOn] of [[B1, '2026-03-01'], [B1, '2026-06-01'], [B2, '2026-04-01']] as const) {
      const m = await recordMeeting(api.ctx, { orgCode: org, kind: '支委会', heldOn, topic: `${org}支委会`, expectedCount: 3, attendedCount: 3 });
      ids.push(m.id);
    }
    return ids;
  }

  it('generates a report as JSON and as a DOCX download, and fills narratives', async () => {
    const ids = await county();
    const res = await api.request('GET', '/api/reports?org=C&period=2026&template=annual');
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json() as ReportJson;
    expect(doc).toMatchObject({ template: 'annual', title: '中共测试县委员会2026年党的建设工作报告', org: { code: 'C', name: '中共测试县委员会' }, period: { label: '2026' } });
    expect(doc.appendix.find((r) => r.id === 'branch_committee_meetings')).toMatchObject({ value: ids.length, records: ids.length });

    const docx = await api.request('GET', '/api/reports?org=C&period=2026&template=annual&format=docx');
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain(DOCX_TYPE);
    const disposition = String(docx.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment;/);
    expect(disposition).toContain('filename="report_C_2026.docx"');
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('中共测试县委员会2026年党的建设工作报告.docx')}`);
    expect(docx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');

    const md = await api.request('GET', '/api/reports?org=C&period=2026&template=annual&format=md');
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    const html = await api.request('GET', '/api/reports?org=C&period=2026&template=annual&format=html');
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toContain('/api/indicators/branch_committee_meetings?org=C&amp;period=2026&amp;evidence=true');

    // The first writer's slot (n1) as the template leaves it, then filled.
    const slot = doc.lead.flatMap((p) => p.parts).find((p) => p.type === 'narrative' && p.key === 'n1') as Narrative | undefined;
    expect(slot).toMatchObject({ key: 'n1', text: '' });
    expect(md.body).toContain(`【待撰写：${slot!.hint}】`);
    const written = '坚持以党建引领乡村振兴，各项工作取得新成效';
    const filled = await api.request('POST', '/api/reports?org=C&period=2026&template=annual&format=md', { narratives: { n1: written } });
    expect(filled.statusCode, filled.body).toBe(200);
    expect(filled.body).toContain(written);
    expect(filled.body).not.toContain(`【待撰写：${slot!.hint}】`);
    expect(filled.body).toContain('【待撰写：');
    const asJson = await api.request('POST', '/api/reports?org=C&period=2026', { narratives: { n1: written } });
    expect(asJson.statusCode, asJson.body).toBe(200);
    expect((asJson.json() as ReportJson).lead.flatMap((p) => p.parts).find((p) => p.type === 'narrative' && p.key === 'n1')).toMatchObject({ text: written });
    expectError(await api.request('POST', '/api/reports?org=C&period=2026', { narratives: { first: written } }), 400, 'FIELD_INVALID');

    const templates = await api.request('GET', '/api/report-templates');
    expect(templates.statusCode).toBe(200);
    expect((templates.json() as { items: { name: string }[] }).items.map((t) => t.name)).toEqual(['annual', 'half-year', 'responsibility', 'secretary']);
  });

  it('takes templates by name only, never a file on the server', async () => {
    await county();
    const dir = mkdtempSync(join(tmpdir(), 'dangjian-template-'));
    try {
      // A valid template file: the command line would take it, the API must not even open it.
      const file = join(dir, 'x.md');
      writeFileSync(file, '---\nname: 外部模板\ntitle: {{org}}{{period}}外部模板\nperiods: year\n---\n\n召开支委会{{branch_committee_meetings}}次。\n');
      for (const template of ['../../etc/passwd', '/etc/passwd', file, '../templates/reports/annual.md', 'annual.md', 'no-such-genre']) {
        const res = await api.request('GET', `/api/reports?org=C&period=2026&template=${encodeURIComponent(template)}`);
        const error = expectError(res, 404, 'TEMPLATE_NOT_FOUND', '报告模板');
        expect(error.message).toContain('annual');
        expect(res.body).not.toContain('外部模板');
        expect(res.body).not.toContain('root:');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers a branch secretary about another branch as about a missing one', async () => {
    await county();
    await makeUser(api.ctx, 'b1-secretary', ['secretary'], B1);
    const headers = await logIn(api.app, 'b1-secretary', TEST_PASSWORD);
    const as = (url: string) => api.app.inject({ method: 'GET', url, headers });

    const own = await as('/api/reports?period=2026&template=secretary');
    expect(own.statusCode, own.body).toBe(200);
    expect((own.json() as ReportJson).org.code).toBe(B1);
    expect((own.json() as ReportJson).appendix.find((r) => r.id === 'branch_committee_meetings')).toMatchObject({ value: 2 });

    const missingCode = 'C.T1.B9';
    const urls: [string, (org: string) => string][] = [
      [B2, (org) => `/api/reports?org=${org}&period=2026`],
      ['C.T1', (org) => `/api/reports?org=${org}&period=2026&template=half-year&format=docx`],
      [B2, (org) => `/api/indicators/branch_committee_meetings?org=${org}&period=2026&evidence=true`],
    ];
    for (const [code, url] of urls) {
      const foreign = await as(url(code));
      const missing = await as(url(missingCode));
      expectError(foreign, 404, 'ORG_NOT_FOUND');
      expectError(missing, 404, 'ORG_NOT_FOUND');
      expect(foreign.body.split(code).join('⟨org⟩')).toBe(missing.body.split(missingCode).join('⟨org⟩'));
    }
    const post = await api.app.inject({ method: 'POST', url: `/api/reports?org=${B2}&period=2026`, headers, payload: { narratives: { n1: '邻村' } } });
    expectError(post, 404, 'ORG_NOT_FOUND');
    const explained = await as('/api/indicators/branch_committee_meetings?period=2026&evidence=true');
    expect(explained.statusCode, explained.body).toBe(200);
    const x = explained.json() as { figure: { value: number }; evidence: { items: { org: string }[] } };
    expect(x.figure.value).toBe(2);
    expect(new Set(x.evidence.items.map((i) => i.org))).toEqual(new Set([B1]));
  });

  it('explains a figure with its records, a page at a time, and lists the indicators', async () => {
    const ids = await county();
    const page = await api.request('GET', '/api/indicators/branch_committee_meetings?org=C&period=2026&evidence=true&offset=1&limit=1');
    expect(page.statusCode, page.body).toBe(200);
    const x = page.json() as { figure: { value: number }; evidence: { total: number; ids: number[]; items: { id: number }[] } };
    expect(x.figure.value).toBe(ids.length);
    expect(x.evidence.total).toBe(ids.length);
    expect([...x.evidence.ids].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    expect(x.evidence.items).toHaveLength(1);
    expect(ids).toContain(x.evidence.items[0]!.id);
    const without = await api.request('GET', '/api/indicators/branch_committee_meetings?org=C&period=2026');
    expect((without.json() as { evidence: unknown }).evidence).toBeNull();

    expectError(await api.request('GET', '/api/indicators/no_such_indicator?period=2026'), 404, 'INDICATOR_NOT_FOUND');
    expectError(await api.request('GET', '/api/indicators/branch_committee_meetings?period=2026Q5'), 400, 'FIELD_INVALID', '统计期');
    expectError(await api.request('GET', '/api/reports?period=2026&format=pdf'), 400, 'VALUE_NOT_ALLOWED', '输出格式');
    expectError(await api.request('GET', '/api/reports?period=2026H3'), 400, 'FIELD_INVALID', '统计期');
    expectError(await api.request('GET', '/api/reports?org=NOPE&period=2026'), 404, 'ORG_NOT_FOUND');

    const all = await api.request('GET', '/api/indicators');
    expect(all.statusCode).toBe(200);
    expect((all.json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain('branch_committee_meetings');
    const coverage = await api.request('GET', '/api/indicators?coverage=true');
    expect(coverage.statusCode).toBe(200);
    expect(coverage.json()).toMatchObject({ missing: [], rows: { total: 412 } });
  });
});
