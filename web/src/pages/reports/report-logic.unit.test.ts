import { describe, expect, it } from 'vitest';
import type { FigureInline, Paragraph, ReportDocument } from '../../lib/types';
import {
  choiceFromPeriod,
  defaultChoice,
  displayWithUnit,
  figureSource,
  narrativeSlots,
  narrativesToSend,
  parseStoredNarratives,
  periodString,
  refFromInline,
  storageKey,
  tableName,
  yearOptions,
  type PeriodChoice,
} from './report-logic';

const base: PeriodChoice = { kind: 'year', year: 2026, half: 1, quarter: 1, month: 3, from: null, to: null };

describe('the period chosen in the form', () => {
  it('becomes the period string the API reads, for each kind', () => {
    expect(periodString({ ...base, kind: 'year' })).toBe('2026');
    expect(periodString({ ...base, kind: 'half', half: 1 })).toBe('2026H1');
    expect(periodString({ ...base, kind: 'half', half: 2 })).toBe('2026H2');
    expect(periodString({ ...base, kind: 'quarter', quarter: 3 })).toBe('2026Q3');
    expect(periodString({ ...base, kind: 'month', month: 3 })).toBe('2026-03');
    expect(periodString({ ...base, kind: 'month', month: 11 })).toBe('2026-11');
    expect(periodString({ ...base, kind: 'range', from: '2026-03-01', to: '2026-09-30' })).toBe('2026-03-01~2026-09-30');
  });

  it('puts a range written backwards in order, and has no period until both dates are chosen', () => {
    expect(periodString({ ...base, kind: 'range', from: '2026-09-30', to: '2026-03-01' })).toBe('2026-03-01~2026-09-30');
    expect(periodString({ ...base, kind: 'range', from: '2026-03-01', to: null })).toBeNull();
    expect(periodString({ ...base, kind: 'range', from: null, to: null })).toBeNull();
  });

  it('is read back from the address, whatever kind it is, and an unreadable one is refused', () => {
    for (const p of ['2025', '2025H2', '2025Q4', '2025-07', '2025-03-01~2025-09-30']) {
      const c = choiceFromPeriod(p, '2026-12-06');
      expect(c).not.toBeNull();
      expect(periodString(c!)).toBe(p);
    }
    expect(choiceFromPeriod('2025h1', '2026-12-06')?.kind).toBe('half');
    expect(choiceFromPeriod('2025-13', '2026-12-06')).toBeNull();
    expect(choiceFromPeriod('last year', '2026-12-06')).toBeNull();
  });

  it('defaults to the annual report of last year in the first half, of this year from July', () => {
    expect(periodString(defaultChoice('2026-03-15'))).toBe('2025');
    expect(periodString(defaultChoice('2026-12-06'))).toBe('2026');
    expect(periodString(defaultChoice('2026-07-01'))).toBe('2026');
  });

  it('offers this year and the ten before it, newest first', () => {
    const years = yearOptions('2026-12-06');
    expect(years).toHaveLength(11);
    expect(years[0]).toBe(2026);
    expect(years[10]).toBe(2016);
  });
});

const text = (t: string) => ({ type: 'text' as const, text: t });
const slot = (key: string, hint: string, t = '') => ({ type: 'narrative' as const, key, hint, text: t });
const para = (...parts: Paragraph['parts']): Paragraph => ({ type: 'paragraph', opener: null, parts, drafted: false });
const figure: FigureInline = {
  type: 'figure',
  id: 'branch_committee_meetings',
  label: '支委会',
  unit: '次',
  value: 36,
  display: '36',
  form: 'value',
  computation: '统计期内召开支委会的次数',
  evidence: { table: 'meetings', count: 36 },
  manual: null,
  period: '2026年',
  ref: 1,
};

function doc(): ReportDocument {
  return {
    template: 'annual',
    genre: '年度党建工作报告',
    title: '测试报告',
    signature: { org: '中共测试县委员会', date: '2026年12月31日' },
    org: { code: 'C', name: '中共测试县委员会' },
    period: { label: '2026', title: '2026年', start: '2026-01-01', end: '2026-12-31' },
    generatedAt: '2026-12-06T00:00:00Z',
    empty: false,
    lead: [para(text('全年'), slot('n1', '总体评价'), text('。'))],
    sections: [
      {
        type: 'section',
        level: 1,
        number: '一、',
        title: '政治建设',
        body: [para(slot('n2', '做法', '已写的'))],
        children: [
          { type: 'section', level: 2, number: '（一）', title: '全面领导', body: [para(text('召开支委会'), figure, text('次'), slot('n3', '举措'))], children: [] },
        ],
      },
      { type: 'section', level: 1, number: '二、', title: '思想建设', body: [para(slot('n4', '学习'))], children: [] },
    ],
    appendix: [],
    dropped: [],
    warnings: [],
  };
}

describe('the narrative slots of a report', () => {
  it('are collected in reading order: the lead, then each section before its subsections', () => {
    expect(narrativeSlots(doc()).map((s) => s.key)).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(narrativeSlots(doc())[1]).toEqual({ key: 'n2', hint: '做法', text: '已写的' });
  });

  it('send only the texts written for the document’s slots, trimmed, leaving out empty ones and unknown keys', () => {
    const texts = { n1: '  坚持稳中求进 ', n2: '   ', n3: '落实“第一议题”制度', n9: '别的报告的', x: 'not a key' };
    expect(narrativesToSend(doc(), texts)).toEqual({ n1: '坚持稳中求进', n3: '落实“第一议题”制度' });
    // Without a document, every narrative key goes.
    expect(narrativesToSend(null, texts)).toEqual({ n1: '坚持稳中求进', n3: '落实“第一议题”制度', n9: '别的报告的' });
  });

  it('are kept per organization, period and genre, and read back ignoring anything malformed', () => {
    expect(storageKey('C', '2025', 'annual')).not.toBe(storageKey('C', '2025', 'half-year'));
    expect(storageKey('C', '2025', 'annual')).not.toBe(storageKey('C01', '2025', 'annual'));
    expect(storageKey('C', '2025', 'annual')).not.toBe(storageKey('C', '2025H1', 'annual'));
    expect(parseStoredNarratives(JSON.stringify({ n1: '甲', n2: 3, foo: '乙' }))).toEqual({ n1: '甲' });
    expect(parseStoredNarratives('not json')).toEqual({});
    expect(parseStoredNarratives('[1,2]')).toEqual({});
    expect(parseStoredNarratives(null)).toEqual({});
  });
});

describe('a figure in the evidence drawer', () => {
  it('names its source: computed, or entered by hand by whom and when', () => {
    expect(figureSource(null)).toBe('系统计算');
    expect(figureSource({ department: '县纪委', enteredBy: '张三', enteredOn: '2026-01-05' })).toBe('手工填报（县纪委，张三，2026年1月5日）');
    expect(refFromInline(figure)).toMatchObject({ id: 'branch_committee_meetings', source: '系统计算', manual: false, table: 'meetings', records: 36, periodTitle: '2026年' });
  });

  it('shows its value with the unit unless the display carries it, and its records’ table in Chinese', () => {
    expect(displayWithUnit('36', '次', 36)).toBe('36次');
    expect(displayWithUnit('96.5', '%', 96.5)).toBe('96.5%');
    expect(displayWithUnit('增长12.5%', '%', 12.5)).toBe('增长12.5%');
    expect(displayWithUnit('【待填报】', '件', null)).toBe('【待填报】');
    expect(tableName('meetings')).toBe('组织生活');
    expect(tableName('something_new')).toBe('something_new');
  });
});
