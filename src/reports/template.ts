/**
 * Report templates: the text format of docs/report-templates.md parsed into a tree of sections and paragraphs whose
 * parts are fixed text, figure references, optional clauses and narrative slots. Pure; the filler (fill-report.ts)
 * puts the figures in.
 */
import { AppError } from '../shared/errors.js';

export type FigureForm = 'value' | 'yoy' | 'pop' | 'wan';

export type Segment =
  | { t: 'text'; text: string }
  | { t: 'figure'; id: string; form: FigureForm }
  | { t: 'narrative'; hint: string }
  | { t: 'optional'; parts: Segment[] };

export interface TemplateParagraph {
  /** An item of an enumerated list (一是/二是 …). */
  item: boolean;
  /** A drafted block: the problems (问题清单) or the plans (工作打算) from the rule engine's findings. */
  draft: 'problems' | 'plans' | null;
  parts: Segment[];
  /** The text printed instead when every figure of `parts` is zero or empty (a 否则： line). */
  otherwise: Segment[] | null;
  line: number;
}

export interface TemplateSection {
  level: 1 | 2 | 3 | 4;
  title: string;
  body: TemplateParagraph[];
  children: TemplateSection[];
}

export interface ReportTemplate {
  name: string;
  /** With {{org}} and {{period}}. */
  title: string;
  periods: string[];
  lead: TemplateParagraph[];
  sections: TemplateSection[];
}

const FORMS: Record<string, FigureForm> = { 同比: 'yoy', 环比: 'pop', 万: 'wan' };
const PERIOD_KINDS = ['year', 'half', 'quarter', 'month', 'range', 'any'];

function templateError(source: string, line: number, message: string): AppError {
  const text = `报告模板${source ? `“${source}”` : ''}第${line}行：${message}`;
  return new AppError('TEMPLATE_INVALID', text, [{ code: 'TEMPLATE_INVALID', field: 'template', message: text }]);
}

/** Splits a paragraph's text into segments: {{…}} references and […] optional clauses (not nested). */
export function parseSegments(text: string, source = '', line = 1): Segment[] {
  const out: Segment[] = [];
  let optional: Segment[] | null = null;
  let buf = '';
  const target = () => optional ?? out;
  const flush = () => {
    if (buf) target().push({ t: 'text', text: buf });
    buf = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && '[]{'.includes(text[i + 1]!)) {
      buf += text[++i];
    } else if (c === '{' && text[i + 1] === '{') {
      const close = text.indexOf('}}', i + 2);
      if (close < 0) throw templateError(source, line, '“{{”没有对应的“}}”');
      flush();
      target().push(reference(text.slice(i + 2, close).trim(), source, line));
      i = close + 1;
    } else if (c === '[') {
      if (optional) throw templateError(source, line, '可省略的分句“[ ]”不能嵌套');
      flush();
      optional = [];
    } else if (c === ']') {
      if (!optional) throw templateError(source, line, '“]”没有对应的“[”');
      flush();
      out.push({ t: 'optional', parts: optional });
      optional = null;
    } else {
      buf += c;
    }
  }
  if (optional) throw templateError(source, line, '“[”没有对应的“]”');
  flush();
  return out;
}

function reference(inner: string, source: string, line: number): Segment {
  const narrative = /^撰写[：:](.*)$/s.exec(inner);
  if (narrative) return { t: 'narrative', hint: narrative[1]!.trim() };
  if (inner === 'org' || inner === 'period') return { t: 'text', text: `{{${inner}}}` };
  const m = /^([a-z][a-z0-9_]*)(?:\s*[:：]\s*(\S+))?$/.exec(inner);
  if (!m) throw templateError(source, line, `无法识别的引用“{{${inner}}}”，应为指标编号（如 {{branch_committee_meetings}}）、{{编号:同比}}、{{撰写：提示}}、{{问题清单}} 或 {{工作打算}}`);
  const form = m[2] === undefined ? 'value' : FORMS[m[2]];
  if (!form) throw templateError(source, line, `指标引用“{{${inner}}}”的写法“${m[2]}”不存在，应为 同比、环比 或 万`);
  return { t: 'figure', id: m[1]!, form };
}

