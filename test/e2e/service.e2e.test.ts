/**
 * Service records as people reach them: `dangjian service …` (the compiled program, both engines) on a small county
 * imported from a workbook, and the /api/service and /api/members/{id}/service routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type Engine } from '../helpers/test-db.js';
import { createCliDatabase, importCounty, memberRow, runCli as run, type CliDatabase } from '../helpers/cli-db.js';
import { expectError, logIn, useApi } from '../helpers/http.js';
import { TEST_PASSWORD, makeCounty, makeMember, makeOrg, makeUser } from '../factories.js';

const B1 = 'C.T1.B1';
const S1 = 'C.S1';

describe.each(ENGINES)('dangjian service on %s', (engine: Engine) => {
  let db = '';
  let cli: CliDatabase | undefined;
  let ids: Record<string, number> = {};

  beforeAll(async () => {
    cli = await createCliDatabase(engine, 'service');
    db = cli.db;
    ids = await importCounty(
      cli,
      {
        orgs: [
          { code: 'C', name: '中共测试县委员会', kind: '党委', sector: '机关', establishedOn: '1990-01-01' },
          { code: 'C.T1', name: '中共测试镇委员会', kind: '党委', sector: '农村', parentCode: 'C', establishedOn: '1990-01-01' },
          { code: B1, name: '中共测试镇一村支部委员会', kind: '党支部', sector: '农村', parentCode: 'C.T1', establishedOn: '2000-01-01' },
          { code: S1, name: '中共幸福社区委员会', kind: '党委', sector: '社区', parentCode: 'C', establishedOn: '2005-01-01' },
        ],
        members: [memberRow('一村甲', B1), memberRow('一村乙', B1), memberRow('一村丙', B1)],
      },
      [B1],
    );
  });

  afterAll(async () => {
    await cli?.drop();
  });

  it('records services, finishes one, reports to a community, sets up a team and prints the list and the figures', async () => {
    const add = await run(['--db', db, 'service', 'add', '--org', B1, '--kind', '志愿服务', '--title', '清洁家园', '--date', '2026-05-04', '--member', String(ids['一村甲']), '--hours', '2.5', '--beneficiaries', '30']);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain('已登记志愿服务：清洁家园');
    expect(add.stdout).toContain('2.5小时');
    const open = await run(['--db', db, '--json', 'service', 'add', '--org', B1, '--kind', '办实事', '--title', '修通村道', '--date', '2026-05-10']);
    expect(open.code, open.stderr).toBe(0);
    const openId = (JSON.parse(open.stdout) as { id: number; status: string }).id;
    expect(JSON.parse(open.stdout)).toMatchObject({ status: '办理中', doneOn: null });
    const done = await run(['--db', db, 'service', 'done', String(openId), '--on', '2026-06-01']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('已于2026-06-01办结');
    expect((await run(['--db', db, 'service', 'add', '--org', B1, '--kind', '矛盾纠纷化解', '--title', '工资纠纷', '--date', '2026-06-02', '--category', '劳资纠纷', '--done-on', '2026-06-05'])).code).toBe(0);

    const list = await run(['--db', db, 'service', 'list', '--org', B1, '--from', '2026-05-01', '--to', '2026-05-31']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('修通村道');
    expect(list.stdout).toContain('清洁家园');
    expect(list.stdout).not.toContain('工资纠纷');
    expect(list.stdout).toContain('共2条');
    const json = JSON.parse((await run(['--db', db, '--json', 'service', 'list', '--kind', '矛盾纠纷化解'])).stdout) as { total: number; items: { category: string }[] };
    expect(json).toMatchObject({ total: 1, items: [{ category: '劳资纠纷' }] });

    const report = await run(['--db', db, 'service', 'report', String(ids['一村乙']), '--community', S1, '--level', '县级', '--on', '2026-03-01']);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('到中共幸福社区委员会报到');
    const byName = await run(['--db', db, '--json', 'service', 'report', String(ids['一村丙']), '--community', '外县某社区', '--level', '乡镇（街道）级', '--on', '2026-03-02']);
    expect(byName.code, byName.stderr).toBe(0);
    expect(JSON.parse(byName.stdout)).toMatchObject({ communityCode: null, communityName: '外县某社区' });

    const team = await run(['--db', db, '--json', 'service', 'team', 'add', '--org', B1, '--kind', '志愿服务队', '--name', '红马甲志愿服务队', '--established', '2026-04-01']);
    expect(team.code, team.stderr).toBe(0);
    const teamId = (JSON.parse(team.stdout) as { id: number }).id;
    const join = await run(['--db', db, 'service', 'team', 'join', String(teamId), '--members', `${ids['一村甲']},${ids['一村乙']}`, '--on', '2026-04-02']);
    expect(join.code, join.stderr).toBe(0);
    expect(join.stdout).toContain('现有2人');
    expect((await run(['--db', db, 'service', 'team', 'join', String(teamId), '--name', '张三', '--on', '2026-04-03'])).code).toBe(0);
    const again = await run(['--db', db, '--json', 'service', 'team', 'join', String(teamId), '--members', String(ids['一村甲']), '--on', '2026-04-05']);
    expect(again.code).toBe(4);
    expect(JSON.parse(again.stdout)).toMatchObject({ error: { code: 'SERVICE_DUPLICATE', issues: [{ field: 'memberIds' }] } });
    const teams = await run(['--db', db, 'service', 'teams', '--org', 'C']);
    expect(teams.code, teams.stderr).toBe(0);
    expect(teams.stdout).toContain('红马甲志愿服务队');
    expect(teams.stdout).toContain('共1支');

    const figures = JSON.parse((await run(['--db', db, '--json', 'service', 'figures', '--org', B1, '--period', '2026Q2'])).stdout) as { figures: { id: string; value: number }[] };
    const values = Object.fromEntries(figures.figures.map((f) => [f.id, f.value]));
    expect(values).toMatchObject({
      volunteer_activities: 1,
      volunteer_service_hours: 2.5,
      volunteer_beneficiaries: 30,
      services_for_people: 1,
      disputes_resolved: 1,
      collective_petitions_handled: 1,
      volunteer_teams: 1,
      volunteer_team_members: 3,
      member_volunteers_recruited: 2,
      public_volunteers_recruited: 1,
      members_reporting_to_community: 0,
      members_in_service: 1,
    });
    const community = JSON.parse((await run(['--db', db, '--json', 'service', 'figures', '--org', S1, '--period', '2026'])).stdout) as { figures: { id: string; value: number }[] };
    expect(community.figures.find((f) => f.id === 'members_reporting_to_community')!.value).toBe(1);
    const text = await run(['--db', db, 'service', 'figures', '--org', B1, '--period', '2026Q2']);
    expect(text.stdout).toContain('2026年第二季度');
    expect(text.stdout).toContain('开展志愿服务活动');
  });

  it('refuses bad input with the right exit code, naming the option', async () => {
    const kind = await run(['--db', db, 'service', 'add', '--org', B1, '--kind', '送温暖', '--title', 'x', '--date', '2026-05-01']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('--kind');
    const hours = await run(['--db', db, '--json', 'service', 'add', '--org', B1, '--kind', '办实事', '--title', 'x', '--date', '2026-05-01', '--hours', '2']);
    expect(hours.code).toBe(2);
    expect(JSON.parse(hours.stdout)).toMatchObject({ error: { code: 'FIELD_INVALID', issues: [{ field: 'hours' }] } });
    const order = await run(['--db', db, '--json', 'service', 'add', '--org', B1, '--kind', '办实事', '--title', 'x', '--date', '2026-05-01', '--done-on', '2026-04-01']);
    expect(order.code).toBe(2);
    expect(JSON.parse(order.stdout)).toMatchObject({ error: { code: 'DATE_ORDER_INVALID' } });
    const future = await run(['--db', db, 'service', 'add', '--org', B1, '--kind', '志愿服务', '--title', 'x', '--date', '2999-01-01']);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('DATE_IN_FUTURE');
    expect((await run(['--db', db, 'service', 'add', '--org', 'NOPE', '--kind', '志愿服务', '--title', 'x', '--date', '2026-05-01'])).code).toBe(3);
    expect((await run(['--db', db, 'service', 'done', '999999', '--on', '2026-05-01'])).code).toBe(3);
    expect((await run(['--db', db, 'service', 'report', '999999', '--community', S1, '--level', '县级', '--on', '2026-05-01'])).code).toBe(3);
    const period = await run(['--db', db, 'service', 'figures', '--period', '2026Q9']);
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('统计期');
  });
});

describe.each(ENGINES)('the service API on %s', (engine: Engine) => {
  const api = useApi(engine);

  it('creates, changes, reads and deletes records; reports to a community; keeps teams; a member’s service; the figures', async () => {
    await makeCounty(api.ctx, 2);
    await makeOrg(api.ctx, { code: S1, name: '幸福社区党委', kind: '党委', sector: '社区', parentCode: 'C' });
    const a = await makeMember(api.ctx, B1);
    const b = await makeMember(api.ctx, B1);

    const created = await api.request('POST', '/api/service/records', { orgCode: B1, kind: '志愿服务', title: '义诊', happenedOn: '2026-07-01', hours: 3, memberId: a.id, beneficiaries: 40 });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: '已办结', doneOn: '2026-07-01', minutes: 180, hours: '3.0' });
    const matter = await api.request('POST', '/api/service/records', { orgCode: B1, kind: '办实事', title: '安装路灯', happenedOn: '2026-07-02' });
    expect(matter.statusCode, matter.body).toBe(201);
    const matterId = (matter.json() as { id: number }).id;
    const patched = await api.request('PATCH', `/api/service/records/${matterId}`, { status: '已办结', doneOn: '2026-08-01' });
    expect(patched.statusCode, patched.body).toBe(200);
    expectError(await api.request('PATCH', `/api/service/records/${matterId}`, { status: '办理中' }), 400, 'FIELD_INVALID', '重新办理');
    expect((await api.request('PATCH', `/api/service/records/${matterId}`, { status: '办理中', reopen: true })).json()).toMatchObject({ status: '办理中', doneOn: null });
    expectError(await api.request('POST', '/api/service/records', { orgCode: B1, kind: '办实事', title: 'x', happenedOn: '2026-07-02', hours: 1 }), 400, 'FIELD_INVALID', '服务时长');
    expectError(await api.request('POST', '/api/service/records', { orgCode: B1, kind: '走访', title: 'x', happenedOn: '2026-07-02' }), 400, 'VALUE_NOT_ALLOWED', '类别');
    expect((await api.request('POST', '/api/service/records', { orgCode: B1, kind: '办实事', title: 'x', happenedOn: '2026-07-02', extra: 1 })).statusCode).toBe(400);
    expect((await api.request('GET', `/api/service/records/${matterId}`)).json()).toMatchObject({ title: '安装路灯', status: '办理中' });
    const list = await api.request('GET', `/api/service/records?org=${B1}&kind=办实事&status=办理中`);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: matterId }] });
    const gone = await api.request('POST', '/api/service/records', { orgCode: B1, kind: '社情民意', title: '误录', happenedOn: '2026-07-03' });
    const goneId = (gone.json() as { id: number }).id;
    expect((await api.request('DELETE', `/api/service/records/${goneId}`)).json()).toEqual({ ok: true });
    expectError(await api.request('GET', `/api/service/records/${goneId}`), 404, 'NOT_FOUND');

    const report = await api.request('POST', '/api/service/community-reports', { memberId: b.id, communityCode: S1, unitLevel: '县级', reportedOn: '2026-07-05' });
    expect(report.statusCode, report.body).toBe(201);
    const reportId = (report.json() as { id: number }).id;
    expectError(await api.request('POST', '/api/service/community-reports', { memberId: b.id, communityCode: S1, unitLevel: '县级', reportedOn: '2026-07-06' }), 409, 'SERVICE_DUPLICATE');
    expectError(await api.request('POST', '/api/service/community-reports', { memberId: b.id, communityCode: B1, unitLevel: '县级', reportedOn: '2026-07-06' }), 400, 'FIELD_INVALID', '社区');

    const team = await api.request('POST', '/api/service/teams', { orgCode: B1, kind: '党员突击队', name: '防汛突击队', establishedOn: '2026-07-01' });
    expect(team.statusCode, team.body).toBe(201);
    const teamId = (team.json() as { id: number }).id;
    const joined = await api.request('POST', `/api/service/teams/${teamId}/members`, { memberIds: [a.id, b.id], joinedOn: '2026-07-01' });
    expect(joined.statusCode, joined.body).toBe(201);
    expectError(await api.request('POST', `/api/service/teams/${teamId}/members`, { memberIds: [a.id], joinedOn: '2026-07-02' }), 409, 'SERVICE_DUPLICATE');
    const left = await api.request('DELETE', `/api/service/teams/${teamId}/members`, { memberIds: [b.id], leftOn: '2026-08-01' });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json()).toMatchObject({ headCount: 1, people: [{ memberId: a.id, leftOn: null }, { memberId: b.id, leftOn: '2026-08-01' }] });
    expect((await api.request('GET', `/api/service/teams/${teamId}`)).json()).toMatchObject({ name: '防汛突击队', headCount: 1 });
    expect((await api.request('GET', '/api/service/teams?org=C')).json()).toMatchObject({ total: 1, items: [{ id: teamId, memberCount: 1 }] });

    const mine = await api.request('GET', `/api/members/${a.id}/service?year=2026`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ volunteerHours: '3.0', records: [{ title: '义诊' }], teams: [{ teamId, name: '防汛突击队' }] });

    const figures = await api.request('GET', `/api/service/figures?org=${B1}&period=2026Q3`);
    expect(figures.statusCode, figures.body).toBe(200);
    const values = Object.fromEntries((figures.json() as { figures: { id: string; value: number }[] }).figures.map((f) => [f.id, f.value]));
    expect(values).toMatchObject({ volunteer_activities: 1, volunteer_service_hours: 3, services_in_progress: 1, members_reporting_to_community: 1, volunteer_teams: 1, volunteer_team_members: 1, members_in_service: 1, member_service_rate: 50 });
    expectError(await api.request('GET', '/api/service/figures?org=NOPE&period=2026'), 404, 'ORG_NOT_FOUND');
    expectError(await api.request('GET', `/api/service/figures?org=${B1}&period=2026Q7`), 400, 'FIELD_INVALID', '统计期');

    // The community's administrator sees who reported to it, by name and unit level only; he cannot end the report.
    await makeUser(api.ctx, 's1-admin', ['org_admin'], S1);
    const headers = await logIn(api.app, 's1-admin', TEST_PASSWORD);
    const seen = await api.app.inject({ method: 'GET', url: '/api/service/community-reports', headers });
    expect(seen.json()).toEqual({
      total: 1,
      items: [{ id: null, restricted: true, memberId: null, name: b.name, orgCode: null, orgName: null, communityCode: S1, communityName: '幸福社区党委', unitLevel: '县级', reportedOn: '2026-07-05', endedOn: null, note: null }],
    });
    const end = await api.app.inject({ method: 'PATCH', url: `/api/service/community-reports/${reportId}`, headers, payload: { endedOn: '2026-09-01' } });
    expectError(end, 404, 'NOT_FOUND');
    const ended = await api.request('PATCH', `/api/service/community-reports/${reportId}`, { endedOn: '2026-09-01' });
    expect(ended.json()).toMatchObject({ endedOn: '2026-09-01' });
    expectError(await api.request('PATCH', `/api/service/community-reports/${reportId}`, { endedOn: '2026-09-02' }), 409, 'SERVICE_ALREADY_ENDED');
    expect((await api.request('GET', '/api/audit?record=service_record')).statusCode).toBe(200);
  });
});
