/**
 * The report document: the tree a template becomes once its figures are filled in for an organization and a period.
 * Every renderer (JSON, Markdown, HTML, DOCX) reads this and nothing else; the JSON output is this tree itself.
 *
 * Numbering is already resolved: a heading carries the number it prints (一、 （一） 1. （1）), a list item its opener
 * (一是 二是 …), counted after the sections and items without figures were dropped.
 */

/** A figure as printed in the text: its value, how it is shown, and where it comes from. */
export interface FigureInline {
  type: 'figure';
  /** The indicator id (catalog id), e.g. branch_committee_meetings. */
  id: string;
  /** The indicator's Chinese label. */
  label: string;
  /** 次, 人, %, 元 … (the text usually carries the unit itself: "召开支委会{{branch_committee_meetings}}次"). */
  unit: string;
  /** The value printed: the figure's value, or for 同比/环比 the change in percent; null when there is none. */
  value: number | null;
  /** The text printed in place of the reference, e.g. "36", "96.5", "增长12.5%", "3.2". */
  display: string;
  /** value | yoy (同比) | pop (环比) | wan (in 万). */
  form: 'value' | 'yoy' | 'pop' | 'wan';
  /** How it was computed (Chinese), from the indicator. */
  computation: string;
  /** The records behind it: their table and how many (the ids through `dangjian indicator ID --evidence`). */
  evidence: { table: string; count: number };
  /** Entered by hand (a figure set): the source department, who entered it and when. */
  manual: { department: string; enteredBy: string; enteredOn: string } | null;
  /** The period the value belongs to (for 同比/环比 the comparison's both periods). */
  period: string;
  /** The number of this figure in the appendix (数据说明), 1-based. */
  ref: number;
}

/** A place where the writer adds narrative; `text` is empty until the writer fills it (narratives given by key). */
export interface NarrativeInline {
  type: 'narrative';
  /** A stable key within the template, e.g. "n3" (the third narrative slot). */
  key: string;
  /** What to write here, from the template. */
  hint: string;
  text: string;
}

export interface TextInline {
  type: 'text';
  text: string;
}

export type Inline = TextInline | FigureInline | NarrativeInline;

/** A paragraph of body text; `opener` is 一是/二是 … for an item of an enumerated list. */
export interface Paragraph {
  type: 'paragraph';
  opener: string | null;
  parts: Inline[];
  /** Drafted from the rule engine's findings (问题清单, 工作打算) for the writer to edit. */
  drafted: boolean;
}

export interface Section {
  type: 'section';
  /** 1 一、(黑体) · 2 （一）(楷体) · 3 1. · 4 （1） */
  level: 1 | 2 | 3 | 4;
  /** The number printed before the title: 一、 （一） 1. （1） */
  number: string;
  title: string;
  /** The paragraphs under the heading, before the subsections. */
  body: Paragraph[];
  children: Section[];
}

/** One line of the appendix (数据说明). */
export interface AppendixRow {
  ref: number;
  id: string;
  label: string;
  unit: string;
  value: number | null;
  display: string;
  computation: string;
  table: string;
  records: number;
  /** 系统计算 or 手工填报（department，enteredBy，enteredOn）. */
  source: string;
  manual: boolean;
}

export interface ReportDocument {
  /** annual | half-year | responsibility | secretary, or the file name of a deployment's own template. */
  template: string;
  /** 年度党建工作报告 … (the template's genre name). */
  genre: string;
  title: string;
  /** The issuing organization and the date, printed under the body (落款). */
  signature: { org: string; date: string };
  org: { code: string; name: string };
  period: { label: string; title: string; start: string; end: string };
  generatedAt: string;
  /** True when no record of the period was found in the scope: the report says so plainly. */
  empty: boolean;
  /** The opening paragraphs (导语) before the first numbered section. */
  lead: Paragraph[];
  sections: Section[];
  appendix: AppendixRow[];
  /** What was dropped because all its figures were empty or zero, for the writer to see. */
  dropped: string[];
  /** Things the writer should know: the template was written for another kind of period, … */
  warnings: string[];
}
