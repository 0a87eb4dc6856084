/**
 * The pure logic of the reports page: the period chosen in the form ↔ the period string the API reads (2026, 2026H1,
 * 2026Q3, 2026-03, 2026-03-01~2026-09-30), the narrative slots of a document and what to send of the writer's texts,
 * where those texts are kept in the browser, and how a figure's source and records are named.
 */
import type { AppendixRow, FigureInline, Paragraph, ReportDocument, Section } from '../../lib/types';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'range';

export const PERIOD_KINDS: { value: PeriodKind; label: string }[] = [
  { value: 'year', label: '年度' },
  { value: 'half', label: '半年' },
  { value: 'quarter', label: '季度' },
  { value: 'month', label: '月份' },
  { value: 'range', label: '日期范围' },
];

/** The period as the form holds it; only the fields of its kind matter. */
export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  /** 1 上半年 · 2 下半年 */
  half: 1 | 2;
  /** 1–4 */
  quarter: 1 | 2 | 3 | 4;
  /** 1–12 */
  month: number;
  /** YYYY-MM-DD, for a range. */
  from: string | null;
  to: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period string the API reads, or null while the choice is incomplete (a range without both dates). */
export function periodString(c: PeriodChoice): string | null {
  switch (c.kind) {
    case 'year':
      return String(c.year);
    case 'half':
      return `${c.year}H${c.half}`;
    case 'quarter':
      return `${c.year}Q${c.quarter}`;
    case 'month':
      return `${c.year}-${pad(c.month)}`;
    case 'range':
      if (!c.from || !c.to) return null;
      return c.from <= c.to ? `${c.from}~${c.to}` : `${c.to}~${c.from}`;
  }
}

/**
 * The default choice on a given day (YYYY-MM-DD): the annual report of the year before, which is what is written in
 * the first months; from July the current year (the report written at the year's end).
 */
export function defaultChoice(today: string): PeriodChoice {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return { kind: 'year', year: m >= 7 ? y : y - 1, half: m >= 7 ? 1 : 2, quarter: 1, month: m, from: null, to: null };
}

/** The choice a period string stands for (from the address), over the defaults of `today`; null when unreadable. */
export function choiceFromPeriod(period: string, today: string): PeriodChoice | null {
  const base = defaultChoice(today);
  const t = period.trim().toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(t))) return { ...base, kind: 'year', year: Number(m[1]) };
  if ((m = /^(\d{4})H([12])$/.exec(t))) return { ...base, kind: 'half', year: Number(m[1]), half: Number(m[2]) as 1 | 2 };
  if ((m = /^(\d{4})Q([1-4])$/.exec(t))) return { ...base, kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  if ((m = /^(\d{4})-(\d{2})$/.exec(t)) && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { ...base, kind: 'month', year: Number(m[1]), month: Number(m[2]) };
  if ((m = /^(\d{4}-\d{2}-\d{2})\s*(?:~|～|\.\.|至)\s*(\d{4}-\d{2}-\d{2})$/.exec(t))) return { ...base, kind: 'range', from: m[1]!, to: m[2]! };
  return null;
}

/** The years offered: this year and the ten before it, newest first. */
export function yearOptions(today: string, count = 11): number[] {
  const y = Number(today.slice(0, 4));
  return Array.from({ length: count }, (_, i) => y - i);
}

/** One place where the writer adds narrative. */
export interface NarrativeSlot {
  key: string;
  hint: string;
  /** The text the server printed (the narratives it was given). */
  text: string;
}

/** Every narrative slot of a document, in reading order (lead, then the sections depth first). */
export function narrativeSlots(doc: ReportDocument): NarrativeSlot[] {
  const out: NarrativeSlot[] = [];
  const seen = new Set<string>();
  const paragraphs = (list: Paragraph[]) => {
    for (const p of list) {
      for (const part of p.parts) {
        if (part.type === 'narrative' && !seen.has(part.key)) {
          seen.add(part.key);
          out.push({ key: part.key, hint: part.hint, text: part.text });
        }
      }
    }
  };
  const sections = (list: Section[]) => {
    for (const s of list) {
      paragraphs(s.body);
      sections(s.children);
    }
  };
  paragraphs(doc.lead);
  sections(doc.sections);
  return out;
}

/** What to send as `narratives`: the texts written for the document's slots, trimmed, empty ones left out. */
export function narrativesToSend(doc: ReportDocument | null, texts: Record<string, string>): Record<string, string> {
  const keys = doc ? new Set(narrativeSlots(doc).map((s) => s.key)) : null;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(texts)) {
    const text = value.trim();
    if (!/^n\d+$/.test(key) || text === '' || (keys && !keys.has(key))) continue;
    out[key] = text;
  }
  return out;
}

