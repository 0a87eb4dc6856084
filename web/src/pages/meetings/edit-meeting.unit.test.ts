import { describe, expect, it } from 'vitest';
import type { MeetingView } from '../../lib/types';
import { pickRoster, type RosterMember } from './attendance';
import { editFieldErrors, formValuesOf, meetingPatchOf, storedAttendance } from './edit-meeting';

const member = (id: number, name: string, partyPost: string | null = null): RosterMember => ({ id, name, partyPost, status: '正式党员' });

// A branch of five: a committee of three and two members.
const roster = pickRoster('支部党员大会', [member(1, '张三'), member(2, '李委员', '委员'), member(3, '王书记', '书记'), member(4, '赵四'), member(5, '钱副书记', '副书记')]);

const recorded: MeetingView = {
  id: 7,
  orgCode: 'C01.002',
  orgName: '测试村党支部',
  kind: '支部党员大会',
  heldOn: '2026-03-28',
  topic: '学习贯彻全国两会精神',
  host: '王书记',
  expectedCount: 5,
  attendedCount: 3,
  absentees: [
    { name: '赵四', reason: '外出务工' },
    { name: '张三', reason: null },
  ],
  minutes: '议定事项',
  actions: ['update'],
};

describe('the stored attendance in the form', () => {
  it('is ticked on the roster when the roster is exactly who was expected, reasons kept', () => {
    expect(storedAttendance(recorded, roster)).toEqual({ mode: 'roster', absent: { 4: '外出务工', 1: '' } });
    expect(storedAttendance({ ...recorded, attendedCount: 5, absentees: [] }, roster)).toEqual({ mode: 'roster', absent: {} });
  });

  it('is typed in when the roster does not account for it: another size, an unknown or ambiguous name, absentees not listed', () => {
    const typed = { mode: 'manual', expected: 5, attended: 3, absentees: [{ name: '赵四', reason: '外出务工' }, { name: '张三', reason: '' }] };
    expect(storedAttendance(recorded, roster.slice(0, 4))).toEqual({ ...typed });
    expect(storedAttendance(recorded, [])).toEqual(typed);
    expect(storedAttendance({ ...recorded, absentees: [{ name: '孙五', reason: null }, recorded.absentees[1]!] }, roster)).toMatchObject({ mode: 'manual' });
    const twoZhang = [...roster.slice(0, 4), member(6, '张三')];
    expect(storedAttendance(recorded, twoZhang)).toMatchObject({ mode: 'manual' });
    // Two absent, only one named: the roster cannot say who the other was.
    expect(storedAttendance({ ...recorded, absentees: [recorded.absentees[0]!] }, roster)).toEqual({
      mode: 'manual', expected: 5, attended: 3, absentees: [{ name: '赵四', reason: '外出务工' }],
    });
  });

  it('prefills the form with the record', () => {
    expect(formValuesOf(recorded)).toEqual({
      orgCode: 'C01.002', kind: '支部党员大会', heldOn: '2026-03-28', topic: '学习贯彻全国两会精神', host: '王书记', minutes: '议定事项',
      attendance: { mode: 'manual', expected: 5, attended: 3, absentees: [{ name: '赵四', reason: '外出务工' }, { name: '张三', reason: '' }] },
    });
  });
});

describe('the correction sent', () => {
  it('is empty when nothing was changed, whether the attendance is ticked on the roster or typed in', () => {
    expect(meetingPatchOf(recorded, formValuesOf(recorded), [])).toEqual({});
    // Ticked on the roster, the absentees come in roster order: the same people are no correction.
    expect(meetingPatchOf(recorded, { ...formValuesOf(recorded), attendance: storedAttendance(recorded, roster) }, roster)).toEqual({});
    // Text is compared as it would be saved.
    expect(meetingPatchOf({ ...recorded, minutes: '议定事项\n' }, { ...formValuesOf(recorded), topic: ' 学习贯彻全国两会精神 ' }, [])).toEqual({});
  });

  it('names only the fields changed, blanks as null, never the organization', () => {
    const values = { ...formValuesOf(recorded), orgCode: 'OTHER', kind: '党课', heldOn: '2026-03-27', host: ' ', minutes: '议定事项（补充）' };
    expect(meetingPatchOf(recorded, values, [])).toEqual({ kind: '党课', heldOn: '2026-03-27', host: null, minutes: '议定事项（补充）' });
  });

  it('sends the whole absentee list when it changes, with the counts that changed', () => {
    const ticked = { mode: 'roster' as const, absent: { 4: '外出务工', 1: '病假', 2: '出差' } };
    expect(meetingPatchOf(recorded, { ...formValuesOf(recorded), attendance: ticked }, roster)).toEqual({
      attendedCount: 2,
      absentees: [
        { name: '李委员', reason: '出差' },
        { name: '张三', reason: '病假' },
        { name: '赵四', reason: '外出务工' },
      ],
    });
    const typed = { mode: 'manual' as const, expected: 6, attended: 3, absentees: [{ name: '赵四', reason: '外出务工' }, { name: '张三', reason: '' }] };
    expect(meetingPatchOf(recorded, { ...formValuesOf(recorded), attendance: typed }, [])).toEqual({ expectedCount: 6 });
  });
});

describe('server issues of a correction', () => {
  it('go under the form’s fields; those about the organization (not a field when editing) to the alert', () => {
    const { byField, rest } = editFieldErrors([
      { code: 'ATTENDANCE_INVALID', field: 'attendedCount', message: '实到人数6多于应到人数5' },
      { code: 'PERMISSION_DENIED', field: 'orgCode', message: '您的角色只能查看，不能修改' },
      { code: 'MEETING_NOT_FOUND', field: 'id', message: '会议记录 7 不存在' },
    ]);
    expect(byField).toEqual({ attendance: ['实到人数6多于应到人数5'] });
    expect(rest.map((i) => i.code)).toEqual(['MEETING_NOT_FOUND', 'PERMISSION_DENIED']);
  });
});
