import { describe, expect, it } from 'vitest';
import { BUILTIN_SCHEMES, CENTRAL_SCHEME_CODE, STAR_SCHEME_CODE, builtinScheme } from './builtin-schemes.js';
import { checkQuotas, checkSchemeConfig, computeGrade, readKeys, readScores } from './rating-grade.js';
import { schemeConfig, type SchemeConfig } from './ratings.schema.js';

const central = builtinScheme(CENTRAL_SCHEME_CODE)!.config;
const star = builtinScheme(STAR_SCHEME_CODE)!.config;

describe('the builtin schemes', () => {
  it('pass their own checks and the shape', () => {
    for (const s of BUILTIN_SCHEMES) {
      expect(checkSchemeConfig(s.config)).toEqual([]);
      expect(schemeConfig.parse(s.config)).toEqual(s.config);
    }
    expect(central.indicators.map((i) => i.name)).toEqual(['党组织带头人', '工作思路', '工作制度', '活动阵地', '保障机制', '工作业绩', '群众评价']);
    expect(central.total).toBe(100);
    expect(central.source).toContain('组厅字〔2012〕6号');
  });
});

describe('computeGrade: bands', () => {
  it.each([
    [100, '好'], [90, '好'], [89.9, '较好'], [80, '较好'], [79.5, '一般'], [60, '一般'], [59.99, '较差'], [0, '较差'],
  ])('central pattern: %s points → %s (satisfaction 95%%)', (score, grade) => {
    expect(computeGrade(central, { score, publicSatisfaction: 95 }).grade).toBe(grade);
  });
  it.each([[95, '五星'], [85, '四星'], [70, '三星'], [69, '二星'], [10, '一星']])('star scheme: %s points (with the innovation project) → %s', (score, grade) => {
    expect(computeGrade(star, { score, items: ['innovation_project'] }).grade).toBe(grade);
  });
});

describe('computeGrade: conditions', () => {
  it('群众满意率 below 90% is neither 好 nor 较好, and says why', () => {
    const g = computeGrade(central, { score: 95, publicSatisfaction: 85 });
    expect(g).toEqual({ grade: '一般', bandGrade: '好', reasons: ['群众满意率85%低于90%（群众满意率低于90%的不能定为好、较好），由好降为一般'] });
    expect(computeGrade(central, { score: 95, publicSatisfaction: 90 }).grade).toBe('好');
    expect(computeGrade(central, { score: 70, publicSatisfaction: 50 }).grade).toBe('一般');
  });
  it('an unknown satisfaction does not lower the grade, and is reported', () => {
    const g = computeGrade(central, { score: 92 });
    expect(g.grade).toBe('好');
    expect(g.reasons).toEqual(['群众满意率未填，未按“群众满意率低于90%的不能定为好、较好”核对']);
  });
  it('五星 needs a 党建创新项目: without it, 四星', () => {
    expect(computeGrade(star, { score: 95 })).toMatchObject({ grade: '四星', bandGrade: '五星' });
    expect(computeGrade(star, { score: 95, items: ['innovation_project'] }).grade).toBe('五星');
  });
});

describe('computeGrade: vetoes', () => {
  const withVetoes: SchemeConfig = {
    ...central,
    vetoes: [
      { key: 'mass_incident', text: '发生重大群体性事件', capAt: '较差' },
      { key: 'secretary_case', text: '书记受到党纪处分', capAt: '一般' },
      { key: 'no_team', text: '班子瘫痪', capAt: null },
    ],
  };
  it('caps the grade at the stated one, the lowest cap winning', () => {
    expect(computeGrade(withVetoes, { score: 95, publicSatisfaction: 95, vetoes: ['secretary_case'] }).grade).toBe('一般');
    expect(computeGrade(withVetoes, { score: 95, publicSatisfaction: 95, vetoes: ['secretary_case', 'mass_incident'] }).grade).toBe('较差');
    // A cap above the band grade changes nothing.
    expect(computeGrade(withVetoes, { score: 50, vetoes: ['secretary_case'] })).toEqual({ grade: '较差', bandGrade: '较差', reasons: [] });
  });
  it('excludes the organization (不定级)', () => {
    expect(computeGrade(withVetoes, { score: 95, vetoes: ['no_team'] })).toEqual({ grade: '不定级', bandGrade: '好', reasons: ['触及否决事项“班子瘫痪”，不定级'] });
  });
});

