import { describe, expect, it } from 'vitest';
import { BUILTIN_SCHEMES } from '../../../../src/modules/ratings/builtin-schemes';
import { readScores, totalOf } from '../../../../src/modules/ratings/rating-grade';
import { ratingInput, schemeConfig } from '../../../../src/modules/ratings/ratings.schema';
import type { FieldSpec } from './form-fields';
import { findList } from './ledgers';
import {
  bandsText,
  gradeText,
  itemOptions,
  liveGrade,
  ratingIssues,
  ratingPayload,
  runningTotal,
  satisfactionHelp,
  schemeFields,
  scoreField,
  scoreFields,
  totalText,
  vetoOptions,
  type SchemeConfig,
} from './rating-form';

const central = BUILTIN_SCHEMES.find((s) => s.code === 'central-2012')!.config;
const star = BUILTIN_SCHEMES.find((s) => s.code === 'five-star')!.config;
/** A local scheme with veto items (the built-in ones have none). */
const local: SchemeConfig = schemeConfig.parse({
  total: 100,
  indicators: [
    { key: 'team', name: '班子建设', max: 60 },
    { key: 'work', name: '工作成效', max: 40 },
  ],
  bands: [
    { grade: '优秀', min: 90 },
    { grade: '合格', min: 60 },
    { grade: '不合格', min: 0 },
  ],
  vetoes: [
    { key: 'discipline', text: '班子成员受党纪处分', capAt: '合格' },
    { key: 'incident', text: '发生重大责任事故', capAt: null },
  ],
});
const fixed = findList('ratings', 'ratings').list.create!.fields as FieldSpec[];
const centralScores = { leader: 18, approach: 9, rules: 13.5, venue: 9, support: 8, performance: 17, public: 14 };
const typed = (scores: Record<string, number>) => Object.fromEntries(Object.entries(scores).map(([k, v]) => [scoreField(k), v]));

