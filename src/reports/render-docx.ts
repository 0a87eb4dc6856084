/**
 * The Word (.docx) output of a report, laid out as a Party and government document (党政机关公文) per
 * GB/T 9704-2012 《党政机关公文格式》: A4, 版心 156 mm × 225 mm, 22 lines of 28 characters, 3号仿宋 body,
 * 2号小标宋 title, 一、黑体 / （一）楷体 / 1. （1）仿宋 headings, "— 1 —" page numbers on the outer edge.
 * The 公文 fonts are named explicitly on every run (ascii/hAnsi/eastAsia/cs) so that Word, WPS and LibreOffice
 * don't fall back to their own defaults.
 */
import { chineseDate } from '../shared/dates.js';
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  Footer,
  HeadingLevel,
  HighlightColor,
  InternalHyperlink,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph as DocxParagraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ICommentOptions,
  type IParagraphStyleOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { AppendixRow, Inline, Paragraph, ReportDocument, Section } from './document.js';

// ── Page geometry (GB/T 9704-2012 §5.2) ─────────────────────────────────────────────────────────────────────
const twipsOfMm = (mm: number): number => Math.round((mm * 1440) / 25.4);
/** A4 in twips, as Word writes it. */
const PAGE = { width: 11906, height: 16838 } as const;
/** 天头 37 mm, 订口 28 mm; bottom and right follow from the 156 × 225 mm 版心. */
const MARGIN = { top: twipsOfMm(37), bottom: twipsOfMm(35), left: twipsOfMm(28), right: twipsOfMm(26) } as const;
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right; // 8845 twips = 156 mm
const TEXT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom; // 12756 twips = 225 mm
const LINES_PER_PAGE = 22;
const CHARS_PER_LINE = 28;
/** 579 twips = 28.95 pt: the largest whole pitch of which 22 lines fit the 版心 (580 leaves room for 21 only). */
const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);
/**
 * 28 characters a line come from a small negative run spacing rather than a character grid (docGrid linesAndChars,
 * charSpace −842): Word and WPS honour both, but LibreOffice gives each 16 pt character that doesn't fit a 15.79 pt
 * grid cell two cells, printing 14 a line. Likewise the section declares its 579 line pitch without a grid type
 * (as Word writes "no grid"): every paragraph has exact 28.95 pt spacing, and LibreOffice's line grid would give the
 * 2号 title two grid lines a line.
 */
const CHAR_PITCH = TEXT_WIDTH / CHARS_PER_LINE;
/**
 * Run spacing in twips for 3号 text: 28 × (16 − 0.3) pt = 439.6 pt fits the 442.25 pt 版心 width, 29 don't. −0.25 pt
 * would leave 1.25 pt, too close: LibreOffice then drops a full-width comma ending a line.
 */
const CHAR_SPACING = -6;
/** Footer distance: puts the page number's 一字线 about 7 mm under the 版心 (§7.5), the footer line being 18 pt. */
const FOOTER_DISTANCE = twipsOfMm(25);

// ── Type (GB/T 9704-2012 §5.2.4, §7.2, §7.3.3, §7.5) ─────────────────────────────────────────────────────────
const LATIN = 'Times New Roman';
const FANGSONG = '仿宋_GB2312';
const HEITI = '黑体';
const KAITI = '楷体_GB2312';
const XIAOBIAOSONG = '方正小标宋简体';
const SONGTI = '宋体';
/** Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt, 五号 10.5 pt, 小五 9 pt. */
const SIZE = { er: 44, san: 32, si: 28, xiaosi: 24, wu: 21, xiaowu: 18 } as const;
const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

/** hint eastAsia: ambiguous characters such as “ ” — … take the Chinese font, as Word itself marks Chinese text. */
const fonts = (eastAsia: string, latin = LATIN) =>
  ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin, hint: 'eastAsia' }) as const;

const BODY_INDENT = { firstLineChars: 200, firstLine: Math.round(2 * CHAR_PITCH) } as const;
const EXACT_LINE = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

const STYLE = { body: 'GwBody', title: 'GwTitle', table: 'GwTable' } as const;
const COMMENT_AUTHOR = '党建工作平台';

