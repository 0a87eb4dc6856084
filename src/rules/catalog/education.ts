/**
 * Party member education: 《中国共产党党员教育管理工作条例》 (中共中央, 2019年5月; domain-rules "党员教育学时"): members
 * spend at least 32 学时 a year in concentrated training and collective study (集中培训和集体学习); secretaries and
 * members of basic-level Party committees at least 56 学时, including at least one concentrated training. The text is
 * verified (a faithful rendering of it); its article number is not — 第十三条 is what the brief remembered, shown as
 * 条目编号待核实 until someone checks it against the official text.
 */
import type { RuleSet } from '../types.js';

const REG = '《中国共产党党员教育管理工作条例》';
const BRANCHES = ['党支部', '联合党支部', '临时党支部'] as const;

export const EDUCATION_2019: RuleSet = {
  id: 'education-2019',
  title: '党员教育培训',
  regulation: REG,
  // 2019年5月 (the day is not verified here).
  issuedOn: null,
  effectiveFrom: null,
  line: 'education',
  certainty: 'verified',
  note: '2019年5月印发。学时按集中培训参训登记和本人集中学习、网络培训、专题讲座记录计算；支部当年无任何学习培训记录的不作判断',
  rules: [
    {
      id: 'members.training-hours',
      family: 'members',
      title: '党员每年集中学习培训不少于32学时（书记、副书记、委员不少于56学时且至少参加1次集中培训）',
      appliesTo: { kinds: BRANCHES, temporary: 'included' },
      requirement: { type: 'training-hours', memberHours: 32, leaderHours: 56, leaderTrainings: 1, remindFromMonth: 10 },
      enforcement: 'deadline',
      citation: {
        regulation: REG,
        article: '第十三条',
        certainty: 'verified',
        articleCertainty: 'unverified',
        source: 'https://wodeyuanxiao.com/Educationandtraining/vxwvowpkge.html',
      },
    },
  ],
};
