/**
 * The nine member-work ledger sheets (学习记录, 培训班, 参训人员, 服务记录, 到社区报到, 服务队伍, 队伍人员, 表彰, 捐款) and
 * the sixteen supervision ledger sheets (check-supervision.ts): each row on its own with the modules' schemas and
 * rules, then against the other sheets and the database.
 */
import type { Ctx } from '../../context.js';
import type { FieldIssue } from '../../shared/errors.js';
import { checkHonorSheets, type PlannedHonors } from './check-honors.js';
import type { MemberRow } from './check-members.js';
import { checkServiceSheets, type PlannedService } from './check-service.js';
import { checkStudySheets, type PlannedStudy } from './check-study.js';
import { checkSupervisionSheets, NO_SUPERVISION, supervisionCounts, type PlannedSupervision, type SupervisionCounts } from './check-supervision.js';
import { loadLedgerRefs, type DbOrg } from './ledger-refs.js';
import type { ParsedWorkbook } from './parse-workbook.js';
import { LEDGER_SHEET_KEYS } from './workbook-format.js';

export interface PlannedLedgers {
  study: PlannedStudy;
  service: PlannedService;
  honors: PlannedHonors;
  supervision: PlannedSupervision;
  /** The members already registered that the rows name, by ID number (members of the 党员 sheet get theirs when written). */
  registered: Map<string, { membershipId: number; orgId: number }>;
}

export function ledgerRowCount(parsed: ParsedWorkbook): number {
  return LEDGER_SHEET_KEYS.reduce((n, k) => n + parsed[k].length, 0);
}

export async function checkLedgerSheets(ctx: Ctx, parsed: ParsedWorkbook, dbOrgs: DbOrg[], members: MemberRow[], issues: FieldIssue[]): Promise<PlannedLedgers> {
  const empty: PlannedLedgers = {
    study: { records: [], trainings: [], attendance: [] },
    service: { records: [], reports: [], teams: [], teamMembers: [] },
    honors: { honors: [], donations: [] },
    supervision: NO_SUPERVISION,
    registered: new Map(),
  };
  if (ledgerRowCount(parsed) === 0) return empty;
  const idNumbers = new Set<string>();
  for (const k of LEDGER_SHEET_KEYS) {
    for (const r of parsed[k]) {
      const id = (r.values as { idNumber?: string }).idNumber;
      if (id) idNumbers.add(id);
    }
  }
  const refs = await loadLedgerRefs(ctx, dbOrgs, parsed.orgs, members, idNumbers);
  const registered = new Map<string, { membershipId: number; orgId: number }>();
  for (const [id, m] of refs.members) if (m.db) registered.set(id, { membershipId: m.db.membershipId, orgId: m.db.orgId });
  return {
    study: await checkStudySheets(ctx, parsed, refs, issues),
    service: checkServiceSheets(parsed, refs, issues),
    honors: checkHonorSheets(parsed, refs, issues),
    supervision: await checkSupervisionSheets(ctx, parsed, refs, issues),
    registered,
  };
}

export interface LedgerCounts extends SupervisionCounts {
  studyRecords: number;
  trainings: number;
  trainingAttendance: number;
  serviceRecords: number;
  communityReports: number;
  serviceTeams: number;
  serviceTeamMembers: number;
  honors: number;
  donations: number;
}

/** Rows the ledgers will write, by sheet (the counts of an import). */
export function ledgerCounts(l: PlannedLedgers): LedgerCounts {
  return {
    studyRecords: l.study.records.length,
    trainings: l.study.trainings.length,
    trainingAttendance: l.study.attendance.length,
    serviceRecords: l.service.records.length,
    communityReports: l.service.reports.length,
    serviceTeams: l.service.teams.length,
    serviceTeamMembers: l.service.teamMembers.length,
    honors: l.honors.honors.length,
    donations: l.honors.donations.length,
    ...supervisionCounts(l.supervision),
  };
}
