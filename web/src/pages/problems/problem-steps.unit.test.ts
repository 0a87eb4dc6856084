import { describe, expect, it } from 'vitest';
import { eventLine, stateText, statusSummary, stepBody } from './problem-steps';

describe('a step’s request body', () => {
  it('sends the measures only with 制定措施 and leaves blank text out', () => {
    expect(stepBody('制定措施', { on: '2026-03-05', measures: ' 召开专题会议\n建立制度 ', note: '  ' })).toEqual({
      action: '制定措施',
      on: '2026-03-05',
      measures: '召开专题会议\n建立制度',
    });
    expect(stepBody('提请验收', { on: '2026-03-05', measures: '旧措施', evidence: '会议记录' })).toEqual({
      action: '提请验收',
      on: '2026-03-05',
      evidence: '会议记录',
    });
  });
});

describe('reading a problem', () => {
  it('names overdue, late and re-opened problems in words', () => {
    expect(stateText({ stage: '整改中', overdue: true, late: false, reopened: 0 })).toBe('整改中（已逾期）');
    expect(stateText({ stage: '已销号', overdue: false, late: true, reopened: 1 })).toBe('已销号（逾期整改，重新整改1次）');
    expect(stateText({ stage: '待整改', overdue: false, late: false, reopened: 0 })).toBe('待整改');
  });

  it('tells an event as who did what and how the status moved', () => {
    expect(eventLine({ action: '提请验收', fromStatus: '整改中', toStatus: '待验收', actor: '村党支部书记' })).toBe('村党支部书记 提请验收（整改中 → 待验收）');
    expect(eventLine({ action: '报告进展', fromStatus: '整改中', toStatus: '整改中', actor: '张三' })).toBe('张三 报告进展');
    expect(eventLine({ action: '登记', fromStatus: null, toStatus: '待整改', actor: '县委组织部' })).toBe('县委组织部 登记（待整改）');
  });

  it('sums the statuses and the share closed', () => {
    const s = statusSummary({ 待整改: 2, 整改中: 3, 待验收: 1, 已销号: 4, 逾期: 2 });
    expect(s.items.map((i) => i.count)).toEqual([2, 3, 1, 4]);
    expect(s.total).toBe(10);
    expect(s.overdue).toBe(2);
    expect(s.closedShare).toBeCloseTo(0.4);
    expect(statusSummary({}).closedShare).toBeNull();
  });
});
