import { describe, expect, it } from 'vitest';
import {
  apiValue,
  fieldOfIssue,
  initialValues,
  issuesToFields,
  missingRequired,
  patchPayload,
  requiredMessage,
  toPayload,
  toQuery,
  valuesFromRecord,
  type FieldSpec,
} from './form-fields';

const service: FieldSpec[] = [
  { label: '组织', field: 'orgCode', type: 'org', required: true, initial: 'org' },
  { label: '类别', field: 'kind', type: 'select', options: ['志愿服务', '办实事'], required: true },
  { label: '标题', field: 'title', type: 'text', required: true },
  { label: '日期', field: 'happenedOn', type: 'date', required: true, initial: 'today' },
  { label: '党员', field: 'memberId', type: 'member' },
  { label: '服务时长（小时）', field: 'hours', type: 'number' },
  { label: '备注', field: 'note', type: 'textarea' },
];

describe('a described form → the API body', () => {
  it('keeps filled fields, trims text, and leaves blank optional fields out so the server defaults apply', () => {
    const body = toPayload(service, {
      orgCode: '001.002',
      kind: '志愿服务',
      title: '  清理河道垃圾 ',
      happenedOn: '2026-03-05',
      memberId: 17,
      hours: 2.5,
      note: '   ',
    });
    expect(body).toEqual({ orgCode: '001.002', kind: '志愿服务', title: '清理河道垃圾', happenedOn: '2026-03-05', memberId: 17, hours: 2.5 });
  });

  it('nests dotted names into objects and arrays', () => {
    const fields: FieldSpec[] = [
      { label: '统计期', field: 'period', type: 'period' },
      { label: '指标', field: 'values.0.indicatorId', type: 'remote' },
      { label: '数值', field: 'values.0.value', type: 'number' },
    ];
    expect(toPayload(fields, { period: '2026', 'values.0.indicatorId': 'cases_filed', 'values.0.value': '12' })).toEqual({
      period: '2026',
      values: [{ indicatorId: 'cases_filed', value: 12 }],
    });
  });

  it('sends booleans chosen as 是/否 as booleans, record ids as numbers, constants as given', () => {
    expect(apiValue({ label: '原创', field: 'original', type: 'bool' }, 'false')).toBe(false);
    expect(apiValue({ label: '原创', field: 'original', type: 'bool' }, true)).toBe(true);
    expect(apiValue({ label: '事项', field: 'itemId', type: 'remote' }, '42')).toBe(42);
    expect(apiValue({ label: '指标', field: 'indicatorId', type: 'remote' }, 'party_members')).toBe('party_members');
    expect(apiValue({ label: '来源', field: 'code', type: 'const', value: '其他' }, undefined)).toBe('其他');
  });

  it('builds a list query from the filled filters, with the chosen organization', () => {
    const filters: FieldSpec[] = [
      { label: '类别', field: 'kind', type: 'select', options: ['志愿服务'] },
      { label: '起始日期', field: 'from', type: 'date' },
      { label: '集中培训', field: 'concentrated', type: 'select', options: ['true', 'false'] },
      { label: '年度', field: 'year', type: 'year' },
    ];
    expect(toQuery(filters, { kind: '志愿服务', from: undefined, concentrated: 'true', year: 2026 }, '001')).toEqual({
      org: '001',
      kind: '志愿服务',
      concentrated: 'true',
      year: '2026',
    });
    expect(toQuery(filters, {}, null)).toEqual({});
  });
});

describe('required fields', () => {
  it('names each blank required field with a message saying what to do', () => {
    const missing = missingRequired(service, { orgCode: '001', kind: '志愿服务', title: '  ', happenedOn: '2026-03-05' });
    expect(missing).toEqual([{ field: 'title', message: '请填写标题' }]);
    expect(requiredMessage(service[1]!)).toBe('请选择类别');
    expect(requiredMessage(service[3]!)).toBe('请选择日期');
  });

  it('fills the first values: today, the chosen organization, this year', () => {
    const fields: FieldSpec[] = [
      ...service,
      { label: '年度', field: 'year', type: 'year', initial: 'year' },
      { label: '统计期', field: 'period', type: 'period', initial: 'year' },
      { label: '原创', field: 'original', type: 'bool', initial: 'true' },
    ];
    expect(initialValues(fields, { org: '001.003', today: '2026-03-05' })).toEqual({
      orgCode: '001.003',
      happenedOn: '2026-03-05',
      year: 2026,
      period: '2026',
      original: 'true',
    });
  });
});