describe('checkSchemeConfig', () => {
  const base = schemeConfig.parse({
    total: 10,
    indicators: [{ key: 'a', name: '甲', max: 6 }, { key: 'b', name: '乙', max: 4 }],
    bands: [{ grade: '优', min: 8 }, { grade: '中', min: 5 }, { grade: '差', min: 0 }],
  });
  it('accepts a good scheme', () => expect(checkSchemeConfig(base)).toEqual([]));
  it('refuses bands not descending, a last band above 0, weights not summing to the total, duplicates and unknown grades', () => {
    const messages = (c: Partial<SchemeConfig>) => checkSchemeConfig({ ...base, ...c }).map((i) => i.message);
    expect(messages({ bands: [{ grade: '优', min: 5 }, { grade: '中', min: 8 }, { grade: '差', min: 0 }] })).toEqual([
      '等次分数线：应从高到低排列，“中”的分数线8不低于“优”的5',
    ]);
    expect(messages({ bands: [{ grade: '优', min: 8 }, { grade: '差', min: 3 }] })).toEqual(['等次分数线：最低等次“差”的分数线应为0（每个得分都有等次）']);
    expect(messages({ total: 12 })).toEqual(['评价指标：各项分值合计10，与总分12不一致']);
    expect(messages({ indicators: [{ key: 'a', name: '甲', max: 5 }, { key: 'a', name: '乙', max: 5 }] })).toEqual(['评价指标：代码“a”重复']);
    expect(messages({ quotas: [{ grade: '特优', maxShare: 10 }] })).toEqual(['等次比例上限：等次“特优”不在等次分数线中']);
    expect(messages({ vetoes: [{ key: 'x', text: '某事', capAt: '良' }] })).toEqual(['否决事项“某事”：封顶等次“良”不在等次分数线中']);
    expect(messages({ conditions: [{ kind: 'satisfaction', below: 90, notGrades: ['差'], text: '满意率' }] })).toEqual(['附加条件“满意率”：不能限制最低等次“差”']);
    expect(messages({ bands: [{ grade: '优', min: 11 }, { grade: '差', min: 0 }] })).toEqual(['等次分数线：“优”的分数线11高于总分10']);
  });
});

describe('readScores and readKeys', () => {
  it('reads scores by key or Chinese name, refusing unknown, missing, repeated and too-high ones', () => {
    const ok = readScores(central, { 党组织带头人: 18, approach: 9, 工作制度: 14, 活动阵地: 9, 保障机制: 9, 工作业绩: 18, 群众评价: 14 });
    expect(ok.issues).toEqual([]);
    expect(ok.scores).toEqual({ leader: 18, approach: 9, rules: 14, venue: 9, support: 9, performance: 18, public: 14 });
    const bad = readScores(central, { 党组织带头人: 21, leader: 1, 作风: 3 });
    expect(bad.issues.map((i) => i.message)).toEqual([
      '各项得分：“党组织带头人”21分，超过该项分值20分',
      '各项得分：“党组织带头人”填了两次',
      '各项得分：“作风”不是本方案的评价指标（党组织带头人、工作思路、工作制度、活动阵地、保障机制、工作业绩、群众评价）',
      '各项得分：缺少“工作思路”、“工作制度”、“活动阵地”、“保障机制”、“工作业绩”、“群众评价”的得分',
    ]);
  });
  it('reads veto keys and required items by key or text', () => {
    expect(readKeys(star, { items: ['党建创新项目'] })).toEqual({ vetoes: [], items: ['innovation_project'], issues: [] });
    expect(readKeys(star, { vetoes: ['x'] }).issues.map((i) => i.field)).toEqual(['vetoes']);
  });
});

describe('checkQuotas', () => {
  it('warns when a grade holds more than its share of the decided organizations', () => {
    const counts = new Map([['五星', 2], ['四星', 3], ['三星', 5]]);
    const checks = checkQuotas(star, counts, 10, '测试镇范围内2025年');
    expect(checks.map((c) => [c.grade, c.share, c.exceeded])).toEqual([['五星', 20, true], ['四星', 30, false], ['三星', 50, true]]);
    expect(checks[0]!.warning).toBe('测试镇范围内2025年评定为五星的2个，占已评定10个的20%，超过比例上限10%');
    expect(checkQuotas(star, new Map(), 0, '').every((c) => !c.exceeded && c.share === null)).toBe(true);
    expect(checkQuotas(central, counts, 10, '')).toEqual([]);
  });
});
