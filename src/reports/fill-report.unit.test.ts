import { describe, expect, it } from 'vitest';
import { findIndicator, type ComputedFigure } from '../indicators/registry.js';
import { parsePeriod } from '../shared/period.js';
import type { FigureInline, Paragraph, ReportDocument, Section } from './document.js';
import { chineseNumber, fillReport, sectionNumber, type FillInput } from './fill-report.js';
import { parseTemplate } from './template.js';

const PERIOD = parsePeriod('2026');
const LAST_YEAR = parsePeriod('2025');
const PREVIOUS = parsePeriod('2025');

/** A computed figure of a real indicator: value null with `figure: null` for a hand-entered one not entered. */
function computed(id: string, value: number | null, opts: { ids?: number[]; computation?: string; missing?: boolean } = {}): [string, ComputedFigure] {
  const indicator = findIndicator(id);
  if (!indicator) throw new Error(`no indicator ${id}`);
  if (opts.missing) return [id, { indicator, figure: null }];
  return [
    id,
    {
      indicator,
      figure: {
        id,
        label: indicator.label,
        unit: indicator.unit,
        value,
        computation: opts.computation ?? `测试口径：${indicator.label}`,
        evidence: { table: 'meetings', ids: opts.ids ?? [] },
      },
    },
  ];
}

type Values = Record<string, number | null>;
const mapOf = (values: Values) => new Map(Object.entries(values).map(([id, v]) => computed(id, v)));

function fill(body: string[], values: Values, more: Partial<FillInput> & { yoyValues?: Values; popValues?: Values } = {}): ReportDocument {
  const { yoyValues, popValues, ...rest } = more;
  const template = parseTemplate(['---', 'name: 测试报告', 'title: {{org}}{{period}}测试报告', '---', ...body].join('\n'));
  return fillReport({
    template,
    templateKey: 'test',
    org: { code: 'C', name: '中共测试县委员会' },
    period: PERIOD,
    values: mapOf(values),
    yoy: yoyValues ? { period: LAST_YEAR, values: mapOf(yoyValues) } : null,
    pop: popValues ? { period: PREVIOUS, values: mapOf(popValues) } : null,
    narratives: {},
    drafts: { problems: [], plans: [] },
    generatedAt: '2026-11-23T04:00:00.000Z',
    signedOn: '2026-11-23',
    ...rest,
  });
}

/** A paragraph as printed: opener and text, figures by their display (** when empty), narratives by their text or hint. */
const printed = (p: Paragraph) =>
  `${p.opener ?? ''}${p.parts.map((x) => (x.type === 'text' ? x.text : x.type === 'figure' ? x.display || '**' : x.text || `【${x.hint}】`)).join('')}`;
const allParagraphs = (doc: ReportDocument): Paragraph[] => {
  const walk = (list: Section[]): Paragraph[] => list.flatMap((s) => [...s.body, ...walk(s.children)]);
  return [...doc.lead, ...walk(doc.sections)];
};
const figuresOf = (doc: ReportDocument): FigureInline[] =>
  allParagraphs(doc).flatMap((p) => p.parts.filter((x): x is FigureInline => x.type === 'figure'));
const headings = (list: Section[]): string[] => list.flatMap((s) => [`${s.number}${s.title}`, ...headings(s.children)]);

describe('numbers', () => {
  it('writes Chinese numbers and the four heading levels', () => {
    expect([1, 9, 10, 11, 20, 21, 99].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '二十', '二十一', '九十九']);
    expect([sectionNumber(1, 3), sectionNumber(2, 12), sectionNumber(3, 4), sectionNumber(4, 2)]).toEqual(['三、', '（十二）', '4.', '（2）']);
  });
});

