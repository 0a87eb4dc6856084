/**
 * Meeting topics, absence reasons and minutes for the demo county. Topics tied to an event (二十大, 主题教育, 党纪学习
 * 教育 …) are only used from the date of the event, and campaigns only while they ran, so no record is anachronistic.
 */
import type { IsoDate } from '../../shared/dates.js';
import type { Profile } from './demo-types.js';
import type { Rng } from './rng.js';

interface Topic {
  text: string;
  from?: IsoDate;
  to?: IsoDate;
}

const STUDY: readonly Topic[] = [
  { text: '学习《中国共产党章程》' },
  { text: '学习《中国共产党支部工作条例（试行）》' },
  { text: '学习《中国共产党纪律处分条例》' },
  { text: '学习习近平新时代中国特色社会主义思想' },
  { text: '重温入党誓词，过政治生日' },
  { text: '观看警示教育片，开展廉政教育' },
  { text: '学习党的十九大精神', from: '2017-10-25', to: '2022-10-15' },
  { text: '党史学习教育专题学习', from: '2021-02-20', to: '2021-12-31' },
  { text: '学习习近平总书记在庆祝中国共产党成立100周年大会上的重要讲话', from: '2021-07-01', to: '2022-06-30' },
  { text: '学习贯彻党的十九届六中全会精神', from: '2021-11-12', to: '2022-10-15' },
  { text: '学习贯彻党的二十大精神', from: '2022-10-23' },
  { text: '学习贯彻习近平新时代中国特色社会主义思想主题教育', from: '2023-04-03', to: '2024-01-31' },
  { text: '党纪学习教育：逐章逐条学习《中国共产党纪律处分条例》', from: '2024-04-08', to: '2024-07-31' },
  { text: '学习贯彻党的二十届三中全会精神', from: '2024-07-19' },
  { text: '深入贯彻中央八项规定精神学习教育', from: '2025-03-20', to: '2025-07-31' },
  { text: '学习贯彻党的二十届四中全会精神', from: '2025-10-24' },
];

const PARTY_DAY: readonly string[] = [
  '开展志愿服务活动', '走访慰问困难党员和老党员', '人居环境整治志愿服务', '交纳党费，通报党费收缴情况', '参观红色教育基地',
  '开展"亮身份、作表率"活动', '开展文明城市创建志愿服务', '开展安全生产检查', '防汛防台志愿服务', '垃圾分类宣传志愿服务',
];

const VILLAGE_BUSINESS: readonly string[] = [
  '按照"四议两公开"讨论村级重大事项', '讨论村集体经济发展项目', '通报村务、财务公开情况', '讨论乡村振兴重点工作',
];

const COMMITTEE: readonly string[] = [
  '研究本月主题党日安排', '研究党费收缴使用情况', '研究确定入党积极分子', '研究季度工作计划', '研究党员教育培训工作',
  '研究困难党员帮扶工作', '研究落实上级党组织工作部署', '研究意识形态工作', '研究党风廉政建设工作',
];

const GENERAL_MEETING: readonly string[] = [
  '通报支部工作情况，审议支部工作计划', '传达学习上级会议精神', '讨论支部年度重点工作', '听取党员思想汇报和工作汇报',
];

const LESSONS: readonly string[] = [
  '书记讲党课：坚定理想信念，践行初心使命', '党课：发挥党支部战斗堡垒作用', '党课：做新时代合格党员',
  '党课：以高质量党建引领高质量发展', '党课：弘扬伟大建党精神', '党课：严守纪律规矩，永葆清正廉洁',
];

const CENTRAL_GROUP: readonly string[] = [
  '专题学习习近平总书记重要讲话精神', '专题学习意识形态工作责任制', '专题学习全面从严治党', '专题学习乡村振兴战略',
  '专题学习安全生产和防灾减灾', '专题学习共同富裕示范区建设', '专题学习法治建设', '专题学习生态文明建设',
];

/**
 * Topics of a 党委（常委）会 (kind 党委会), by subject: the meeting figures read party building, ideology, talent work
 * and “三重一大” from these words (src/modules/meetings/meeting-figures.ts).
 */
const COMMITTEE_SESSION: Record<'partyBuilding' | 'ideology' | 'talent' | 'majorDecision' | 'general', readonly string[]> = {
  partyBuilding: [
    '研究部署基层党建重点任务', '听取基层党建工作述职评议情况汇报', '研究落实全面从严治党主体责任', '研究党的建设工作要点',
    '党建工作领导小组会议：研究基层党组织建设', '研究发展党员和党员队伍建设工作', '研究年度组织工作要点',
  ],
  ideology: ['专题研究意识形态工作', '听取意识形态工作责任制落实情况汇报', '分析研判意识形态领域形势，部署网络意识形态工作'],
  talent: ['研究人才工作，部署乡土人才培育', '听取人才工作领导小组工作汇报', '研究引进培养急需紧缺人才'],
  majorDecision: [
    '研究“三重一大”事项：年度预算安排', '研究“三重一大”事项：重大项目建设', '研究“三重一大”事项：大额资金使用',
    '研究“三重一大”事项：干部任免',
  ],
  general: [
    '传达学习上级会议精神，研究贯彻落实意见', '研究经济社会发展重点工作', '研究安全生产和防汛防台工作',
    '研究乡村振兴重点工作', '研究信访维稳工作', '研究党风廉政建设和反腐败工作',
  ],
};