interface HeadingLook {
  heading: (typeof HeadingLevel)[keyof typeof HeadingLevel];
  font: string;
  bold: boolean;
}
/** 一、黑体 · （一）楷体 · 1. 仿宋 (bold, to stand out as its own line) · （1）仿宋 (§7.3.3). */
const HEADINGS: Record<Section['level'], HeadingLook> = {
  1: { heading: HeadingLevel.HEADING_1, font: HEITI, bold: false },
  2: { heading: HeadingLevel.HEADING_2, font: KAITI, bold: false },
  3: { heading: HeadingLevel.HEADING_3, font: FANGSONG, bold: true },
  4: { heading: HeadingLevel.HEADING_4, font: FANGSONG, bold: false },
};

interface RunLook {
  font?: string;
  latin?: string;
  size?: number;
  bold?: boolean;
  highlight?: (typeof HighlightColor)[keyof typeof HighlightColor];
  /** false for text smaller than 3号 (table, footer) so Word doesn't stretch it to the 3号 character grid. */
  snapToGrid?: boolean;
}

function run(text: string, look: RunLook = {}): TextRun {
  return new TextRun({ text, ...runOptions(look) });
}

function runOptions(look: RunLook): IRunOptions {
  const size = look.size ?? SIZE.san;
  return {
    font: fonts(look.font ?? FANGSONG, look.latin ?? LATIN),
    size,
    bold: look.bold ?? false,
    language: LANGUAGE,
    ...(size === SIZE.san ? { characterSpacing: CHAR_SPACING } : {}),
    ...(look.highlight ? { highlight: look.highlight } : {}),
    ...(look.snapToGrid === false ? { snapToGrid: false } : {}),
  };
}

/** A piece of a paragraph's text before it becomes runs: the bold topic sentence may cut across pieces. */
interface Piece {
  text: string;
  highlight?: RunLook['highlight'];
  /** The appendix number of a figure: the figure links to its row of 数据说明. */
  ref?: number;
}

const bookmarkOf = (ref: number): string => `fig_${ref}`;

function piecesOf(parts: readonly Inline[], drafted: boolean): Piece[] {
  const shade = drafted ? HighlightColor.LIGHT_GRAY : undefined;
  return parts.map((part): Piece => {
    switch (part.type) {
      case 'text':
        return { text: part.text, highlight: shade };
      case 'figure':
        return { text: part.display, highlight: shade, ref: part.ref };
      case 'narrative':
        return part.text.trim() === ''
          ? { text: part.hint ? `【待撰写：${part.hint}】` : '【待撰写】', highlight: HighlightColor.YELLOW }
          : { text: part.text, highlight: shade };
    }
  });
}

/**
 * The 一是… topic sentence is bold up to its first 。 when it is short and the item goes on after it — for every item
 * of a list or for none, so that a list never mixes bold and plain openers.
 */
const TOPIC_MAX_CHARS = 40;

function topicLength(pieces: readonly Piece[]): number {
  const whole = pieces.map((piece) => piece.text).join('');
  const end = whole.indexOf('。');
  return end >= 0 && end < TOPIC_MAX_CHARS && end + 1 < whole.trim().length ? end + 1 : 0;
}

/** The pieces of each paragraph (opener first) and how many leading characters are bold. */
function layoutOf(paragraphs: readonly Paragraph[]): { pieces: Piece[]; bold: number }[] {
  const laid = paragraphs.map((p) => {
    const pieces = piecesOf(p.parts, p.drafted);
    if (p.opener) pieces.unshift({ text: p.opener, highlight: p.drafted ? HighlightColor.LIGHT_GRAY : undefined });
    return { pieces, bold: p.opener ? topicLength(pieces) : 0 };
  });
  for (let start = 0; start < laid.length; ) {
    let end = start;
    while (end < laid.length && paragraphs[end]?.opener) end += 1;
    const list = laid.slice(start, end);
    if (list.some((item) => item.bold === 0)) for (const item of list) item.bold = 0;
    start = Math.max(end, start + 1);
  }
  return laid;
}