/** Parses a template's text; TEMPLATE_INVALID naming the line for anything it cannot read. */
export function parseTemplate(text: string, source = ''): ReportTemplate {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, '')).split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const meta: Record<string, string> = {};
  /** The line of each header field, and of the header's opening “---”, for the errors. */
  const metaLine: Record<string, number> = {};
  const headerLine = i < lines.length ? i + 1 : 1;
  if (lines[i]?.trim() === '---') {
    i++;
    for (; i < lines.length && lines[i]!.trim() !== '---'; i++) {
      const line = lines[i]!.trim();
      if (!line) continue;
      const m = /^([a-z]+)\s*:\s*(.*)$/.exec(line);
      if (!m) throw templateError(source, i + 1, `文件头应为“名称: 值”的形式，而不是“${line}”`);
      meta[m[1]!] = m[2]!.trim();
      metaLine[m[1]!] = i + 1;
    }
    if (i >= lines.length) throw templateError(source, headerLine, '文件头缺少结束的“---”');
    i++;
  }
  if (!meta.name) throw templateError(source, metaLine.name ?? headerLine, '文件头缺少 name（报告种类名称）');
  if (!meta.title) throw templateError(source, metaLine.title ?? headerLine, '文件头缺少 title（标题）');
  const periods = (meta.periods ?? 'any').split(/[,，\s]+/).filter(Boolean);
  for (const p of periods) if (!PERIOD_KINDS.includes(p)) throw templateError(source, metaLine.periods ?? headerLine, `periods 中的“${p}”不存在，应为 ${PERIOD_KINDS.join('、')}`);

  const template: ReportTemplate = { name: meta.name, title: meta.title, periods, lead: [], sections: [] };
  const stack: TemplateSection[] = [];
  const bodyOf = (): TemplateParagraph[] => (stack.length ? stack[stack.length - 1]!.body : template.lead);
  let para: { text: string[]; line: number } | null = null;
  let last: TemplateParagraph | null = null;

  const endParagraph = () => {
    if (!para) return;
    const raw = para.text.join('');
    const line = para.line;
    para = null;
    const otherwise = /^否则[：:](.*)$/s.exec(raw);
    if (otherwise) {
      if (!last || last.draft || last.otherwise) throw templateError(source, line, '“否则：”应紧跟在含有指标的段落之后');
      last.otherwise = parseSegments(otherwise[1]!.trim(), source, line);
      return;
    }
    const item = raw.startsWith('- ');
    const body = item ? raw.slice(2).trim() : raw;
    const draft = body === '{{问题清单}}' ? 'problems' : body === '{{工作打算}}' ? 'plans' : null;
    const children = stack.length ? stack[stack.length - 1]!.children : [];
    if (children.length > 0) throw templateError(source, line, '正文段落应写在下级标题之前；请为这段文字另设标题');
    last = { item, draft, parts: draft ? [] : parseSegments(body, source, line), otherwise: null, line };
    bodyOf().push(last);
  };

  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const heading = /^(#{1,4})\s+(.+)$/.exec(line);
    if (heading) {
      endParagraph();
      last = null;
      const level = heading[1]!.length as 1 | 2 | 3 | 4;
      const parentLevel = stack.length ? stack[stack.length - 1]!.level : 0;
      if (level > parentLevel + 1) throw templateError(source, i + 1, `标题层级跳级：${'#'.repeat(level)} 之前应有 ${'#'.repeat(parentLevel + 1)}`);
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      const section: TemplateSection = { level, title: heading[2]!.trim(), body: [], children: [] };
      (stack.length ? stack[stack.length - 1]!.children : template.sections).push(section);
      stack.push(section);
    } else if (line === '') {
      endParagraph();
    } else if (para && !line.startsWith('- ') && !/^否则[：:]/.test(line)) {
      para.text.push(line);
    } else {
      endParagraph();
      para = { text: [line], line: i + 1 };
    }
  }
  endParagraph();
  return template;
}

/** Every figure id a template refers to, in order of first appearance. */
export function templateFigureIds(t: ReportTemplate): { id: string; form: FigureForm }[] {
  const seen = new Map<string, { id: string; form: FigureForm }>();
  const walk = (parts: Segment[]) => {
    for (const s of parts) {
      if (s.t === 'figure' && !seen.has(`${s.id}:${s.form}`)) seen.set(`${s.id}:${s.form}`, { id: s.id, form: s.form });
      if (s.t === 'optional') walk(s.parts);
    }
  };
  const paras = (list: TemplateParagraph[]) => list.forEach((p) => (walk(p.parts), p.otherwise && walk(p.otherwise)));
  const sections = (list: TemplateSection[]) => list.forEach((s) => (paras(s.body), sections(s.children)));
  paras(t.lead);
  sections(t.sections);
  return [...seen.values()];
}