describe('fillReport', () => {
  it('fills the title, the signature and the values (ratios one decimal, money two, 万 one decimal)', () => {
    const doc = fill(
      ['召开支委会{{branch_committee_meetings}}次，参训率{{training_coverage_rate}}%，实交党费{{dues_paid_total}}元（{{dues_paid_total:万}}万元），志愿服务{{volunteer_service_hours}}小时。'],
      { branch_committee_meetings: 36, training_coverage_rate: 96.54, dues_paid_total: 123456.7, volunteer_service_hours: 12.345 },
    );
    expect(doc.title).toBe('中共测试县委员会2026年测试报告');
    expect(doc.signature).toEqual({ org: '中共测试县委员会', date: '2026年11月23日' });
    expect(doc.period).toEqual({ label: '2026', title: '2026年', start: '2026-01-01', end: '2026-12-31' });
    expect(doc.lead.map(printed)).toEqual(['召开支委会36次，参训率96.5%，实交党费123456.70元（12.3万元），志愿服务12.35小时。']);
    expect(doc.empty).toBe(false);
  });

  it('drops an optional clause whose figures are all zero or empty, and tidies the punctuation it leaves', () => {
    const doc = fill(
      [
        '召开支委会{{branch_committee_meetings}}次[、党员大会{{general_member_meetings}}次][，讲党课{{party_lectures}}次]。',
        '',
        '[召开党员大会{{general_member_meetings}}次]，讲党课{{party_lectures}}次。',
        '',
        '召开支委会{{branch_committee_meetings}}次，[党员大会{{general_member_meetings}}次]，讲党课{{party_lectures}}次；[主题党日{{theme_party_days}}次]。',
        '',
        '本段没有数字[，也没有{{theme_party_days}}]。',
      ],
      { branch_committee_meetings: 3, general_member_meetings: 0, party_lectures: 2, theme_party_days: null },
    );
    // The last paragraph's only figure was in the dropped clause: the paragraph goes with it.
    expect(doc.lead.map(printed)).toEqual(['召开支委会3次，讲党课2次。', '讲党课2次。', '召开支委会3次，讲党课2次。']);
  });

  it('keeps a paragraph with one non-zero figure, printing its zeros', () => {
    const doc = fill(['召开支委会{{branch_committee_meetings}}次、党员大会{{general_member_meetings}}次。'], { branch_committee_meetings: 0, general_member_meetings: 4 });
    expect(doc.lead.map(printed)).toEqual(['召开支委会0次、党员大会4次。']);
  });

  it('drops a paragraph or item whose figures are all zero or empty, prints its 否则 text, and assigns openers after dropping', () => {
    const doc = fill(
      [
        '# 工作',
        '- 召开支委会{{branch_committee_meetings}}次。',
        '- 召开党员大会{{general_member_meetings}}次。',
        '- 讲党课{{party_lectures}}次。',
        '否则：本年未登记党课。',
        '- 开展主题党日{{theme_party_days}}次。',
        '否则：主题党日{{general_member_meetings}}次。',
        '- 受表彰{{honors_members}}人。',
        '',
        '一段不编号的话{{honors_members}}。',
        '',
        '- 新的一组{{honors_members}}。',
      ],
      { branch_committee_meetings: 5, general_member_meetings: 0, party_lectures: 0, theme_party_days: null, honors_members: 2 },
    );
    expect(doc.sections[0]!.body.map(printed)).toEqual(['一是召开支委会5次。', '二是本年未登记党课。', '三是受表彰2人。', '一段不编号的话2。', '新的一组2。']);
    // A list left with a single item reads as a plain paragraph (no lone 一是).
    // What was dropped is listed for the writer, with where it was.
    expect(doc.dropped).toEqual(expect.arrayContaining(['工作：召开党员大会0次。', '工作：讲党课0次。', '工作：开展主题党日**次。']));
    // The text instead of a paragraph is not an item's when the paragraph is not one.
    const plain = fill(['讲党课{{party_lectures}}次。', '否则：未讲党课。', '', '受表彰{{honors_members}}人。'], { party_lectures: 0, honors_members: 1 });
    expect(plain.lead.slice(0, 1)).toEqual([{ type: 'paragraph', opener: null, parts: [{ type: 'text', text: '未讲党课。' }], drafted: false }]);
  });

  it('counts openers up to 十 and beyond', () => {
    const items = Array.from({ length: 11 }, (_, i) => `- 第${i + 1}条{{party_lectures}}。`);
    const doc = fill(items, { party_lectures: 1 });
    expect(doc.lead.map((p) => p.opener)).toEqual(['一是', '二是', '三是', '四是', '五是', '六是', '七是', '八是', '九是', '十是', '十一是']);
  });

  it('drops a section left with nothing and numbers the rest at every level after dropping', () => {
    const doc = fill(
      [
        '# 空的一节',
        '召开党员大会{{general_member_meetings}}次。',
        '## 空的小节',
        '讲党课{{party_lectures}}次。',
        '# 有数字的一节',
        '## 空的',
        '讲党课{{party_lectures}}次。',
        '## 甲',
        '召开支委会{{branch_committee_meetings}}次。',
        '### 空',
        '- 讲党课{{party_lectures}}次。',
        '### 子一',
        '#### 空',
        '讲党课{{party_lectures}}次。',
        '#### 孙一',
        '召开支委会{{branch_committee_meetings}}次。',
        '#### 孙二',
        '{{撰写：只有撰写处}}',
        '### 子二',
        '固定文字，没有数字。',
        '## 乙',
        '# 只有撰写处的一节',
        '{{撰写：写点什么}}',
        '# 只有标题的一节',
      ],
      { general_member_meetings: 0, party_lectures: 0, branch_committee_meetings: 7 },
    );
    expect(headings(doc.sections)).toEqual([
      '一、有数字的一节',
      '（一）甲',
      '1.子一',
      '（1）孙一',
      '（2）孙二',
      '2.子二',
      '（二）乙',
      '二、只有撰写处的一节',
      '三、只有标题的一节',
    ]);
    expect(doc.dropped).toEqual(expect.arrayContaining(['空的一节（整节无数据，已略去）', '有数字的一节 > 空的（整节无数据，已略去）']));
    expect(doc.sections[1]!.body.map(printed)).toEqual(['【写点什么】']);
  });

  it('keeps a paragraph whose figures are all zero when the writer wrote its narrative; slots are keyed n1, n2 … in template order', () => {
    const body = ['# 甲', '讲党课{{party_lectures}}次。{{撰写：党课的做法}}', '', '召开党员大会{{general_member_meetings}}次。{{撰写：大会的做法}}', '', '{{撰写：总体评价}}'];
    const values = { party_lectures: 0, general_member_meetings: 0 };
    const unwritten = fill(body, values);
    expect(unwritten.sections[0]!.body.map(printed)).toEqual(['【总体评价】']);
    expect(unwritten.sections[0]!.body[0]!.parts[0]).toMatchObject({ type: 'narrative', key: 'n3', hint: '总体评价', text: '' });
    const written = fill(body, values, { narratives: { n2: '  大会照常召开。 ', n3: '总体良好。' } });
    expect(written.sections[0]!.body.map(printed)).toEqual(['召开党员大会0次。大会照常召开。', '总体良好。']);
  });

  it('prints 同比 and 环比 as 增长/下降/持平, a ratio’s in 个百分点, and nothing when the earlier value is zero', () => {
    const doc = fill(
      [
        '支委会同比{{branch_committee_meetings:同比}}。',
        '',
        '党课同比{{party_lectures:同比}}。',
        '',
        '主题党日同比{{theme_party_days:同比}}。',
        '',
        '党员大会[同比{{general_member_meetings:同比}}]。',
        '',
        '参训率同比{{training_coverage_rate:同比}}，环比{{training_coverage_rate:环比}}。',
        '',
        '受表彰{{honors_members}}人[，同比{{honors_members:同比}}]。',
      ],
      { branch_committee_meetings: 15, party_lectures: 9, theme_party_days: 4, general_member_meetings: 3, training_coverage_rate: 80, honors_members: 2 },
      {
        yoyValues: { branch_committee_meetings: 12, party_lectures: 12, theme_party_days: 4, general_member_meetings: 0, training_coverage_rate: 77.5, honors_members: 0 },
        popValues: { training_coverage_rate: 85.3 },
      },
    );
    expect(doc.lead.map(printed)).toEqual([
      '支委会同比增长25%。',
      '党课同比下降25%。',
      '主题党日同比持平。',
      '参训率同比提高2.5个百分点，环比下降5.3个百分点。',
      '受表彰2人。',
    ]);
    const yoy = figuresOf(doc).find((f) => f.id === 'branch_committee_meetings')!;
    expect(yoy).toMatchObject({ form: 'yoy', value: 25, display: '增长25%', period: '2026年与2025年比较' });
    const row = doc.appendix.find((r) => r.id === 'training_coverage_rate' && r.label.endsWith('（同比）'))!;
    expect(row).toMatchObject({ unit: '个百分点', value: 2.5, display: '提高2.5个百分点' });
    expect(doc.appendix.find((r) => r.label === '召开支委会（同比）')).toMatchObject({ unit: '%', value: 25 });
    // 持平 is a value (0), not an empty figure: the paragraph stays.
    expect(figuresOf(doc).find((f) => f.id === 'theme_party_days')).toMatchObject({ value: 0, display: '持平' });
  });

  it('lists in the appendix exactly the figures printed, numbered 1..n in the order printed', () => {
    const doc = fill(
      [
        '党员{{members_total}}名[，党员大会{{general_member_meetings}}次]。',
        '# 甲',
        '讲党课{{party_lectures}}次。',
        '否则：受表彰{{honors_members}}人。',
        '',
        '召开支委会{{branch_committee_meetings}}次[，主题党日{{theme_party_days}}次]，党员大会{{general_member_meetings}}次，同比{{branch_committee_meetings:同比}}。',
        '# 乙',
        '主题党日{{theme_party_days}}次，支委会{{branch_committee_meetings}}次，党员总数{{members_total}}名，受表彰{{honors_members}}人。',
      ],
      { members_total: 120, general_member_meetings: 0, party_lectures: 0, honors_members: 3, branch_committee_meetings: 8, theme_party_days: 5 },
      { yoyValues: { branch_committee_meetings: 4 } },
    );
    const order = ['members_total', 'honors_members', 'branch_committee_meetings', 'theme_party_days', 'general_member_meetings', 'branch_committee_meetings:yoy'];
    expect(doc.appendix.map((r) => (r.label.endsWith('（同比）') ? `${r.id}:yoy` : r.id))).toEqual(order);
    expect(doc.appendix.map((r) => r.ref)).toEqual([1, 2, 3, 4, 5, 6]);
    // Every figure printed points at its own row; party_lectures (dropped) has none.
    for (const f of figuresOf(doc)) {
      const row = doc.appendix[f.ref - 1]!;
      expect(`${row.id}:${row.label.endsWith('（同比）') ? 'yoy' : 'value'}`).toBe(`${f.id}:${f.form === 'yoy' ? 'yoy' : 'value'}`);
      expect(row.display).toBe(f.display || '无');
    }
    expect(doc.appendix.some((r) => r.id === 'party_lectures')).toBe(false);
    expect(doc.appendix[0]).toMatchObject({ label: '党员总数', unit: '名', value: 120, display: '120', source: '系统计算', manual: false, table: 'meetings' });
  });

  it('marks a hand-entered figure: its source in the appendix, 【待填报】 when not entered', () => {
    const entered = new Map([
      computed('cases_filed', 5, { computation: '手工填报：县纪委监委，张三 于 2026-03-01 填报（中共测试县委员会2026年，不含下级汇总）', ids: [41] }),
    ]);
    const template = parseTemplate('---\nname: 甲\ntitle: 乙\n---\n立案{{cases_filed}}件。');
    const base = { template, templateKey: 't', org: { code: 'C', name: '县' }, period: PERIOD, yoy: null, pop: null, narratives: {}, drafts: { problems: [], plans: [] }, generatedAt: 'x', signedOn: '2026-11-23' };
    const doc = fillReport({ ...base, values: entered });
    expect(figuresOf(doc)[0]).toMatchObject({ display: '5', manual: { department: '县纪委监委', enteredBy: '张三', enteredOn: '2026-03-01' }, evidence: { count: 1 } });
    expect(doc.appendix[0]).toMatchObject({ source: '手工填报（县纪委监委，张三，2026-03-01）', manual: true, records: 1 });
    // Not entered: a paragraph holding nothing else is dropped; next to another figure it prints 【待填报】.
    const missing = fillReport({ ...base, values: new Map([computed('cases_filed', null, { missing: true })]) });
    expect(missing.appendix).toEqual([]);
    expect(missing.empty).toBe(true);
    const withOther = fillReport({
      ...base,
      template: parseTemplate('---\nname: 甲\ntitle: 乙\n---\n讲党课{{party_lectures}}次，立案{{cases_filed}}件。'),
      values: new Map([computed('party_lectures', 2), computed('cases_filed', null, { missing: true })]),
    });
    expect(withOther.lead.map(printed)).toEqual(['讲党课2次，立案【待填报】件。']);
    expect(withOther.appendix[1]).toMatchObject({ id: 'cases_filed', value: null, display: '【待填报】', source: '手工填报（未填报）', computation: '本期未手工填报', records: 0 });
  });

  it('says plainly that a report without any figure of the period is empty', () => {
    const doc = fill(['导语{{撰写：导语}}。', '# 甲', '召开支委会{{branch_committee_meetings}}次。', '# 乙', '[党课{{party_lectures}}次]'], { branch_committee_meetings: 0, party_lectures: null });
    expect(doc.empty).toBe(true);
    expect(printed(doc.lead[0]!)).toBe(
      '中共测试县委员会2026年（2026年1月1日至2026年12月31日）没有可以统计的工作记录，本报告各项数据均为空。请先录入或导入本期的组织生活、发展党员、学习培训等记录，或核对所选组织和统计期。',
    );
    expect(doc.lead.map(printed).slice(1)).toEqual(['导语【导语】。']);
    expect(doc.sections).toEqual([]);
    expect(doc.appendix).toEqual([]);
    // One figure of the period is enough for a report that is not empty.
    expect(fill(['召开支委会{{branch_committee_meetings}}次。'], { branch_committee_meetings: 1 }).empty).toBe(false);
  });

  it('prints the drafted problems and plans as items marked as drafts, and lists an empty draft as dropped', () => {
    const body = ['# 存在问题', '{{问题清单}}', '# 工作打算', '- 总的打算{{撰写：打算}}。', '', '{{工作打算}}'];
    const doc = fill(body, {}, { drafts: { problems: ['问题一。', '问题二。'], plans: ['打算一。'] } });
    expect(doc.sections[0]!.body.map((p) => [printed(p), p.drafted])).toEqual([
      ['一是问题一。', true],
      ['二是问题二。', true],
    ]);
    expect(doc.sections[1]!.body.map(printed)).toEqual(['一是总的打算【打算】。', '二是打算一。']);
    const none = fill(body, {});
    expect(headings(none.sections)).toEqual(['一、工作打算']);
    expect(none.dropped).toContain('存在问题：问题清单（规则检查未发现问题）');
  });
});
