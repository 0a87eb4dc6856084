import { describe, expect, it } from 'vitest';
import type { RuleFinding } from '../../lib/types';
import { actionOf, categoryOf, daysBetween, deadlineText, groupDue, meetingKindOfRule, ownItems } from './desk-logic';

function finding(rule: string, family: RuleFinding['family'], dueOn: string | null, extra: Partial<RuleFinding> = {}): RuleFinding {
  return {
    org: 'C01.002',
    orgName: '西田村党支部',
    period: '2026-12',
    rule,
    ruleSet: 'x',
    family,
    status: 'upcoming',
    severity: 'warn',
    citation: '',
    certainty: 'verified',
    message: rule,
    dueOn,
    person: null,
    evidence: { records: [], facts: {} },
    open: true,
    ...extra,
  };
}

const today = '2026-12-06';

describe('the deadline in words', () => {
  it('counts days across months and years', () => {
    expect(daysBetween('2026-12-06', '2026-12-31')).toBe(25);
    expect(daysBetween('2026-12-06', '2026-12-03')).toBe(-3);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('already late is red with the days overdue; coming due says how many days are left', () => {
    expect(deadlineText(finding('a', 'development', '2026-12-03', { status: 'overdue' }), today)).toEqual({ text: '已逾期3天', late: true });
    expect(deadlineText(finding('a', 'org-life', '2026-12-31'), today)).toEqual({ text: '还有25天', late: false });
    expect(deadlineText(finding('a', 'org-life', today), today)).toEqual({ text: '今天到期', late: false });
    expect(deadlineText(finding('a', 'org-life', '2026-11-30', { status: 'missed' }), today)).toEqual({ text: '已逾期6天', late: true });
  });

  it('without a date: a missed duty is red, a coming one is not', () => {
    expect(deadlineText(finding('members.dues-arrears', 'members', null, { status: 'missed' }), today)).toEqual({ text: '未落实', late: true });
    expect(deadlineText(finding('members.dues-arrears', 'members', null), today)).toEqual({ text: '即将到期', late: false });
  });
});

describe('categories and where each item is done', () => {
  it('takes the meeting kind from the rule catalog', () => {
    expect(meetingKindOfRule('life.committee-meeting')).toBe('支委会');
    expect(meetingKindOfRule('life.general-meeting')).toBe('支部党员大会');
    expect(meetingKindOfRule('life.party-day')).toBe('主题党日');
    expect(meetingKindOfRule('life.committee-quorum')).toBeNull();
    expect(meetingKindOfRule('dev.oath')).toBeNull();
  });

  it('a meeting still to hold opens the meeting form with the organization and the kind', () => {
    const a = actionOf(finding('life.committee-meeting', 'org-life', '2026-12-31'));
    expect(a.label).toBe('登记会议');
    const url = new URL(a.to, 'http://x');
    expect(url.pathname).toBe('/meetings/new');
    expect(url.searchParams.get('org')).toBe('C01.002');
    expect(url.searchParams.get('kind')).toBe('支委会');
  });

  it('sorts the families into the desk categories', () => {
    expect(categoryOf(finding('dev.conversion-promptly', 'development', null))).toBe('conversion');
    expect(categoryOf(finding('dev.political-review', 'development', null))).toBe('development');
    expect(categoryOf(finding('members.dues-arrears', 'members', null))).toBe('dues');
    expect(categoryOf(finding('members.training-hours', 'members', null))).toBe('members');
    expect(categoryOf(finding('tasks.overdue', 'supervision', null))).toBe('tasks');
    expect(categoryOf(finding('rectification.overdue', 'supervision', null))).toBe('rectification');
    expect(categoryOf(finding('disclosure.due', 'supervision', null))).toBe('disclosure');
    expect(categoryOf(finding('setup.term-expiry', 'org-setup', null))).toBe('setup');
    expect(actionOf(finding('dev.conversion-promptly', 'development', null)).to).toBe('/development?org=C01.002');
    expect(actionOf(finding('rectification.overdue', 'supervision', null)).to).toBe('/problems?org=C01.002');
    expect(actionOf(finding('members.dues-arrears', 'members', null, { person: '潘文林' })).to).toBe(`/members?org=C01.002&name=${encodeURIComponent('潘文林')}`);
  });
});

describe('grouping', () => {
  const items = [
    finding('tasks.overdue', 'supervision', '2026-12-20'),
    finding('life.party-day', 'org-life', '2026-12-31'),
    finding('life.committee-meeting', 'org-life', '2026-11-30', { status: 'missed' }),
    finding('dev.oath', 'development', null, { status: 'overdue' }),
    finding('life.group-meeting', 'org-life', '2026-12-31', { org: 'C01.002.01' }),
    finding('life.lesson', 'org-life', '2026-12-31', { org: 'C01.003' }),
  ];

  it('groups by category in the desk order, soonest first, counting the late ones', () => {
    const groups = groupDue(items, today);
    expect(groups.map((g) => g.category)).toEqual(['meetings', 'development', 'tasks']);
    expect(groups[0]!.items.map((f) => f.rule)).toEqual(['life.committee-meeting', 'life.party-day', 'life.group-meeting', 'life.lesson']);
    expect(groups[0]!.late).toBe(1);
    expect(groups[1]!.late).toBe(1);
    expect(groups[2]!.late).toBe(0);
  });

  it('nothing due, no groups', () => {
    expect(groupDue([], today)).toEqual([]);
  });

  it('keeps the organization’s own items and its party groups’', () => {
    const own = ownItems(items, new Set(['C01.002', 'C01.002.01']));
    expect(own).toHaveLength(5);
    expect(own.some((f) => f.org === 'C01.003')).toBe(false);
  });
});
