/**
 * The shapes passed between the builders of the demo county. Everything is planned in memory, keyed by
 * organization code, and written only at the end (generate-demo.ts), so the plan never needs a database id.
 */
import type { IsoDate } from '../../shared/dates.js';
import type { DevelopmentStage, HonorKind, OrgKind, PartyPost, Sector, ServiceKind } from '../../shared/vocab.js';
import type { CheckedPerson } from '../people/person-rules.js';

export interface DemoOptions {
  /** Members on the roll at the end, including those who left during the years generated. Default 25,000. */
  members?: number;
  seed?: number;
  fromYear?: number;
  toYear?: number;
  onProgress?: (done: number, total: number, phase: string) => void;
}

export interface DemoSummary {
  /** Code and name of the county committee at the root of the tree. */
  countyCode: string;
  countyName: string;
  /** The address code in the generated ID numbers. */
  areaCode: string;
  seed: number;
  fromYear: number;
  toYear: number;
  /** The last date of any record: today, or 31 December of toYear if that is earlier. */
  asOf: IsoDate;
  orgs: { total: number; byKind: Record<OrgKind, number>; branchesBySector: Record<Sector, number> };
  members: { total: number; active: number; probationary: number; left: number; mobile: number; women: number };
  development: { total: number; byStage: Record<DevelopmentStage, number> };
  meetings: { total: number; absences: number };
  /** Party dues rows written; branches paying by the quarter; members planted 3–5 and 6+ months in arrears at the end. */
  dues: { bases: number; approvals: number; payments: number; quarterlyBranches: number; arrears3to5: number; arrears6plus: number };
  /** Party posts held at the end (书记, 副书记, 委员). */
  posts: Record<PartyPost, number>;
  /**
   * Trainings, attendance and study records written; planted in `year`, the last complete year (null: none), among
   * members on the roll all year: members below 32 hours, secretaries between 32 and 56, secretaries with no training.
   */
  study: { trainings: number; attendance: number; records: number; year: number | null; below32: number; secretariesBetween: number; secretariesNoTraining: number };
  /** Service records by kind, 办实事 still open after half a year (planted), community reports, teams and their people. */
  service: { records: number; byKind: Record<ServiceKind, number>; longOpen: number; reports: number; teams: number; teamPeople: number };
  honors: { total: number; byKind: Record<HonorKind, number>; revoked: number };
  donations: { campaigns: number; donations: number; amountFen: number };
  /**
   * The supervision ledgers written. Planted at the end: tasks open past their deadline, problems not closed out past
   * their deadline, disclosing organizations behind (a due period not published) and disclosures never reviewed.
   */
  supervision: {
    lists: number;
    listItems: number;
    tasks: number;
    taskEvents: number;
    tasksOverdue: number;
    tasksLate: number;
    inspections: number;
    inspectionsByKind: Record<string, number>;
    inspectionTargets: number;
    problems: number;
    problemsBySource: Record<string, number>;
    problemEvents: number;
    problemsOverdue: number;
    /** Problems submitted for acceptance after their deadline. */
    problemsLate: number;
    problemsReopened: number;
    ratings: number;
    /** 分类定级 (central scheme) decisions by grade. */
    gradesBy: Record<string, number>;
    starRatings: number;
    weakCases: number;
    weakCasesClosed: number;
    designations: number;
    designationsByKind: Record<string, number>;
    disclosureItems: number;
    disclosures: number;
    disclosuresBehind: number;
    disclosuresUnreviewed: number;
    busyVillages: number;
    cadreEvents: number;
    cadreEventsByKind: Record<string, number>;
    publications: number;
    publicationsByLevel: Record<string, number>;
    figureSets: number;
    figureValues: number;
  };
}

/** The resolved options: the window of years as dates. */
export interface DemoFrame {
  seed: number;
  members: number;
  fromYear: number;
  toYear: number;
  /** First day of fromYear. */
  start: IsoDate;
  /** Last date of any record. */
  end: IsoDate;
  county: { name: string; areaCode: string };
}

/** The kind of unit a branch serves, which decides its members' ages, education, occupations and meetings. */
export type Profile =
  | 'village'
  | 'community'
  | 'office'
  | 'retired'
  | 'institution'
  | 'school'
  | 'hospital'
  | 'soe'
  | 'private'
  | 'social'
  | 'temporary';

export interface OrgPlan {
  code: string;
  name: string;
  kind: OrgKind;
  sector: Sector;
  parentCode: string | null;
  establishedOn: IsoDate;
  lastElectionOn: IsoDate | null;
  termYears: number | null;
  /** Branches: members of the 支部委员会, 0 for none (org-setup.ts); null for the other kinds (not recorded). */
  committeeSize: number | null;
  /** An approved extension of the term (延期换届) runs to this day; null when none was approved. */
  termExtendedTo: IsoDate | null;
  /** Branches: the kind of unit; null for committees, 总支 and 党小组. */
  profile: Profile | null;
  /** Branches: members planned on the roll at the end (including those approved through development). */
  target: number;
  /** Village branches: the surname of the village's main lineage. */
  lineage?: string;
  /** Village branches of a 畲族 village, where most members are 畲族. */
  sheVillage?: boolean;
  /** Branches: codes of the 党小组 set up under it. */
  groups: string[];
  /** 临时党支部: the people taking part (their membership stays in their own branches). */
  participants?: number;
}

export interface MemberPlan {
  orgCode: string;
  person: CheckedPerson;
  status: '正式党员' | '预备党员';
  joinedOn: IsoDate;
  confirmedOn: IsoDate | null;
  entryKind: string;
  entryOn: IsoDate;
  isMobile: boolean;
  mobileDestination: string | null;
  leftOn: IsoDate | null;
  leaveReason: string | null;
  leaveNote: string | null;
  /** 书记, 副书记 or 委员 of the branch (party-posts.ts); null for members without a post. */
  partyPost: PartyPost | null;
}

export type { DevelopmentPlan } from '../development/insert-development-bulk.js';

/** One person on a branch's roll, as the meetings see it. */
export interface RosterEntry {
  name: string;
  /** On this branch's roll from: the joining day, or the day the membership was transferred in. */
  since: IsoDate;
  /** The day the member became a full member (正式党员), or null while probationary. */
  fullFrom: IsoDate | null;
  leftOn: IsoDate | null;
  isMobile: boolean;
  birthDate: IsoDate;
  /** The member's post in the branch, which decides who hosts the meetings and sits on the 支委会. */
  post: PartyPost | null;
}
