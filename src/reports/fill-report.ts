/**
 * Fills a parsed template with the figures of one organization and period: the report document (document.ts).
 * Pure — the figures, the comparison periods' figures, the narratives and the drafted problems come in; the service
 * (generate-report.ts) gathers them.
 *
 * - A figure prints as its value (ratios one decimal, money two, 万 one decimal), 同比/环比 as 增长12.5% / 下降3.0% /
 *   持平 (for a ratio, 提高/下降 n 个百分点).
 * - An optional clause [ … ] whose figures are all zero or empty is dropped; so is a paragraph or list item whose every
 *   figure is (its 否则： text printed instead, when given); so is a section left with nothing. Numbers (一、 （一） 1.
 *   （1）) and openers (一是 二是 …) are assigned after dropping.
 */
import type { ComputedFigure, IndicatorKind } from '../indicators/registry.js';
import { changeOf } from '../indicators/registry.js';
import { chineseDate } from '../shared/dates.js';
import type { Period } from '../shared/period.js';
import type { AppendixRow, FigureInline, Inline, Paragraph, ReportDocument, Section } from './document.js';
import type { FigureForm, ReportTemplate, Segment, TemplateParagraph, TemplateSection } from './template.js';

export interface ComparisonValues {
  period: Period;
  values: Map<string, ComputedFigure>;
}