/** The name a 党委会 goes by: the county's 常委会, a 党工委's 党工委会议, any other committee's 党委会议. */
export type CommitteeBody = '县委常委会会议' | '党工委会议' | '党委会议';

/** A 党委会's topic: one in three on party building, then general business, 三重一大, ideology and talent work. */
export function committeeSessionTopic(rng: Rng, body: CommitteeBody): string {
  const subject = rng.weighted([['partyBuilding', 30], ['general', 32], ['majorDecision', 16], ['ideology', 12], ['talent', 10]] as const);
  const text = rng.pick(COMMITTEE_SESSION[subject]);
  // A topic that names its own meeting (党建工作领导小组会议) is not prefixed with the committee's.
  return text.includes('会议：') ? text : `${body}：${text}`;
}

/** The county's quarterly joint meeting on ideology and public opinion (意识形态工作联席会议暨舆情会商会). */
export function jointIdeologyTopic(year: number, quarter: number): string {
  return `${year}年第${['一', '二', '三', '四'][quarter - 1]}季度意识形态工作联席会议暨舆情会商会`;
}

function applicable(topics: readonly Topic[], on: IsoDate): string[] {
  return topics.filter((t) => (!t.from || on >= t.from) && (!t.to || on <= t.to)).map((t) => t.text);
}

export function topicFor(rng: Rng, kind: string, on: IsoDate, profile: Profile | null): string {
  const study = applicable(STUDY, on);
  const recentStudy = study.slice(-4);
  const year = Number(on.slice(0, 4));
  switch (kind) {
    case '主题党日':
      return rng.chance(0.5) ? rng.pick(recentStudy) : profile === 'village' && rng.chance(0.4) ? rng.pick(VILLAGE_BUSINESS) : rng.pick(PARTY_DAY);
    case '支委会':
      return rng.pick(COMMITTEE);
    case '支部党员大会':
      return rng.chance(0.4) ? rng.pick(recentStudy) : profile === 'village' && rng.chance(0.3) ? rng.pick(VILLAGE_BUSINESS) : rng.pick(GENERAL_MEETING);
    case '党小组会':
      return rng.chance(0.6) ? rng.pick(recentStudy) : '组织党员学习交流，收集意见建议';
    case '党课':
      return rng.chance(0.5) ? rng.pick(LESSONS) : `专题党课：${rng.pick(recentStudy)}`;
    case '组织生活会':
      return `${year}年度组织生活会：对照检视问题，开展批评和自我批评`;
    case '民主评议党员':
      return `${year}年度民主评议党员`;
    case '民主生活会':
      return `${year}年度领导班子民主生活会`;
    case '理论学习中心组学习':
      return rng.chance(0.5) ? `理论学习中心组${rng.pick(recentStudy)}` : `理论学习中心组${rng.pick(CENTRAL_GROUP)}`;
    case '谈心谈话':
      return rng.pick(['支部书记与党员谈心谈话', '支委与党员谈心谈话', '了解党员思想、工作和生活情况']);
    default:
      return rng.pick(recentStudy);
  }
}

export function absenceReason(rng: Rng, profile: Profile | null, m: { isMobile: boolean; age: number }): string | null {
  if (m.isMobile) return rng.weighted([['外出务工', 6], ['在外地工作', 3], ['流动在外', 1]]);
  if (m.age >= 75) return rng.weighted([['年老体弱', 5], ['病假', 3], ['行动不便', 2]]);
  if (rng.chance(0.05)) return null;
  switch (profile) {
    case 'village':
      return rng.weighted([['外出务工', 25], ['农忙', 15], ['事假', 25], ['病假', 20], ['照顾家人', 15]]);
    case 'community':
    case 'retired':
      return rng.weighted([['事假', 35], ['病假', 35], ['外出探亲', 15], ['照顾家人', 15]]);
    case 'hospital':
      return rng.weighted([['值班', 35], ['手术', 15], ['病假', 15], ['事假', 15], ['外出学习培训', 20]]);
    case 'soe':
    case 'private':
      return rng.weighted([['出差', 30], ['生产任务', 25], ['事假', 20], ['病假', 15], ['值班', 10]]);
    default:
      return rng.weighted([['出差', 25], ['公务外出', 20], ['病假', 15], ['事假', 15], ['外出学习培训', 15], ['值班', 10]]);
  }
}

export function minutesFor(rng: Rng, host: string, topic: string, expected: number, attended: number): string | null {
  if (rng.chance(0.08)) return null;
  const tail = rng.pick(['与会党员结合工作实际作了交流发言。', '会议对下一步工作作了部署。', '与会人员进行了讨论，形成一致意见。', '会议要求全体党员抓好贯彻落实。']);
  return `会议由${host}主持，应到${expected}人，实到${attended}人。${topic}。${tail}`;
}
