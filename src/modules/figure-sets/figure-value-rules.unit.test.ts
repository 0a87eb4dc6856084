import { describe, expect, it } from 'vitest';
import { parseValuePairs } from '../../cli/commands/figure-sets.js';
import { COMPUTED_REFUSAL, checkFigureValue, checkFigureValues } from './figure-value-rules.js';

describe('checking a hand-entered value against the catalog', () => {
  it('takes the ids entered by hand, with the catalog’s unit by default', () => {
    expect(checkFigureValue({ indicatorId: 'cases_filed', value: 5 })).toEqual({ issues: [], unit: '件' });
    expect(checkFigureValue({ indicatorId: 'fixed_asset_investment', value: 12.35, unit: '亿元' })).toEqual({ issues: [], unit: '亿元' });
    expect(checkFigureValue({ indicatorId: 'cases_filed_yoy', value: -12.5 }).issues).toEqual([]);
  });

  it('refuses unknown ids and ids computed from records, naming the id', () => {
    expect(checkFigureValue({ indicatorId: 'no_such', value: 1 }).issues).toEqual([
      { code: 'FIELD_INVALID', field: 'indicatorId', message: '指标编号“no_such”不在指标目录中' },
    ]);
    const computed = checkFigureValue({ indicatorId: 'trainings_held', value: 3 }, 'values.1').issues;
    expect(computed).toEqual([{ code: 'FIELD_INVALID', field: 'values.1.indicatorId', message: `指标编号“trainings_held”：${COMPUTED_REFUSAL}` }]);
  });

  it('refuses negative values except yoy changes, fractions of counts, percentages over 100, and another unit', () => {
    expect(checkFigureValue({ indicatorId: 'cases_filed', value: -1 }).issues[0]).toMatchObject({ field: 'value', message: expect.stringContaining('不能为负数') });
    expect(checkFigureValue({ indicatorId: 'cases_filed', value: 1.5 }).issues[0]!.message).toContain('应为整数');
    expect(checkFigureValue({ indicatorId: 'four_forms_1_share', value: 101 }).issues[0]!.message).toContain('不能超过100');
    expect(checkFigureValue({ indicatorId: 'four_forms_1_share', value: 62.5 }).issues).toEqual([]);
    expect(checkFigureValue({ indicatorId: 'cases_filed', value: Number.NaN }).issues[0]!.message).toContain('有限');
    expect(checkFigureValue({ indicatorId: 'cases_filed', value: 2, unit: '人' }).issues).toEqual([
      { code: 'FIELD_INVALID', field: 'unit', message: '立案（cases_filed）：单位应为“件”，不是“人”' },
    ]);
  });

  it('refuses an id given twice in one set', () => {
    const r = checkFigureValues([
      { indicatorId: 'cases_filed', value: 1 },
      { indicatorId: 'clues_disposed', value: 2 },
      { indicatorId: 'cases_filed', value: 3 },
    ]);
    expect(r.issues).toEqual([{ code: 'FIELD_INVALID', field: 'values.2.indicatorId', message: '指标编号“cases_filed”重复填报（第1项已填）' }]);
  });

  it('reads the command line’s id=value pairs', () => {
    expect(parseValuePairs('clues_disposed=12,cases_filed=5，cases_filed_yoy=-3.5')).toEqual([
      { indicatorId: 'clues_disposed', value: '12' },
      { indicatorId: 'cases_filed', value: '5' },
      { indicatorId: 'cases_filed_yoy', value: '-3.5' },
    ]);
    expect(() => parseValuePairs('clues_disposed')).toThrow(/指标编号=数值/);
  });
});
