/**
 * Study and training as people reach them: `dangjian study …` and `dangjian training …` (the compiled program, both
 * engines) on a small county written through the services, and the /api/study, /api/trainings and
 * /api/members/{id}/study routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { SYSTEM_ACTOR } from '../../src/modules/access/actor.js';
import { updateMember } from '../../src/modules/members/update-member.js';
import { systemClock } from '../../src/shared/clock.js';
import { ENGINES, type Engine } from '../helpers/test-db.js';
import { createCliDatabase, runCli as run, type CliDatabase } from '../helpers/cli-db.js';
import { expectError, logIn, useApi } from '../helpers/http.js';
import { TEST_PASSWORD, makeCounty, makeMember, makeUser } from '../factories.js';

const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

describe.each(ENGINES)('dangjian study and training on %s', (engine: Engine) => {
  let db = '';
  let cli: CliDatabase | undefined;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    cli = await createCliDatabase(engine, 'study');
    db = cli.db;
    // The county, written through the services into the database the command will open.
    const config = loadConfig({ ...process.env, DANGJIAN_DATABASE_URL: '' }, { db });
    const handle = openDatabase(config.database);
    try {
      await migrateToLatest(handle.db);
      const ctx = { db: handle.db, clock: systemClock, actor: SYSTEM_ACTOR, vault: config.idNumberVault };
      await makeCounty(ctx, 2);
      ids.secretary = (await makeMember(ctx, B1, { name: '一村书记' })).id;
      ids.member = (await makeMember(ctx, B1, { name: '一村党员' })).id;
      ids.other = (await makeMember(ctx, B2, { name: '二村党员' })).id;
      await updateMember(ctx, ids.secretary, { partyPost: '书记' });
    } finally {
      await handle.close();
    }
  });

  afterAll(async () => {
    await cli?.drop();
  });

  it('records study with points and the daily cap, lists it and sums a member’s year', async () => {
    const first = await run(['--db', db, 'study', 'record', String(ids.member), '--date', '2026-03-02', '--kind', '集中学习', '--title', '学习党章', '--hours', '3', '--source', '支部']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('记入6分');
    const capped = await run(['--db', db, '--json', 'study', 'record', String(ids.member), '--date', '2026-03-02', '--kind', '自学', '--title', '读原著', '--hours', '2']);
    expect(capped.code, capped.stderr).toBe(0);
    expect(JSON.parse(capped.stdout)).toMatchObject({ pointsEarned: 4, points: 2, pointsCapped: 2, pointsToday: 8 });
    const text = await run(['--db', db, 'study', 'record', String(ids.member), '--date', '2026-03-02', '--kind', '读书', '--title', '晚读', '--hours', '1']);
    expect(text.stdout).toContain('超出每日上限8分未记入2分');

    const list = JSON.parse((await run(['--db', db, '--json', 'study', 'list', '--org', B1, '--from', '2026-03-01', '--to', '2026-03-31'])).stdout) as { total: number };
    expect(list.total).toBe(3);
    const byMember = await run(['--db', db, 'study', 'list', '--member', String(ids.member)]);
    expect(byMember.code, byMember.stderr).toBe(0);
    expect(byMember.stdout).toContain('学习党章');
    expect(byMember.stdout).toContain('共3条');

    const summary = await run(['--db', db, 'study', 'summary', String(ids.member), '--year', '2026']);
    expect(summary.code, summary.stderr).toBe(0);
    expect(summary.stdout).toContain('集中学习培训：3.0学时（应达32.0学时）');
    expect(summary.stdout).toContain('尚差29.0学时');
    expect(summary.stdout).toContain('学习积分：8分');
  });

  it('records a training and its attendance, shows it, and prints the figures and the ranking', async () => {
    const add = await run([
      '--db', db, '--json', 'training', 'add', '--org', 'C.T1', '--title', '2026年党员冬训', '--kind', '培训班', '--level', '乡镇（街道）级',
      '--audience', '全体党员', '--start', '2026-01-10', '--end', '2026-01-12', '--hours', '24', '--concentrated', '--subject', '乡村振兴',
    ]);
    expect(add.code, add.stderr).toBe(0);
    const training = JSON.parse(add.stdout) as { id: number; concentrated: boolean; hours: string };
    expect(training).toMatchObject({ concentrated: true, hours: '24.0' });
    const attend = await run(['--db', db, 'training', 'attend', String(training.id), '--members', `${ids.secretary},${ids.member}`]);
    expect(attend.code, attend.stderr).toBe(0);
    expect(attend.stdout).toContain('已登记参训2人');
    const again = await run(['--db', db, '--json', 'training', 'attend', String(training.id), '--members', String(ids.member)]);
    expect(again.code).toBe(4);
    expect(JSON.parse(again.stdout)).toMatchObject({ error: { code: 'TRAINING_ATTENDANCE_DUPLICATE', issues: [{ field: 'memberIds' }] } });

    const show = await run(['--db', db, 'training', 'show', String(training.id)]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('一村书记');
    expect(show.stdout).toContain('集中培训');
    const listed = await run(['--db', db, 'training', 'list', '--org', 'C', '--period', '2026']);
    expect(listed.stdout).toContain('2026年党员冬训');
    expect(listed.stdout).toContain('共1次培训');

    const secretary = JSON.parse((await run(['--db', db, '--json', 'study', 'summary', String(ids.secretary), '--year', '2026'])).stdout) as Record<string, unknown>;
    expect(secretary).toMatchObject({ partyPost: '书记', requiredHours: '56.0', concentratedHours: '24.0', concentratedTrainings: 1, shortfallHours: '32.0', met: false });

    const figures = await run(['--db', db, '--json', 'study', 'figures', '--org', 'C.T1', '--period', '2026']);
    expect(figures.code, figures.stderr).toBe(0);
    const values = Object.fromEntries((JSON.parse(figures.stdout) as { figures: { id: string; value: number | null }[] }).figures.map((f) => [f.id, f.value]));
    // On the roll: 3; attended: 2; concentrated hours 24 + 24 + 3 = 51 → 17.0 a head; points 8 → 2.7 a head.
    expect(values).toMatchObject({ trainings_held: 1, training_participant_times: 2, rural_revitalization_trainings: 1, training_coverage_rate: 66.7, training_hours_per_member: 17, study_points_per_member: 2.7, members_below_training_hours: 3 });
    const table = await run(['--db', db, 'study', 'figures', '--org', 'C.T1', '--period', '2026']);
    expect(table.stdout).toContain('党员参训覆盖率');
    expect(table.stdout).toContain('trainings_held');

    const ranking = await run(['--db', db, 'study', 'ranking', '--org', 'C.T1', '--period', '2026']);
    expect(ranking.code, ranking.stderr).toBe(0);
    expect(ranking.stdout).toContain('人均学习积分排名');
    const ranked = JSON.parse((await run(['--db', db, '--json', 'study', 'ranking', '--org', 'C.T1', '--period', '2026'])).stdout) as { items: { rank: number; orgCode: string; pointsPerMember: number }[] };
    expect(ranked.items.map((i) => [i.rank, i.orgCode, i.pointsPerMember])).toEqual([[1, B1, 4], [2, B2, 0]]);
  });

  it('refuses bad input with the right exit code, naming the option', async () => {
    const hours = await run(['--db', db, 'study', 'record', String(ids.member), '--date', '2026-03-03', '--kind', '自学', '--title', '学习', '--hours', '1.25']);
    expect(hours.code).toBe(2);
    expect(hours.stderr).toContain('--hours');
    const kind = await run(['--db', db, 'study', 'record', String(ids.member), '--date', '2026-03-03', '--kind', '刷视频', '--title', '学习', '--hours', '1']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('--kind');
    const order = await run([
      '--db', db, '--json', 'training', 'add', '--org', 'C.T1', '--title', '倒序', '--kind', '培训班', '--level', '县级', '--audience', '全体党员',
      '--start', '2026-05-02', '--end', '2026-05-01', '--hours', '2',
    ]);
    expect(order.code).toBe(2);
    expect(JSON.parse(order.stdout)).toMatchObject({ error: { code: 'DATE_ORDER_INVALID', issues: [{ field: 'endOn' }] } });
    expect((await run(['--db', db, 'study', 'record', '999999', '--date', '2026-03-03', '--kind', '自学', '--title', '学习', '--hours', '1'])).code).toBe(3);
    expect((await run(['--db', db, 'training', 'show', '999999'])).code).toBe(3);
    expect((await run(['--db', db, 'study', 'figures', '--org', 'NOPE', '--period', '2026'])).code).toBe(3);
    const period = await run(['--db', db, 'study', 'figures', '--period', '2026Q5']);
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('统计期');
  });
});

describe.each(ENGINES)('the study and training API on %s', (engine: Engine) => {
  const api = useApi(engine);

  it('records study, trainings and attendance, and reads lists, a member’s year, the figures and the ranking', async () => {
    await makeCounty(api.ctx, 2);
    const a = await makeMember(api.ctx, B1);
    const b = await makeMember(api.ctx, B2);
    const rec = await api.request('POST', '/api/study/records', { memberId: a.id, studiedOn: '2026-04-01', kind: '网络培训', title: '网络学院课程', hours: '1.5' });
    expect(rec.statusCode, rec.body).toBe(201);
    expect(rec.json()).toMatchObject({ minutes: 90, hours: '1.5', points: 3, pointsCapped: 0 });
    const big = await api.request('POST', '/api/study/records', { memberId: a.id, studiedOn: '2026-04-01', kind: '集中学习', title: '集中学习', hours: 6 });
    expect(big.json()).toMatchObject({ pointsEarned: 12, points: 5, pointsCapped: 7 });
    expectError(await api.request('POST', '/api/study/records', { memberId: a.id, studiedOn: '2026-04-02', kind: '自学', title: '学习', hours: '-1' }), 400, 'FIELD_INVALID', '学时');
    expectError(await api.request('POST', '/api/study/records', { memberId: a.id, studiedOn: '2026-04-02', kind: '刷视频', title: '学习', hours: '1' }), 400, 'VALUE_NOT_ALLOWED', '类别');
    expectError(await api.request('POST', '/api/study/records', { memberId: 999_999, studiedOn: '2026-04-02', kind: '自学', title: '学习', hours: '1' }), 404, 'MEMBER_NOT_FOUND');

    const list = await api.request('GET', `/api/study/records?org=${B1}&kind=网络培训`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ title: '网络学院课程', memberId: a.id }] });

    const created = await api.request('POST', '/api/trainings', {
      orgCode: 'C.T1', title: '两委干部培训班', kind: '培训班', level: '乡镇（街道）级', audience: '村（社区）“两委”成员', startOn: '2026-05-10', endOn: '2026-05-12',
      hours: '24', concentrated: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const t = created.json() as { id: number };
    expectError(
      await api.request('POST', '/api/trainings', { orgCode: 'C.T1', title: '倒序', kind: '培训班', level: '县级', audience: '全体党员', startOn: '2026-05-12', endOn: '2026-05-10', hours: '2' }),
      400, 'DATE_ORDER_INVALID', '结束日期',
    );
    const attended = await api.request('POST', `/api/trainings/${t.id}/attendance`, { memberIds: [a.id, b.id] });
    expect(attended.statusCode, attended.body).toBe(200);
    expect(attended.json()).toMatchObject({ attendees: 2, attendance: [{ memberId: a.id, hours: '24.0', completed: true }, { memberId: b.id }] });
    expectError(await api.request('POST', `/api/trainings/${t.id}/attendance`, { memberIds: [b.id] }), 409, 'TRAINING_ATTENDANCE_DUPLICATE', '已登记');
    const removed = await api.request('DELETE', `/api/trainings/${t.id}/attendance/${b.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ attendees: 1 });
    expectError(await api.request('DELETE', `/api/trainings/${t.id}/attendance`, { memberIds: [b.id] }), 404, 'TRAINING_ATTENDANCE_NOT_FOUND');
    const patched = await api.request('PATCH', `/api/trainings/${t.id}`, { subject: '乡村振兴', title: '两委干部专题培训班' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await api.request('GET', `/api/trainings/${t.id}`)).json()).toMatchObject({ title: '两委干部专题培训班', subject: '乡村振兴', attendance: [{ memberId: a.id }] });
    expect((await api.request('GET', `/api/trainings?org=C&period=2026&audience=${encodeURIComponent('村（社区）“两委”成员')}`)).json()).toMatchObject({ total: 1 });
    expectError(await api.request('GET', '/api/trainings/999999'), 404, 'TRAINING_NOT_FOUND');

    const year = await api.request('GET', `/api/members/${a.id}/study?year=2026`);
    expect(year.statusCode, year.body).toBe(200);
    expect(year.json()).toMatchObject({ concentratedHours: '31.5', requiredHours: '32.0', shortfallHours: '0.5', points: 8, met: false, trainings: [{ trainingId: t.id }] });

    const figures = await api.request('GET', '/api/study/figures?org=C.T1&period=2026');
    expect(figures.statusCode, figures.body).toBe(200);
    const values = Object.fromEntries((figures.json() as { figures: { id: string; value: number }[] }).figures.map((f) => [f.id, f.value]));
    expect(values).toMatchObject({ trainings_held: 1, village_cadre_training_sessions: 1, village_cadre_training_classes: 1, training_participant_times: 1, training_coverage_rate: 50 });
    expectError(await api.request('GET', '/api/study/figures?org=C.T1&period=2026Q9'), 400, 'FIELD_INVALID', '统计期');
    const ranking = await api.request('GET', '/api/study/ranking?org=C.T1&period=2026&level=branches');
    expect(ranking.statusCode, ranking.body).toBe(200);
    expect(ranking.json()).toMatchObject({ level: 'branches', items: [{ rank: 1, orgCode: B1, pointsPerMember: 8 }, { rank: 2, orgCode: B2, pointsPerMember: 0 }] });

    const del = await api.request('DELETE', `/api/study/records/${(rec.json() as { id: number }).id}`);
    expect(del.statusCode, del.body).toBe(200);
    expectError(await api.request('DELETE', `/api/study/records/${(rec.json() as { id: number }).id}`), 404, 'STUDY_RECORD_NOT_FOUND');
  });

  it('answers a branch secretary about another branch as about a missing record', async () => {
    await makeCounty(api.ctx, 2);
    const other = await makeMember(api.ctx, B2);
    await makeUser(api.ctx, 'study-sec-b1', ['secretary'], B1);
    const headers = await logIn(api.app, 'study-sec-b1', TEST_PASSWORD);
    const send = (method: 'GET' | 'POST', url: string, body?: object) => api.app.inject({ method, url, headers, ...(body && { payload: body }) });
    expectError(await send('POST', '/api/study/records', { memberId: other.id, studiedOn: '2026-04-02', kind: '自学', title: '学习', hours: '1' }), 404, 'MEMBER_NOT_FOUND');
    expectError(await send('GET', `/api/members/${other.id}/study`), 404, 'MEMBER_NOT_FOUND');
    expectError(await send('GET', `/api/study/figures?org=${B2}&period=2026`), 404, 'ORG_NOT_FOUND');
    expectError(
      await send('POST', '/api/trainings', { orgCode: B2, title: '越权', kind: '培训班', level: '村（社区）级', audience: '全体党员', startOn: '2026-05-10', endOn: '2026-05-10', hours: '2' }),
      404, 'ORG_NOT_FOUND',
    );
    const own = await send('POST', '/api/trainings', { orgCode: B1, title: '支部党课', kind: '专题讲座', level: '村（社区）级', audience: '全体党员', startOn: '2026-05-10', endOn: '2026-05-10', hours: '2' });
    expect(own.statusCode, own.body).toBe(201);
    expectError(await send('POST', `/api/trainings/${(own.json() as { id: number }).id}/attendance`, { memberIds: [other.id] }), 404, 'MEMBER_NOT_FOUND');
  });
});
