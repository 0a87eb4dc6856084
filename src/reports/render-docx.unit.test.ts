import { describe, expect, it, beforeAll } from 'vitest';
import { docxParts } from '../../test/helpers/docx.js';
import { chineseDate, renderDocx, titleLines } from './render-docx.js';
import type { AppendixRow, FigureInline, Inline, Paragraph, ReportDocument } from './document.js';

const unzip = docxParts;

const paragraphsOf = (xml: string): string[] =>
  [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => m[1] ?? '');
const runsOf = (xml: string): { text: string; props: string }[] =>
  [...xml.matchAll(/<w:r(?:\s[^>]*)?>([\s\S]*?)<\/w:r>/g)].map((m) => ({
    text: [...(m[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    props: /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[1] ?? '')?.[1] ?? '',
  }));
const textOf = (paragraphXml: string): string => runsOf(paragraphXml).map((r) => r.text).join('');
const isBold = (props: string): boolean => /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(props);
/** The w:style element of a style id in styles.xml. */
const styleXml = (styles: string, id: string): string =>
  new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>([\\s\\S]*?)</w:style>`).exec(styles)?.[1] ?? '';

const rows: AppendixRow[] = [];
function figure(id: string, label: string, unit: string, value: number): FigureInline {
  const ref = rows.length + 1;
  const display = String(value);
  rows.push({
    ref, id, label, unit, value, display, computation: `${label}的合计`, table: 'meetings', records: value,
    source: '系统计算', manual: false,
  });
  return {
    type: 'figure', id, label, unit, value, display, form: 'value', computation: `${label}的合计`,
    evidence: { table: 'meetings', count: value }, manual: null, period: '2026', ref,
  };
}
const text = (t: string): Inline => ({ type: 'text', text: t });
const para = (parts: Inline[], opener: string | null = null, drafted = false): Paragraph => ({
  type: 'paragraph', opener, parts, drafted,
});

const doc: ReportDocument = {
  template: 'annual',
  genre: '年度党建工作报告',
  title: '中共城关镇委员会2026年度党的建设工作情况报告',
  signature: { org: '中共城关镇委员会', date: '2026-12-06' },
  org: { code: '0101', name: '中共城关镇委员会' },
  period: { label: '2026', title: '2026年', start: '2026-01-01', end: '2026-12-31' },
  generatedAt: '2026-12-06T09:00:00Z',
  empty: false,
  lead: [para([text('2026年，城关镇党委坚持以习近平新时代中国特色社会主义思想为指导。')])],
  sections: [
    {
      type: 'section', level: 1, number: '一、', title: '主要工作及成效', body: [],
      children: [
        {
          type: 'section', level: 2, number: '（一）', title: '严格落实组织生活制度',
          body: [
            para([text('全年召开支委会'), figure('branch_committee_meetings', '支委会召开次数', '次', 36), text('次。')]),
            para([text('规范开展组织生活。召开党员大会'), figure('general_member_meetings', '党员大会召开次数', '次', 12), text('次。')], '一是'),
            para([text('严格发展党员程序。发展党员'), figure('new_members', '发展党员人数', '人', 4), text('名。')], '二是'),
            para([{ type: 'narrative', key: 'n1', hint: '概述特色做法', text: '' }]),
          ],
          children: [],
        },
      ],
    },
    {
      type: 'section', level: 1, number: '二、', title: '存在的主要问题',
      body: [
        para([text('整改推进不够平衡。部分事项超期未销号。')], '一是', true),
        para([text('台账记录不够规范')], '二是', true),
      ],
      children: [],
    },
  ],
  appendix: rows,
  dropped: [],
  warnings: [],
};

describe('renderDocx', () => {
  let parts: Map<string, string>;
  let document: string;
  let styles: string;
  beforeAll(async () => {
    const buffer = await renderDocx(doc);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    parts = await unzip(buffer);
    document = parts.get('word/document.xml') ?? '';
    styles = parts.get('word/styles.xml') ?? '';
  });

  it('lays out an A4 page with the GB/T 9704 版心 and 22 lines of 28.95 pt', () => {
    expect(document).toMatch(/<w:pgSz [^>]*w:w="11906"[^>]*w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(document)?.[1] ?? '';
    // 37, 35, 28, 26 mm in twips (mm × 1440 / 25.4)
    expect(margin).toContain('w:top="2098"');
    expect(margin).toContain('w:bottom="1984"');
    expect(margin).toContain('w:left="1587"');
    expect(margin).toContain('w:right="1474"');
    expect(document).toMatch(/<w:docGrid [^>]*w:linePitch="579"/);
    // 22 lines of 579 twips fit the 225 mm (12756 twips) 版心, 23 don't
    expect(22 * 579).toBeLessThanOrEqual(16838 - 2098 - 1984);
    expect(23 * 579).toBeGreaterThan(16838 - 2098 - 1984);
  });

  it('sets the 公文 fonts, 3号 size, exact line pitch and zh-CN on the document defaults', () => {
    const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(styles)?.[1] ?? '';
    expect(defaults).toMatch(/<w:rFonts [^>]*w:ascii="Times New Roman"/);
    expect(defaults).toMatch(/<w:rFonts [^>]*w:hAnsi="Times New Roman"/);
    expect(defaults).toMatch(/<w:rFonts [^>]*w:cs="Times New Roman"/);
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    expect(defaults).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"/);
    // 28 characters a line: 3号 text drawn 0.3 pt closer (28 × 15.7 pt ≤ 156 mm = 442.2 pt < 29 × 15.7 pt),
    // in the body and heading styles only, not in tables and footers
    expect(defaults).not.toContain('<w:spacing w:val=');
    for (const id of ['GwBody', 'Heading1', 'Heading2', 'Heading3', 'Heading4']) {
      expect(styleXml(styles, id), id).toContain('<w:spacing w:val="-6"/>');
    }
    expect(styleXml(styles, 'GwTable')).not.toContain('<w:spacing w:val=');
  });

  it('names an East Asian font on every run of the body', () => {
    const body = /<w:body>([\s\S]*)<\/w:body>/.exec(document)?.[1] ?? '';
    const runs = runsOf(body).filter((r) => r.text !== '');
    expect(runs.length).toBeGreaterThan(10);
    for (const r of runs) expect(r.props, r.text).toMatch(/<w:rFonts [^>]*w:eastAsia="[^"]+"[^>]*w:hAnsi="[^"]+"/);
  });

  it('prints the title in 2号 方正小标宋简体, centred, in two lines, then a blank line', () => {
    const paragraphs = paragraphsOf(document);
    const title = paragraphs[0] ?? '';
    expect(title).toContain('<w:pStyle w:val="GwTitle"/>');
    expect(textOf(title)).toBe('中共城关镇委员会2026年度党的建设工作情况报告');
    expect(title).toContain('<w:br/>');
    for (const r of runsOf(title).filter((x) => x.text)) {
      expect(r.props).toContain('<w:sz w:val="44"/>');
      expect(r.props).toMatch(/w:eastAsia="方正小标宋简体"/);
    }
    expect(styleXml(styles, 'GwTitle')).toContain('<w:jc w:val="center"/>');
    expect(document).toMatch(/<\/w:p><w:p>(<w:pPr><w:widowControl w:val="false"\/><\/w:pPr>)?<\/w:p>/);
  });

  it('uses Word heading styles with outline levels and the 公文 heading fonts', () => {
    const expected: [string, string, string][] = [
      ['Heading1', '黑体', '0'],
      ['Heading2', '楷体_GB2312', '1'],
      ['Heading3', '仿宋_GB2312', '2'],
      ['Heading4', '仿宋_GB2312', '3'],
    ];
    for (const [id, font, level] of expected) {
      const style = styleXml(styles, id);
      expect(style, id).toMatch(new RegExp(`w:eastAsia="${font}"`));
      expect(style, id).toContain(`<w:outlineLvl w:val="${level}"/>`);
      expect(style, id).toContain('<w:sz w:val="32"/>');
      expect(style, id).toContain('w:firstLineChars="200"');
    }
    const headings = paragraphsOf(document).filter((p) => /<w:pStyle w:val="Heading\d"\/>/.test(p));
    expect(headings.map(textOf)).toEqual(['一、主要工作及成效', '（一）严格落实组织生活制度', '二、存在的主要问题']);
    expect(headings[0]).toContain('<w:pStyle w:val="Heading1"/>');
    expect(headings[1]).toContain('<w:pStyle w:val="Heading2"/>');
  });

  it('indents body paragraphs two characters, justified, in 3号 仿宋', () => {
    const style = styleXml(styles, 'GwBody');
    expect(style).toContain('w:firstLineChars="200"');
    expect(style).toContain('<w:jc w:val="both"/>');
    const body = paragraphsOf(document).find((p) => textOf(p) === '全年召开支委会36次。') ?? '';
    expect(body).toContain('<w:pStyle w:val="GwBody"/>');
    for (const r of runsOf(body)) expect(r.props).toContain('<w:sz w:val="32"/>');
  });

  it('prints list items with their opener and bolds the topic sentences of a list when every item has one', () => {
    const paragraphs = paragraphsOf(document);
    const first = paragraphs.find((p) => textOf(p).startsWith('一是规范')) ?? '';
    expect(textOf(first)).toBe('一是规范开展组织生活。召开党员大会12次。');
    const bold = runsOf(first).filter((r) => isBold(r.props)).map((r) => r.text).join('');
    expect(bold).toBe('一是规范开展组织生活。');
    const second = paragraphs.find((p) => textOf(p).startsWith('二是严格')) ?? '';
    expect(runsOf(second).filter((r) => isBold(r.props)).map((r) => r.text).join('')).toBe('二是严格发展党员程序。');
    // 二、's second item has no topic sentence: neither item is bold
    const problems = paragraphs.filter((p) => /^(一是整改|二是台账)/.test(textOf(p)));
    expect(problems).toHaveLength(2);
    for (const p of problems) expect(runsOf(p).some((r) => isBold(r.props))).toBe(false);
  });

  it('highlights empty narrative slots yellow and drafted paragraphs light grey, with a comment', () => {
    const slot = runsOf(document).find((r) => r.text === '【待撰写：概述特色做法】');
    expect(slot?.props).toContain('<w:highlight w:val="yellow"/>');
    const drafted = runsOf(document).filter((r) => r.text.includes('超期未销号'));
    expect(drafted.length).toBeGreaterThan(0);
    for (const r of drafted) expect(r.props).toContain('<w:highlight w:val="lightGray"/>');
    expect(document).toContain('<w:commentRangeStart w:id="0"/>');
    expect(parts.get('word/comments.xml')).toContain('自动起草');
  });

  it('prints figures as their display text, linked to their row of the appendix', () => {
    expect(document).toMatch(/<w:hyperlink [^>]*w:anchor="fig_1"[^>]*>[\s\S]*?<w:t[^>]*>36<\/w:t>/);
    expect(document).toMatch(/<w:bookmarkStart [^>]*w:name="fig_1"/);
  });

  it('signs with the organization and the Chinese date, right-aligned, date four characters in', () => {
    const paragraphs = paragraphsOf(document);
    const date = paragraphs.find((p) => textOf(p) === '2026年12月6日') ?? '';
    expect(date).toContain('<w:jc w:val="right"/>');
    const indent = Number(/<w:ind [^>]*w:right="(\d+)"/.exec(date)?.[1]);
    // four grid characters of 156 mm / 28 (8845 / 28 twips)
    expect(Math.abs(indent - (4 * 8845) / 28)).toBeLessThan(2);
    const org = paragraphs.find((p) => textOf(p) === '中共城关镇委员会') ?? '';
    expect(org).toContain('<w:jc w:val="right"/>');
    expect(paragraphs.indexOf(org)).toBe(paragraphs.indexOf(date) - 1);
  });

  it('puts 数据说明 on a new page with a table of every appendix row and a header row', () => {
    const start = document.indexOf('<w:pageBreakBefore/>');
    expect(start).toBeGreaterThan(0);
    expect(document.slice(start)).toContain('数据说明');
    const tables = [...document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)];
    expect(tables).toHaveLength(1);
    const table = tables[0]?.[1] ?? '';
    const tableRows = [...table.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1] ?? '');
    expect(tableRows).toHaveLength(3 + 1);
    expect(tableRows[0]).toContain('<w:tblHeader/>');
    expect(paragraphsOf(tableRows[0] ?? '').map(textOf)).toEqual(['序号', '指标', '数值', '计算方法', '记录数', '来源']);
    expect(paragraphsOf(tableRows[1] ?? '').map(textOf)).toEqual([
      '1', '支委会召开次数', 'branch_committee_meetings', '36次', '支委会召开次数的合计', '36', '系统计算',
    ]);
    for (const r of runsOf(table).filter((x) => x.text)) {
      expect(r.props).toMatch(/<w:sz w:val="(24|18)"\/>/);
      expect(r.props).toMatch(/w:eastAsia="(仿宋_GB2312|黑体)"/);
    }
  });

  it('numbers pages "— n —" in 4号 宋体 with a PAGE field, odd pages right and even pages left', () => {
    expect(parts.get('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    expect(document).toMatch(/<w:footerReference w:type="default"/);
    expect(document).toMatch(/<w:footerReference w:type="even"/);
    const footers = [...parts.keys()]
      .filter((name) => /^word\/footer\d+\.xml$/.test(name))
      .map((name) => parts.get(name) ?? '');
    expect(footers).toHaveLength(2);
    for (const footer of footers) {
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(footer).toContain('— </w:t>');
      expect(footer).toContain(' —</w:t>');
      for (const r of runsOf(footer)) {
        expect(r.props).toContain('<w:sz w:val="28"/>');
        expect(r.props).toMatch(/w:ascii="宋体"[^>]*w:eastAsia="宋体"|w:eastAsia="宋体"/);
      }
    }
    // one 4号 character (14 pt = 280 twips) in from the outer edge
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>') && f.includes('w:right="280"'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>') && f.includes('w:left="280"'))).toBe(true);
  });
});

describe('renderDocx without figures', () => {
  it('prints neither 附件说明 nor the 数据说明 page', async () => {
    const empty: ReportDocument = { ...doc, empty: true, sections: [], appendix: [], lead: [para([text('本期无记录。')])] };
    const document = (await unzip(await renderDocx(empty))).get('word/document.xml') ?? '';
    expect(document).toContain('本期无记录。');
    expect(document).not.toContain('附件');
    expect(document).not.toContain('<w:tbl>');
    expect(document).not.toContain('<w:pageBreakBefore/>');
  });
});

describe('titleLines', () => {
  it('keeps a short title on one line', () => {
    expect(titleLines('关于开展主题党日活动的报告')).toEqual(['关于开展主题党日活动的报告']);
  });

  it('breaks a long title where the words allow, the lines as even as possible', () => {
    expect(titleLines('中共城关镇委员会2026年度党的建设工作情况报告')).toEqual(['中共城关镇委员会2026年度', '党的建设工作情况报告']);
    expect(titleLines('中共城关镇东风村党支部委员会关于2026年上半年工作情况的报告')).toEqual([
      '中共城关镇东风村党支部委员会',
      '关于2026年上半年工作情况的报告',
    ]);
  });
});

describe('chineseDate', () => {
  it('writes the year in full and the month and day without leading zeros', () => {
    expect(chineseDate('2026-12-06')).toBe('2026年12月6日');
    expect(chineseDate('2026-01-01')).toBe('2026年1月1日');
    expect(chineseDate('2026年12月6日')).toBe('2026年12月6日');
  });
});
