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
}

export type OrganizationRow = Selectable<OrganizationsTable>;
export type NewOrganization = Insertable<OrganizationsTable>;
export type OrganizationUpdate = Updateable<OrganizationsTable>;
export type PersonRow = Selectable<PeopleTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type DevelopmentRow = Selectable<DevelopmentRecordsTable>;
export type MeetingRow = Selectable<MeetingsTable>;