function childrenOf(pieces: readonly Piece[], boldChars: number): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  let remaining = boldChars;
  for (const piece of pieces) {
    const cut = Math.min(Math.max(remaining, 0), piece.text.length);
    remaining -= piece.text.length;
    const spans = [
      { text: piece.text.slice(0, cut), bold: true },
      { text: piece.text.slice(cut), bold: false },
    ].filter((span) => span.text !== '');
    for (const span of spans) {
      const textRun = run(span.text, { bold: span.bold, highlight: piece.highlight });
      const linked = piece.ref === undefined ? null : bookmarkOf(piece.ref);
      children.push(linked ? new InternalHyperlink({ anchor: linked, children: [textRun] }) : textRun);
    }
  }
  return children;
}

/** Collects the Word comments (drafted text, dropped sections) as the body is built. */
class Comments {
  readonly all: ICommentOptions[] = [];
  constructor(private readonly date: Date) {}

  add(text: string): number {
    const id = this.all.length;
    this.all.push({
      id,
      author: COMMENT_AUTHOR,
      initials: '党建',
      date: this.date,
      children: [new DocxParagraph({ children: [run(text, { size: SIZE.wu, snapToGrid: false })] })],
    });
    return id;
  }
}

const DRAFTED_NOTE = '系统根据本期问题清单和工作打算自动起草（灰色底纹），请核实修改、去掉底纹后定稿。';

/** Widow control off, as in 公文 templates: every page keeps its 22 lines. */
const flowParagraph = (options: ConstructorParameters<typeof DocxParagraph>[0] & object): DocxParagraph =>
  new DocxParagraph({ widowControl: false, ...options });

function bodyParagraphs(paragraphs: readonly Paragraph[], comments: Comments): DocxParagraph[] {
  const laid = layoutOf(paragraphs);
  let draftComment: number | null = null;
  return paragraphs.map((p, i) => {
    const { pieces, bold } = laid[i] ?? { pieces: [], bold: 0 };
    const children = childrenOf(pieces, bold);
    // One comment spans each block of consecutive drafted paragraphs.
    if (p.drafted && draftComment === null) {
      draftComment = comments.add(DRAFTED_NOTE);
      children.unshift(new CommentRangeStart(draftComment));
    }
    if (draftComment !== null && !paragraphs[i + 1]?.drafted) {
      children.push(new CommentRangeEnd(draftComment), new TextRun({ children: [new CommentReference(draftComment)] }));
      draftComment = null;
    }
    return flowParagraph({ style: STYLE.body, children });
  });
}

function sectionParagraphs(section: Section, comments: Comments): DocxParagraph[] {
  const look = HEADINGS[section.level];
  return [
    flowParagraph({
      heading: look.heading,
      children: [run(`${section.number}${section.title}`, { font: look.font, bold: look.bold })],
    }),
    ...bodyParagraphs(section.body, comments),
    ...section.children.flatMap((child) => sectionParagraphs(child, comments)),
  ];
}

/** 2号 characters a title line holds: 442 pt / 22 pt. */
const TITLE_LINE_CHARS = Math.floor(TEXT_WIDTH / 20 / 22);
const BREAK_AFTER = ['委员会', '党委', '党组', '党工委', '党总支', '党支部', '年度', '上半年', '下半年'];
const BREAK_BEFORE = ['关于', '党的建设', '党建工作', '全面从严治党'];

/**
 * A title too long for one line is broken where the words allow (after the organization or the period, before 关于),
 * the two lines as even as possible (§7.3.1: 回行时要做到词意完整，排列对称); with no such place Word wraps it.
 */
export function titleLines(title: string): string[] {
  if (widthInChars(title) <= TITLE_LINE_CHARS) return [title];
  let best: { at: number; imbalance: number } | null = null;
  for (let at = 1; at < title.length; at += 1) {
    const [head, tail] = [title.slice(0, at), title.slice(at)];
    if (!BREAK_AFTER.some((w) => head.endsWith(w)) && !BREAK_BEFORE.some((w) => tail.startsWith(w))) continue;
    if (tail.startsWith('委员会')) continue; // 党支部|委员会

    if (Math.max(widthInChars(head), widthInChars(tail)) > TITLE_LINE_CHARS) continue;
    const imbalance = Math.abs(widthInChars(head) - widthInChars(tail));
    if (!best || imbalance < best.imbalance) best = { at, imbalance };
  }
  return best ? [title.slice(0, best.at), title.slice(best.at)] : [title];
}

export { chineseDate };

/** Width in grid characters: half-width characters (digits, Latin) count one half. */
function widthInChars(text: string): number {
  return [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);
}