describe('server field issues → the form fields', () => {
  it('puts an issue under the field of the same name and keeps the rest for the alert', () => {
    const split = issuesToFields(service, [
      { code: 'FIELD_REQUIRED', field: 'title', message: '缺少必填项：事项' },
      { code: 'FIELD_INVALID', field: 'hours', message: '服务时长（小时）：应为大于0、不超过24的小时数（最多两位小数）' },
      { code: 'FIELD_REQUIRED', field: '(请求体)', message: '缺少请求体' },
    ]);
    expect(split.fields).toEqual([
      { name: 'title', errors: ['缺少必填项：事项'] },
      { name: 'hours', errors: ['服务时长（小时）：应为大于0、不超过24的小时数（最多两位小数）'] },
    ]);
    expect(split.rest.map((i) => i.message)).toEqual(['缺少请求体']);
  });

  it('keeps two messages of one field together, once each', () => {
    const split = issuesToFields(service, [
      { code: 'A', field: 'happenedOn', message: '日期晚于今天' },
      { code: 'B', field: 'happenedOn', message: '日期早于成立日期' },
      { code: 'A', field: 'happenedOn', message: '日期晚于今天' },
    ]);
    expect(split.fields).toEqual([{ name: 'happenedOn', errors: ['日期晚于今天', '日期早于成立日期'] }]);
  });

  it('matches a nested issue to the field it is inside, and an issue on a list to its one field', () => {
    const fields: FieldSpec[] = [
      { label: '指标', field: 'values.0.indicatorId', type: 'remote' },
      { label: '数值', field: 'values.0.value', type: 'number' },
      { label: '认定情形', field: 'reasons', type: 'textarea' },
      { label: '代码', field: 'code', type: 'const', value: 'x' },
    ];
    expect(fieldOfIssue(fields, 'values.0.value')).toBe('values.0.value');
    expect(fieldOfIssue(fields, 'reasons.2.text')).toBe('reasons');
    expect(fieldOfIssue(fields, 'values')).toBe('values.0.indicatorId');
    expect(fieldOfIssue(fields, 'code')).toBeNull();
    expect(fieldOfIssue(fields, undefined)).toBeNull();
  });
});

describe('correcting a record', () => {
  const fields: FieldSpec[] = [
    { label: '标题', field: 'title', type: 'text', required: true },
    { label: '日期', field: 'happenedOn', type: 'date', required: true },
    { label: '服务时长（小时）', field: 'hours', type: 'number' },
    { label: '集中培训', field: 'concentrated', type: 'bool' },
    { label: '备注', field: 'note', type: 'textarea' },
    { label: '重新办理', field: 'reopen', type: 'bool' },
  ];
  const record = { id: 7, title: '清理河道', happenedOn: '2026-05-04', hours: '2.50', concentrated: false, note: null, actions: ['update'] };

  it('prefills the form with the record, leaving null and missing fields blank', () => {
    expect(valuesFromRecord(fields, record)).toEqual({ title: '清理河道', happenedOn: '2026-05-04', hours: '2.50', concentrated: 'false' });
  });

  it('sends nothing when nothing changed, whatever the number or boolean spelling', () => {
    expect(patchPayload(fields, { ...valuesFromRecord(fields, record), hours: 2.5 }, record)).toEqual({});
    expect(patchPayload(fields, { ...valuesFromRecord(fields, record), hours: 3 }, record)).toEqual({ hours: 3 });
    expect(patchPayload(fields, valuesFromRecord(fields, record), record)).toEqual({});
  });

  it('sends only the changed fields, trimmed and typed', () => {
    const values = { ...valuesFromRecord(fields, record), title: ' 清理河道垃圾 ', concentrated: 'true', note: '村民参加' };
    expect(patchPayload(fields, values, record)).toEqual({ title: '清理河道垃圾', concentrated: true, note: '村民参加' });
  });

  it('clears a field that had a value with null, and leaves an untouched blank one out', () => {
    const values = { ...valuesFromRecord(fields, record), hours: '' };
    expect(patchPayload(fields, values, record)).toEqual({ hours: null });
    expect(patchPayload(fields, values, record)).not.toHaveProperty('note');
  });
});
