import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.js';
import { parseSegments, parseTemplate, templateFigureIds, type TemplateParagraph } from './template.js';

const HEAD = ['---', 'name: 测试报告', 'title: {{org}}{{period}}测试报告', 'periods: year, half', '---'];

/** A template: the front matter above, then the body lines. */
const tpl = (...body: string[]) => [...HEAD, ...body].join('\n');

/** The AppError thrown by parsing, or a failed test. */
function parseError(text: string, source = 't.md'): AppError {
  try {
    parseTemplate(text, source);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected TEMPLATE_INVALID');
}

const textOf = (p: TemplateParagraph) => p.parts.map((s) => (s.t === 'text' ? s.text : s.t === 'figure' ? `<${s.id}:${s.form}>` : s.t === 'narrative' ? `<撰写:${s.hint}>` : '[…]')).join('');

describe('report template: front matter', () => {
  it('reads name, title and periods, also after a leading comment', () => {
    const t = parseTemplate(['<!--', '说明文字，', '不打印。', '-->', '', ...HEAD, '导语。'].join('\n'));
    expect(t).toMatchObject({ name: '测试报告', title: '{{org}}{{period}}测试报告', periods: ['year', 'half'] });
    expect(t.lead.map(textOf)).toEqual(['导语。']);
  });

  it('defaults periods to any, accepts a BOM and CRLF line ends', () => {
    const t = parseTemplate('\uFEFF---\r\nname: 甲\r\ntitle: 乙\r\n---\r\n\r\n正文\r\n');
    expect(t).toMatchObject({ name: '甲', title: '乙', periods: ['any'] });
    expect(t.lead.map(textOf)).toEqual(['正文']);
  });

  it('rejects a missing name or title, an unknown period kind, an unclosed header and a malformed header line', () => {
    expect(parseError('---\ntitle: 乙\n---\n')).toMatchObject({ code: 'TEMPLATE_INVALID' });
    expect(parseError('---\ntitle: 乙\n---\n').message).toContain('name');
    expect(parseError('---\nname: 甲\n---\n').message).toContain('title');
    expect(parseError('---\nname: 甲\ntitle: 乙\nperiods: year, week\n---\n').message).toContain('“week”');
    // The line named is the field's, also after a leading comment.
    expect(parseError('<!--\n说明\n-->\n---\nname: 甲\ntitle: 乙\nperiods: week\n---\n').message).toContain('第7行');
    expect(parseError('\n\n---\nname:\ntitle: 乙\n---\n').message).toContain('第4行');
    expect(parseError('\n\n---\ntitle: 乙\n---\n').message).toContain('第3行');
    expect(parseError('---\nname: 甲\ntitle: 乙\n').message).toContain('结束的“---”');
    const bad = parseError('---\nname: 甲\n标题 乙\n---\n');
    expect(bad.message).toContain('第3行');
    expect(bad.issues[0]).toMatchObject({ code: 'TEMPLATE_INVALID', field: 'template' });
    // No header at all.
    expect(parseError('正文').code).toBe('TEMPLATE_INVALID');
  });
});

describe('report template: body', () => {
  it('nests headings of levels 1 to 4 and keeps the lead before the first heading', () => {
    const t = parseTemplate(
      tpl('导语第一段', '接续一行。', '', '导语第二段。', '', '# 甲', '甲的正文。', '## 甲一', '### 甲一1', '#### 甲一1（1）', '文字。', '## 甲二', '# 乙', '乙的正文。'),
    );
    expect(t.lead.map(textOf)).toEqual(['导语第一段接续一行。', '导语第二段。']);
    expect(t.sections.map((s) => [s.level, s.title])).toEqual([
      [1, '甲'],
      [1, '乙'],
    ]);
    const [a] = t.sections;
    expect(a!.body.map(textOf)).toEqual(['甲的正文。']);
    expect(a!.children.map((s) => [s.level, s.title])).toEqual([
      [2, '甲一'],
      [2, '甲二'],
    ]);
    const deep = a!.children[0]!.children[0]!;
    expect([deep.level, deep.title]).toEqual([3, '甲一1']);
    expect(deep.children[0]).toMatchObject({ level: 4, title: '甲一1（1）' });
    expect(deep.children[0]!.body.map(textOf)).toEqual(['文字。']);
    expect(t.sections[1]!.body.map(textOf)).toEqual(['乙的正文。']);
  });

  it('rejects a heading that skips a level, naming its line', () => {
    const e = parseError(tpl('# 甲', '', '### 跳级'));
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.message).toContain(`第${HEAD.length + 3}行`);
    expect(e.message).toContain('跳级');
    expect(e.message).toContain('“t.md”');
    // The first heading must be level 1.
    expect(parseError(tpl('## 甲')).message).toContain(`第${HEAD.length + 1}行`);
  });

  it('keeps line numbers after a multi-line comment', () => {
    const e = parseError(['<!--', 'a', 'b', '-->', ...HEAD, '# 甲', '### 跳级'].join('\n'));
    expect(e.message).toContain(`第${4 + HEAD.length + 2}行`);
  });

  it('reads list items (consecutive "- " paragraphs, blank lines allowed) and plain paragraphs', () => {
    const t = parseTemplate(tpl('# 甲', '- 第一条，', '  续行。', '', '- 第二条。', '- 第三条。', '', '一段话。'));
    const body = t.sections[0]!.body;
    expect(body.map((p) => [p.item, textOf(p)])).toEqual([
      [true, '第一条，续行。'],
      [true, '第二条。'],
      [true, '第三条。'],
      [false, '一段话。'],
    ]);
    expect(body[0]!.line).toBe(HEAD.length + 2);
  });

  it('attaches a 否则： line to the paragraph just before it, with figures of its own', () => {
    const t = parseTemplate(tpl('# 甲', '- 召开支委会{{branch_committee_meetings}}次。', '否则：本期未召开支委会{{general_member_meetings}}。', '', '另一段。'));
    const [item, other] = t.sections[0]!.body;
    expect(item).toMatchObject({ item: true, otherwise: [{ t: 'text', text: '本期未召开支委会' }, { t: 'figure', id: 'general_member_meetings', form: 'value' }, { t: 'text', text: '。' }] });
    expect(other).toMatchObject({ item: false, otherwise: null });
    // 否则 with an ASCII colon, after a blank line.
    expect(parseTemplate(tpl('段落{{party_lectures}}。', '', '否则:无。')).lead[0]!.otherwise).toEqual([{ t: 'text', text: '无。' }]);
  });

  it('rejects a 否则： line with nothing before it, after a heading, or twice', () => {
    expect(parseError(tpl('否则：无。')).message).toContain(`第${HEAD.length + 1}行`);
    expect(parseError(tpl('# 甲', '否则：无。')).message).toContain('否则');
    expect(parseError(tpl('段落{{party_lectures}}。', '否则：一。', '否则：二。')).code).toBe('TEMPLATE_INVALID');
    expect(parseError(tpl('{{问题清单}}', '否则：无。')).code).toBe('TEMPLATE_INVALID');
  });

  it('splits figures in their forms, optional clauses, narratives and escapes', () => {
    expect(parseSegments('召开支委会{{branch_committee_meetings}}次[、党员大会{{ general_member_meetings }}次]，同比{{branch_committee_meetings:同比}}，环比{{branch_committee_meetings：环比}}，计{{dues_paid_total:万}}万元。{{撰写：做法}}\\[注\\]')).toEqual([
      { t: 'text', text: '召开支委会' },
      { t: 'figure', id: 'branch_committee_meetings', form: 'value' },
      { t: 'text', text: '次' },
      { t: 'optional', parts: [{ t: 'text', text: '、党员大会' }, { t: 'figure', id: 'general_member_meetings', form: 'value' }, { t: 'text', text: '次' }] },
      { t: 'text', text: '，同比' },
      { t: 'figure', id: 'branch_committee_meetings', form: 'yoy' },
      { t: 'text', text: '，环比' },
      { t: 'figure', id: 'branch_committee_meetings', form: 'pop' },
      { t: 'text', text: '，计' },
      { t: 'figure', id: 'dues_paid_total', form: 'wan' },
      { t: 'text', text: '万元。' },
      { t: 'narrative', hint: '做法' },
      { t: 'text', text: '[注]' },
    ]);
    // {{org}} and {{period}} stay as text for the filler.
    expect(parseSegments('{{org}}{{period}}')).toEqual([{ t: 'text', text: '{{org}}' }, { t: 'text', text: '{{period}}' }]);
    expect(parseSegments('{{撰写:半角冒号}}')).toEqual([{ t: 'narrative', hint: '半角冒号' }]);
  });

  it('rejects unbalanced or nested brackets, an unknown form and an unreadable reference, naming the line', () => {
    const line = HEAD.length + 2;
    for (const [body, words] of [
      ['a[b[c]]', '嵌套'],
      ['a]b', '“]”'],
      ['a[b', '“[”'],
      ['a{{party_lectures', '“}}”'],
      ['{{party_lectures:年}}', '“年”'],
      ['{{召开次数}}', '无法识别'],
      ['{{Party_Lectures}}', '无法识别'],
    ] as const) {
      const e = parseError(tpl('# 甲', body));
      expect(e.code, body).toBe('TEMPLATE_INVALID');
      expect(e.message, body).toContain(`第${line}行`);
      expect(e.message, body).toContain(words);
    }
  });

  it('marks the drafted blocks 问题清单 and 工作打算, as paragraphs or items', () => {
    const t = parseTemplate(tpl('# 问题', '{{问题清单}}', '', '# 打算', '- {{工作打算}}'));
    expect(t.sections[0]!.body[0]).toMatchObject({ draft: 'problems', item: false, parts: [] });
    expect(t.sections[1]!.body[0]).toMatchObject({ draft: 'plans', item: true, parts: [] });
    // Anywhere else inside text it is not a draft, and not a figure either.
    expect(parseError(tpl('问题：{{问题清单}}')).code).toBe('TEMPLATE_INVALID');
  });

  it('drops comments anywhere in the body', () => {
    const t = parseTemplate(tpl('# 甲', '文字<!-- 注释 -->。', '<!--', '整段注释', '-->', '', '第二段。'));
    expect(t.sections[0]!.body.map(textOf)).toEqual(['文字。', '第二段。']);
  });

  it('lists every figure referred to once per form, in order of first appearance, otherwise lines included', () => {
    const t = parseTemplate(
      tpl('{{members_total}}名', '# 甲', '{{party_lectures}}次[，{{theme_party_days}}次]，同比{{party_lectures:同比}}，{{party_lectures}}', '否则：{{honors_members}}人'),
    );
    expect(templateFigureIds(t)).toEqual([
      { id: 'members_total', form: 'value' },
      { id: 'party_lectures', form: 'value' },
      { id: 'theme_party_days', form: 'value' },
      { id: 'party_lectures', form: 'yoy' },
      { id: 'honors_members', form: 'value' },
    ]);
  });
});
