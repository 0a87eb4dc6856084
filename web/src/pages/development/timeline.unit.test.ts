import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  checkChange,
  checkRecord,
  nextSteps,
  ruleOn,
  settingsFrom,
  suggestedStep,
  timeline,
  type DevelopmentRecord,
  type StepDates,
  type StepKey,
} from './timeline';

const record = (dates: StepDates, more: Partial<DevelopmentRecord> = {}): DevelopmentRecord => ({
  dates,
  birthDate: '1995-04-02',
  introducers: null,
  trainingHours: null,
  extensionMonths: null,
  ...more,
});

const stateOf = (r: DevelopmentRecord, today: string) => Object.fromEntries(timeline(r, DEFAULT_SETTINGS, today).map((i) => [i.key, i.state])) as Record<StepKey, string>;

describe('the timeline’s step states', () => {
  it('an application just made: the interview is next, due one month after the application', () => {
    const items = timeline(record({ appliedOn: '2025-03-10' }), DEFAULT_SETTINGS, '2025-03-20');
    const byKey = new Map(items.map((i) => [i.key, i]));
    expect(byKey.get('appliedOn')!.state).toBe('done');
    expect(byKey.get('interviewedOn')!.state).toBe('next');
    expect(byKey.get('interviewedOn')!.dueOn).toBe('2025-04-10');
    expect(byKey.get('interviewedOn')!.hint).toContain('2025年4月10日');
    // 确定入党积极分子 requires only the application: it may be recorded too (the 6-month local rule is off by default).
    expect(byKey.get('activistOn')!.state).toBe('next');
    expect(byKey.get('candidateOn')!.state).toBe('pending');
    expect(byKey.get('extensionDecidedOn')!.state).toBe('optional');
    expect(items).toHaveLength(18);
    // The two dates of ⑪ are told apart.
    expect(byKey.get('trainingStartOn')!.step).toBe('⑪开展集中培训（开始）');
    expect(byKey.get('trainingEndOn')!.step).toBe('⑪开展集中培训（结束）');
  });

  it('the interview not held within a month is overdue, with the days past the deadline', () => {
    const items = timeline(record({ appliedOn: '2025-03-10' }), DEFAULT_SETTINGS, '2025-04-20');
    const interview = items.find((i) => i.key === 'interviewedOn')!;
    expect(interview.state).toBe('overdue');
    expect(interview.hint).toContain('已逾期10天');
    expect(nextSteps(items)[0]!.key).toBe('interviewedOn');
    expect(suggestedStep(items)).toBe('interviewedOn');
  });

  it('an activist: 确定发展对象 is next, not before one year of training (the earliest day is the hint)', () => {
    const items = timeline(record({ appliedOn: '2024-01-05', interviewedOn: '2024-01-20', activistOn: '2024-07-01', contactsOn: '2024-07-02' }), DEFAULT_SETTINGS, '2025-02-01');
    const candidate = items.find((i) => i.key === 'candidateOn')!;
    expect(candidate.state).toBe('next');
    expect(candidate.earliestOn).toBe('2025-07-01');
    expect(candidate.hint).toContain('最早可于2025年7月1日');
  });

  it('a step left out while the record moved to a later stage is missing, not next', () => {
    const s = stateOf(record({ appliedOn: '2024-01-05', activistOn: '2024-07-01', candidateOn: '2025-08-01' }), '2025-09-01');
    expect(s.interviewedOn).toBe('missing');
    expect(s.contactsOn).toBe('missing');
    expect(s.politicalReviewOn).toBe('next');
    expect(s.committeeReviewOn).toBe('next');
    expect(s.approvedOn).toBe('pending');
  });

  it('after approval: conversion waits for the end of the probation, one year after the branch meeting', () => {
    const dates: StepDates = {
      appliedOn: '2022-01-05', interviewedOn: '2022-01-20', activistOn: '2022-03-01', contactsOn: '2022-03-02', candidateOn: '2023-04-01',
      politicalReviewOn: '2023-05-01', trainingStartOn: '2023-05-10', trainingEndOn: '2023-05-13', committeeReviewOn: '2023-06-01',
      preReviewOn: '2023-06-10', branchMeetingOn: '2023-06-20', superiorInterviewOn: '2023-07-01', approvedOn: '2023-07-15', oathOn: '2023-07-20',
    };
    const items = timeline(record(dates, { introducers: '张三、李四', trainingHours: 24 }), DEFAULT_SETTINGS, '2024-03-01');
    const meeting = items.find((i) => i.key === 'conversionMeetingOn')!;
    expect(meeting.state).toBe('next');
    expect(meeting.earliestOn).toBe('2024-06-20');
    expect(meeting.dueOn).toBe('2024-07-20');
    expect(items.filter((i) => i.state === 'done')).toHaveLength(14);
    expect(items.flatMap((i) => i.checks)).toEqual([]);
    // A year later, the conversion meeting not held a month after the end of the probation is overdue.
    expect(timeline(record(dates, { introducers: '张三、李四', trainingHours: 24 }), DEFAULT_SETTINGS, '2024-08-01').find((i) => i.key === 'conversionMeetingOn')!.state).toBe('overdue');
  });
});

