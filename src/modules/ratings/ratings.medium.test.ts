import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { codeOf, failure } from '../../../test/helpers/errors.js';
import { snapshotTables } from '../../../test/helpers/db-snapshot.js';
import { countingCtx } from '../../../test/helpers/query-counter.js';
import { asUser, makeCounty, makeOrg, makeUser } from '../../../test/factories.js';
import { assessRating } from './assess-rating.js';
import { CENTRAL_SCHEME_CODE, STAR_SCHEME_CODE } from './builtin-schemes.js';
import { decideRating } from './decide-rating.js';
import { findDesignations } from './find-designations.js';
import { findRatings } from './find-ratings.js';
import { findWeakCases } from './find-weak-cases.js';
import { openWeakCase } from './open-weak-case.js';
import { ratingBreakdown, ratingFigures } from './rating-figures.js';
import { getRating } from './rating-records.js';
import { createRatingScheme, getRatingScheme, listRatingSchemes, updateRatingScheme } from './rating-schemes.js';
import { recordDesignation } from './record-designation.js';
import { revokeDesignation } from './revoke-designation.js';
import { stepWeakCase } from './step-weak-case.js';
import { updateRating } from './update-rating.js';
import type { SchemeInput } from './ratings.schema.js';

// Today in these tests is 2026-11-23 (TEST_TODAY). County C → town C.T1 → branches C.T1.B1 … B3.
const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';
const B3 = 'C.T1.B3';

/** Central-pattern scores adding up to `total` (leader 20, approach 10, rules 15, venue 10, support 10, performance 20, public 15). */
function centralScores(total: number): Record<string, number> {
  const lost = 100 - total;
  return { 党组织带头人: 20, 工作思路: 10, 工作制度: 15, 活动阵地: 10, 保障机制: 10, 工作业绩: 20 - lost, 群众评价: 15 };
}
/** Star-scheme scores adding up to `total` (out of 110). */
function starScores(total: number): Record<string, number> {
  const scores: Record<string, number> = { team: 15, members: 15, orglife: 15, rules: 10, venue: 10, service: 15, development: 15, innovation: 15 };
  let lost = 110 - total;
  for (const k of Object.keys(scores).reverse()) {
    const cut = Math.min(scores[k]!, lost);
    scores[k] = scores[k]! - cut;
    lost -= cut;
  }
  return scores;
}

const customScheme: SchemeInput = {
  code: 'county-2026',
  name: '本县分类定级',
  kind: '分类定级',
  config: {
    total: 50,
    indicators: [{ key: 'team', name: '班子', max: 30 }, { key: 'work', name: '工作', max: 20 }],
    bands: [{ grade: '先进', min: 45 }, { grade: '一般', min: 30 }, { grade: '后进', min: 0 }],
    vetoes: [{ key: 'incident', text: '发生重大群体性事件', capAt: '后进' }],
  },
};

