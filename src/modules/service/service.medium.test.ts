import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { snapshotTables } from '../../../test/helpers/db-snapshot.js';
import { countingCtx } from '../../../test/helpers/query-counter.js';
import { asUser, makeCounty, makeMember, makeOrg, makeUser } from '../../../test/factories.js';
import { leaveMember } from '../members/leave-member.js';
import { addTeamPeople } from './add-team-people.js';
import { createServiceRecord } from './create-service-record.js';
import { createServiceTeam } from './create-service-team.js';
import { deleteServiceRecord } from './delete-service-record.js';
import { endCommunityReport } from './end-community-report.js';
import { findCommunityReports } from './find-community-reports.js';
import { findServiceRecords } from './find-service-records.js';
import { findServiceTeams, getServiceTeam } from './find-service-teams.js';
import { memberService } from './member-service.js';
import { removeTeamPeople } from './remove-team-people.js';
import { reportToCommunity } from './report-to-community.js';
import { getServiceRecord } from './service-find.js';
import { serviceFigures } from './service-figures.js';
import { updateServiceRecord } from './update-service-record.js';
import type { ServiceRecordInput } from './service.schema.js';

// Today in these tests is 2026-11-23 (TEST_TODAY).
const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';
const S1 = 'C.S1';

async function county(ctx: Ctx) {
  await makeCounty(ctx, 2);
  await makeOrg(ctx, { code: S1, name: '幸福社区党委', kind: '党委', sector: '社区', parentCode: 'C' });
  await makeOrg(ctx, { code: `${S1}.B1`, name: '幸福社区第一党支部', kind: '党支部', sector: '社区', parentCode: S1, establishedOn: '2010-01-01' });
}

const rec = (ctx: Ctx, input: Partial<ServiceRecordInput> & Pick<ServiceRecordInput, 'kind' | 'happenedOn'>) =>
  createServiceRecord(ctx, { orgCode: B1, title: `${input.kind}事项`, ...input });

