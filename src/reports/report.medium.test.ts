import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase, type Engine } from '../../test/helpers/test-db.js';
import { failure } from '../../test/helpers/errors.js';
import { asUser, idNumberFor, makeCounty, makeMember, makeUser } from '../../test/factories.js';
import type { Ctx } from '../context.js';
import { explainFigure } from '../indicators/explain.js';
import { createDevelopment } from '../modules/development/record-development.js';
import { createFigureSet } from '../modules/figure-sets/create-figure-set.js';
import { recordHonor } from '../modules/honors/record-honor.js';
import { recordMeeting } from '../modules/meetings/record-meeting.js';
import { createServiceRecord } from '../modules/service/create-service-record.js';
import { recordStudy } from '../modules/study/record-study.js';
import type { FigureInline, Paragraph, ReportDocument, Section } from './document.js';
import { generateReport } from './generate-report.js';
import { GENRES } from './load-template.js';
import { renderReport } from './render-report.js';

const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

const dir = mkdtempSync(join(tmpdir(), 'dj-report-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A deployment's own template: eleven indicators of seven families, one 同比, one entered by hand. */
const TEMPLATE = `<!-- 测试用模板 -->
---
name: 测试年度报告
title: {{org}}{{period}}党建工作测试报告
periods: year
---

{{period}}，{{org}}共有党员{{members_total}}名。

# 组织生活

- 召开支委会{{branch_committee_meetings}}次，同比{{branch_committee_meetings:同比}}[、党员大会{{general_member_meetings}}次][，开展主题党日{{theme_party_days}}次]。

- 召开民主生活会{{democratic_life_meetings}}次。
否则：本年未召开民主生活会。

# 发展党员

确定入党积极分子{{new_activists}}名，发展党员{{new_probationary_members}}名。

# 学习和服务

人均集中学习培训{{training_hours_per_member}}学时；开展志愿服务活动{{volunteer_activities}}次；受表彰个人{{honors_members}}人。{{撰写：做法}}

# 纪律

立案{{cases_filed}}件。
`;
const templateFile = join(dir, 'my-report.md');
writeFileSync(templateFile, TEMPLATE);

/** What the test made, by the figure it expects each record to count in (for 2026, for the county). */
interface Made {
  /** Records behind each figure of 2026, by indicator id. */
  evidence: Record<string, number[]>;
  /** Values of 2026 by `${id}:${form}`, counted here. */
  values: Record<string, number>;
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

async function county(ctx: Ctx): Promise<Made> {
  await makeCounty(ctx, 2);
  const members = [await makeMember(ctx, B1), await makeMember(ctx, B1), await makeMember(ctx, B1), await makeMember(ctx, B2), await makeMember(ctx, B2)];
  const [a, b, c, d] = members;

  const meetings: { id: number; kind: string; heldOn: string }[] = [];
  const meet = async (org: string, kind: string, heldOn: string) => {
    const m = await recordMeeting(ctx, { orgCode: org, kind: kind as never, heldOn, topic: `${kind}：测试`, expectedCount: 5, attendedCount: 4 });
    meetings.push({ id: m.id, kind, heldOn });
  };
  for (const on of ['2026-01-10', '2026-04-10', '2026-07-10']) await meet(B1, '支委会', on);
  for (const on of ['2026-02-10', '2026-05-10']) await meet(B2, '支委会', on);
  for (const on of ['2025-03-10', '2025-09-10']) await meet(B1, '支委会', on);
  for (const on of ['2025-03-12', '2025-12-31']) await meet(B2, '支委会', on);
  await meet(B1, '主题党日', '2026-03-05');
  await meet(B2, '主题党日', '2026-10-05');
  await meet(B2, '支部党员大会', '2025-06-01'); // none in 2026: the clause is dropped
  await meet('C.T1', '民主生活会', '2025-01-20'); // none in 2026: 否则 is printed

  const dev = async (org: string, dates: Record<string, string>) =>
    createDevelopment(ctx, { name: `申请人${Object.values(dates).join('')}`, idNumber: idNumberFor('1996-05-01'), orgCode: org, ...dates });
  const newActivist = await dev(B1, { appliedOn: '2025-06-01', activistOn: '2026-02-01' });
  await dev(B2, { appliedOn: '2025-01-10', activistOn: '2025-03-01' });
  const approved = await dev(B2, { appliedOn: '2024-06-01', activistOn: '2025-03-01', candidateOn: '2025-09-01', branchMeetingOn: '2026-01-10', approvedOn: '2026-02-01' });
  expect(approved.membershipId).not.toBeNull();

  await recordStudy(ctx, { memberId: a!.id, studiedOn: '2026-05-10', kind: '集中学习', title: '党章', hours: 2 });
  await recordStudy(ctx, { memberId: b!.id, studiedOn: '2026-06-10', kind: '集中学习', title: '党史', hours: 3 });
  await recordStudy(ctx, { memberId: a!.id, studiedOn: '2025-05-10', kind: '集中学习', title: '去年的', hours: 2 });
  await recordStudy(ctx, { memberId: c!.id, studiedOn: '2026-06-11', kind: '自学', title: '自学不计集中学时', hours: 1 });

  const v1 = await createServiceRecord(ctx, { orgCode: B1, kind: '志愿服务', title: '清扫街巷', happenedOn: '2026-04-01', hours: 2, memberId: a!.id });
  const v2 = await createServiceRecord(ctx, { orgCode: B2, kind: '志愿服务', title: '义诊', happenedOn: '2026-04-02', hours: 3 });
  await createServiceRecord(ctx, { orgCode: B2, kind: '志愿服务', title: '去年的', happenedOn: '2025-12-30', hours: 3 });

  const h1 = await recordHonor(ctx, { kind: '表彰', recipientKind: '个人', memberId: d!.id, title: '优秀共产党员', level: '县级', awardedBy: '县委', awardedOn: '2026-06-28' });
  const h2 = await recordHonor(ctx, { kind: '表彰', recipientKind: '个人', memberId: d!.id, title: '优秀志愿者', level: '乡镇（街道）级', awardedBy: '镇党委', awardedOn: '2026-07-01' });
  await recordHonor(ctx, { kind: '表彰', recipientKind: '个人', memberId: c!.id, title: '优秀共产党员', level: '县级', awardedBy: '县委', awardedOn: '2025-06-28' });

  const set = await createFigureSet(ctx, { orgCode: 'C', period: '2026', sourceDepartment: '县纪委监委', values: [{ indicatorId: 'cases_filed', value: 5 }] });
  await createFigureSet(ctx, { orgCode: 'C', period: '2025', sourceDepartment: '县纪委监委', values: [{ indicatorId: 'cases_filed', value: 3 }] });

  // Counted here, from what was made.
  const in2026 = (kind: string) => meetings.filter((m) => m.kind === kind && m.heldOn.startsWith('2026')).map((m) => m.id);
  const in2025 = (kind: string) => meetings.filter((m) => m.kind === kind && m.heldOn.startsWith('2025')).map((m) => m.id);
  const roll = [...members.map((m) => m.id), approved.membershipId!];
  const evidence: Record<string, number[]> = {
    members_total: roll,
    branch_committee_meetings: in2026('支委会'),
    theme_party_days: in2026('主题党日'),
    new_activists: [newActivist.id],
    new_probationary_members: [approved.id],
    training_hours_per_member: [a!.id, b!.id],
    volunteer_activities: [v1.id, v2.id],
    honors_members: [h1.id, h2.id],
    cases_filed: [set.values[0]!.id],
  };
  const bcm = in2026('支委会').length;
  const bcmBefore = in2025('支委会').length;
  const values: Record<string, number> = {
    'members_total:value': roll.length,
    'branch_committee_meetings:value': bcm,
    'branch_committee_meetings:yoy': Math.round(((bcm - bcmBefore) / bcmBefore) * 1000) / 10,
    'theme_party_days:value': in2026('主题党日').length,
    'new_activists:value': 1,
    'new_probationary_members:value': 1,
    'training_hours_per_member:value': Math.round(((2 + 3) / roll.length) * 10) / 10,
    'volunteer_activities:value': 2,
    'honors_members:value': 1, // one person honored twice
    'cases_filed:value': 5,
  };
  return { evidence, values };
}

const paragraphsOf = (doc: ReportDocument): Paragraph[] => {
  const walk = (list: Section[]): Paragraph[] => list.flatMap((s) => [...s.body, ...walk(s.children)]);
  return [...doc.lead, ...walk(doc.sections)];
};
const figuresOf = (doc: ReportDocument): FigureInline[] => paragraphsOf(doc).flatMap((p) => p.parts.filter((x): x is FigureInline => x.type === 'figure'));
const keyOf = (f: { id: string; form: string }) => `${f.id}:${f.form}`;

describe.each(ENGINES)('reports on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  it('prints the figures of the records made, lists them in the appendix, and explains each with exactly its records', async () => {
    const ctx = db.ctx;
    const made = await county(ctx);
    const doc = await generateReport(ctx, { orgCode: 'C', period: '2026', template: templateFile, allowTemplateFile: true, narratives: { n1: '坚持每月开展。' } });
    expect(doc).toMatchObject({ template: 'my-report', genre: '测试年度报告', title: '中共测试县委员会2026年党建工作测试报告', empty: false });
    expect(doc.org).toEqual({ code: 'C', name: '中共测试县委员会' });

    // Every figure printed, with the value counted here; each one expected is printed.
    const printed = figuresOf(doc);
    expect(new Set(printed.map(keyOf))).toEqual(new Set(Object.keys(made.values)));
    for (const f of printed) expect({ key: keyOf(f), value: f.value }).toEqual({ key: keyOf(f), value: made.values[keyOf(f)] });
    const yoy = printed.find((f) => f.form === 'yoy')!;
    expect(yoy.display).toBe(`增长${made.values['branch_committee_meetings:yoy']}%`);

    const text = paragraphsOf(doc).map((p) => `${p.opener ?? ''}${p.parts.map((x) => (x.type === 'figure' ? x.display : x.type === 'text' ? x.text : x.text)).join('')}`);
    expect(text).toContain(`一是召开支委会${made.values['branch_committee_meetings:value']}次，同比增长25%，开展主题党日2次。`);
    expect(text).toContain('二是本年未召开民主生活会。');
    expect(text).toContain('立案5件。');
    expect(text).toContain(`人均集中学习培训${made.values['training_hours_per_member:value']}学时；开展志愿服务活动2次；受表彰个人1人。坚持每月开展。`);

    // The appendix: the figures printed, in order, with the records behind each.
    expect(doc.appendix.map((r) => r.ref)).toEqual(doc.appendix.map((_, i) => i + 1));
    expect(doc.appendix.map((r) => `${r.id}:${r.label.endsWith('（同比）') ? 'yoy' : 'value'}`)).toEqual([...new Set(printed.map(keyOf))]);
    for (const r of doc.appendix) {
      expect({ id: r.id, records: r.records }).toEqual({ id: r.id, records: made.evidence[r.id]!.length });
    }
    expect(doc.appendix.find((r) => r.id === 'cases_filed')).toMatchObject({ manual: true, source: expect.stringContaining('手工填报（县纪委监委') });

    // Each figure explained lists exactly the records made for it.
    for (const [id, ids] of Object.entries(made.evidence)) {
      const explained = await explainFigure(ctx, { id, orgCode: 'C', period: '2026', evidence: true });
      expect({ id, ids: sorted(explained.evidence!.ids) }).toEqual({ id, ids: sorted(ids) });
      expect({ id, items: sorted(explained.evidence!.items.map((i) => i.id)) }).toEqual({ id, items: sorted(ids) });
      expect(explained.evidence!.total).toBe(ids.length);
      expect(explained.figure!.value).toBe(made.values[`${id}:value`]);
    }
    const meeting = await explainFigure(ctx, { id: 'branch_committee_meetings', orgCode: B1, period: '2026', evidence: true, limit: 2 });
    expect(meeting.evidence).toMatchObject({ table: 'meetings', total: 3 });
    expect(meeting.evidence!.items).toHaveLength(2);
    expect(meeting.evidence!.items[0]).toMatchObject({ org: B1, orgName: '测试村1党支部', date: '2026-01-10', text: '支委会：测试，支委会' });

    // A period without any record: an empty report that says so, not an error.
    const empty = await generateReport(ctx, { orgCode: 'C', period: '2001', template: templateFile, allowTemplateFile: true });
    expect(empty.empty).toBe(true);
    expect(empty.lead[0]!.parts[0]).toMatchObject({ type: 'text', text: expect.stringContaining('2001年（2001年1月1日至2001年12月31日）没有可以统计的工作记录') });
    expect((await renderReport(empty, 'md')).body).toContain('没有可以统计的工作记录');
  });

  it('generates the four built-in genres for the county in Markdown, HTML and DOCX', async () => {
    const ctx = db.ctx;
    await county(ctx);
    expect([...GENRES]).toEqual(['annual', 'half-year', 'responsibility', 'secretary']);
    for (const template of GENRES) {
      const period = template === 'half-year' ? '2026H1' : '2026';
      const doc = await generateReport(ctx, { orgCode: 'C', period, template });
      expect(doc.template).toBe(template);
      expect(doc.empty).toBe(false);
      expect(doc.sections.length, template).toBeGreaterThan(0);
      expect(doc.appendix.length, template).toBeGreaterThan(0);
      const md = (await renderReport(doc, 'md')).body as string;
      expect(md.startsWith(`# ${doc.title}\n`), template).toBe(true);
      expect(md).toContain('## 附：数据说明');
      expect(md, template).not.toMatch(/\{\{|\}\}|undefined|NaN|null/);
      for (const r of doc.appendix) expect(md).toContain(`[^${r.ref}]: `);
      const html = (await renderReport(doc, 'html')).body as string;
      expect(html.startsWith('<!doctype html>'), template).toBe(true);
      expect(html.trimEnd().endsWith('</html>'), template).toBe(true);
      expect(html, template).not.toMatch(/\{\{|undefined|NaN/);
      expect((html.match(/<section>/g) ?? []).length).toBe((html.match(/<\/section>/g) ?? []).length);
      const docx = (await renderReport(doc, 'docx')).body as Buffer;
      expect(Buffer.isBuffer(docx)).toBe(true);
      expect(docx.subarray(0, 2).toString('latin1'), template).toBe('PK');
    }
  });

  it('answers "not found" outside the caller’s scope, for an unknown template, and "invalid" for an unknown indicator', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const secretary = await asUser(ctx, await makeUser(ctx, 'b2-sec', ['secretary'], B2));
    expect((await failure(generateReport(secretary, { orgCode: B1, period: '2026', template: 'annual' }))).code).toBe('ORG_NOT_FOUND');
    // Their own branch they may report on.
    expect((await generateReport(secretary, { orgCode: B2, period: '2026', template: 'secretary' })).org.code).toBe(B2);

    const unknown = await failure(generateReport(ctx, { orgCode: 'C', period: '2026', template: 'no-such-genre' }));
    expect(unknown.code).toBe('TEMPLATE_NOT_FOUND');
    expect(unknown.message).toContain('annual');
    expect((await failure(generateReport(ctx, { orgCode: 'C', period: '2026', template: join(dir, 'missing.md'), allowTemplateFile: true }))).code).toBe('TEMPLATE_NOT_FOUND');
    // A file path from where files are not allowed (the HTTP API) is not looked up.
    expect((await failure(generateReport(ctx, { orgCode: 'C', period: '2026', template: templateFile }))).code).toBe('TEMPLATE_NOT_FOUND');

    const badFile = join(dir, 'bad.md');
    writeFileSync(badFile, '---\nname: 甲\ntitle: 乙\n---\n召开支委会{{branch_committee_meetings}}次，开会{{no_such_indicator}}次。\n');
    const bad = await failure(generateReport(ctx, { orgCode: 'C', period: '2026', template: badFile, allowTemplateFile: true }));
    expect(bad.code).toBe('TEMPLATE_INVALID');
    expect(bad.message).toContain('no_such_indicator');
    writeFileSync(badFile, '---\nname: 甲\ntitle: 乙\n---\n# 一\n### 跳级\n');
    const skipped = await failure(generateReport(ctx, { orgCode: 'C', period: '2026', template: badFile, allowTemplateFile: true }));
    expect(skipped.code).toBe('TEMPLATE_INVALID');
    expect(skipped.message).toContain('第6行');

    const narrative = await failure(generateReport(ctx, { orgCode: 'C', period: '2026', template: templateFile, allowTemplateFile: true, narratives: { first: '文字' } }));
    expect(narrative.issues[0]).toMatchObject({ code: 'FIELD_INVALID', field: 'narratives' });
  });
});
