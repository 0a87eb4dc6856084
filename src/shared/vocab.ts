/**
 * The closed vocabularies of the records, in the Party's own terms. Where the national roster
 * (全国党员管理信息系统) has a code, it is kept beside the label (../shared/party-statistics.md §4c).
 */

/** 组织类别, with the national roster's codes where they exist (611 党委 … 931 临时党支部). */
export const ORG_KINDS = ['党委', '党工委', '党总支', '党支部', '联合党支部', '临时党支部', '党组', '党小组'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_CODES: Record<OrgKind, string | null> = {
  党委: '611',
  党工委: null, // a working committee (派出机关) has no code among the 组织类别 seen; see party-statistics.md §4c
  党总支: '621',
  党支部: '631',
  联合党支部: '632',
  临时党支部: '931',
  党组: '612',
  党小组: '641',
};

/** Organizations whose members are recorded there (党章: every member belongs to a branch). */
export const BRANCH_KINDS: readonly OrgKind[] = ['党支部', '联合党支部', '临时党支部'];

/** 单位类型 (sector of the unit where the organization is set up). */
export const SECTORS = ['农村', '社区', '机关', '事业单位', '国有企业', '非公有制企业', '社会组织', '学校', '其他'] as const;
export type Sector = (typeof SECTORS)[number];

export const GENDERS = ['男', '女'] as const;
export type Gender = (typeof GENDERS)[number];

/** The 56 ethnic groups (GB/T 3304), plus 其他 for a naturalized citizen's unrecognized group. */
export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族', '其他',
] as const;

/** 学历, as the annual statistics table 4 (党员学历情况) cuts it. */
export const EDUCATIONS = ['研究生', '大学本科', '大学专科', '中专', '高中、中技', '初中及以下'] as const;
export type Education = (typeof EDUCATIONS)[number];
/** 大专及以上, as the published statistics (公报) count it. */
export const COLLEGE_OR_ABOVE: readonly Education[] = ['研究生', '大学本科', '大学专科'];

/** 人员类别 (occupation), the eight groups of the 党内统计公报 (domain-rules §7). */
export const OCCUPATIONS = [
  '工人（工勤技能人员）',
  '农牧渔民',
  '企事业单位、社会组织专业技术人员',
  '企事业单位、社会组织管理人员',
  '党政机关工作人员',
  '学生',
  '其他职业人员',
  '离退休人员',
] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