/**
 * 落款 (§7.3.5.1): 成文日期右空四字; the organization centred over the date. An organization name longer than the
 * date keeps at least two characters from the right edge (§7.3.5.2).
 */
function signatureParagraphs(doc: ReportDocument): DocxParagraph[] {
  const date = chineseDate(doc.signature.date);
  const orgIndentChars = Math.max(2, 4 + (widthInChars(date) - widthInChars(doc.signature.org)) / 2);
  const line = (text: string, rightChars: number) =>
    flowParagraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(rightChars * CHAR_PITCH) },
      children: [run(text)],
    });
  return [blankLine(), line(doc.signature.org, orgIndentChars), line(date, 4)];
}

const blankLine = (): DocxParagraph => flowParagraph({ children: [] });

// ── Appendix 数据说明 (§7.4: 附件另面编排，"附件"3号黑体顶格，标题居中于第三行) ─────────────────────────────────────
const APPENDIX_TITLE = '数据说明';
/** 序号 · 指标 · 数值 · 计算方法 · 记录数 · 来源, summing to the 版心 width. */
const COLUMNS: readonly { title: string; width: number }[] = [
  { title: '序号', width: 620 },
  { title: '指标', width: 2200 },
  { title: '数值', width: 1100 },
  { title: '计算方法', width: 2625 },
  { title: '记录数', width: 900 },
  { title: '来源', width: 1400 },
];

function valueText(row: AppendixRow): string {
  if (row.display === '') return '—';
  return /^-?[\d.,]+$/.test(row.display) ? `${row.display}${row.unit}` : row.display;
}

function cell(
  content: ParagraphChild[] | DocxParagraph[],
  width: number,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
): TableCell {
  const paragraphs = content.every((c) => c instanceof DocxParagraph)
    ? (content as DocxParagraph[])
    : [new DocxParagraph({ style: STYLE.table, alignment, children: content as ParagraphChild[] })];
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: paragraphs,
  });
}

const tableText = (text: string, look: RunLook = {}): TextRun =>
  run(text, { size: SIZE.xiaosi, snapToGrid: false, ...look });

function appendixTable(rows: readonly AppendixRow[]): Table {
  const [ref, label, value, computation, records, source] = COLUMNS.map((c) => c.width) as [
    number, number, number, number, number, number,
  ];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: COLUMNS.map((c) => cell([tableText(c.title, { font: HEITI })], c.width, AlignmentType.CENTER)),
  });
  const body = rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(
            [new Bookmark({ id: bookmarkOf(row.ref), children: [tableText(String(row.ref))] })],
            ref,
            AlignmentType.CENTER,
          ),
          cell(
            [
              new DocxParagraph({ style: STYLE.table, children: [tableText(row.label)] }),
              new DocxParagraph({ style: STYLE.table, children: [tableText(row.id, { size: SIZE.xiaowu })] }),
            ],
            label,
            AlignmentType.LEFT,
          ),
          cell([tableText(valueText(row))], value, AlignmentType.CENTER),
          cell([tableText(row.computation)], computation, AlignmentType.LEFT),
          cell([tableText(String(row.records))], records, AlignmentType.CENTER),
          cell([tableText(row.source)], source, AlignmentType.LEFT),
        ],
      }),
  );
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMNS.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    borders: {
      ...{ top: border, bottom: border, left: border, right: border },
      ...{ insideHorizontal: border, insideVertical: border },
    },
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    rows: [header, ...body],
  });
}

function appendix(doc: ReportDocument): (DocxParagraph | Table)[] {
  const { org, period } = doc;
  const note =
    `本报告所引数据由党建工作平台根据${org.name}及所属党组织${chineseDate(period.start)}至${chineseDate(period.end)}的台账记录计算，` +
    '“记录数”为计算所依据的记录条数，可按指标代码查询明细；手工填报的数据注明填报部门、填报人和日期。';
  return [
    flowParagraph({ pageBreakBefore: true, children: [run('附件', { font: HEITI })] }),
    blankLine(),
    flowParagraph({
      style: STYLE.title,
      outlineLevel: 0,
      children: [run(APPENDIX_TITLE, { font: XIAOBIAOSONG, size: SIZE.er })],
    }),
    blankLine(),
    flowParagraph({ style: STYLE.body, children: [run(note)] }),
    appendixTable(doc.appendix),
  ];
}

