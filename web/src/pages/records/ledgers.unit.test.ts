import { describe, expect, it } from 'vitest';
import { LEDGERS, detailPathOf, findList } from './ledgers';

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
});