/** 党员类别. */
export const MEMBER_STATUSES = ['预备党员', '正式党员'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** How a member came onto this county's roll (进入本信息系统类型). */
export const ENTRY_KINDS = ['发展党员', '转入组织关系', '恢复党籍', '其他'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Why a member left the roll (离开本信息系统类型). A member is never deleted; leaving records one of these. */
export const LEAVE_REASONS = [
  '转出组织关系',
  '死亡',
  '开除党籍',
  '除名',
  '退党',
  '停止党籍',
  '取消预备党员资格',
] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];

/** 会议类型 (organizational life). */
export const MEETING_KINDS = [
  '支部党员大会',
  '支委会',
  '党小组会',
  '党课',
  '主题党日',
  '组织生活会',
  '民主评议党员',
  '民主生活会',
  '理论学习中心组学习',
  '谈心谈话',
  /** A meeting of a 党委 / 党工委 / 党组 (its standing committee included): 党委会, 常委会, 专题党委会, 党建工作领导小组会. */
  '党委会',
  '其他',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Development stages (发展党员五个阶段), plus the terminal outcomes. */
export const DEVELOPMENT_STAGES = ['入党申请人', '入党积极分子', '发展对象', '预备党员', '正式党员'] as const;
export type DevelopmentStage = (typeof DEVELOPMENT_STAGES)[number];

/** 党内职务 held in the member's own organization (书记、副书记; 委员 of a branch committee, 总支 or 党委). */
export const PARTY_POSTS = ['书记', '副书记', '委员'] as const;
export type PartyPost = (typeof PARTY_POSTS)[number];

/** Levels of organizers, awarding bodies and home units (中央 … 单位). */
export const LEVELS = ['中央', '省级', '市（州）级', '县级', '乡镇（街道）级', '村（社区）级', '本单位'] as const;
export type Level = (typeof LEVELS)[number];

/** A member's own study (学习记录). */
export const STUDY_KINDS = ['集中学习', '网络培训', '专题讲座', '自学', '读书', '考试测试', '其他'] as const;
export type StudyKind = (typeof STUDY_KINDS)[number];

/** Training classes and organized study events (教育培训). */
export const TRAINING_KINDS = ['培训班', '专题讲座', '现场教学', '理论宣讲', '警示教育', '大讲堂', '以考促学', '观摩学习', '初任培训'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

/** Whom a training is for (培训对象). */
export const TRAINING_AUDIENCES = [
  '全体党员',
  '基层党组织书记',
  '村（社区）党组织书记',
  '村（社区）“两委”成员',
  '党务工作者',
  '新任干部',
  '入党积极分子和发展对象',
  '机关干部',
  '公务员',
  '群众',
] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];

/** Service records (服务记录). */
export const SERVICE_KINDS = ['志愿服务', '办实事', '社情民意', '矛盾纠纷化解'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export const SERVICE_STATUSES = ['办理中', '已办结'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** Teams (服务队伍): volunteer teams, commando teams and vanguard posts. */
export const TEAM_KINDS = ['志愿服务队', '党员突击队', '党员先锋岗'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

/** Honors (表彰、命名、推荐、选树、评选). */
export const HONOR_KINDS = ['表彰', '命名', '推荐', '选树', '评选'] as const;
export type HonorKind = (typeof HONOR_KINDS)[number];
export const RECIPIENT_KINDS = ['个人', '集体', '家庭'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** Responsibility lists (清单). */
export const LIST_KINDS = ['主体责任清单', '任务清单', '工作要点', '责任书'] as const;
export type ListKind = (typeof LIST_KINDS)[number];
/** A task's own status; "overdue" is derived from the deadline, never stored. */
export const TASK_STATUSES = ['未开始', '进行中', '已完成', '已取消'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_EVENT_KINDS = ['进展', '督办', '催办', '约谈', '提醒'] as const;
export type TaskEventKind = (typeof TASK_EVENT_KINDS)[number];

/** Inspection rounds and where problems come from (整改台账). */
export const INSPECTION_KINDS = ['巡察', '专项督查', '监督检查', '调研督导', '实地督查', '抽查'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const UNIT_KINDS = ['乡镇（街道）', '县直部门', '村', '社区', '企业', '学校', '医院', '其他'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const PROBLEM_SOURCES = [
  '巡察',
  '专项督查',
  '监督检查',
  '调研督导',
  '查摆',
  '组织生活会',
  '民主生活会',
  '述职评议',
  '审计',
  '党建联系点',
  '其他',
] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];
export const PROBLEM_LEVELS = ['组织层面', '个人层面'] as const;
export type ProblemLevel = (typeof PROBLEM_LEVELS)[number];
/** The workflow: statuses move only forward; re-opening (重新整改) is an event of its own. */
export const PROBLEM_STATUSES = ['待整改', '整改中', '待验收', '已销号'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/** Ratings and weak organizations. */
export const RATING_KINDS = ['分类定级', '星级'] as const;
export type RatingKind = (typeof RATING_KINDS)[number];
export const WEAK_CASE_SOURCES = ['数据提示', '上级认定', '自查'] as const;
export const WEAK_CASE_STATUSES = ['待研判', '整顿中', '已销号', '不予认定'] as const;
export type WeakCaseStatus = (typeof WEAK_CASE_STATUSES)[number];
export const DESIGNATION_KINDS = ['示范党支部', '最强党支部', '双强党支部', '星级党组织', '党建示范村', '标准化规范化达标'] as const;
export type DesignationKind = (typeof DESIGNATION_KINDS)[number];
export const DESIGNATION_ACTIONS = ['命名', '新建', '提升', '复核'] as const;

/** Disclosures (三务公开). */
export const DISCLOSURE_CATEGORIES = ['党务', '村务', '财务'] as const;
export type DisclosureCategory = (typeof DISCLOSURE_CATEGORIES)[number];
export const DISCLOSURE_CADENCES = ['每月', '每季度', '每半年', '每年', '随时'] as const;
export type DisclosureCadence = (typeof DISCLOSURE_CADENCES)[number];

/** Cadre events and the publicity ledger. */
export const CADRE_EVENT_KINDS = [
  '调整',
  '提拔',
  '职级晋升',
  '招录',
  '引进人才',
  '后备干部',
  '年轻干部入库',
  '选派',
  '提醒谈话',
  '诫勉',
  '责令检查',
  '考核评优',
] as const;
export type CadreEventKind = (typeof CADRE_EVENT_KINDS)[number];
export const MEDIUM_LEVELS = ['中央', '省级', '市（州）级', '县级', '其他主流', '自有平台'] as const;
export type MediumLevel = (typeof MEDIUM_LEVELS)[number];
export const PUBLICATION_FORMS = ['图文', '视频', '微视频', '直播', '专版', '广播', '宣传品'] as const;
export type PublicationForm = (typeof PUBLICATION_FORMS)[number];

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
