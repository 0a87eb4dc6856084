/**
 * Table types, declared once (STYLE §7). Dates are ISO text (YYYY-MM-DD) on both engines; timestamps are ISO
 * text too, so that a value reads back the same from SQLite and PostgreSQL. Booleans are stored as 0/1 integers.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface OrganizationsTable {
  id: Generated<number>;
  code: string;
  name: string;
  parent_id: number | null;
  /** Materialized path of ids, '/1/17/230/': the subtree of P is the range [P.path, P.path with its last '/' → '0'). */
  path: string;
  depth: number;
  kind: string;
  sector: string;
  established_on: string | null;
  last_election_on: string | null;
  term_years: number | null;
  /** Null: not recorded; 0: no branch committee; else the number of its members (《支部条例》第二十一条). */
  committee_size: number | null;
  /** The day an approved extension of the term (延期换届) runs to. */
  term_extended_to: string | null;
  created_at: string;
  updated_at: string;
}

export interface PeopleTable {
  id: Generated<number>;
  name: string;
  /** The number itself, or 'enc1:…' when encrypted at rest (src/shared/id-vault.ts). */
  id_number: string;
  /** Uniqueness and lookups go through this blind index, never through id_number. */
  id_number_index: string;
  gender: string;
  ethnicity: string;
  birth_date: string;
  education: string | null;
  occupation: string | null;
  phone: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  id: Generated<number>;
  person_id: number;
  org_id: number;
  status: string;
  joined_on: string;
  confirmed_on: string | null;
  entry_kind: string | null;
  entry_on: string | null;
  is_mobile: number;
  mobile_destination: string | null;
  left_on: string | null;
  leave_reason: string | null;
  leave_note: string | null;
  /** 书记 | 副书记 | 委员; null without a post (decides the 56-hour training rule). */
  party_post: string | null;
  created_at: string;
  updated_at: string;
}

export interface MemberTransfersTable {
  id: Generated<number>;
  membership_id: number;
  from_org_id: number;
  to_org_id: number;
  /** The organization the record belongs to for sharding and scope: the receiving one. */
  org_id: number;
  transferred_on: string;
  note: string | null;
  created_at: string;
}

