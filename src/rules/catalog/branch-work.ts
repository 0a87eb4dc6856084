/**
 * Organizational life and set-up of branches: 《中国共产党支部工作条例（试行）》 (中共中央, 2018-10), with 党章 where it
 * is the source, and the local practice that the central text leaves open (党课 frequency). domain-rules §1, §2.
 */
import { BRANCH_KINDS } from '../../shared/vocab.js';
import type { RuleDef, RuleSet } from '../types.js';

const REG = '《中国共产党支部工作条例（试行）》';
const XGLL = 'http://xgll.com.cn/zt/fzxcyrysf/2021-09/17/content_380854.htm';
const STANDING_BRANCHES = BRANCH_KINDS.filter((k) => k !== '临时党支部');

const rules: RuleDef[] = [
  {
    id: 'life.general-meeting',
    family: 'org-life',
    title: '支部党员大会每季度召开1次',
    appliesTo: { kinds: BRANCH_KINDS, temporary: 'included' },
    requirement: { type: 'meeting-frequency', meetingKind: '支部党员大会', every: 'quarter', count: 1 },
    enforcement: 'deadline',
    citation: { regulation: REG, article: '第十一条', certainty: 'verified', source: 'http://www.xgll.com.cn/zt/fzxcyrysf/2021-09/16/content_380801.htm' },
  },
  {
    id: 'life.committee-meeting',
    family: 'org-life',
    title: '支部委员会会议每月召开1次',
    appliesTo: { kinds: BRANCH_KINDS, temporary: 'included', committee: true },
    requirement: { type: 'meeting-frequency', meetingKind: '支委会', every: 'month', count: 1 },
    enforcement: 'deadline',
    citation: { regulation: REG, article: '第十二条', certainty: 'verified', source: XGLL },
  },
  {
    id: 'life.group-meeting',
    family: 'org-life',
    title: '党小组会每月召开1次',
    appliesTo: { kinds: ['党小组'] },
    requirement: { type: 'meeting-frequency', meetingKind: '党小组会', every: 'month', count: 1 },
    enforcement: 'deadline',
    citation: { regulation: REG, article: '第十三条', certainty: 'verified', source: XGLL },
  },
  {
    id: 'life.party-day',
    family: 'org-life',
    title: '主题党日每月开展1次',
    appliesTo: { kinds: BRANCH_KINDS, temporary: 'included' },
    requirement: { type: 'meeting-frequency', meetingKind: '主题党日', every: 'month', count: 1 },
    enforcement: 'deadline',
    citation: { regulation: REG, article: '第十六条', certainty: 'verified', articleCertainty: 'recollection', source: 'http://jsjx.cxxy.seu.edu.cn/2021/0529/c371a48041/page.htm' },
  },
  {
    id: 'life.lesson',
    family: 'org-life',
    title: '党支部按规定上党课',
    appliesTo: { kinds: BRANCH_KINDS, temporary: 'included' },
    requirement: { type: 'meeting-frequency', meetingKind: '党课', every: 'quarter', count: 1 },
    enforcement: 'deadline',
    // The central text requires 党课 but sets no branch frequency; the quarterly rule is local practice.
    citation: { regulation: REG, article: '第十六条', certainty: 'local', source: 'https://yihaowenku.com/doc/18779.html' },
    params: [
      { name: 'every', label: '党课周期', kind: 'every' },
      { name: 'count', label: '每周期至少次数', kind: 'int', min: 1, max: 12 },
    ],
  },
  {
    id: 'life.review-meeting',
    family: 'org-life',
    title: '组织生活会每年至少召开1次（一般在第四季度）',
    appliesTo: { kinds: BRANCH_KINDS, temporary: 'included' },
    requirement: { type: 'meeting-frequency', meetingKind: '组织生活会', every: 'year', count: 1 },
    enforcement: 'deadline',
    citation: { regulation: REG, article: '第十七条', certainty: 'verified', source: 'https://miniwenda.com/life/245598.html' },
  },
  {
    id: 'life.member-appraisal',
    family: 'org-life',
    title: '民主评议党员每年开展1次',
    appliesTo: { kinds: STANDING_BRANCHES },
    requirement: { type: 'meeting-frequency', meetingKind: '民主评议党员', every: 'year', count: 1 },
    enforcement: 'deadline',
    citation: { regulation: REG, article: '第十九条', certainty: 'verified', articleCertainty: 'recollection', source: 'https://pofan.com.cn/info/1115/4984.html' },
  },
  {
    id: 'life.general-quorum',
    family: 'org-life',
    title: '支部党员大会须有半数以上有表决权的党员到会',
    appliesTo: { kinds: BRANCH_KINDS, temporary: 'included' },
    requirement: { type: 'meeting-quorum', meetingKinds: ['支部党员大会'], num: 1, den: 2, inclusive: false },
    enforcement: 'interval',
    citation: { regulation: REG, article: '第十四条', certainty: 'verified', source: 'http://xgll.com.cn/zt/fzxcyrysf/2021-09/17/content_380854.htm' },
  },
  {
    id: 'life.committee-quorum',
    family: 'org-life',
    title: '支部委员会会议须有半数以上委员到会',
    appliesTo: { kinds: BRANCH_KINDS, temporary: 'included' },
    requirement: { type: 'meeting-quorum', meetingKinds: ['支委会'], num: 1, den: 2, inclusive: false },
    enforcement: 'interval',
    citation: { regulation: REG, article: '第十二条', certainty: 'verified', source: XGLL },
  },
  {
    id: 'setup.committee-required',
    family: 'org-setup',
    title: '正式党员7人以上的党支部应当设立支部委员会',
    appliesTo: { kinds: STANDING_BRANCHES },
    requirement: { type: 'committee-required', minFull: 7 },
    enforcement: 'deadline',
    citation: { regulation: REG, article: '第二十一条', certainty: 'verified', source: 'http://m.sp522.com/detail/19979' },
  },
  {
    id: 'setup.branch-min-full',
    family: 'org-setup',
    title: '单独建立的党支部应有正式党员3人以上（不足3人的组建联合党支部）',
    appliesTo: { kinds: ['党支部'] },
    requirement: { type: 'branch-min-full', minFull: 3 },
    enforcement: 'deadline',
    citation: { regulation: REG, article: '第四条', certainty: 'verified', source: 'http://uianet.net/dictionary/b1164406.html' },
  },
  {
    id: 'setup.branch-max-members',
    family: 'org-setup',
    title: '党支部党员人数一般不超过50人',
    appliesTo: { kinds: STANDING_BRANCHES },
    requirement: { type: 'branch-max-members', max: 50 },
    enforcement: 'deadline',
    citation: { regulation: REG, article: '第四条', certainty: 'verified', source: 'http://uianet.net/dictionary/b1164406.html' },
    params: [{ name: 'max', label: '党员人数上限', kind: 'int', min: 10, max: 100 }],
  },
  {
    id: 'members.org-life-lapse',
    family: 'members',
    title: '党员无正当理由连续6个月不参加党的组织生活',
    appliesTo: { kinds: STANDING_BRANCHES },
    requirement: { type: 'org-life-lapse', months: 6, warnMonths: 3 },
    enforcement: 'interval',
    citation: { regulation: '《中国共产党章程》', article: '第九条', certainty: 'verified', source: 'https://www.lvshuolvda.com/flwd/763593.html' },
    params: [{ name: 'warnMonths', label: '提醒月数', kind: 'int', min: 1, max: 5 }],
  },
];

