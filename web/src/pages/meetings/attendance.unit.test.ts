import { describe, expect, it } from 'vitest';
import {
  attendanceCounts,
  defaultHost,
  fieldErrors,
  formFieldOf,
  manualAttendance,
  meetingPayload,
  pickRoster,
  rosterAttendance,
  rosterSource,
  ruleErrors,
  type RosterMember,
} from './attendance';

const member = (id: number, name: string, partyPost: string | null = null, status = '正式党员'): RosterMember => ({ id, name, partyPost, status });

// A branch of six: a committee of three (listed out of order) and three members.
const members: RosterMember[] = [
  member(1, '张三'),
  member(2, '李委员', '委员'),
  member(3, '王书记', '书记'),
  member(4, '赵四', null, '预备党员'),
  member(5, '钱副书记', '副书记'),
  member(6, '孙五'),
];

describe('who is expected at a meeting', () => {
  it('a 支委会 expects the committee, secretary first; a 支部党员大会 everyone; 谈心谈话 is typed in', () => {
    expect(rosterSource('支委会')).toBe('committee');
    expect(pickRoster('支委会', members).map((m) => m.name)).toEqual(['王书记', '钱副书记', '李委员']);
    expect(rosterSource('支部党员大会')).toBe('all');
    expect(pickRoster('支部党员大会', members).map((m) => m.id)).toEqual([3, 5, 2, 1, 4, 6]);
    expect(rosterSource('谈心谈话')).toBe('manual');
    expect(pickRoster('谈心谈话', members)).toEqual([]);
  });

  it('prefills the host with the secretary, and nobody when the roster has none', () => {
    expect(defaultHost(pickRoster('支委会', members))).toBe('王书记');
    expect(defaultHost([member(9, '甲')])).toBeNull();
  });
});

describe('the attendance payload from the roster and the ticks', () => {
  const roster = pickRoster('支部党员大会', members);

  it('everyone ticked: expected and attended are the roster, no absentees', () => {
    expect(attendanceCounts(rosterAttendance(), roster)).toEqual({ expectedCount: 6, attendedCount: 6, absentees: [] });
  });

  it('unticked members are the absentees with their reasons, in roster order; a blank reason is null', () => {
    const counts = attendanceCounts({ mode: 'roster', absent: { 6: ' 外出务工 ', 1: '' } }, roster);
    expect(counts).toEqual({
      expectedCount: 6,
      attendedCount: 4,
      absentees: [
        { name: '张三', reason: null },
        { name: '孙五', reason: '外出务工' },
      ],
    });
  });

  it('ticks of people no longer on the roster (another kind chosen) do not count', () => {
    const committee = pickRoster('支委会', members);
    expect(attendanceCounts({ mode: 'roster', absent: { 6: '病假', 5: '出差' } }, committee)).toEqual({
      expectedCount: 3,
      attendedCount: 2,
      absentees: [{ name: '钱副书记', reason: '出差' }],
    });
  });

  it('typed in: the counts as typed, absentees without a name dropped', () => {
    expect(attendanceCounts(manualAttendance(), [])).toEqual({ expectedCount: 0, attendedCount: 0, absentees: [] });
    const value = { mode: 'manual' as const, expected: 8, attended: 7, absentees: [{ name: ' 周六 ', reason: '病假' }, { name: ' ', reason: 'x' }] };
    expect(attendanceCounts(value, [])).toEqual({ expectedCount: 8, attendedCount: 7, absentees: [{ name: '周六', reason: '病假' }] });
  });

  it('builds the body of POST /api/meetings, blanks as null', () => {
    const body = meetingPayload(
      { orgCode: 'C01.002', kind: '支委会', heldOn: '2026-12-01', topic: ' 研究发展党员 ', host: ' ', minutes: '议定事项', attendance: { mode: 'roster', absent: { 2: '病假' } } },
      pickRoster('支委会', members),
    );
    expect(body).toEqual({
      orgCode: 'C01.002',
      kind: '支委会',
      heldOn: '2026-12-01',
      topic: '研究发展党员',
      host: null,
      minutes: '议定事项',
      expectedCount: 3,
      attendedCount: 2,
      absentees: [{ name: '李委员', reason: '病假' }],
    });
  });
});

describe('rules as the user types, and server issues under their fields', () => {
  const branch = { kind: '党支部', establishedOn: '2010-05-01' };

  it('a date after today is an error under 日期; today is not', () => {
    const today = '2026-12-06';
    expect(ruleErrors({ heldOn: '2026-12-07', attendance: rosterAttendance() }, members, { today, org: branch }).heldOn).toHaveLength(1);
    expect(ruleErrors({ heldOn: today, attendance: rosterAttendance() }, members, { today, org: branch })).toEqual({});
  });

  it('a date before the organization was founded is an error under 日期; no date yet is no date error', () => {
    expect(ruleErrors({ heldOn: '2009-01-01' }, members, { today: '2026-12-06', org: branch }).heldOn?.[0]).toContain('2010-05-01');
    expect(ruleErrors({}, members, { today: '2026-12-06', org: branch }).heldOn).toBeUndefined();
  });

  it('a 党委会 of a branch is an error under 会议类型; of a 党委 it is not', () => {
    expect(ruleErrors({ kind: '党委会' }, [], { today: '2026-12-06', org: branch }).kind?.[0]).toContain('支委会');
    expect(ruleErrors({ kind: '党委会' }, [], { today: '2026-12-06', org: { kind: '党委', establishedOn: null } }).kind).toBeUndefined();
  });

  it('typed-in counts that do not add up are an error under 出席情况', () => {
    const more = { mode: 'manual' as const, expected: 5, attended: 6, absentees: [] };
    expect(ruleErrors({ attendance: more }, [], { today: '2026-12-06' }).attendance).toHaveLength(1);
    const tooManyAbsent = { mode: 'manual' as const, expected: 5, attended: 4, absentees: [{ name: '甲', reason: '' }, { name: '乙', reason: '' }] };
    expect(ruleErrors({ attendance: tooManyAbsent }, [], { today: '2026-12-06' }).attendance).toHaveLength(1);
  });

  it('maps server fields to the form: counts and absentees to 出席情况, unknown fields left for the alert', () => {
    expect(formFieldOf('heldOn')).toBe('heldOn');
    expect(formFieldOf('absentees.0.name')).toBe('attendance');
    expect(formFieldOf('attendedCount')).toBe('attendance');
    expect(formFieldOf('body')).toBeNull();
    expect(formFieldOf(undefined)).toBeNull();
    const { byField, rest } = fieldErrors([
      { code: 'DATE_IN_FUTURE', field: 'heldOn', message: '会议日期晚于今天' },
      { code: 'FIELD_INVALID', field: 'expectedCount', message: '应为非负整数' },
      { code: 'FIELD_INVALID', field: 'absentees.1.name', message: '不能为空' },
      { code: 'FIELD_REQUIRED', field: 'body', message: '缺少请求体' },
    ]);
    expect(byField).toEqual({ heldOn: ['会议日期晚于今天'], attendance: ['应为非负整数', '不能为空'] });
    expect(rest.map((i) => i.field)).toEqual(['body']);
  });
});