export interface FillInput {
  template: ReportTemplate;
  templateKey: string;
  org: { code: string; name: string };
  period: Period;
  values: Map<string, ComputedFigure>;
  yoy: ComparisonValues | null;
  pop: ComparisonValues | null;
  /** Narrative text by slot key (n1, n2 … in the template's order). */
  narratives: Record<string, string>;
  /** Drafted from the rule engine's findings: one sentence per item. */
  drafts: { problems: string[]; plans: string[] };
  generatedAt: string;
  /** The date of the signature (落款), ISO. */
  signedOn: string;
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones === 0 ? '' : CHINESE_DIGITS[ones]}`;
}

export function sectionNumber(level: 1 | 2 | 3 | 4, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumber(n)}、`;
    case 2:
      return `（${chineseNumber(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

function trimNumber(n: number, decimals: number): string {
  return String(Number(n.toFixed(decimals)));
}

/** The text of a value: ratios one decimal, money two, others as they are (at most two decimals). */
export function formatValue(value: number, unit: string, form: FigureForm): string {
  // In 万: one decimal, two below 1,000 (so a small branch's 479 reads 0.05, not 0).
  if (form === 'wan') return trimNumber(value / 10000, Math.abs(value) < 1000 ? 2 : 1);
  if (unit === '元' || unit === '万元') return value.toFixed(2);
  if (unit === '%') return trimNumber(value, 1);
  return Number.isInteger(value) ? String(value) : trimNumber(value, 2);
}

export function formatChange(change: number, kind: IndicatorKind): string {
  if (change === 0) return '持平';
  const size = trimNumber(Math.abs(change), 1);
  if (kind === 'ratio') return `${change > 0 ? '提高' : '下降'}${size}个百分点`;
  return `${change > 0 ? '增长' : '下降'}${size}%`;
}

interface Evaluated {
  parts: Inline[];
  figures: number;
  nonEmpty: number;
}

export function fillReport(input: FillInput): ReportDocument {
  const appendix: AppendixRow[] = [];
  const refs = new Map<string, number>();
  const dropped: string[] = [];
  let narrativeCount = 0;
  const subst = (text: string) => text.replaceAll('{{org}}', input.org.name).replaceAll('{{period}}', input.period.title);

  const figureInline = (id: string, form: FigureForm): FigureInline => {
    const current = input.values.get(id);
    if (!current) throw new Error(`figure ${id} was not computed`);
    const { indicator, figure } = current;
    let value: number | null = figure?.value ?? null;
    let display = '';
    let period = input.period.title;
    if (form === 'yoy' || form === 'pop') {
      const comparison = form === 'yoy' ? input.yoy : input.pop;
      const earlier = comparison?.values.get(id)?.figure?.value ?? null;
      value = changeOf(value, earlier, indicator.kind);
      if (value !== null) display = formatChange(value, indicator.kind);
      period = `${input.period.title}与${comparison?.period.title ?? ''}比较`;
    } else if (value !== null) {
      display = formatValue(value, indicator.unit, form);
    }
    if (value === null && indicator.manual) display = '【待填报】';
    const manual = figure && indicator.manual ? manualSource(figure.computation) : null;
    const key = `${id}:${form}`;
    let ref = refs.get(key);
    if (ref === undefined) {
      ref = appendix.length + 1;
      refs.set(key, ref);
      const formLabel = form === 'yoy' ? '（同比）' : form === 'pop' ? '（环比）' : form === 'wan' ? '（万）' : '';
      appendix.push({
        ref,
        id,
        label: `${indicator.label}${formLabel}`,
        unit: form === 'yoy' || form === 'pop' ? (indicator.kind === 'ratio' ? '个百分点' : '%') : form === 'wan' ? `万${indicator.unit}` : indicator.unit,
        value,
        display: display || '无',
        computation: figure
          ? form === 'yoy' || form === 'pop'
            ? `${figure.computation}；${form === 'yoy' ? '同比' : '环比'}：与${(form === 'yoy' ? input.yoy : input.pop)?.period.title ?? ''}同一口径比较`
            : figure.computation
          : indicator.manual
            ? '本期未手工填报'
            : '未计算',
        table: figure?.evidence.table ?? '',
        records: figure?.evidence.ids.length ?? 0,
        source: manual ? `手工填报（${manual.department}，${manual.enteredBy}，${manual.enteredOn}）` : indicator.manual ? '手工填报（未填报）' : '系统计算',
        manual: indicator.manual,
      });
    }
    return {
      type: 'figure',
      id,
      label: indicator.label,
      unit: indicator.unit,
      value,
      display,
      form,
      computation: appendix[ref - 1]!.computation,
      evidence: { table: figure?.evidence.table ?? '', count: figure?.evidence.ids.length ?? 0 },
      manual,
      period,
      ref,
    };
  };

  const isEmpty = (f: FigureInline) => f.value === null || (f.value === 0 && f.form !== 'yoy' && f.form !== 'pop');
  const hasWriting = (parts: Inline[]) => parts.some((p) => p.type === 'narrative' && p.text !== '');

  const evaluate = (segments: Segment[]): Evaluated => {
    const out: Evaluated = { parts: [], figures: 0, nonEmpty: 0 };
    const push = (part: Inline) => {
      const prev = out.parts[out.parts.length - 1];
      if (part.type === 'text' && prev?.type === 'text') prev.text += part.text;
      else out.parts.push(part);
    };
    for (const s of segments) {
      if (s.t === 'text') push({ type: 'text', text: subst(s.text) });
      else if (s.t === 'narrative') {
        const key = `n${++narrativeCount}`;
        push({ type: 'narrative', key, hint: s.hint, text: input.narratives[key]?.trim() ?? '' });
      } else if (s.t === 'figure') {
        const f = figureInline(s.id, s.form);
        out.figures++;
        if (!isEmpty(f)) out.nonEmpty++;
        push(f);
      } else {
        const inner = evaluate(s.parts);
        out.figures += inner.figures;
        out.nonEmpty += inner.nonEmpty;
        if (inner.figures === 0 || inner.nonEmpty > 0) inner.parts.forEach(push);
      }
    }
    return out;
  };

  const plain = (parts: Inline[]) =>
    parts.map((p) => (p.type === 'text' ? p.text : p.type === 'figure' ? p.display || '**' : `【${p.hint}】`)).join('');

  const paragraphs = (list: TemplateParagraph[], where: string): Paragraph[] => {
    const out: Paragraph[] = [];
    for (const p of list) {
      if (p.draft) {
        const items = p.draft === 'problems' ? input.drafts.problems : input.drafts.plans;
        for (const text of items) out.push({ type: 'paragraph', opener: 'item', parts: [{ type: 'text', text }], drafted: true });
        if (items.length === 0) dropped.push(`${where}：${p.draft === 'problems' ? '问题清单' : '工作打算'}（规则检查未发现问题）`);
        continue;
      }
      const main = evaluate(p.parts);
      const otherwise = p.otherwise ? evaluate(p.otherwise) : null;
      main.parts = tidy(main.parts);
      if (otherwise) otherwise.parts = tidy(otherwise.parts);
      if (main.figures > 0 && main.nonEmpty === 0 && !hasWriting(main.parts)) {
        dropped.push(`${where}：${plain(main.parts)}`);
        if (otherwise && (otherwise.figures === 0 || otherwise.nonEmpty > 0)) {
          out.push({ type: 'paragraph', opener: p.item ? 'item' : null, parts: otherwise.parts, drafted: false });
        }
        continue;
      }
      out.push({ type: 'paragraph', opener: p.item ? 'item' : null, parts: main.parts, drafted: false });
    }
    // Openers 一是 二是 … over each run of consecutive items; a run left with a single item reads as a plain paragraph.
    let run: Paragraph[] = [];
    const close = () => {
      if (run.length === 1) run[0]!.opener = null;
      else run.forEach((p, i) => (p.opener = `${chineseNumber(i + 1)}是`));
      run = [];
    };
    for (const para of out) {
      if (para.opener === null) close();
      else run.push(para);
    }
    close();
    return out;
  };

  const sections = (list: TemplateSection[], path: string): Section[] => {
    const out: Section[] = [];
    for (const s of list) {
      const title = subst(s.title);
      const where = path ? `${path} > ${title}` : title;
      const body = paragraphs(s.body, where);
      const children = sections(s.children, where);
      const hadContent = s.body.length > 0 || s.children.length > 0;
      if (hadContent && body.length === 0 && children.length === 0) {
        dropped.push(`${where}（整节无数据，已略去）`);
        continue;
      }
      out.push({ type: 'section', level: s.level, number: sectionNumber(s.level, out.length + 1), title, body, children });
    }
    return out;
  };

  const lead = paragraphs(input.template.lead, '导语');
  const body = sections(input.template.sections, '');
  const empty = appendix.length > 0 && appendix.every((r) => r.value === null || r.value === 0);
  const printed = renumber([...lead, ...flattenParagraphs(body)], appendix);
  return {
    template: input.templateKey,
    genre: input.template.name,
    title: subst(input.template.title),
    signature: { org: input.org.name, date: chineseDate(input.signedOn) },
    org: input.org,
    period: { label: input.period.label, title: input.period.title, start: input.period.start, end: input.period.end },
    generatedAt: input.generatedAt,
    empty,
    lead: empty
      ? [
          {
            type: 'paragraph',
            opener: null,
            parts: [{ type: 'text', text: `${input.org.name}${input.period.title}（${chineseDate(input.period.start)}至${chineseDate(input.period.end)}）没有可以统计的工作记录，本报告各项数据均为空。请先录入或导入本期的组织生活、发展党员、学习培训等记录，或核对所选组织和统计期。` }],
            drafted: false,
          },
          ...lead,
        ]
      : lead,
    sections: body,
    appendix: printed,
    dropped,
    warnings: [],
  };
}

function flattenParagraphs(list: Section[]): Paragraph[] {
  return list.flatMap((s) => [...s.body, ...flattenParagraphs(s.children)]);
}

/** The appendix of the figures printed, numbered in the order they appear (dropped clauses leave no gaps). */
function renumber(paragraphs: Paragraph[], appendix: AppendixRow[]): AppendixRow[] {
  const next = new Map<number, number>();
  const out: AppendixRow[] = [];
  for (const p of paragraphs) {
    for (const part of p.parts) {
      if (part.type !== 'figure') continue;
      let ref = next.get(part.ref);
      if (ref === undefined) {
        ref = out.length + 1;
        next.set(part.ref, ref);
        out.push({ ...appendix[part.ref - 1]!, ref });
      }
      part.ref = ref;
    }
  }
  return out;
}

/**
 * Punctuation left over where an optional clause was dropped: leading marks, and runs of marks (，， → ，, ，。 → 。,
 * ，； → ，).
 */
function tidy(parts: Inline[]): Inline[] {
  parts.forEach((p, i) => {
    if (p.type !== 'text') return;
    // A run of marks where a clause was dropped: a full stop wins; otherwise the first mark (the one that closed the
    // text before the dropped clause) stays.
    let t = p.text.replace(/[，、；。：]{2,}/g, (run) => (run.includes('。') ? '。' : run[0]!));
    if (i === 0) t = t.replace(/^[，、；。]+/, '');
    p.text = t;
  });
  return parts.filter((p) => p.type !== 'text' || p.text !== '');
}

/** The department, person and date of a hand-entered figure, from its computation (手工填报：部门，某人 于 日期 填报…). */
function manualSource(computation: string): { department: string; enteredBy: string; enteredOn: string } | null {
  const m = /^手工填报：([^，]+)，(.+?) 于 (\d{4}-\d{2}-\d{2}) 填报/.exec(computation);
  return m ? { department: m[1]!, enteredBy: m[2]!, enteredOn: m[3]! } : null;
}