// ── Page numbers (§7.5): 4号半角宋体, 一字线 each side, odd pages 右空一字, even pages 左空一字 ───────────────────────
function pageFooter(side: 'odd' | 'even'): Footer {
  const oneChar = 14 * 20; // one 4号 character
  return new Footer({
    children: [
      new DocxParagraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            ...runOptions({ font: SONGTI, latin: SONGTI, size: SIZE.si, snapToGrid: false }),
          }),
        ],
      }),
    ],
  });
}

function styles() {
  const bodyRun = runOptions({});
  // Only the 3号 text styles are condensed: the defaults reach tables and footers too, and docx can't write a 0 spacing.
  const { characterSpacing: _condensed, ...plainRun } = bodyRun;
  const headingStyle = (level: Section['level']) => ({
    basedOn: 'Normal',
    next: STYLE.body,
    quickFormat: true,
    run: { ...runOptions({ font: HEADINGS[level].font, bold: HEADINGS[level].bold }), color: '000000' },
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      indent: BODY_INDENT,
      spacing: EXACT_LINE,
      keepNext: true,
      keepLines: true,
      outlineLevel: level - 1,
    },
  });
  const paragraphStyles: IParagraphStyleOptions[] = [
    {
      id: 'Normal',
      name: 'Normal',
      quickFormat: true,
      run: plainRun,
      paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: EXACT_LINE },
    },
    {
      id: STYLE.body,
      name: '公文正文',
      basedOn: 'Normal',
      next: STYLE.body,
      quickFormat: true,
      run: bodyRun,
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: BODY_INDENT, spacing: EXACT_LINE },
    },
    {
      id: STYLE.title,
      name: '公文标题',
      basedOn: 'Normal',
      next: STYLE.body,
      quickFormat: true,
      run: runOptions({ font: XIAOBIAOSONG, size: SIZE.er }),
      paragraph: { alignment: AlignmentType.CENTER, spacing: EXACT_LINE, keepNext: true },
    },
    {
      id: STYLE.table,
      name: '表格文字',
      basedOn: 'Normal',
      run: runOptions({ size: SIZE.xiaosi, snapToGrid: false }),
      paragraph: { spacing: { line: 320, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
    },
  ];
  return {
    default: {
      document: {
        run: plainRun,
        paragraph: { spacing: EXACT_LINE },
      },
      heading1: headingStyle(1),
      heading2: headingStyle(2),
      heading3: headingStyle(3),
      heading4: headingStyle(4),
    },
    paragraphStyles,
  };
}

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const generated = new Date(doc.generatedAt);
  const comments = new Comments(Number.isNaN(generated.getTime()) ? new Date(0) : generated);
  const title: ParagraphChild[] = titleLines(doc.title).map(
    (line, i) =>
      new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...runOptions({ font: XIAOBIAOSONG, size: SIZE.er }) }),
  );
  if (doc.dropped.length > 0) {
    const id = comments.add(`以下内容因本期数据为零或为空，已从报告中略去：${doc.dropped.join('；')}。`);
    title.unshift(new CommentRangeStart(id));
    title.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
  }
  const hasAppendix = doc.appendix.length > 0;
  const body = [
    flowParagraph({ style: STYLE.title, children: title }),
    blankLine(),
    ...bodyParagraphs(doc.lead, comments),
    ...doc.sections.flatMap((section) => sectionParagraphs(section, comments)),
    // 附件说明 (§7.3.4): 正文下空一行左空二字.
    ...(hasAppendix
      ? [blankLine(), flowParagraph({ style: STYLE.body, children: [run(`附件：${APPENDIX_TITLE}`)] })]
      : []),
    ...signatureParagraphs(doc),
    ...(hasAppendix ? appendix(doc) : []),
  ];

  const document = new Document({
    title: doc.title,
    subject: doc.genre,
    creator: COMMENT_AUTHOR,
    description: `${doc.org.name} ${doc.period.title}`,
    styles: styles(),
    evenAndOddHeaderAndFooters: true,
    comments: { children: comments.all },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: twipsOfMm(15), footer: FOOTER_DISTANCE },
          },
          grid: { linePitch: LINE_PITCH },
        },
        footers: { default: pageFooter('odd'), even: pageFooter('even') },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