export interface DevelopmentRecordsTable {
  id: Generated<number>;
  person_id: number;
  org_id: number;
  stage: string;
  applied_on: string | null;
  interviewed_on: string | null;
  activist_on: string | null;
  contacts: string | null;
  contacts_on: string | null;
  candidate_on: string | null;
  introducers: string | null;
  political_review_on: string | null;
  training_start_on: string | null;
  training_end_on: string | null;
  training_hours: number | null;
  committee_review_on: string | null;
  pre_review_on: string | null;
  branch_meeting_on: string | null;
  superior_interview_on: string | null;
  approved_on: string | null;
  oath_on: string | null;
  conversion_applied_on: string | null;
  conversion_meeting_on: string | null;
  conversion_approved_on: string | null;
  extension_months: number | null;
  extension_decided_on: string | null;
  membership_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingsTable {
  id: Generated<number>;
  org_id: number;
  kind: string;
  held_on: string;
  topic: string;
  host: string | null;
  expected_count: number;
  attended_count: number;
  minutes: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingAbsencesTable {
  id: Generated<number>;
  meeting_id: number;
  org_id: number;
  name: string;
  reason: string | null;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  /** Null only for a system administrator who belongs to no organization (the first one, on an empty database). */
  org_id: number | null;
  password_hash: string;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  user_id: number;
  role: string;
}

export interface SessionsTable {
  id: Generated<number>;
  /** SHA-256 of the cookie's random token: a stolen database does not yield live sessions. */
  token_hash: string;
  csrf_token: string;
  user_id: number;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** The first characters of the token, shown in lists so a person can tell tokens apart. */
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_name: string;
  ip: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  org_id: number | null;
  /** JSON: { field: [before, after] }, personal data masked. */
  changes: string | null;
  note: string | null;
}

export interface RuleSettingsTable {
  key: string;
  /** JSON text. */
  value: string;
  updated_at: string;
  updated_by: string;
}

export interface DuesBasesTable {
  id: Generated<number>;
  membership_id: number;
  org_id: number;
  /** YYYY-MM: the first dues month this base applies to (the month the new salary is paid). */
  from_month: string;
  category: string;
  /** After-tax monthly base in fen; null for the categories that pay a fixed amount. */
  base_fen: number | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface DuesApprovalsTable {
  id: Generated<number>;
  membership_id: number;
  org_id: number;
  /** 减交 | 免交 | 按季交纳 */
  kind: string;
  from_month: string;
  to_month: string | null;
  /** The reduced monthly amount, for 减交. */
  monthly_fen: number | null;
  reason: string;
  approved_by: string;
  approved_on: string;
  created_at: string;
  updated_at: string;
}

export interface DuesPaymentsTable {
  id: Generated<number>;
  membership_id: number;
  org_id: number;
  /** YYYY-MM: the dues month paid for. */
  month: string;
  due_fen: number;
  paid_fen: number;
  paid_on: string;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface StudyRecordsTable {
  id: Generated<number>;
  org_id: number;
  membership_id: number;
  studied_on: string;
  /** STUDY_KINDS */
  kind: string;
  title: string;
  minutes: number;
  /** Points credited: from hours and completed courses, after the daily cap. */
  points: number;
  source: string | null;
  created_at: string;
  updated_at: string;
}

export interface TrainingsTable {
  id: Generated<number>;
  /** The organizer. */
  org_id: number;
  title: string;
  /** TRAINING_KINDS */
  kind: string;
  /** HONOR_LEVELS: the level of the organizer (县级 …). */
  level: string;
  /** TRAINING_AUDIENCES */
  audience: string;
  /** Free subject tag, e.g. 乡村振兴. */
  subject: string | null;
  start_on: string;
  end_on: string;
  minutes: number;
  /** 1: 集中培训. */
  concentrated: number;
  /** Head count for events without a roster; null when not counted. */
  audience_count: number | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface TrainingAttendanceTable {
  id: Generated<number>;
  training_id: number;
  membership_id: number;
  /** The member's own organization. */
  org_id: number;
  minutes: number;
  completed: number;
  created_at: string;
}

export interface ServiceRecordsTable {
  id: Generated<number>;
  org_id: number;
  membership_id: number | null;
  /** SERVICE_KINDS */
  kind: string;
  category: string | null;
  title: string;
  happened_on: string;
  /** SERVICE_STATUSES */
  status: string;
  done_on: string | null;
  minutes: number | null;
  beneficiaries: number | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface CommunityReportsTable {
  id: Generated<number>;
  /** The member's own organization. */
  org_id: number;
  membership_id: number;
  community_org_id: number | null;
  community_name: string;
  /** UNIT_LEVELS: the level of the member's home unit. */
  unit_level: string;
  reported_on: string;
  ended_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface ServiceTeamsTable {
  id: Generated<number>;
  org_id: number;
  /** TEAM_KINDS */
  kind: string;
  name: string;
  established_on: string;
  dissolved_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface ServiceTeamMembersTable {
  id: Generated<number>;
  team_id: number;
  org_id: number;
  membership_id: number | null;
  /** A volunteer from the public by name; null for members. */
  name: string | null;
  joined_on: string;
  left_on: string | null;
  created_at: string;
}

export interface HonorsTable {
  id: Generated<number>;
  /** The organization the record belongs to: the recipient organization, the member's, or the recording one. */
  org_id: number;
  /** HONOR_KINDS */
  kind: string;
  /** RECIPIENT_KINDS */
  recipient_kind: string;
  membership_id: number | null;
  recipient_org_id: number | null;
  recipient_name: string;
  title: string;
  /** HONOR_LEVELS */
  level: string;
  awarded_by: string;
  awarded_on: string;
  revoked_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface DonationsTable {
  id: Generated<number>;
  org_id: number;
  membership_id: number;
  campaign: string;
  donated_on: string;
  amount_fen: number;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface ResponsibilityListsTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  /** LIST_KINDS */
  kind: string;
  title: string;
  issued_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface ListItemsTable {
  id: Generated<number>;
  org_id: number;
  list_id: number;
  seq: number;
  content: string;
  category: string | null;
  /** A planned target the list sets itself, with its unit. */
  target_value: number | null;
  target_unit: string | null;
  created_at: string;
  updated_at: string;
}

export interface TasksTable {
  id: Generated<number>;
  /** The organization responsible. */
  org_id: number;
  item_id: number | null;
  assigned_by_org_id: number;
  title: string;
  category: string | null;
  owner_name: string;
  start_on: string;
  deadline: string;
  /** TASK_STATUSES */
  status: string;
  completed_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface TaskEventsTable {
  id: Generated<number>;
  org_id: number;
  task_id: number;
  /** TASK_EVENT_KINDS: 进展, 督办, 催办, 约谈 … */
  kind: string;
  happened_on: string;
  content: string;
  percent: number | null;
  actor: string;
  created_at: string;
}

export interface InspectionsTable {
  id: Generated<number>;
  /** The organization conducting it. */
  org_id: number;
  /** INSPECTION_KINDS */
  kind: string;
  title: string;
  round_no: number | null;
  start_on: string;
  end_on: string;
  clues_transferred: number | null;
  notices_issued: number | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface InspectionTargetsTable {
  id: Generated<number>;
  /** The inspection's organization (scope). */
  org_id: number;
  inspection_id: number;
  target_org_id: number | null;
  unit_name: string;
  /** UNIT_KINDS */
  unit_kind: string;
}

export interface ProblemsTable {
  id: Generated<number>;
  /** The organization that owns the rectification. */
  org_id: number;
  /** PROBLEM_SOURCES */
  source: string;
  inspection_id: number | null;
  category: string;
  /** PROBLEM_LEVELS: 组织层面 | 个人层面 */
  level: string;
  description: string;
  owner_name: string;
  measures: string | null;
  measures_count: number;
  found_on: string;
  deadline: string;
  /** PROBLEM_STATUSES: 待整改 → 整改中 → 待验收 → 已销号 */
  status: string;
  rectified_on: string | null;
  accepted_on: string | null;
  accepted_by: string | null;
  closed_on: string | null;
  reopened: number;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProblemEventsTable {
  id: Generated<number>;
  org_id: number;
  problem_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  happened_on: string;
  note: string | null;
  evidence: string | null;
  actor: string;
  created_at: string;
}

export interface RatingSchemesTable {
  id: Generated<number>;
  code: string;
  name: string;
  /** 分类定级 | 星级 */
  kind: string;
  /** JSON: indicators with weights, bands, quotas, veto items. */
  config: string;
  builtin: number;
  created_at: string;
  updated_at: string;
}

export interface RatingsTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  scheme_code: string;
  self_score: number | null;
  self_grade: string | null;
  member_score: number | null;
  public_satisfaction: number | null;
  final_score: number | null;
  final_grade: string | null;
  /** JSON */
  scores: string | null;
  /** JSON */
  vetoes: string | null;
  decided_on: string | null;
  decided_by: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface WeakOrgCasesTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  /** 数据提示 | 上级认定 | 自查 */
  source: string;
  /** JSON array of reasons. */
  reasons: string;
  flagged_on: string;
  /** WEAK_CASE_STATUSES */
  status: string;
  plan: string | null;
  leader_name: string | null;
  deadline: string | null;
  closed_on: string | null;
  closed_by: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface DesignationsTable {
  id: Generated<number>;
  org_id: number;
  title: string;
  /** DESIGNATION_KINDS */
  kind: string;
  /** 命名 | 新建 | 提升 | 复核 */
  action: string;
  level: string;
  designated_on: string;
  revoked_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface DisclosureItemsTable {
  id: Generated<number>;
  /** The organization whose subtree the item applies to. */
  org_id: number;
  /** 党务 | 村务 | 财务 */
  category: string;
  name: string;
  /** DISCLOSURE_CADENCES */
  cadence: string;
  sector: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface DisclosuresTable {
  id: Generated<number>;
  org_id: number;
  item_id: number;
  /** The period disclosed: 2026-03, 2026Q1, 2026 … (or a date for 随时 items). */
  period_label: string;
  content: string;
  proposed_on: string;
  reviewed_on: string | null;
  reviewed_by: string | null;
  approved_on: string | null;
  approved_by: string | null;
  published_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface CadreEventsTable {
  id: Generated<number>;
  org_id: number;
  membership_id: number | null;
  person_name: string;
  /** CADRE_EVENT_KINDS */
  kind: string;
  subkind: string | null;
  happened_on: string;
  /** 1: from the grassroots front line (基层一线). */
  frontline: number;
  batch: string | null;
  birth_year: number | null;
  education: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface PublicationsTable {
  id: Generated<number>;
  org_id: number;
  title: string;
  /** MEDIUM_LEVELS */
  medium_level: string;
  medium_name: string;
  /** PUBLICATION_FORMS */
  form: string;
  original: number;
  theme: string | null;
  published_on: string;
  created_at: string;
  updated_at: string;
}

export interface FigureSetsTable {
  id: Generated<number>;
  org_id: number;
  period_label: string;
  period_start: string;
  period_end: string;
  source_department: string;
  entered_by: string;
  entered_on: string;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface FigureValuesTable {
  id: Generated<number>;
  org_id: number;
  set_id: number;
  /** A catalog id (../shared/indicators), source_record manual or discipline_case_aggregate. */
  indicator_id: string;
  value: number;
  unit: string;
  note: string | null;
}

export interface Database {
  organizations: OrganizationsTable;
  people: PeopleTable;
  memberships: MembershipsTable;
  member_transfers: MemberTransfersTable;
  development_records: DevelopmentRecordsTable;
  meetings: MeetingsTable;
  meeting_absences: MeetingAbsencesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  rule_settings: RuleSettingsTable;
  dues_bases: DuesBasesTable;
  dues_approvals: DuesApprovalsTable;
  dues_payments: DuesPaymentsTable;
  study_records: StudyRecordsTable;
  trainings: TrainingsTable;
  training_attendance: TrainingAttendanceTable;
  service_records: ServiceRecordsTable;
  community_reports: CommunityReportsTable;
  service_teams: ServiceTeamsTable;
  service_team_members: ServiceTeamMembersTable;
  honors: HonorsTable;
  donations: DonationsTable;
  responsibility_lists: ResponsibilityListsTable;
  list_items: ListItemsTable;
  tasks: TasksTable;
  task_events: TaskEventsTable;
  inspections: InspectionsTable;
  inspection_targets: InspectionTargetsTable;
  problems: ProblemsTable;
  problem_events: ProblemEventsTable;
  rating_schemes: RatingSchemesTable;
  ratings: RatingsTable;
  weak_org_cases: WeakOrgCasesTable;
  designations: DesignationsTable;
  disclosure_items: DisclosureItemsTable;
  disclosures: DisclosuresTable;
  cadre_events: CadreEventsTable;
  publications: PublicationsTable;
  figure_sets: FigureSetsTable;
  figure_values: FigureValuesTable;
}

export type OrganizationRow = Selectable<OrganizationsTable>;
export type NewOrganization = Insertable<OrganizationsTable>;
export type OrganizationUpdate = Updateable<OrganizationsTable>;
export type PersonRow = Selectable<PeopleTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type DevelopmentRow = Selectable<DevelopmentRecordsTable>;
export type MeetingRow = Selectable<MeetingsTable>;
