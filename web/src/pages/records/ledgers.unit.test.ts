import { describe, expect, it } from 'vitest';
import { weakCaseInput } from '../../../../src/modules/ratings/ratings.schema';
import { LEDGERS, detailPathOf, findList } from './ledgers';
import { initialValues, issuesToFields, toPayload, type FieldSpec } from './form-fields';

describe('the ledger descriptions', () => {
  const lists = LEDGERS.flatMap((l) => l.lists.map((s) => ({ ledger: l.key, spec: s })));

  it('give every ledger asked for a tab, each with a list', () => {
    expect(LEDGERS.map((l) => l.title)).toEqual(['学习培训', '服务', '表彰', '捐款', '任务', '巡察督查', '分类定级', '三务公开', '干部', '宣传', '手工填报']);
    for (const l of LEDGERS) expect(l.lists.length).toBeGreaterThan(0);
  });

  it('give each select its vocabulary and each remote field its source, with unique field names', () => {
    for (const { spec } of lists) {
      for (const f of [...spec.filters, ...(spec.create?.fields ?? [])]) {
        if (f.type === 'select') expect(f.options?.length, `${spec.path} ${f.field}`).toBeGreaterThan(0);
        if (f.type === 'remote') expect(f.remote, `${spec.path} ${f.field}`).toBeDefined();
      }
      const names = (spec.create?.fields ?? []).map((f) => f.field);
      expect(new Set(names).size).toBe(names.length);
      expect(new Set(spec.filters.map((f) => f.field)).size).toBe(spec.filters.length);
    }
  });

  it('find a list by its address, falling back to the first', () => {
    expect(findList('service', 'teams').list.path).toBe('/service/teams');
    expect(findList('service', undefined).list.path).toBe('/service/records');
    expect(findList('nonsense', undefined).ledger.key).toBe('study');
    expect(detailPathOf(findList('study', 'trainings').list, 12)).toBe('/trainings/12');
    expect(detailPathOf(findList('study', 'records').list, 12)).toBeNull();
  });

  it('list a weak organization for review with one reason the server accepts, its issues under the reason', () => {
    const fields = findList('ratings', 'weak').list.create!.fields as FieldSpec[];
    const values = { ...initialValues(fields, { org: '001.002', today: '2026-05-04' }), source: '自查', 'reasons.0.text': ' 长期不开展组织生活 ' };
    const body = toPayload(fields, values);
    expect(body).toEqual({ orgCode: '001.002', year: 2026, source: '自查', reasons: [{ code: 'manual', text: '长期不开展组织生活' }], flaggedOn: '2026-05-04' });
    expect(weakCaseInput.safeParse(body).success).toBe(true);
    expect(issuesToFields(fields, [{ code: 'FIELD_INVALID', field: 'reasons', message: '至少1条' }]).fields).toEqual([{ name: 'reasons.0.text', errors: ['至少1条'] }]);
  });

  it('give the ratings a form of their own and keep the others described', () => {
    const withComponent = lists.filter(({ spec }) => spec.create?.component).map(({ ledger, spec }) => `${ledger}/${spec.key}`);
    expect(withComponent).toEqual(['ratings/ratings']);
    expect(findList('ratings', 'ratings').list.create!.fields.map((f) => f.field)).toEqual(['orgCode', 'year', 'schemeCode', 'memberScore', 'publicSatisfaction', 'note']);
  });
});