describe.each(ENGINES)('ratings on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  async function people(ctx: Ctx) {
    return {
      b1Secretary: await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1)),
      b1Admin: await asUser(ctx, await makeUser(ctx, 'b1-admin', ['org_admin'], B1)),
      b2Secretary: await asUser(ctx, await makeUser(ctx, 'b2-sec', ['secretary'], B2)),
      townAdmin: await asUser(ctx, await makeUser(ctx, 't1-admin', ['org_admin'], 'C.T1')),
      townSecretary: await asUser(ctx, await makeUser(ctx, 't1-sec', ['secretary'], 'C.T1')),
      townViewer: await asUser(ctx, await makeUser(ctx, 't1-view', ['viewer'], 'C.T1')),
      admin: await asUser(ctx, await makeUser(ctx, 'sys-admin', ['admin'], null)),
    };
  }

  it('lists the builtin schemes with the deployment’s own; only an administrator sets schemes, validated and audited', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const p = await people(ctx);
    expect((await listRatingSchemes(p.b1Secretary)).map((s) => [s.code, s.builtin])).toEqual([[CENTRAL_SCHEME_CODE, true], [STAR_SCHEME_CODE, true]]);
    expect(await codeOf(createRatingScheme(p.townAdmin, customScheme))).toBe('PERMISSION_DENIED');
    const created = await createRatingScheme(p.admin, customScheme);
    expect(created).toMatchObject({ code: 'county-2026', builtin: false, config: { total: 50, quotas: [], conditions: [] } });
    expect((await listRatingSchemes(ctx)).map((s) => s.code)).toEqual([CENTRAL_SCHEME_CODE, STAR_SCHEME_CODE, 'county-2026']);
    expect(await codeOf(createRatingScheme(p.admin, customScheme))).toBe('RATING_SCHEME_CODE_TAKEN');
    expect(await codeOf(createRatingScheme(p.admin, { ...customScheme, code: CENTRAL_SCHEME_CODE }))).toBe('RATING_SCHEME_CODE_TAKEN');
    const bad = await failure(createRatingScheme(p.admin, { ...customScheme, code: 'bad', config: { ...customScheme.config, total: 60 } }));
    expect(bad.issues.map((i) => [i.field, i.message])).toEqual([['config.indicators', '评价指标：各项分值合计50，与总分60不一致']]);
    expect(await codeOf(updateRatingScheme(p.admin, CENTRAL_SCHEME_CODE, { name: '改名' }))).toBe('RATING_SCHEME_BUILTIN');
    expect(await codeOf(getRatingScheme(ctx, 'missing'))).toBe('RATING_SCHEME_NOT_FOUND');
    const renamed = await updateRatingScheme(p.admin, 'county-2026', { name: '本县分类定级（修订）' });
    expect(renamed.name).toBe('本县分类定级（修订）');
    // A grade used by a rating cannot be removed from the scheme.
    await assessRating(ctx, { orgCode: B1, year: 2025, schemeCode: 'county-2026', scores: { 班子: 28, 工作: 19 } });
    const used = await failure(
      updateRatingScheme(p.admin, 'county-2026', { config: { ...customScheme.config, bands: [{ grade: '一般', min: 30 }, { grade: '后进', min: 0 }] } }),
    );
    expect(used.message).toBe('评定方案“county-2026”已有评定记录使用等次“先进”，不能删除');
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'record_type']).where('record_type', '=', 'rating_scheme').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('records a self-assessment with its computed grade, corrects it, and only a superior decides', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const p = await people(ctx);
    const r = await assessRating(p.b1Secretary, {
      orgCode: B1, year: 2025, schemeCode: CENTRAL_SCHEME_CODE, scores: centralScores(93), memberScore: 91, publicSatisfaction: 85, note: '支部自评',
    });
    expect(r).toMatchObject({
      orgCode: B1, year: 2025, schemeCode: CENTRAL_SCHEME_CODE, schemeKind: '分类定级', selfScore: 93, selfGrade: '一般', memberScore: 91,
      publicSatisfaction: 85, computedGrade: '一般', finalGrade: null, status: '待评定', note: '支部自评',
    });
    expect(r.gradeReasons).toEqual(['群众满意率85%低于90%（群众满意率低于90%的不能定为好、较好），由好降为一般']);
    expect(r.selfScores[0]).toEqual({ key: 'leader', name: '党组织带头人', max: 20, score: 20 });
    expect(await codeOf(assessRating(p.b1Secretary, { orgCode: B1, year: 2025, schemeCode: CENTRAL_SCHEME_CODE, scores: centralScores(80) }))).toBe('RATING_DUPLICATE');
    expect(await codeOf(assessRating(p.b2Secretary, { orgCode: B1, year: 2024, schemeCode: CENTRAL_SCHEME_CODE, scores: centralScores(80) }))).toBe('ORG_NOT_FOUND');
    expect(await codeOf(assessRating(p.townViewer, { orgCode: B1, year: 2024, schemeCode: CENTRAL_SCHEME_CODE, scores: centralScores(80) }))).toBe('PERMISSION_DENIED');
    const missing = await failure(assessRating(ctx, { orgCode: B1, year: 2024, schemeCode: CENTRAL_SCHEME_CODE, scores: { 党组织带头人: 18 } }));
    expect(missing.code).toBe('FIELD_REQUIRED');
    expect(await codeOf(assessRating(ctx, { orgCode: B1, year: 2024, schemeCode: 'nope', scores: {} }))).toBe('RATING_SCHEME_NOT_FOUND');

    const corrected = await updateRating(p.b1Secretary, r.id, { publicSatisfaction: 95 });
    expect(corrected).toMatchObject({ selfScore: 93, selfGrade: '好', gradeReasons: [] });

    // Who decides: a writer of an organization above B1 — not B1's own, not a viewer, not a sibling.
    expect(await codeOf(decideRating(p.b1Secretary, r.id, {}))).toBe('PERMISSION_DENIED');
    expect(await codeOf(decideRating(p.b1Admin, r.id, {}))).toBe('PERMISSION_DENIED');
    expect(await codeOf(decideRating(p.townViewer, r.id, {}))).toBe('PERMISSION_DENIED');
    expect(await codeOf(decideRating(p.b2Secretary, r.id, {}))).toBe('RATING_NOT_FOUND');
    // A grade other than the computed one needs a note.
    const noNote = await failure(decideRating(p.townAdmin, r.id, { grade: '较好' }));
    expect(noNote.issues[0]).toMatchObject({ code: 'FIELD_REQUIRED', field: 'note' });
    const decided = await decideRating(p.townSecretary, r.id, { finalScore: 88, decidedOn: '2026-02-10' });
    expect(decided).toMatchObject({ finalScore: 88, finalGrade: '较好', computedGrade: '较好', decidedOn: '2026-02-10', decidedBy: 't1-sec', status: '已评定', quotaWarnings: [] });
    expect(await codeOf(updateRating(p.b1Secretary, r.id, { memberScore: 80 }))).toBe('RATING_ALREADY_DECIDED');
    const redecided = await decideRating(p.townAdmin, r.id, { grade: '一般', note: '年内发生信访事项' });
    expect(redecided).toMatchObject({ finalScore: 93, finalGrade: '一般', computedGrade: '好', note: '支部自评；评定意见：年内发生信访事项' });
    expect(await getRating(p.b1Secretary, r.id)).toMatchObject({ finalGrade: '一般' });
    expect(await codeOf(getRating(p.b2Secretary, r.id))).toBe('RATING_NOT_FOUND');
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'note']).where('record_type', '=', 'rating').orderBy('id').execute();
    expect(audit.map((a) => `${a.action} ${a.note ?? ''}`)).toEqual(['create ', 'update ', 'update 上级评定', 'update 重新评定']);
  });

  it('warns, without refusing, when a superior’s decisions exceed a grade’s quota', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 3);
    const p = await people(ctx);
    const ids = [];
    for (const code of [B1, B2, B3]) {
      const r = await assessRating(ctx, { orgCode: code, year: 2025, schemeCode: STAR_SCHEME_CODE, scores: starScores(95), items: ['innovation_project'] });
      expect(r.selfGrade).toBe('五星');
      ids.push(r.id);
    }
    // Without the 党建创新项目 the computed grade is 四星.
    expect((await decideRating(p.townAdmin, ids[2]!, { items: [] })).finalGrade).toBe('四星');
    const first = await decideRating(p.townAdmin, ids[0]!, {});
    expect(first.finalGrade).toBe('五星');
    expect(first.quotaWarnings).toEqual([
      '中共测试镇委员会范围内2025年评定为五星的1个，占已评定2个的50%，超过比例上限10%',
      '中共测试镇委员会范围内2025年评定为四星的1个，占已评定2个的50%，超过比例上限30%',
    ]);
    const page = await findRatings(p.townViewer, { year: 2025, scheme: STAR_SCHEME_CODE });
    expect(page.total).toBe(3);
    expect(page.quotas.map((q) => [q.grade, q.count, q.decided, q.exceeded])).toEqual([['五星', 1, 2, true], ['四星', 1, 2, true], ['三星', 0, 2, false]]);
    expect((await findRatings(p.townViewer, { decided: false })).items.map((r) => r.orgCode)).toEqual([B2]);
    expect((await findRatings(p.b1Secretary, {})).items.map((r) => r.orgCode)).toEqual([B1]);
    expect(await codeOf(findRatings(p.b1Secretary, { org: B2 }))).toBe('ORG_NOT_FOUND');
    const breakdown = await ratingBreakdown(p.townViewer, { year: 2025 });
    expect(breakdown.schemes).toEqual([
      { code: STAR_SCHEME_CODE, name: '五星创评（星级管理）', kind: '星级', grades: [{ grade: '五星', count: 1 }, { grade: '四星', count: 1 }], decided: 2, pending: 1 },
    ]);
  });

  it('tracks a 软弱涣散 case: flagged, judged and planned by the superior, revised by the branch, closed by the superior', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const p = await people(ctx);
    const reasons = [{ code: 'org_life.missed', text: '全年未按期召开支部党员大会' }, { code: 'secretary.vacant', text: '书记空缺超过3个月' }];
    const c = await openWeakCase(p.b1Secretary, { orgCode: B1, year: 2026, source: '数据提示', reasons, flaggedOn: '2026-10-08' });
    expect(c).toMatchObject({ orgCode: B1, year: 2026, source: '数据提示', reasons, flaggedOn: '2026-10-08', status: '待研判', overdue: false });
    expect(await codeOf(openWeakCase(ctx, { orgCode: B1, year: 2026, source: '上级认定', reasons }))).toBe('WEAK_CASE_EXISTS');
    expect(await codeOf(openWeakCase(p.b2Secretary, { orgCode: B1, year: 2026, source: '自查', reasons }))).toBe('ORG_NOT_FOUND');

    expect(await codeOf(stepWeakCase(p.b1Secretary, c.id, { step: 'plan', plan: '整顿方案', leaderName: '张书记', deadline: '2027-03-31' }))).toBe('PERMISSION_DENIED');
    const noDeadline = await failure(stepWeakCase(p.townAdmin, c.id, { step: 'plan', plan: '整顿方案', leaderName: '张书记' }));
    expect(noDeadline.issues.map((i) => [i.code, i.field])).toEqual([['FIELD_REQUIRED', 'deadline']]);
    const planned = await stepWeakCase(p.townAdmin, c.id, { step: 'plan', plan: '选优配强书记，规范三会一课', leaderName: '张书记', deadline: '2026-11-30' });
    expect(planned).toMatchObject({ status: '整顿中', leaderName: '张书记', deadline: '2026-11-30', overdue: false });
    const revised = await stepWeakCase(p.b1Secretary, c.id, { step: 'plan', deadline: '2026-11-20' });
    expect(revised).toMatchObject({ status: '整顿中', plan: '选优配强书记，规范三会一课', deadline: '2026-11-20', overdue: true });
    expect(await codeOf(stepWeakCase(p.b1Secretary, c.id, { step: 'close' }))).toBe('PERMISSION_DENIED');
    expect(await codeOf(stepWeakCase(p.townAdmin, c.id, { step: 'dismiss', note: '不属实' }))).toBe('WEAK_CASE_STEP_ORDER');
    expect(await codeOf(stepWeakCase(p.townAdmin, c.id, { step: 'close', closedOn: '2026-12-01' }))).toBe('DATE_IN_FUTURE');
    const closed = await stepWeakCase(p.townSecretary, c.id, { step: 'close', closedOn: '2026-11-22', note: '经验收达标' });
    expect(closed).toMatchObject({ status: '已销号', closedOn: '2026-11-22', closedBy: 't1-sec', overdue: false, note: '经验收达标' });
    expect(await codeOf(stepWeakCase(p.townAdmin, c.id, { step: 'close' }))).toBe('WEAK_CASE_STEP_ORDER');

    // A new case the same year once the first is closed; dismissed with a reason.
    const again = await openWeakCase(ctx, { orgCode: B1, year: 2026, source: '上级认定', reasons: [{ code: '其他', text: '群众反映强烈' }] });
    expect(await codeOf(stepWeakCase(p.townAdmin, again.id, { step: 'dismiss' }))).toBe('FIELD_REQUIRED');
    expect(await stepWeakCase(p.townAdmin, again.id, { step: 'dismiss', note: '经核实不属实' })).toMatchObject({ status: '不予认定', note: '不予认定：经核实不属实' });

    const list = await findWeakCases(p.townViewer, { year: 2026, status: '已销号' });
    expect(list.items.map((w) => w.id)).toEqual([c.id]);
    expect((await findWeakCases(p.b2Secretary, {})).total).toBe(0);
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'note']).where('record_type', '=', 'weak_org_case').orderBy('id').execute();
    expect(audit.map((a) => `${a.action} ${a.note ?? ''}`)).toEqual(['create ', 'update 整顿方案', 'update 整顿方案', 'update 销号', 'create ', 'update 不予认定']);
  });

  it('records and revokes designations; bad input writes nothing', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const p = await people(ctx);
    const before = await snapshotTables(ctx);
    expect(await codeOf(recordDesignation(ctx, { orgCode: B1, title: '示范党支部', kind: '示范党支部', action: '命名', level: '县级', designatedOn: '2027-01-01' }))).toBe('DATE_IN_FUTURE');
    expect(await codeOf(recordDesignation(p.townViewer, { orgCode: B1, title: '示范党支部', kind: '示范党支部', action: '命名', level: '县级', designatedOn: '2026-01-01' }))).toBe('PERMISSION_DENIED');
    expect(await codeOf(recordDesignation(ctx, { orgCode: B1, title: '示范党支部', kind: '样板' as never, action: '命名', level: '县级', designatedOn: '2026-01-01' }))).toBe('VALUE_NOT_ALLOWED');
    expect(await snapshotTables(ctx)).toEqual(before);
    const d = await recordDesignation(p.b1Secretary, { orgCode: B1, title: '县级示范党支部', kind: '示范党支部', action: '命名', level: '县级', designatedOn: '2026-07-01' });
    expect(d).toMatchObject({ orgCode: B1, status: '有效', revokedOn: null });
    expect(await codeOf(revokeDesignation(ctx, d.id, { revokedOn: '2026-06-01' }))).toBe('DATE_ORDER_INVALID');
    const revoked = await revokeDesignation(ctx, d.id, { revokedOn: '2026-10-01', reason: '发生违纪问题' });
    expect(revoked).toMatchObject({ status: '已撤销', revokedOn: '2026-10-01', note: '撤销原因：发生违纪问题' });
    expect(await codeOf(revokeDesignation(ctx, d.id, { revokedOn: '2026-10-02' }))).toBe('DESIGNATION_ALREADY_REVOKED');
    expect(await codeOf(revokeDesignation(p.b2Secretary, d.id, { revokedOn: '2026-10-02' }))).toBe('DESIGNATION_NOT_FOUND');
    expect((await findDesignations(p.townViewer, { active: true })).total).toBe(0);
    expect((await findDesignations(p.townViewer, { kind: '示范党支部' })).items.map((x) => x.id)).toEqual([d.id]);
  });

  it('computes the figures from the records, matching hand counts, in a fixed number of queries', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 3);
    await makeOrg(ctx, { code: 'C.JG', name: '机关党支部', parentCode: 'C', sector: '机关' });
    const p = await people(ctx);
    // Ratings: B1 decided 2026-02 (2025 rating, 五星), B2 decided 2026-03 (四星), B3 decided 2025-03 (2024, 五星) and
    // again 2026-12? no: B3's 2025 rating is still pending, so its latest decided is the 2024 五星.
    const b1 = await assessRating(ctx, { orgCode: B1, year: 2025, schemeCode: STAR_SCHEME_CODE, scores: starScores(95), items: ['innovation_project'] });
    const b2 = await assessRating(ctx, { orgCode: B2, year: 2025, schemeCode: STAR_SCHEME_CODE, scores: starScores(85) });
    const b3old = await assessRating(ctx, { orgCode: B3, year: 2024, schemeCode: STAR_SCHEME_CODE, scores: starScores(100), items: ['innovation_project'] });
    await assessRating(ctx, { orgCode: B3, year: 2025, schemeCode: STAR_SCHEME_CODE, scores: starScores(50) });
    const b1c = await assessRating(ctx, { orgCode: B1, year: 2025, schemeCode: CENTRAL_SCHEME_CODE, scores: centralScores(91), publicSatisfaction: 95 });
    await decideRating(p.townAdmin, b1.id, { decidedOn: '2026-02-10' });
    await decideRating(p.townAdmin, b2.id, { decidedOn: '2026-03-10' });
    await decideRating(p.townAdmin, b3old.id, { decidedOn: '2025-03-10' });
    await decideRating(p.townAdmin, b1c.id, { decidedOn: '2026-02-11' });
    // Designations: B1 standardized (2026), B2 standardized then revoked (2026-09), 机关 branch standardized (not a
    // village), B1 示范党支部 (2026) and a 复核 of it, B3 党建示范村 新建 (2026) and B2 提升 (2025).
    await recordDesignation(ctx, { orgCode: B1, title: '标准化规范化达标', kind: '标准化规范化达标', action: '命名', level: '县级', designatedOn: '2026-04-01' });
    const b2std = await recordDesignation(ctx, { orgCode: B2, title: '标准化规范化达标', kind: '标准化规范化达标', action: '命名', level: '县级', designatedOn: '2026-04-01' });
    await revokeDesignation(ctx, b2std.id, { revokedOn: '2026-09-01' });
    await recordDesignation(ctx, { orgCode: 'C.JG', title: '标准化规范化达标', kind: '标准化规范化达标', action: '命名', level: '县级', designatedOn: '2026-04-01' });
    await recordDesignation(ctx, { orgCode: B1, title: '县级示范党支部', kind: '示范党支部', action: '命名', level: '县级', designatedOn: '2026-05-01' });
    await recordDesignation(ctx, { orgCode: B1, title: '县级示范党支部', kind: '示范党支部', action: '复核', level: '县级', designatedOn: '2026-10-01' });
    await recordDesignation(ctx, { orgCode: B3, title: '党建示范村', kind: '党建示范村', action: '新建', level: '县级', designatedOn: '2026-06-01' });
    await recordDesignation(ctx, { orgCode: B2, title: '党建示范村', kind: '党建示范村', action: '提升', level: '县级', designatedOn: '2025-06-01' });
    // Weak cases: B2 flagged 2026-01 and closed 2026-06; B3 flagged 2026-03 and in rectification; B1 flagged 2025 and dismissed.
    const w2 = await openWeakCase(ctx, { orgCode: B2, year: 2026, source: '上级认定', reasons: [{ code: 'a', text: '班子不团结' }], flaggedOn: '2026-01-10' });
    await stepWeakCase(ctx, w2.id, { step: 'plan', plan: '整顿', leaderName: '李', deadline: '2026-06-30' });
    await stepWeakCase(ctx, w2.id, { step: 'close', closedOn: '2026-06-15' });
    const w3 = await openWeakCase(ctx, { orgCode: B3, year: 2026, source: '数据提示', reasons: [{ code: 'b', text: '书记空缺' }], flaggedOn: '2026-03-01' });
    await stepWeakCase(ctx, w3.id, { step: 'plan', plan: '整顿', leaderName: '王', deadline: '2026-12-31' });
    const w1 = await openWeakCase(ctx, { orgCode: B1, year: 2025, source: '自查', reasons: [{ code: 'c', text: '自查' }], flaggedOn: '2025-05-01' });
    await stepWeakCase(ctx, w1.id, { step: 'dismiss', note: '不属实' });

    const counting = countingCtx(ctx);
    const f = await ratingFigures(counting.ctx, { period: '2026' });
    expect(counting.queries()).toBeLessThanOrEqual(6);
    const value = (id: string) => f.figures.find((x) => x.id === id)?.value;
    expect(Object.fromEntries(f.figures.map((x) => [x.id, x.value]))).toEqual({
      orgs_graded: 2, // B1 (two schemes, once) and B2 decided in 2026
      top_grade_orgs: 2, // B1 (2025 五星) and B3 (2024 五星, its latest decided)
      standardized_villages_share: 33.3, // B1 of the three village branches (B2 revoked, 机关 not a village)
      branches_standardized: 2, // B1 and the 机关 branch (B2 revoked before the period's end)
      model_branches_designated: 1, // B1 (the 复核 is not a new designation)
      model_villages_built: 1, // B3 新建 (B2's 提升 was in 2025)
      model_villages_new: 1,
      model_villages_upgraded: 0,
      weak_orgs_flagged: 2, // B2, B3
      weak_orgs_in_rectification: 1, // B3
      weak_orgs_rectified: 1, // B2
    });
    expect(value('model_villages_upgraded')).toBe(0);
    expect((await ratingFigures(ctx, { period: '2025' })).figures.find((x) => x.id === 'model_villages_upgraded')!.value).toBe(1);
    // At the end of 2026-H1 B2 is still standardized (revoked in September) and B2's case was closed in June.
    const h1 = await ratingFigures(ctx, { period: '2026H1' });
    expect(h1.figures.find((x) => x.id === 'standardized_villages_share')!.value).toBe(66.7);
    // Scoped: B1's secretary sees only B1.
    const own = await ratingFigures(p.b1Secretary, { period: '2026' });
    expect(own.figures.find((x) => x.id === 'orgs_graded')!.value).toBe(1);
    expect(own.figures.find((x) => x.id === 'standardized_villages_share')!.value).toBe(100);
    expect(await codeOf(ratingFigures(p.b1Secretary, { orgCode: B2, period: '2026' }))).toBe('ORG_NOT_FOUND');
  });
});
