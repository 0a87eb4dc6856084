/**
 * Rules as data. A rule says to whom it applies, what must happen, how often or how soon, whether breaking it is a
 * deadline (warn) or a minimum interval (block: the record stands but is marked invalid), and which regulation and
 * article require it, with how sure we are of each (../shared/domain-rules.md legend). Evaluating the rules for a scope
 * and a period yields checks (met / failed / pending, for compliance rates) and findings (what a person must see).
 */
import type { IsoDate } from '../shared/dates.js';
import type { MeetingKind, OrgKind } from '../shared/vocab.js';
import type { StepKey } from '../modules/development/steps.js';
import type { Every } from '../shared/period.js';

export const FAMILIES = ['org-life', 'org-setup', 'development', 'members', 'supervision'] as const;
export type Family = (typeof FAMILIES)[number];
export const FAMILY_LABELS: Record<Family, string> = {
  'org-life': '组织生活',
  'org-setup': '组织设置与换届',
  development: '发展党员',
  members: '党员管理',
  supervision: '督办整改与公开',
};

/** How sure we are of a text (domain-rules legend): verified, local practice, recollection, or unread (2026 revision). */
export type Certainty = 'verified' | 'local' | 'recollection' | 'unverified';
export const CERTAINTY_LABELS: Record<Certainty, string> = {
  verified: '已核实',
  local: '地方做法（可配置）',
  recollection: '待核实（凭记忆）',
  unverified: '未核实（未见原文）',
};

export interface Citation {
  regulation: string;
  /** 第十一条; null where the text is known but its article number is not. */
  article: string | null;
  certainty: Certainty;
  /** Certainty of the article number, when it differs from the rule's. */
  articleCertainty?: Certainty;
  source?: string;
}

/** deadline → warn (a late or missing step); interval → block (an order or a minimum broken: the record is invalid). */
export type Enforcement = 'deadline' | 'interval';
export type Severity = 'warn' | 'block';

export interface AppliesTo {
  kinds: readonly OrgKind[];
  /** 临时党支部 do not develop members, collect dues, elect or renew their terms. */
  temporary?: 'included' | 'excluded';
  /** Only organizations with a branch committee (支部委员会). */
  committee?: boolean;
  /** Only the leading bodies: 党委、党工委、党组 no deeper than the configured depth under the top. */
  leadingBody?: boolean;
}

export type Requirement =
  | { type: 'meeting-frequency'; meetingKind: MeetingKind; every: Every; count: number }
  | { type: 'meeting-quorum'; meetingKinds: readonly MeetingKind[]; num: number; den: number; inclusive: boolean }
  | { type: 'committee-required'; minFull: number }
  | { type: 'branch-min-full'; minFull: number }
  | { type: 'branch-max-members'; max: number }
  | { type: 'term-expiry' }
  | { type: 'term-reminder'; monthsAhead: number; notify: 'superior' | 'self' }
  | { type: 'term-extension'; maxMonths: number }
  | { type: 'min-age'; years: number }
  | { type: 'step-deadline'; from: StepKey; to: StepKey; months: number; hardMonths?: number }
  | { type: 'step-interval'; from: StepKey; to: StepKey; months: number }
  | { type: 'step-before'; step: StepKey; before: StepKey }
  | { type: 'introducers'; count: number }
  | { type: 'training'; minDays: number; minHours: number }
  | { type: 'probation-not-before' }
  | { type: 'conversion-promptly'; months: number; transferredInMonths: number }
  | { type: 'extension-range'; minMonths: number; maxMonths: number }
  | { type: 'org-life-lapse'; months: number; warnMonths: number }
  | { type: 'dues-arrears'; months: number; warnMonths: number }
  | { type: 'dues-backpay'; months: number }
  | { type: 'training-hours'; memberHours: number; leaderHours: number; leaderTrainings: number; remindFromMonth: number }
  | { type: 'task-deadline' }
  | { type: 'rectification-deadline' }
  | { type: 'disclosure-cadence'; graceDays: number; reviewDays: number };
export type RequirementType = Requirement['type'];

/** A parameter a deployment may change (local practice, or a threshold the sources give as a range). */
export interface ParamSpec {
  name: string;
  label: string;
  kind: 'int' | 'every';
  min?: number;
  max?: number;
}

export interface RuleDef {
  /** Stable across versions: 'life.general-meeting'. Findings carry it. */
  id: string;
  family: Family;
  title: string;
  appliesTo: AppliesTo;
  requirement: Requirement;
  enforcement: Enforcement;
  citation: Citation;
  /** Parameters read from a source we could not read (the 2026 revision): listed, and shown as 未核实. */
  unverified?: readonly string[];
  /** Local practice, not central text: off unless a deployment turns it on, when `optional`. */
  optional?: boolean;
  params?: readonly ParamSpec[];
}

export interface RuleSet {
  id: string;
  title: string;
  regulation: string;
  issuedOn: IsoDate | null;
  /** A version applies to facts dated on or after this day, until the next version of the same line takes over. */
  effectiveFrom: IsoDate | null;
  /** Versions of one regulation share a line: 发展党员工作细则 2014 and 2026. */
  line: string;
  certainty: Certainty;
  note?: string;
  rules: readonly RuleDef[];
}

export type FindingStatus = 'missed' | 'overdue' | 'upcoming' | 'violation';
export const STATUS_LABELS: Record<FindingStatus, string> = { missed: '未落实', overdue: '已逾期', upcoming: '即将到期', violation: '违规' };

export const EVIDENCE_TYPES = ['organization', 'meeting', 'development', 'membership', 'task', 'problem', 'problem-event', 'disclosure-item', 'disclosure'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export interface EvidenceRecord {
  type: EvidenceType;
  id: number;
  summary: string;
}

export interface Evidence {
  /** The records behind the finding; empty when the finding is an absence. */
  records: EvidenceRecord[];
  /** The facts compared (dates, counts), as they were read. */
  facts: Record<string, string | number | null>;
  /** For an absence: what was searched for and not found. */
  searched?: string;
}

export interface Finding {
  org: string;
  orgName: string;
  /** The unit judged (2022Q1, 2022-03, 2022) or, for a dated step, the month the deadline fell in. */
  period: string;
  rule: string;
  ruleSet: string;
  family: Family;
  status: FindingStatus;
  severity: Severity;
  /** 《中国共产党支部工作条例（试行）》第十一条 */
  citation: string;
  certainty: Certainty;
  message: string;
  dueOn: IsoDate | null;
  /** The person a development or membership finding is about, or the one responsible for a task or a rectification, by name (never an ID number). */
  person: string | null;
  evidence: Evidence;
}

/** One obligation judged: the denominators of the compliance rates. */
export interface Check {
  orgId: number;
  rule: string;
  family: Family;
  result: 'met' | 'failed' | 'pending';
}
