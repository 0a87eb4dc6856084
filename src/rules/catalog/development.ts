/**
 * The development procedure: 《中国共产党发展党员工作细则》 2014 (the baseline we could verify) and its 2026 revision,
 * whose text we could not read: the 2026 set renumbers the articles and adds the limits that code bases attribute to
 * it, every such parameter marked unverified (domain-rules §0, §3.2). A check uses the version in force on the day of
 * the step it judges.
 */
import type { RuleDef, RuleSet } from '../types.js';

const REG = '《中国共产党发展党员工作细则》';
const DEV_KINDS = ['党支部', '联合党支部'] as const;
const on = { kinds: DEV_KINDS, temporary: 'excluded' } as const;

const rules2014: RuleDef[] = [
  {
    id: 'dev.min-age', family: 'development', title: '年满18岁方可申请入党', appliesTo: on,
    requirement: { type: 'min-age', years: 18 }, enforcement: 'interval',
    citation: { regulation: REG, article: '第五条', certainty: 'verified', source: 'https://scuhx.com/117.html' },
  },
  {
    id: 'dev.interview', family: 'development', title: '收到入党申请书后1个月内派人谈话', appliesTo: on,
    requirement: { type: 'step-deadline', from: 'appliedOn', to: 'interviewedOn', months: 1 }, enforcement: 'deadline',
    citation: { regulation: REG, article: '第七条', certainty: 'verified', articleCertainty: 'recollection', source: 'http://www.zaiyixing.com/2936/' },
  },
  {
    id: 'dev.application-to-activist', family: 'development', title: '递交申请书满6个月后方可确定为入党积极分子（地方规定）', appliesTo: on,
    requirement: { type: 'step-interval', from: 'appliedOn', to: 'activistOn', months: 6 }, enforcement: 'interval',
    citation: { regulation: '地方规定', article: null, certainty: 'local', source: 'http://www.tccu.edu.cn/wgy/2019/0517/c2280a17618/page.htm' },
    optional: true,
    params: [{ name: 'months', label: '最短月数', kind: 'int', min: 1, max: 12 }],
  },
  {
    id: 'dev.activist-one-year', family: 'development', title: '经过1年以上培养教育和考察方可确定为发展对象', appliesTo: on,
    requirement: { type: 'step-interval', from: 'activistOn', to: 'candidateOn', months: 12 }, enforcement: 'interval',
    citation: { regulation: REG, article: '第十三条', certainty: 'verified', source: 'http://uianet.net/dictionary/b9239109.html' },
  },
  {
    id: 'dev.introducers', family: 'development', title: '发展对象须有2名正式党员作入党介绍人', appliesTo: on,
    requirement: { type: 'introducers', count: 2 }, enforcement: 'interval',
    citation: { regulation: REG, article: '第十四条', certainty: 'verified', source: 'https://dianying.588733.com/zhanzhengdianying/geqliuua0s.html' },
  },
  {
    id: 'dev.political-review', family: 'development', title: '未经政治审查或政治审查不合格的不能发展入党', appliesTo: on,
    requirement: { type: 'step-before', step: 'politicalReviewOn', before: 'branchMeetingOn' }, enforcement: 'interval',
    citation: { regulation: REG, article: '第十六条', certainty: 'verified', source: 'http://crsrw.com/falvjiangtang/83225.html' },
  },
  {
    id: 'dev.training', family: 'development', title: '发展对象须经3天或24学时以上短期集中培训', appliesTo: on,
    requirement: { type: 'training', minDays: 3, minHours: 24 }, enforcement: 'interval',
    citation: { regulation: REG, article: '第十七条', certainty: 'verified', source: 'https://www.leexue.com/miaozhi/663115120250981048.html' },
  },
  {
    id: 'dev.meeting-after-pre-review', family: 'development', title: '预审合格后1个月内提交支部大会讨论（地方规定）', appliesTo: on,
    requirement: { type: 'step-deadline', from: 'preReviewOn', to: 'branchMeetingOn', months: 1 }, enforcement: 'deadline',
    citation: { regulation: '地方规定', article: null, certainty: 'local', source: 'http://www.tccu.edu.cn/wgy/2019/0517/c2280a17618/page.htm' },
    optional: true,
  },
  {
    id: 'dev.approval', family: 'development', title: '支部大会通过后上级党委3个月内审批（特殊情况不超过6个月）', appliesTo: on,
    requirement: { type: 'step-deadline', from: 'branchMeetingOn', to: 'approvedOn', months: 3, hardMonths: 6 }, enforcement: 'deadline',
    citation: { regulation: REG, article: '第二十六条', certainty: 'verified', articleCertainty: 'recollection', source: 'https://p2.ttnews.xyz/a/5e5f7733dc9b5e42aa24906c?lang=zh-hant' },
  },
  {
    id: 'dev.probation-not-before', family: 'development', title: '预备期自支部大会通过之日起计算，预备期未满不得讨论转正', appliesTo: on,
    requirement: { type: 'probation-not-before' }, enforcement: 'interval',
    citation: { regulation: REG, article: '第三十二条', certainty: 'verified', source: 'https://88.wendadaohang.com/zd/MSSaaMVMMcM1cV1SKBB.html' },
  },
  {
    id: 'dev.conversion-promptly', family: 'development', title: '预备期满应当及时讨论转正（转入的预备党员可推迟至6个月）', appliesTo: on,
    requirement: { type: 'conversion-promptly', months: 1, transferredInMonths: 6 }, enforcement: 'deadline',
    citation: { regulation: REG, article: '第三十二条、第三十六条', certainty: 'verified', source: 'http://uianet.net/dictionary/b468676.html' },
    params: [{ name: 'months', label: '预备期满后讨论期限（月，地方规定）', kind: 'int', min: 1, max: 3 }],
  },
  {
    id: 'dev.extension-range', family: 'development', title: '延长预备期只能一次，最短6个月，最长1年', appliesTo: on,
    requirement: { type: 'extension-range', minMonths: 6, maxMonths: 12 }, enforcement: 'interval',
    citation: { regulation: REG, article: '第三十二条', certainty: 'verified', source: 'https://88.wendadaohang.com/zd/MSSaaMVMMcM1cV1SKBB.html' },
  },
  {
    id: 'dev.conversion-approval', family: 'development', title: '支部大会讨论转正后上级党委3个月内审批', appliesTo: on,
    requirement: { type: 'step-deadline', from: 'conversionMeetingOn', to: 'conversionApprovedOn', months: 3 }, enforcement: 'deadline',
    citation: { regulation: REG, article: '第三十四条', certainty: 'verified', source: 'http://uianet.net/dictionary/b468676.html' },
  },
];