/** Where the narratives of one report (organization, period, genre) are kept in localStorage. */
export function storageKey(org: string, period: string, template: string): string {
  return `dangjian.report-narratives:${template}:${org}:${period}`;
}

/** Narratives read back from localStorage: only string values under narrative keys; anything else is ignored. */
export function parseStoredNarratives(raw: string | null): Record<string, string> {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (/^n\d+$/.test(k) && typeof v === 'string') out[k] = v;
    return out;
  } catch {
    return {};
  }
}

/** A figure as the evidence drawer shows it, from the text (a figure inline) or the appendix (a row). */
export interface FigureRef {
  id: string;
  label: string;
  value: number | null;
  display: string;
  unit: string;
  computation: string;
  /** 系统计算, or 手工填报（department，by whom，on） */
  source: string;
  manual: boolean;
  table: string;
  records: number;
  /** The period of the value in Chinese (for 同比 both periods). */
  periodTitle: string | null;
}

/** 系统计算, or who entered a figure by hand: 手工填报（组织部，张三，2026年1月5日）. */
export function figureSource(manual: FigureInline['manual']): string {
  if (!manual) return '系统计算';
  const on = /^(\d{4})-(\d{2})-(\d{2})/.exec(manual.enteredOn);
  const date = on ? `${Number(on[1])}年${Number(on[2])}月${Number(on[3])}日` : manual.enteredOn;
  return `手工填报（${[manual.department, manual.enteredBy, date].filter(Boolean).join('，')}）`;
}

export function refFromInline(f: FigureInline): FigureRef {
  return {
    id: f.id,
    label: f.label,
    value: f.value,
    display: f.display,
    unit: f.unit,
    computation: f.computation,
    source: figureSource(f.manual),
    manual: f.manual !== null,
    table: f.evidence.table,
    records: f.evidence.count,
    periodTitle: f.period,
  };
}

export function refFromAppendix(r: AppendixRow): FigureRef {
  return {
    id: r.id,
    label: r.label,
    value: r.value,
    display: r.display,
    unit: r.unit,
    computation: r.computation,
    source: r.source,
    manual: r.manual,
    table: r.table,
    records: r.records,
    periodTitle: null,
  };
}

/** The value as a reader reads it: "195条", "96.5%", "增长12.5%"; the unit added unless the display carries it. */
export function displayWithUnit(display: string, unit: string, value: number | null): string {
  if (value === null) return display;
  if (!unit || display.endsWith(unit) || display.endsWith('%')) return display;
  return `${display}${unit}`;
}

/** The records' table in Chinese (as the workbook names its sheets); an unknown table keeps its name. */
const TABLE_NAMES: Record<string, string> = {
  organizations: '党组织',
  memberships: '党员',
  people: '人员',
  development_records: '发展党员',
  meetings: '组织生活',
  meeting_absences: '缺席记录',
  dues_payments: '党费缴纳',
  dues_bases: '党费基数',
  dues_approvals: '党费审批',
  member_transfers: '组织关系转接',
  study_records: '学习记录',
  trainings: '培训班',
  training_attendance: '参训人员',
  service_records: '服务记录',
  community_reports: '到社区报到',
  service_teams: '服务队伍',
  service_team_members: '队伍人员',
  honors: '表彰',
  donations: '捐款',
  responsibility_lists: '责任清单',
  list_items: '清单事项',
  tasks: '任务',
  task_events: '任务记录',
  inspections: '巡察督查',
  inspection_targets: '检查对象',
  problems: '问题整改',
  problem_events: '整改记录',
  ratings: '分类定级',
  weak_org_cases: '软弱涣散整顿',
  designations: '命名表彰',
  disclosure_items: '公开目录',
  disclosures: '公开记录',
  cadre_events: '干部工作',
  publications: '宣传报道',
  figure_values: '手工填报',
  figure_sets: '手工填报',
};

export function tableName(table: string): string {
  return TABLE_NAMES[table] ?? table;
}