describe('checking a date as it is typed', () => {
  const activist = record({ appliedOn: '2024-01-05', interviewedOn: '2024-01-20', activistOn: '2024-07-01', contactsOn: '2024-07-02' });

  it('确定发展对象 less than a year after 入党积极分子 breaks 第十三条', () => {
    const checks = checkChange(activist, { dates: { candidateOn: '2025-03-01' } }, DEFAULT_SETTINGS, '2025-09-01');
    expect(checks).toHaveLength(1);
    expect(checks[0]!.level).toBe('violation');
    expect(checks[0]!.field).toBe('candidateOn');
    expect(checks[0]!.rule).toBe('dev.activist-one-year');
    expect(checks[0]!.message).toContain('间隔8个月，不足12个月');
    expect(checks[0]!.citation).toContain('第十三条');
  });

  it('one year and a day later passes', () => {
    expect(checkChange(activist, { dates: { candidateOn: '2025-07-02' } }, DEFAULT_SETTINGS, '2025-09-01')).toEqual([]);
  });

  it('a date before the step it requires, or in the future, is an input error the server refuses', () => {
    const early = checkChange(activist, { dates: { candidateOn: '2024-06-01' } }, DEFAULT_SETTINGS, '2025-09-01');
    expect(early.map((c) => c.level)).toContain('invalid');
    expect(early.find((c) => c.level === 'invalid')!.message).toBe('确定发展对象日期2024年6月1日早于确定入党积极分子日期2024年7月1日');
    const future = checkChange(activist, { dates: { candidateOn: '2025-10-01' } }, DEFAULT_SETTINGS, '2025-09-01');
    expect(future).toEqual([expect.objectContaining({ level: 'invalid', message: '确定发展对象日期2025年10月1日晚于今天' })]);
  });

  it('moving an earlier step after a later one is this change’s error, named on the later step', () => {
    const checks = checkChange(activist, { dates: { activistOn: '2024-08-01' } }, DEFAULT_SETTINGS, '2025-09-01');
    expect(checks.map((c) => c.field)).toEqual(['contactsOn']);
  });

  it('an applicant under 18 on the day of the application', () => {
    const checks = checkChange(record({ appliedOn: '2024-01-05' }, { birthDate: '2007-03-01' }), { dates: { appliedOn: '2025-02-28' } }, DEFAULT_SETTINGS, '2025-09-01');
    expect(checks.map((c) => c.message)).toEqual(['申请入党时未满18周岁（申请日期2025年2月28日）']);
  });

  it('the branch meeting: two introducers, political review and training before it', () => {
    const dates: StepDates = { appliedOn: '2022-01-05', activistOn: '2022-03-01', candidateOn: '2023-04-01', trainingStartOn: '2023-05-10', trainingEndOn: '2023-05-11' };
    const checks = checkRecord(record({ ...dates, branchMeetingOn: '2023-06-20' }, { introducers: '张三', trainingHours: 16 }), DEFAULT_SETTINGS, '2024-01-01');
    expect(checks.filter((c) => c.level !== 'invalid').map((c) => c.rule).sort()).toEqual(['dev.introducers', 'dev.political-review', 'dev.training']);
    expect(checks.find((c) => c.rule === 'dev.training')!.message).toContain('共2天、16学时');
  });

  it('the approval later than 3 months is late; later than 6 months a violation', () => {
    const base: StepDates = { appliedOn: '2022-01-05', activistOn: '2022-03-01', candidateOn: '2023-04-01', politicalReviewOn: '2023-05-01', trainingStartOn: '2023-05-10', trainingEndOn: '2023-05-13', branchMeetingOn: '2023-06-20' };
    const r = record(base, { introducers: '张三、李四' });
    expect(checkChange(r, { dates: { approvedOn: '2023-10-01' } }, DEFAULT_SETTINGS, '2024-06-01').map((c) => c.level)).toEqual(['late']);
    expect(checkChange(r, { dates: { approvedOn: '2024-01-01' } }, DEFAULT_SETTINGS, '2024-06-01').map((c) => c.level)).toEqual(['violation']);
  });
});

describe('this deployment’s settings of the rules', () => {
  it('an optional local rule is off unless turned on, and takes its changed parameter', () => {
    expect(ruleOn('dev.application-to-activist', '2025-01-01', DEFAULT_SETTINGS)).toBeNull();
    const on = settingsFrom([
      { key: 'dev.application-to-activist.enabled', value: true, changed: true },
      { key: 'dev.application-to-activist.months', value: 3, changed: true },
      { key: 'development.revision2026From', value: '2026-05-11', changed: false },
    ]);
    const rule = ruleOn('dev.application-to-activist', '2025-01-01', on)!;
    expect(rule.requirement).toMatchObject({ type: 'step-interval', months: 3 });
    const checks = checkChange(record({ appliedOn: '2024-06-01' }), { dates: { activistOn: '2024-08-01' } }, on, '2025-01-01');
    expect(checks.map((c) => c.rule)).toEqual(['dev.application-to-activist']);
  });

  it('the version is the one in force on the step’s date: the oath deadline exists only from the 2026 revision', () => {
    expect(ruleOn('dev.oath', '2026-05-10', DEFAULT_SETTINGS)).toBeNull();
    expect(ruleOn('dev.oath', '2026-05-11', DEFAULT_SETTINGS)?.id).toBe('dev.oath');
    const moved = settingsFrom([{ key: 'development.revision2026From', value: '2026-01-01', changed: true }]);
    expect(ruleOn('dev.oath', '2026-02-01', moved)?.id).toBe('dev.oath');
  });
});