export const DEVELOPMENT_2014: RuleSet = {
  id: 'development-2014',
  title: '发展党员工作细则（2014年）',
  regulation: REG,
  issuedOn: '2014-05-28',
  effectiveFrom: null,
  line: 'development',
  certainty: 'verified',
  rules: rules2014,
};

/**
 * Article numbers of the 2026 text (domain-rules appendix: an unofficial full-text copy whose numbers an independent
 * code base matches; never compared with the official publication), hence unverified.
 */
const ARTICLES_2026: Record<string, string | null> = {
  'dev.min-age': '第五条',
  'dev.interview': '第七条',
  'dev.application-to-activist': null,
  'dev.activist-one-year': '第十三条',
  'dev.introducers': '第十四条',
  'dev.political-review': '第十六条',
  'dev.training': '第十七条',
  'dev.meeting-after-pre-review': '第十九条',
  'dev.approval': '第二十五条',
  'dev.probation-not-before': '第三十一条',
  'dev.conversion-promptly': '第三十一条、第三十五条',
  'dev.extension-range': '第三十一条',
  'dev.conversion-approval': '第三十三条',
};

const rules2026: RuleDef[] = [
  ...rules2014.map((r): RuleDef => {
    // Local practice stays local practice, cited as before.
    if (r.citation.certainty === 'local' && r.id !== 'dev.meeting-after-pre-review') return r;
    const revised: RuleDef = {
      ...r,
      citation: { regulation: `${REG}（2026年修订）`, article: ARTICLES_2026[r.id] ?? null, certainty: 'unverified' },
      unverified: ['article'],
    };
    if (r.id !== 'dev.meeting-after-pre-review') return revised;
    // Central text from 2026 (§19 "应当在1个月内"): no longer optional.
    const { optional: _optional, ...rest } = revised;
    return { ...rest, title: '预审合格后1个月内提交党支部党员大会讨论', citation: { ...revised.citation, certainty: 'unverified' }, unverified: ['article', 'months'] };
  }),
  {
    id: 'dev.oath', family: 'development', title: '批复同意接收后一般1个月内组织入党宣誓（县级以上党委可在七一、国庆等节点集中宣誓）', appliesTo: on,
    requirement: { type: 'step-deadline', from: 'approvedOn', to: 'oathOn', months: 1 }, enforcement: 'deadline',
    citation: { regulation: `${REG}（2026年修订）`, article: '第二十九条', certainty: 'unverified' },
    unverified: ['article', 'months'],
  },
];

export const DEVELOPMENT_2026: RuleSet = {
  id: 'development-2026',
  title: '发展党员工作细则（2026年修订，原文未核实）',
  regulation: `${REG}（2026年修订）`,
  issuedOn: '2026-05-11',
  effectiveFrom: '2026-05-11',
  line: 'development',
  certainty: 'unverified',
  note: '2026年5月11日中共中央办公厅发布。官方原文未能取得：条目编号和新增时限取自一份非官方全文副本并经一个独立开源系统印证，发布前须对照原文核实；新增的发展对象公示（不少于5个工作日）尚无记录可查。',
  rules: rules2026,
};