export const BRANCH_WORK_2018: RuleSet = {
  id: 'branch-work-2018',
  title: '党支部工作条例',
  regulation: REG,
  issuedOn: '2018-10-28',
  effectiveFrom: null,
  line: 'branch-work',
  certainty: 'verified',
  rules,
};

/** Leadership teams: 《县以上党和国家机关党员领导干部民主生活会若干规定》 (2016) and the 书记's own 党课. */
export const LEADERSHIP_2016: RuleSet = {
  id: 'leadership-2016',
  title: '领导班子民主生活会与书记讲党课',
  regulation: '《县以上党和国家机关党员领导干部民主生活会若干规定》',
  issuedOn: '2016-12-15',
  effectiveFrom: null,
  line: 'leadership',
  certainty: 'verified',
  rules: [
    {
      id: 'life.leadership-review',
      family: 'org-life',
      title: '领导班子民主生活会每年召开1次（一般在第四季度）',
      appliesTo: { kinds: ['党委', '党工委', '党组'], leadingBody: true },
      requirement: { type: 'meeting-frequency', meetingKind: '民主生活会', every: 'year', count: 1 },
      enforcement: 'deadline',
      citation: { regulation: '《县以上党和国家机关党员领导干部民主生活会若干规定》', article: null, certainty: 'verified', source: 'http://hnsqpki.cn/special/khmzshh/' },
    },
    {
      id: 'life.leadership-quorum',
      family: 'org-life',
      title: '民主生活会到会人数须达应到会人数的三分之二以上',
      appliesTo: { kinds: ['党委', '党工委', '党组'], leadingBody: true },
      requirement: { type: 'meeting-quorum', meetingKinds: ['民主生活会'], num: 2, den: 3, inclusive: true },
      enforcement: 'interval',
      citation: { regulation: '《县以上党和国家机关党员领导干部民主生活会若干规定》', article: null, certainty: 'verified', source: 'https://czqahb.com/article/186832155.html' },
    },
    {
      id: 'life.secretary-lesson',
      family: 'org-life',
      title: '党委（党组）书记每年至少讲1次党课',
      appliesTo: { kinds: ['党委', '党工委', '党组'], leadingBody: true },
      requirement: { type: 'meeting-frequency', meetingKind: '党课', every: 'year', count: 1 },
      enforcement: 'deadline',
      citation: { regulation: REG, article: '第十六条', certainty: 'verified', articleCertainty: 'recollection', source: 'http://glnlw.com/duanwujieduanxin/3slvvkyfao.html' },
    },
  ],
};
