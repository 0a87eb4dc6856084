import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../../../test/helpers/test-db.js';
import { makeCounty } from '../../../test/factories.js';
import { findMeetings, getMeeting } from './find-meetings.js';
import { recordMeeting } from './record-meeting.js';
import { formatAbsentees, parseAbsentees } from './meetings.schema.js';

describe.each(ENGINES)('meetings on %s', (engine) => {
  const t = useTestDatabase(engine);

  it('records a meeting with its absentees and finds it by subtree, kind and dates', async () => {
    await makeCounty(t.ctx, 2);
    const m = await recordMeeting(t.ctx, {
      orgCode: 'C.T1.B1', kind: '支部党员大会', heldOn: '2026-03-28', topic: '学习贯彻全国两会精神', host: '王书记',
      expectedCount: 30, attendedCount: 27, absentees: parseAbsentees('张三（病假）；李四：外出务工；王五'),
    });
    expect(m.absentees).toEqual([{ name: '张三', reason: '病假' }, { name: '李四', reason: '外出务工' }, { name: '王五', reason: null }]);
    expect(formatAbsentees(m.absentees)).toBe('张三（病假）；李四（外出务工）；王五');
    await recordMeeting(t.ctx, { orgCode: 'C.T1.B2', kind: '主题党日', heldOn: '2026-04-03', topic: '植树', expectedCount: 10, attendedCount: 10 });
    expect((await findMeetings(t.ctx, { org: 'C' })).total).toBe(2);
    expect((await findMeetings(t.ctx, { org: 'C.T1.B1' })).total).toBe(1);
    expect((await findMeetings(t.ctx, { org: 'C', kind: '主题党日' })).items[0]!.topic).toBe('植树');
    expect((await findMeetings(t.ctx, { org: 'C', from: '2026-04-01', to: '2026-04-30' })).total).toBe(1);
    expect((await getMeeting(t.ctx, m.id)).host).toBe('王书记');
  });

  it('rejects inconsistent attendance, a future date and a date before the branch existed', async () => {
    await makeCounty(t.ctx, 1);
    const base = { orgCode: 'C.T1.B1', kind: '支委会' as const, heldOn: '2026-03-01', topic: '研究发展党员', expectedCount: 5, attendedCount: 4 };
    await expect(recordMeeting(t.ctx, { ...base, attendedCount: 6 })).rejects.toMatchObject({ code: 'ATTENDANCE_INVALID' });
    await expect(recordMeeting(t.ctx, { ...base, absentees: [{ name: 'a' }, { name: 'b' }] })).rejects.toMatchObject({ code: 'ATTENDANCE_INVALID' });
    await expect(recordMeeting(t.ctx, { ...base, heldOn: '2027-01-01' })).rejects.toMatchObject({ code: 'DATE_IN_FUTURE' });
    await expect(recordMeeting(t.ctx, { ...base, heldOn: '1999-01-01' })).rejects.toMatchObject({ code: 'DATE_ORDER_INVALID' });
    await expect(recordMeeting(t.ctx, { ...base, orgCode: 'X' })).rejects.toMatchObject({ code: 'ORG_NOT_FOUND' });
    expect((await findMeetings(t.ctx, { org: 'C' })).total).toBe(0);
  });
});