describe('the self-assessment form of a scheme', () => {
  it('has one score per indicator, labelled with its points and capped at them', () => {
    const fields = scoreFields(central);
    expect(fields.map((f) => f.label)).toEqual([
      '党组织带头人（满分20分）',
      '工作思路（满分10分）',
      '工作制度（满分15分）',
      '活动阵地（满分10分）',
      '保障机制（满分10分）',
      '工作业绩（满分20分）',
      '群众评价（满分15分）',
    ]);
    expect(fields.map((f) => [f.field, f.max, f.required])).toContainEqual(['scores.leader', 20, true]);
  });

  it('offers the veto items with what a hit does, and the items a grade requires', () => {
    expect(vetoOptions(local)).toEqual([
      { value: 'discipline', label: '班子成员受党纪处分（最高定为合格）' },
      { value: 'incident', label: '发生重大责任事故（不定级）' },
    ]);
    expect(vetoOptions(central)).toEqual([]);
    expect(itemOptions(star)).toEqual([{ value: 'innovation_project', label: '党建创新项目（90分以上且有党建创新项目的方可评为五星）' }]);
    expect(schemeFields(central).map((f) => f.field)).not.toContain('vetoes');
    expect(schemeFields(local).map((f) => f.field)).toContain('vetoes');
    expect(schemeFields(star).map((f) => f.field)).toContain('items');
  });

  it('builds a body the server accepts, with the scores by key and only this scheme’s items', () => {
    const body = ratingPayload(fixed, star, {
      orgCode: '001',
      year: 2025,
      schemeCode: 'five-star',
      ...typed({ team: 14, members: 13, orglife: 15, rules: 9, venue: 9, service: 14, development: 13, innovation: 12 }),
      'scores.leader': 20, // typed under the scheme chosen before
      items: ['innovation_project', 'stale'],
      memberScore: 95,
      note: '  ',
    });
    expect(body).toEqual({
      orgCode: '001',
      year: 2025,
      schemeCode: 'five-star',
      scores: { team: 14, members: 13, orglife: 15, rules: 9, venue: 9, service: 14, development: 13, innovation: 12 },
      items: ['innovation_project'],
      memberScore: 95,
    });
    expect(ratingInput.safeParse(body).success).toBe(true);
    expect(ratingPayload(fixed, local, { orgCode: '001', year: 2025, schemeCode: 'x1', ...typed({ team: 50, work: 30 }) }).vetoes).toEqual([]);
    expect(ratingPayload(fixed, central, { orgCode: '001', year: 2025, schemeCode: 'central-2012', ...typed(centralScores) })).not.toHaveProperty('vetoes');
  });

  it('totals the scores as the server does, and says how many are still missing', () => {
    const all = runningTotal(central, typed(centralScores));
    expect(all).toEqual({ total: 88.5, filled: 7, count: 7 });
    expect(all.total).toBe(totalOf(readScores(central, centralScores).scores));
    expect(totalText(central, all)).toBe('自评总分88.5分（满分100分）');
    const part = runningTotal(central, { 'scores.leader': 18.25, 'scores.approach': 9.1, 'scores.rules': '' });
    expect(part).toEqual({ total: 27.35, filled: 2, count: 7 });
    expect(totalText(central, part)).toBe('已填2/7项，合计27.35分（满分100分）');
  });

  it('reads the grade lines and the satisfaction rule of the scheme', () => {
    expect(bandsText(central)).toBe('好 90分及以上；较好 80分及以上；一般 60分及以上；较差 低于60分');
    expect(satisfactionHelp(central)).toContain('群众满意率低于90%的不能定为好、较好');
    expect(satisfactionHelp(star)).toContain('本方案不按群众满意率调整等次');
  });

  it('puts the server’s issues under the indicators they name, the rest under their fields', () => {
    // The server's own messages for these scores (readScores).
    const server = readScores(central, { leader: 30, approach: 9, rules: 13 }).issues;
    const split = ratingIssues(fixed, central, [
      ...server,
      { code: 'RATING_DUPLICATE', field: 'year', message: '该组织2025年的评定记录已存在' },
      { code: 'FIELD_INVALID', field: 'scores', message: '各项得分：有误' },
      { code: 'FIELD_INVALID', field: 'vetoes', message: '否决事项：“x”不是本方案的否决事项' },
    ]);
    const at = (name: string) => split.fields.find((f) => f.name === name)?.errors ?? [];
    expect(at('scores.leader')).toEqual(['各项得分：“党组织带头人”30分，超过该项分值20分', '各项得分：有误']);
    expect(at('scores.venue')).toEqual(['各项得分：缺少“活动阵地”、“保障机制”、“工作业绩”、“群众评价”的得分']);
    expect(at('scores.public')).toEqual(at('scores.venue'));
    expect(at('year')).toEqual(['该组织2025年的评定记录已存在']);
    // No veto items in this scheme: the issue goes to the alert above the form.
    expect(split.rest.map((i) => i.field)).toEqual(['vetoes']);
    expect(ratingIssues(fixed, local, [{ code: 'FIELD_INVALID', field: 'vetoes', message: 'x' }]).fields).toEqual([{ name: 'vetoes', errors: ['x'] }]);
  });
});

describe('the grade shown while typing', () => {
  const filled = (c: SchemeConfig, points: number[]) => Object.fromEntries(scoreFields(c).map((f, i) => [f.field, points[i]]));

  it('waits until every score is filled', () => {
    expect(liveGrade(central, { [scoreField(central.indicators[0]!.key)]: 18 })).toBeNull();
  });

  it('is the bands’ grade, moved down by 群众满意率 below the scheme’s line, as the server computes it', () => {
    const scores = filled(central, [18, 9, 13.5, 9, 8, 17, 14]);
    expect(liveGrade(central, { ...scores, publicSatisfaction: 95 })?.grade).toBe('较好');
    const low = liveGrade(central, { ...scores, publicSatisfaction: '85' })!;
    expect(low.grade).toBe('一般');
    expect(low.bandGrade).toBe('较好');
    expect(gradeText(low)).toMatch(/^计算等次：一般（按分数为较好；.+）$/);
  });

  it('applies the ticked veto items: a cap, or 不定级', () => {
    const scores = filled(local, [58, 38]);
    expect(liveGrade(local, scores)?.grade).toBe('优秀');
    expect(liveGrade(local, { ...scores, vetoes: ['discipline'] })?.grade).toBe('合格');
    expect(liveGrade(local, { ...scores, vetoes: ['incident'] })?.grade).toBe('不定级');
  });
});
