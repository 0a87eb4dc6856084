/**
 * The dated steps of developing a new member (《中国共产党发展党员工作细则》 2014, 25 steps in five stages;
 * ../shared/domain-rules.md §3). Entering these dates is the only input: the stage and every figure derive from them.
 *
 * `requires`: steps that must already be recorded, on or before this one (the order of the procedure).
 * `follows`: steps that, when recorded, must come on or before this one.
 */
export interface StepDef {
  key: StepKey;
  column: StepColumn;
  label: string;
  step: string;
  requires: StepKey[];
  follows: StepKey[];
}

export const STEP_KEYS = [
  'appliedOn', 'interviewedOn', 'activistOn', 'contactsOn', 'candidateOn', 'politicalReviewOn', 'trainingStartOn',
  'trainingEndOn', 'committeeReviewOn', 'preReviewOn', 'branchMeetingOn', 'superiorInterviewOn', 'approvedOn', 'oathOn',
  'conversionAppliedOn', 'conversionMeetingOn', 'conversionApprovedOn', 'extensionDecidedOn',
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

export type StepColumn =
  | 'applied_on' | 'interviewed_on' | 'activist_on' | 'contacts_on' | 'candidate_on' | 'political_review_on'
  | 'training_start_on' | 'training_end_on' | 'committee_review_on' | 'pre_review_on' | 'branch_meeting_on'
  | 'superior_interview_on' | 'approved_on' | 'oath_on' | 'conversion_applied_on' | 'conversion_meeting_on'
  | 'conversion_approved_on' | 'extension_decided_on';

const s = (key: StepKey, column: StepColumn, label: string, step: string, requires: StepKey[], follows: StepKey[] = []): StepDef => ({
  key, column, label, step, requires, follows,
});

export const STEPS: StepDef[] = [
  s('appliedOn', 'applied_on', '申请入党日期', '①递交入党申请书', []),
  s('interviewedOn', 'interviewed_on', '谈话日期', '②党组织派人谈话', ['appliedOn']),
  s('activistOn', 'activist_on', '确定入党积极分子日期', '③推荐和确定入党积极分子', ['appliedOn'], ['interviewedOn']),
  s('contactsOn', 'contacts_on', '指定培养联系人日期', '⑤指定培养联系人', ['activistOn']),
  s('candidateOn', 'candidate_on', '确定发展对象日期', '⑦确定发展对象', ['activistOn']),
  s('politicalReviewOn', 'political_review_on', '政治审查日期', '⑩进行政治审查', ['candidateOn']),
  s('trainingStartOn', 'training_start_on', '集中培训开始日期', '⑪开展集中培训', ['activistOn']),
  s('trainingEndOn', 'training_end_on', '集中培训结束日期', '⑪开展集中培训', ['trainingStartOn']),
  s('committeeReviewOn', 'committee_review_on', '支部委员会审查日期', '⑫支部委员会审查', ['candidateOn'], ['politicalReviewOn', 'trainingEndOn']),
  s('preReviewOn', 'pre_review_on', '上级党委预审日期', '⑬上级党委预审', ['candidateOn'], ['committeeReviewOn', 'politicalReviewOn']),
  s('branchMeetingOn', 'branch_meeting_on', '支部大会讨论日期', '⑮支部大会讨论', ['candidateOn'], ['preReviewOn', 'committeeReviewOn', 'politicalReviewOn', 'trainingEndOn']),
  s('superiorInterviewOn', 'superior_interview_on', '上级党委派人谈话日期', '⑯上级党委派人谈话', ['branchMeetingOn']),
  s('approvedOn', 'approved_on', '上级党委审批日期', '⑰上级党委审批', ['branchMeetingOn'], ['superiorInterviewOn']),
  s('oathOn', 'oath_on', '入党宣誓日期', '⑳入党宣誓', ['approvedOn']),
  s('conversionAppliedOn', 'conversion_applied_on', '转正申请日期', '㉒提出转正申请', ['approvedOn']),
  s('conversionMeetingOn', 'conversion_meeting_on', '转正支部大会日期', '㉓支部大会讨论转正', ['approvedOn'], ['conversionAppliedOn']),
  s('conversionApprovedOn', 'conversion_approved_on', '转正审批日期', '㉔上级党委审批转正', ['conversionMeetingOn']),
  s('extensionDecidedOn', 'extension_decided_on', '延长预备期决定日期', '延长预备期', ['approvedOn']),
];

export const STEP_BY_KEY = new Map(STEPS.map((d) => [d.key, d]));

export type StepDates = Partial<Record<StepKey, string | null>>;

/** The current stage, derived from the dates alone. */
export function deriveStage(d: StepDates): '入党申请人' | '入党积极分子' | '发展对象' | '预备党员' | '正式党员' {
  if (d.conversionApprovedOn) return '正式党员';
  if (d.approvedOn) return '预备党员';
  if (d.candidateOn) return '发展对象';
  if (d.activistOn) return '入党积极分子';
  return '入党申请人';
}