describe.each(ENGINES)('service records on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  it('records volunteer service in hours, finishes a 办实事, reopens it only when asked, lists and deletes with audit', async () => {
    const ctx = db.ctx;
    await county(ctx);
    const a = await makeMember(ctx, B1);
    const v = await rec(ctx, { kind: '志愿服务', happenedOn: '2026-05-04', hours: '2.5', beneficiaries: 30, memberId: a.id, title: '清洁家园' });
    expect(v).toMatchObject({ orgCode: B1, kind: '志愿服务', status: '已办结', doneOn: '2026-05-04', minutes: 150, hours: '2.5', beneficiaries: 30, memberName: a.name });

    const s = await rec(ctx, { kind: '办实事', happenedOn: '2026-06-01', title: '修通村道', beneficiaries: 200 });
    expect(s).toMatchObject({ status: '办理中', doneOn: null, minutes: null });
    const done = await updateServiceRecord(ctx, s.id, { status: '已办结', doneOn: '2026-08-20' });
    expect(done).toMatchObject({ status: '已办结', doneOn: '2026-08-20' });
    const refused = await failure(updateServiceRecord(ctx, s.id, { status: '办理中' }));
    expect([refused.code, refused.issues[0]!.field]).toEqual(['FIELD_INVALID', 'reopen']);
    const reopened = await updateServiceRecord(ctx, s.id, { status: '办理中', reopen: true });
    expect(reopened).toMatchObject({ status: '办理中', doneOn: null });
    // A date done alone finishes a record in progress.
    expect(await updateServiceRecord(ctx, s.id, { doneOn: '2026-09-01' })).toMatchObject({ status: '已办结', doneOn: '2026-09-01' });

    const d = await rec(ctx, { kind: '矛盾纠纷化解', happenedOn: '2026-07-01', category: '劳资纠纷', status: '已办结', doneOn: '2026-07-03' });
    await rec(ctx, { kind: '社情民意', happenedOn: '2026-03-01', orgCode: B2 });

    const all = await findServiceRecords(ctx, { org: B1 });
    expect(all.items.map((r) => r.id)).toEqual([d.id, s.id, v.id]);
    expect((await findServiceRecords(ctx, { org: 'C', kind: '社情民意' })).total).toBe(1);
    expect((await findServiceRecords(ctx, { org: B1, status: '已办结', from: '2026-06-01', to: '2026-07-31' })).items.map((r) => r.id)).toEqual([d.id, s.id]);
    expect((await findServiceRecords(ctx, { memberId: a.id })).items.map((r) => r.id)).toEqual([v.id]);
    expect(await getServiceRecord(ctx, d.id)).toMatchObject({ category: '劳资纠纷' });

    await deleteServiceRecord(ctx, d.id);
    expect((await failure(getServiceRecord(ctx, d.id))).code).toBe('NOT_FOUND');
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'record_id', 'note']).where('record_type', '=', 'service_record').orderBy('id').execute();
    expect(audit.map((x) => `${x.action} ${x.record_id}`)).toEqual([
      `create ${v.id}`, `create ${s.id}`, `update ${s.id}`, `update ${s.id}`, `update ${s.id}`, `create ${d.id}`, `create ${d.id + 1}`, `delete ${d.id}`,
    ]);
    expect(audit[3]!.note).toContain('重新办理');
  });

  it('refuses bad records, naming the field, and writes nothing', async () => {
    const ctx = db.ctx;
    await county(ctx);
    const a = await makeMember(ctx, B1);
    const other = await makeMember(ctx, B2);
    const gone = await makeMember(ctx, B1);
    await leaveMember(ctx, gone.id, { reason: '死亡', leftOn: '2026-03-01' });
    const open = await rec(ctx, { kind: '办实事', happenedOn: '2026-06-01' });
    const b2Secretary = await asUser(ctx, await makeUser(ctx, 'b2-sec', ['secretary'], B2));
    const before = await snapshotTables(ctx);
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => rec(ctx, { kind: '送温暖' as '办实事', happenedOn: '2026-06-01' }), 'VALUE_NOT_ALLOWED', 'kind'],
      [() => rec(ctx, { kind: '办实事', happenedOn: '2026-06-01', status: '已完成' as '已办结', doneOn: '2026-06-02' }), 'VALUE_NOT_ALLOWED', 'status'],
      [() => rec(ctx, { kind: '办实事', happenedOn: '2026-06-01', status: '已办结', doneOn: '2026-05-31' }), 'DATE_ORDER_INVALID', 'doneOn'],
      [() => rec(ctx, { kind: '办实事', happenedOn: '2026-06-01', status: '已办结' }), 'FIELD_REQUIRED', 'doneOn'],
      [() => rec(ctx, { kind: '办实事', happenedOn: '2026-06-01', status: '已办结', doneOn: '2026-12-01' }), 'DATE_IN_FUTURE', 'doneOn'],
      [() => rec(ctx, { kind: '办实事', happenedOn: '2026-06-01', status: '办理中', doneOn: '2026-06-05' }), 'FIELD_INVALID', 'doneOn'],
      [() => rec(ctx, { kind: '办实事', happenedOn: '2026-06-01', hours: 2 }), 'FIELD_INVALID', 'hours'],
      [() => rec(ctx, { kind: '志愿服务', happenedOn: '2026-06-01', status: '办理中' }), 'VALUE_NOT_ALLOWED', 'status'],
      [() => rec(ctx, { kind: '志愿服务', happenedOn: '2026-11-24' }), 'DATE_IN_FUTURE', 'happenedOn'],
      [() => rec(ctx, { kind: '志愿服务', happenedOn: '2026-02-30' }), 'FIELD_INVALID', 'happenedOn'],
      [() => rec(ctx, { kind: '志愿服务', happenedOn: '2026-06-01', hours: '0' }), 'FIELD_INVALID', 'hours'],
      [() => rec(ctx, { kind: '志愿服务', happenedOn: '2026-06-01', hours: '1.234' }), 'FIELD_INVALID', 'hours'],
      [() => rec(ctx, { kind: '志愿服务', happenedOn: '2026-06-01', beneficiaries: -1 }), 'FIELD_INVALID', 'beneficiaries'],
      [() => rec(ctx, { kind: '志愿服务', happenedOn: '2026-06-01', title: ' ' }), 'FIELD_INVALID', 'title'],
      [() => rec(ctx, { kind: '志愿服务', happenedOn: '2026-06-01', orgCode: 'NOPE' }), 'ORG_NOT_FOUND', 'orgCode'],
      [() => rec(ctx, { kind: '志愿服务', happenedOn: '2026-06-01', memberId: 999_999 }), 'MEMBER_NOT_FOUND', 'memberId'],
      // A member of another branch: not in the record's organization.
      [() => rec(ctx, { kind: '志愿服务', happenedOn: '2026-06-01', memberId: other.id }), 'FIELD_INVALID', 'memberId'],
      [() => rec(ctx, { kind: '志愿服务', happenedOn: '2026-06-01', memberId: gone.id }), 'MEMBER_ALREADY_LEFT', 'memberId'],
      // Outside the caller's scope: the member is "not found", like a missing one; so is the organization.
      [() => rec(b2Secretary, { kind: '志愿服务', happenedOn: '2026-06-01', orgCode: B2, memberId: a.id }), 'MEMBER_NOT_FOUND', 'memberId'],
      [() => rec(b2Secretary, { kind: '志愿服务', happenedOn: '2026-06-01' }), 'ORG_NOT_FOUND', 'orgCode'],
      [() => updateServiceRecord(b2Secretary, open.id, { title: '改' }), 'NOT_FOUND', 'id'],
      [() => deleteServiceRecord(b2Secretary, open.id), 'NOT_FOUND', 'id'],
      [() => updateServiceRecord(ctx, open.id, { status: '已办结' }), 'FIELD_REQUIRED', 'doneOn'],
      [() => updateServiceRecord(ctx, open.id, { hours: 1 }), 'FIELD_INVALID', 'hours'],
      [() => updateServiceRecord(ctx, open.id, { happenedOn: '2027-01-01' }), 'DATE_IN_FUTURE', 'happenedOn'],
      [() => updateServiceRecord(ctx, 999_999, { title: '改' }), 'NOT_FOUND', 'id'],
      [() => findServiceRecords(ctx, { from: '2026-06-01', to: '2026-05-01' }), 'DATE_ORDER_INVALID', 'to'],
      [() => findServiceRecords(b2Secretary, { org: B1 }), 'ORG_NOT_FOUND', 'org'],
    ];
    for (const [p, code, field] of cases) {
      const e = await failure(p);
      expect({ code: e.code, fields: e.issues.map((i) => i.field) }, e.message).toEqual({ code, fields: expect.arrayContaining([field]) });
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await snapshotTables(ctx)).toEqual(before);
    // The other branch's secretary sees none of B1's records; a viewer above reads them but may not change them.
    expect((await findServiceRecords(b2Secretary)).total).toBe(0);
    const viewer = await asUser(ctx, await makeUser(ctx, 't1-viewer', ['viewer'], 'C.T1'));
    expect((await findServiceRecords(viewer, { org: B1 })).total).toBe(1);
    expect((await failure(updateServiceRecord(viewer, open.id, { title: '改' }))).code).toBe('PERMISSION_DENIED');
    expect((await failure(rec(viewer, { kind: '志愿服务', happenedOn: '2026-06-01' }))).code).toBe('PERMISSION_DENIED');
  });

  it('records reports to a community: the member’s branch sees them whole, the community sees who came and nothing personal', async () => {
    const ctx = db.ctx;
    await county(ctx);
    const a = await makeMember(ctx, B1);
    const b = await makeMember(ctx, B1);
    const local = await makeMember(ctx, `${S1}.B1`);
    const r1 = await reportToCommunity(ctx, { memberId: a.id, communityCode: S1, unitLevel: '县级', reportedOn: '2026-03-01', note: '家住幸福小区' });
    expect(r1).toMatchObject({ restricted: false, memberId: a.id, orgCode: B1, communityCode: S1, communityName: '幸福社区党委', unitLevel: '县级' });
    const r2 = await reportToCommunity(ctx, { memberId: b.id, communityName: '外县某社区', unitLevel: '乡镇（街道）级', reportedOn: '2026-04-01' });
    expect(r2).toMatchObject({ communityCode: null, communityName: '外县某社区' });
    await reportToCommunity(ctx, { memberId: local.id, communityCode: `${S1}.B1`, unitLevel: '村（社区）级', reportedOn: '2026-04-02' });

    const dup = await failure(reportToCommunity(ctx, { memberId: a.id, communityCode: S1, unitLevel: '县级', reportedOn: '2026-05-01' }));
    expect([dup.code, dup.kind]).toEqual(['SERVICE_DUPLICATE', 'conflict']);
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => reportToCommunity(ctx, { memberId: a.id, communityCode: B2, unitLevel: '县级', reportedOn: '2026-05-01' }), 'FIELD_INVALID', 'communityCode'],
      [() => reportToCommunity(ctx, { memberId: a.id, communityCode: 'NOPE', unitLevel: '县级', reportedOn: '2026-05-01' }), 'ORG_NOT_FOUND', 'communityCode'],
      [() => reportToCommunity(ctx, { memberId: a.id, unitLevel: '县级', reportedOn: '2026-05-01' }), 'FIELD_REQUIRED', 'communityName'],
      [() => reportToCommunity(ctx, { memberId: a.id, communityName: '某社区', unitLevel: '省部级' as '省级', reportedOn: '2026-05-01' }), 'VALUE_NOT_ALLOWED', 'unitLevel'],
      [() => reportToCommunity(ctx, { memberId: a.id, communityName: '某社区', unitLevel: '县级', reportedOn: '2026-12-01' }), 'DATE_IN_FUTURE', 'reportedOn'],
      [() => endCommunityReport(ctx, r1.id!, { endedOn: '2026-02-01' }), 'DATE_ORDER_INVALID', 'endedOn'],
    ];
    for (const [p, code, field] of cases) {
      const e = await failure(p);
      expect({ code: e.code, fields: e.issues.map((i) => i.field) }, e.message).toEqual({ code, fields: [field] });
    }

    const ended = await endCommunityReport(ctx, r2.id!, { endedOn: '2026-10-01' });
    expect(ended.endedOn).toBe('2026-10-01');
    expect((await failure(endCommunityReport(ctx, r2.id!, { endedOn: '2026-10-02' }))).code).toBe('SERVICE_ALREADY_ENDED');

    // The community's secretary: his own member in full, and B1's member by name and unit level only.
    const s1Secretary = await asUser(ctx, await makeUser(ctx, 's1-sec', ['org_admin'], S1));
    const seen = await findCommunityReports(s1Secretary);
    expect(seen.total).toBe(2);
    const outsider = seen.items.find((i) => i.restricted)!;
    expect(outsider).toEqual({
      id: null, restricted: true, memberId: null, name: a.name, orgCode: null, orgName: null, communityCode: S1, communityName: '幸福社区党委',
      unitLevel: '县级', reportedOn: '2026-03-01', endedOn: null, note: null,
    });
    expect(seen.items.find((i) => !i.restricted)!.memberId).toBe(local.id);
    // He cannot reach the outsider's record, nor find it by the member's number.
    expect((await failure(endCommunityReport(s1Secretary, r1.id!, { endedOn: '2026-10-01' }))).code).toBe('NOT_FOUND');
    expect((await findCommunityReports(s1Secretary, { memberId: a.id })).total).toBe(0);
    // B1's secretary sees his members' reports whole; B2's sees nothing.
    const b1Secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    const own = await findCommunityReports(b1Secretary, { active: true });
    expect(own.items.map((i) => [i.memberId, i.restricted, i.note])).toEqual([[a.id, false, '家住幸福小区']]);
    const b2Secretary = await asUser(ctx, await makeUser(ctx, 'b2-sec', ['secretary'], B2));
    expect((await findCommunityReports(b2Secretary)).total).toBe(0);
    expect((await failure(reportToCommunity(b2Secretary, { memberId: a.id, communityName: '某社区', unitLevel: '县级', reportedOn: '2026-05-01' }))).code).toBe(
      'MEMBER_NOT_FOUND',
    );
    // B1's secretary cannot name a community outside his scope by code: it is "not found"; by name it goes in.
    expect((await failure(reportToCommunity(b1Secretary, { memberId: b.id, communityCode: S1, unitLevel: '县级', reportedOn: '2026-05-01' }))).code).toBe(
      'ORG_NOT_FOUND',
    );
    expect((await reportToCommunity(b1Secretary, { memberId: b.id, communityName: '幸福社区', unitLevel: '县级', reportedOn: '2026-05-01' })).communityCode).toBeNull();
  });

  it('sets up teams, adds members and volunteers from the public, refuses a second entry, and records leaving', async () => {
    const ctx = db.ctx;
    await county(ctx);
    const a = await makeMember(ctx, B1);
    const b = await makeMember(ctx, B1);
    const team = await createServiceTeam(ctx, { orgCode: B1, kind: '志愿服务队', name: '红马甲志愿服务队', establishedOn: '2026-03-01' });
    expect(team).toMatchObject({ kind: '志愿服务队', headCount: 0 });
    const added = await addTeamPeople(ctx, team.id, { memberIds: [a.id, b.id], joinedOn: '2026-03-05' });
    expect(added.people.map((p) => [p.memberId, p.name])).toEqual([[a.id, a.name], [b.id, b.name]]);
    const withPublic = await addTeamPeople(ctx, team.id, { name: '张三', joinedOn: '2026-04-01' });
    expect(withPublic).toMatchObject({ headCount: 3, memberCount: 2, publicCount: 1 });
    expect(withPublic.people.at(-1)).toMatchObject({ memberId: null, isMember: false, name: '张三' });

    const b2Secretary = await asUser(ctx, await makeUser(ctx, 'b2-sec', ['secretary'], B2));
    const b2Team = await createServiceTeam(b2Secretary, { orgCode: B2, kind: '党员突击队', name: '突击队', establishedOn: '2026-03-01' });
    const before = await snapshotTables(ctx);
    const dupMember = await failure(addTeamPeople(ctx, team.id, { memberIds: [b.id], joinedOn: '2026-05-01' }));
    expect([dupMember.code, dupMember.kind, dupMember.issues[0]!.field]).toEqual(['SERVICE_DUPLICATE', 'conflict', 'memberIds']);
    expect((await failure(addTeamPeople(ctx, team.id, { name: '张三', joinedOn: '2026-05-01' }))).code).toBe('SERVICE_DUPLICATE');
    expect((await failure(addTeamPeople(ctx, team.id, { joinedOn: '2026-05-01' }))).code).toBe('FIELD_REQUIRED');
    expect((await failure(addTeamPeople(ctx, team.id, { name: '李四', joinedOn: '2026-02-01' }))).code).toBe('DATE_ORDER_INVALID');
    expect((await failure(addTeamPeople(ctx, team.id, { name: '李四', joinedOn: '2026-12-01' }))).code).toBe('DATE_IN_FUTURE');
    expect((await failure(addTeamPeople(ctx, 999_999, { name: '李四', joinedOn: '2026-05-01' }))).code).toBe('NOT_FOUND');
    expect((await failure(createServiceTeam(ctx, { orgCode: B1, kind: '先锋队' as '志愿服务队', name: 'x', establishedOn: '2026-03-01' }))).code).toBe('VALUE_NOT_ALLOWED');
    expect((await failure(createServiceTeam(ctx, { orgCode: B1, kind: '党员先锋岗', name: 'x', establishedOn: '2026-12-01' }))).code).toBe('DATE_IN_FUTURE');
    expect((await failure(createServiceTeam(ctx, { orgCode: B1, kind: '志愿服务队', name: '红马甲志愿服务队', establishedOn: '2026-03-01' }))).code).toBe('SERVICE_DUPLICATE');
    expect((await failure(addTeamPeople(b2Secretary, b2Team.id, { memberIds: [a.id], joinedOn: '2026-05-01' }))).code).toBe('MEMBER_NOT_FOUND');
    expect((await failure(getServiceTeam(b2Secretary, team.id))).code).toBe('NOT_FOUND');
    expect((await failure(removeTeamPeople(b2Secretary, team.id, { name: '张三', leftOn: '2026-05-01' }))).code).toBe('NOT_FOUND');
    expect(await snapshotTables(ctx)).toEqual(before);

    const after = await removeTeamPeople(ctx, team.id, { memberIds: [b.id], leftOn: '2026-06-30' });
    expect(after).toMatchObject({ headCount: 2, memberCount: 1, publicCount: 1 });
    expect(after.people.find((p) => p.memberId === b.id)!.leftOn).toBe('2026-06-30');
    expect((await failure(removeTeamPeople(ctx, team.id, { memberIds: [b.id], leftOn: '2026-07-01' }))).code).toBe('NOT_FOUND');
    // Having left, he may join again.
    await addTeamPeople(ctx, team.id, { memberIds: [b.id], joinedOn: '2026-08-01' });
    await createServiceTeam(ctx, { orgCode: B2, kind: '党员先锋岗', name: '先锋岗', establishedOn: '2026-04-01' });
    const list = await findServiceTeams(ctx, { org: 'C' });
    expect(list.items.map((t) => [t.name, t.headCount])).toEqual([['红马甲志愿服务队', 3], ['突击队', 0], ['先锋岗', 0]]);
    expect((await findServiceTeams(ctx, { org: B1, kind: '党员先锋岗' })).total).toBe(0);
  });

  it('sums up a member’s service for a year: records, volunteer hours, reports and teams', async () => {
    const ctx = db.ctx;
    await county(ctx);
    const a = await makeMember(ctx, B1);
    await rec(ctx, { kind: '志愿服务', happenedOn: '2026-01-10', hours: 2, memberId: a.id });
    await rec(ctx, { kind: '志愿服务', happenedOn: '2026-10-10', hours: '1.25', memberId: a.id });
    await rec(ctx, { kind: '志愿服务', happenedOn: '2025-12-31', hours: 8, memberId: a.id });
    await rec(ctx, { kind: '办实事', happenedOn: '2026-02-01', memberId: a.id });
    // Recorded by the township for the member: the branch's secretary does not see the township's record.
    await createServiceRecord(ctx, { orgCode: 'C.T1', kind: '志愿服务', title: '镇志愿服务', happenedOn: '2026-03-01', hours: 3, memberId: a.id });
    await reportToCommunity(ctx, { memberId: a.id, communityCode: S1, unitLevel: '县级', reportedOn: '2026-03-01' });
    const team = await createServiceTeam(ctx, { orgCode: B1, kind: '志愿服务队', name: '服务队', establishedOn: '2026-01-01' });
    await addTeamPeople(ctx, team.id, { memberIds: [a.id], joinedOn: '2026-01-02' });

    const summary = await memberService(ctx, a.id, { year: 2026 });
    expect(summary).toMatchObject({ name: a.name, year: 2026, volunteerMinutes: 375, volunteerHours: '6.3' });
    expect(summary.records.map((r) => r.happenedOn)).toEqual(['2026-01-10', '2026-02-01', '2026-03-01', '2026-10-10']);
    expect(summary.reports.map((r) => r.communityName)).toEqual(['幸福社区党委']);
    expect(summary.teams).toEqual([{ teamId: team.id, kind: '志愿服务队', name: '服务队', orgCode: B1, joinedOn: '2026-01-02', leftOn: null }]);
    expect((await memberService(ctx, a.id, { year: 2025 })).volunteerHours).toBe('8.0');
    const b1Secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    expect((await memberService(b1Secretary, a.id)).volunteerHours).toBe('3.3');
    const b2Secretary = await asUser(ctx, await makeUser(ctx, 'b2-sec', ['secretary'], B2));
    expect((await failure(memberService(b2Secretary, a.id))).code).toBe('MEMBER_NOT_FOUND');
  });

  it('figures a quarter from the records, each figure with the records counted', async () => {
    const ctx = db.ctx;
    await county(ctx);
    const a = await makeMember(ctx, B1);
    const b = await makeMember(ctx, B1);
    const c = await makeMember(ctx, B1);
    const e = await makeMember(ctx, B1);
    await makeMember(ctx, B1, { joinedOn: '2026-10-01', status: '预备党员', confirmedOn: null }); // not yet on the roll at the end of Q3
    const gone = await makeMember(ctx, B1);
    await rec(ctx, { kind: '志愿服务', happenedOn: '2026-02-01', memberId: gone.id });
    await leaveMember(ctx, gone.id, { reason: '死亡', leftOn: '2026-08-01' });

    const v1 = await rec(ctx, { kind: '志愿服务', happenedOn: '2026-07-05', hours: 2, beneficiaries: 10, memberId: a.id });
    const v2 = await rec(ctx, { kind: '志愿服务', happenedOn: '2026-09-30', hours: '1.5', beneficiaries: 5, memberId: b.id });
    await rec(ctx, { kind: '志愿服务', happenedOn: '2026-06-30', hours: 3, memberId: a.id });
    const v4 = await rec(ctx, { kind: '志愿服务', happenedOn: '2026-08-01', hours: 4, orgCode: B2 });
    const s1 = await rec(ctx, { kind: '办实事', happenedOn: '2026-06-01', doneOn: '2026-07-10' });
    const s2 = await rec(ctx, { kind: '办实事', happenedOn: '2026-08-01', doneOn: '2026-10-05', memberId: c.id });
    const s3 = await rec(ctx, { kind: '办实事', happenedOn: '2026-09-01' });
    await rec(ctx, { kind: '办实事', happenedOn: '2026-05-01', doneOn: '2026-06-15' });
    await rec(ctx, { kind: '办实事', happenedOn: '2026-10-02' });
    const o1 = await rec(ctx, { kind: '社情民意', happenedOn: '2026-07-15' });
    await rec(ctx, { kind: '社情民意', happenedOn: '2026-10-01' });
    const d1 = await rec(ctx, { kind: '矛盾纠纷化解', happenedOn: '2026-06-20', doneOn: '2026-07-02', category: '劳资纠纷' });
    const d2 = await rec(ctx, { kind: '矛盾纠纷化解', happenedOn: '2026-08-01', doneOn: '2026-08-03', category: '邻里纠纷' });
    await rec(ctx, { kind: '矛盾纠纷化解', happenedOn: '2026-09-20', category: '集访' });
    const d4 = await rec(ctx, { kind: '矛盾纠纷化解', happenedOn: '2026-09-21', doneOn: '2026-09-22', category: '集访', orgCode: B2 });

    const r1 = await reportToCommunity(ctx, { memberId: a.id, communityCode: S1, unitLevel: '县级', reportedOn: '2026-07-10' });
    await reportToCommunity(ctx, { memberId: b.id, communityName: '外区社区', unitLevel: '县级', reportedOn: '2026-05-01' });
    const r3 = await reportToCommunity(ctx, { memberId: c.id, communityName: '某社区', unitLevel: '县级', reportedOn: '2026-08-01' });
    await endCommunityReport(ctx, r3.id!, { endedOn: '2026-08-30' });
    const r4 = await reportToCommunity(ctx, { memberId: c.id, communityName: '另一社区', unitLevel: '县级', reportedOn: '2026-09-01' });

    const t1 = await createServiceTeam(ctx, { orgCode: B1, kind: '志愿服务队', name: '队一', establishedOn: '2026-07-01' });
    const t1a = await addTeamPeople(ctx, t1.id, { memberIds: [a.id, b.id], joinedOn: '2026-07-01' });
    const t1p = await addTeamPeople(ctx, t1.id, { name: '张三', joinedOn: '2026-08-01' });
    await removeTeamPeople(ctx, t1.id, { memberIds: [b.id], leftOn: '2026-09-01' });
    const t2 = await createServiceTeam(ctx, { orgCode: B1, kind: '党员突击队', name: '突击队', establishedOn: '2026-03-01' });
    await addTeamPeople(ctx, t2.id, { memberIds: [c.id], joinedOn: '2026-07-05' });
    const t3 = await createServiceTeam(ctx, { orgCode: B1, kind: '党员先锋岗', name: '先锋岗', establishedOn: '2026-08-08' });
    const t4 = await createServiceTeam(ctx, { orgCode: B1, kind: '志愿服务队', name: '老队', establishedOn: '2025-01-01' });
    await addTeamPeople(ctx, t4.id, { memberIds: [e.id], joinedOn: '2026-06-30' });
    const t4p = await addTeamPeople(ctx, t4.id, { name: '李四', joinedOn: '2026-09-09' });

    const entry = (team: { people: { entryId: number; name: string; memberId: number | null }[] }, who: string | number) =>
      team.people.find((p) => p.name === who || p.memberId === who)!.entryId;
    const f = await serviceFigures(ctx, { orgCode: B1, period: '2026Q3' });
    expect(f.org).toEqual({ code: B1, name: '测试村1党支部' });
    expect(f.period).toMatchObject({ label: '2026Q3', start: '2026-07-01', end: '2026-09-30' });
    const by = Object.fromEntries(f.figures.map((x) => [x.id, x]));
    const values = Object.fromEntries(f.figures.map((x) => [x.id, x.value]));
    // Counted by hand from the records above.
    expect(values).toEqual({
      volunteer_activities: 2,
      volunteer_service_hours: 3.5,
      volunteer_beneficiaries: 15,
      services_for_people: 1,
      services_in_progress: 2,
      public_opinion_items_collected: 1,
      disputes_resolved: 2,
      collective_petitions_handled: 1,
      members_reporting_to_community: 2,
      volunteer_teams: 1,
      volunteer_team_members: 2,
      vanguard_posts_established: 1,
      member_volunteers_recruited: 2,
      public_volunteers_recruited: 2,
      members_in_service: 3,
      member_service_rate: 75,
    });
    const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);
    expect(by.volunteer_activities!.evidence).toEqual({ table: 'service_records', ids: [v1.id, v2.id] });
    expect(by.services_for_people!.evidence.ids).toEqual([s1.id]);
    expect(by.services_in_progress!.evidence.ids).toEqual([s2.id, s3.id]);
    expect(by.public_opinion_items_collected!.evidence.ids).toEqual([o1.id]);
    expect(by.disputes_resolved!.evidence.ids).toEqual([d1.id, d2.id]);
    expect(by.collective_petitions_handled!.evidence.ids).toEqual([d1.id]);
    expect(by.collective_petitions_handled!.computation).toContain('集访或劳资纠纷');
    expect(by.members_reporting_to_community!.evidence).toEqual({ table: 'community_reports', ids: [r1.id, r3.id, r4.id] });
    expect(by.volunteer_teams!.evidence).toEqual({ table: 'service_teams', ids: [t1.id] });
    expect(by.vanguard_posts_established!.evidence.ids).toEqual([t3.id]);
    expect(by.volunteer_team_members!.evidence).toEqual({ table: 'service_team_members', ids: sorted([entry(t1a, a.id), entry(t1p, '张三')]) });
    expect(by.member_volunteers_recruited!.evidence.ids).toEqual(sorted([entry(t1a, a.id), entry(t1a, b.id)]));
    expect(by.public_volunteers_recruited!.evidence.ids).toEqual(sorted([entry(t1p, '张三'), entry(t4p, '李四')]));
    expect(by.members_in_service!.evidence.ids).toEqual([v1.id, v2.id, s2.id]);
    expect(by.member_service_rate!.unit).toBe('%');
    for (const x of f.figures) expect(x.label + x.computation).toMatch(/[\u4e00-\u9fff]/);

    // The township counts B2's records too; the community counts the member who reported to it.
    const town = Object.fromEntries((await serviceFigures(ctx, { orgCode: 'C.T1', period: '2026Q3' })).figures.map((x) => [x.id, x.value]));
    expect([town.volunteer_activities, town.volunteer_service_hours, town.disputes_resolved, town.collective_petitions_handled]).toEqual([3, 7.5, 3, 2]);
    expect(by.volunteer_activities!.evidence.ids).not.toContain(v4.id);
    expect((await serviceFigures(ctx, { orgCode: 'C.T1', period: '2026Q3' })).figures.find((x) => x.id === 'collective_petitions_handled')!.evidence.ids).toEqual([d1.id, d4.id]);
    const community = Object.fromEntries((await serviceFigures(ctx, { orgCode: S1, period: '2026' })).figures.map((x) => [x.id, x.value]));
    expect([community.members_reporting_to_community, community.member_service_rate]).toEqual([1, null]);
    // A month and a half-year.
    expect((await serviceFigures(ctx, { orgCode: B1, period: '2026-10' })).figures.find((x) => x.id === 'services_for_people')!.value).toBe(1);
    expect((await serviceFigures(ctx, { orgCode: B1, period: '2026H1' })).figures.find((x) => x.id === 'volunteer_activities')!.value).toBe(2);

    expect((await failure(serviceFigures(ctx, { orgCode: B1, period: '2026Q5' }))).code).toBe('FIELD_INVALID');
    const b2Secretary = await asUser(ctx, await makeUser(ctx, 'b2-sec', ['secretary'], B2));
    expect((await failure(serviceFigures(b2Secretary, { orgCode: B1, period: '2026' }))).code).toBe('ORG_NOT_FOUND');
    const all = Object.fromEntries((await serviceFigures(b2Secretary, { period: '2026Q3' })).figures.map((x) => [x.id, x.value]));
    expect([all.volunteer_activities, all.disputes_resolved]).toEqual([1, 1]);
  });

  it('figures in the same number of queries for 3 records and for 60', async () => {
    const ctx = db.ctx;
    await county(ctx);
    const counted = async (n: number, org: string) => {
      const m = await makeMember(ctx, org);
      for (let i = 0; i < n; i++) {
        await createServiceRecord(ctx, { orgCode: org, kind: i % 2 ? '志愿服务' : '办实事', title: `事项${i}`, happenedOn: '2026-05-01', memberId: m.id });
      }
      const team = await createServiceTeam(ctx, { orgCode: org, kind: '志愿服务队', name: `队${n}`, establishedOn: '2026-01-01' });
      for (let i = 0; i < n; i++) await addTeamPeople(ctx, team.id, { name: `群众${i}`, joinedOn: '2026-02-01' });
      const c = countingCtx(ctx);
      await serviceFigures(c.ctx, { orgCode: org, period: '2026' });
      return c.queries();
    };
    const small = await counted(3, B1);
    expect(await counted(60, B2)).toBe(small);
    expect(small).toBeLessThanOrEqual(6);
  });
});
