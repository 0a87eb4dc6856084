import { describe, expect, it } from 'vitest';
import { auditQuery, changeRows, chinaTime, displayValue, entrySummary, recordTypeLabel } from './audit-logic';

describe('the audit page’s pieces', () => {
  it('shows stored UTC instants in China time, across midnight', () => {
    expect(chinaTime('2026-03-05T06:03:12.345Z')).toBe('2026年3月5日 14:03:12');
    expect(chinaTime('2026-12-31T16:30:00.000Z')).toBe('2027年1月1日 00:30:00');
    expect(chinaTime('not a time')).toBe('not a time');
  });

  it('lays out a diff field by field: empty as —, booleans as 是/否, roles by name, masked values as stored', () => {
    const rows = changeRows({
      username: [null, 'lisi'],
      roles: [['viewer'], ['org_admin', 'secretary']],
      disabled: [false, true],
      idNumber: ['110101********1234', '110101********5678'],
      absentees: [[], [{ name: '王五', reason: '病假' }]],
    });
    expect(rows).toEqual([
      { field: 'username', label: '用户名（username）', before: '—', after: 'lisi' },
      { field: 'roles', label: '角色（roles）', before: '查看', after: '组织管理员、支部书记/党务工作者' },
      { field: 'disabled', label: '是否停用（disabled）', before: '否', after: '是' },
      { field: 'idNumber', label: '公民身份号码（idNumber）', before: '110101********1234', after: '110101********5678' },
      { field: 'absentees', label: 'absentees', before: '—', after: '[{"name":"王五","reason":"病假"}]' },
    ]);
    expect(changeRows(null)).toEqual([]);
    expect(displayValue('roles', [])).toBe('（无角色）');
    expect(displayValue('tags', ['a', 'b'])).toBe('a、b');
  });

  it('sums an entry up in one line: its note, or the changed fields by their Chinese names', () => {
    expect(entrySummary({ note: '导入组织0个、党员0名', changes: null })).toBe('导入组织0个、党员0名');
    expect(entrySummary({ note: null, changes: null })).toBe('—');
    const changes = { username: [null, 'a'], displayName: [null, 'b'], orgCode: [null, 'C'], roles: [null, []], disabled: [null, false] } as const;
    expect(entrySummary({ note: null, changes: changes as never })).toBe('5个字段：用户名、姓名、组织代码、角色等');
    expect(entrySummary({ note: null, changes: { absentees: [[], []] } })).toBe('1个字段：absentees');
  });

  it('names record types in Chinese and leaves an unknown one as written', () => {
    expect(recordTypeLabel('user')).toBe('用户');
    expect(recordTypeLabel('workbook')).toBe('工作簿');
    expect(recordTypeLabel('something_new')).toBe('something_new');
  });

  it('sends only the filters that were filled, trimmed, with the page', () => {
    expect(auditQuery({ user: '  county ', recordType: '', recordId: ' ', action: 'create', from: '2026-03-01' }, { limit: 20, offset: 40 })).toEqual({
      user: 'county',
      action: 'create',
      from: '2026-03-01',
      limit: 20,
      offset: 40,
    });
    expect(auditQuery({})).toEqual({});
  });
});
