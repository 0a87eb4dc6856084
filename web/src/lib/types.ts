/**
 * The API's types, shared with the server by type-only imports of its zod schemas and result types (erased at build:
 * nothing of the server reaches the browser bundle). When a view changes on the server, the UI stops compiling.
 */
export type { UserView } from '../../../src/modules/users/users.schema.js';
export type { OrgTreeNode, OrgView } from '../../../src/modules/orgs/orgs.schema.js';
export type { Notice, NoticeRow, Rate, Light } from '../../../src/rules/notice.js';
export type { ReportDocument, Section, Paragraph, Inline, FigureInline, AppendixRow } from '../../../src/reports/document.js';
export type { LedgerFiguresView } from '../../../src/modules/figures/figures.schema.js';
export type { Role } from '../../../src/modules/access/actor.js';

export interface Page<T> {
  total: number;
  items: T[];
}

// Import and export, users, audit (pages/import, pages/admin).
export type { OrgActionsView, OrgAction } from '../../../src/modules/orgs/org-actions.js';
export type { ImportReport } from '../../../src/modules/workbook/import-workbook.js';
export type { SheetKey } from '../../../src/modules/workbook/workbook-format.js';
export type { UserInput, UserPatch } from '../../../src/modules/users/users.schema.js';
export type { AuditEntryView, AuditQuery } from '../../../src/modules/audit/audit.schema.js';
export type { AuditAction } from '../../../src/modules/audit/append-audit.js';
// Rectification ledger and the work ledgers (pages/problems, pages/records).
export type {
  ProblemView,
  ProblemDetailView,
  ProblemEventView,
  ProblemPageView,
  InspectionView,
  InspectionPageView,
  InspectionDetailView,
  InspectionInput,
  InspectionPatch,
  ProblemStepInput,
} from '../../../src/modules/inspections/inspections.schema.js';
export type { MemberListItem } from '../../../src/modules/members/members.schema.js';
export type { StudyRecordView, StudyRecordInput, TrainingView, TrainingDetailView, TrainingInput, TrainingPatch } from '../../../src/modules/study/study.schema.js';
export type { ServiceRecordView, ServiceRecordInput, ServiceTeamView, ServiceTeamDetail, ServiceTeamInput, ServiceRecordPatch } from '../../../src/modules/service/service.schema.js';
export type { HonorView, HonorInput, HonorPatch, HonorRevokeInput } from '../../../src/modules/honors/honors.schema.js';
export type { DonationView, DonationInput, DonationPageView } from '../../../src/modules/donations/donations.schema.js';
export type { ListView, ListDetail, ListInput, ListPatch, TaskView, TaskDetail, TaskInput, TaskPatch } from '../../../src/modules/tasks/tasks.schema.js';
export type { RatingView, RatingInput, RatingDecision, SchemeView, WeakCaseView, WeakCaseInput, WeakCaseStep, DesignationView, DesignationInput } from '../../../src/modules/ratings/ratings.schema.js';
export type { DisclosureView, DisclosureInput, DisclosureItemView } from '../../../src/modules/disclosures/disclosures.schema.js';
export type { CadreEventView, CadreEventInput } from '../../../src/modules/cadres/cadres.schema.js';
export type { PublicationView, PublicationInput } from '../../../src/modules/publicity/publicity.schema.js';
export type { FigureSetRecordView, FigureSetInput, ManualIndicatorView } from '../../../src/modules/figure-sets/figure-sets.schema.js';
// Organizational life and the branch secretary's desk (pages/meetings, pages/desk).
export type { MeetingView, MeetingInput, MeetingPatch } from '../../../src/modules/meetings/meetings.schema.js';
export type { DueList } from '../../../src/rules/due.js';
export type { RuleFinding } from '../../../src/rules/context.js';
export type { OpenTasksView } from '../../../src/modules/tasks/tasks.schema.js';

// Reports (pages/reports): one figure explained with its records (GET /api/indicators/:id).
export type { ExplainedFigure, EvidenceItem } from '../../../src/indicators/explain.js';
// The dashboard and the monitoring notice (pages/dashboard, pages/compliance).
export type { Family, FindingStatus } from '../../../src/rules/types.js';
export type { ComplianceTrend } from '../../../src/rules/rules.schema.js';
export type { WeakOrgSuggestions, WeakOrgSuggestion } from '../../../src/rules/weak-org-flags.js';
export type { WeakCasePageView } from '../../../src/modules/ratings/ratings.schema.js';
// Members and development (pages/members, pages/development).
export type { MemberDetail, MemberInput, MemberPatch, LeaveInput, TransferInput } from '../../../src/modules/members/members.schema.js';
export type { DevelopmentView, DevelopmentInput, DevelopmentPatch } from '../../../src/modules/development/development.schema.js';
export type { MemberStudyView } from '../../../src/modules/study/study.schema.js';
export type { DuesMemberView } from '../../../src/modules/dues/dues.schema.js';
export type RuleSettingView = import('zod').infer<typeof import('../../../src/rules/rules.schema.js').settingView>;
export type { RecordAction } from '../../../src/modules/access/record-actions.js';
/** A record's view as its route answers it: with the caller's allowed actions, decided by the server. */
export type WithActions<T> = T & { actions: import('../../../src/modules/access/record-actions.js').RecordAction[] };
/** A problem with the rectification steps the server opens to the user (src/modules/inspections/problem-steps.ts). */
export type WithSteps<T> = T & { steps: import('../../../src/modules/inspections/inspections.schema.js').ProblemAction[] };
