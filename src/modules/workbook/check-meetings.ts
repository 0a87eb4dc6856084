import type { FieldIssue } from '../../shared/errors.js';
import { checkMeeting, checkMeetingOrgKind } from '../meetings/meeting-rules.js';
import { meetingInput, parseAbsentees } from '../meetings/meetings.schema.js';
import type { NewMeetingRecord } from '../meetings/insert-meetings-bulk.js';
import { unknownOrg } from './check-person-row.js';
import type { KnownOrg } from './check-orgs.js';
import { at, usable, validateRow } from './row-issues.js';
import type { ParsedRow } from './sheet-collector.js';
import { SHEETS, type MeetingValues } from './workbook-format.js';

export type PlannedMeeting = Omit<NewMeetingRecord, 'orgId'> & { row: number; orgCode: string };

const sheet = SHEETS.meetings;

/** Checks each row of the 组织生活 sheet with the meeting service's schema and rules; 缺席人员及原因 is read as recordMeeting's list. */
export function checkMeetingSheet(
  rows: ParsedRow<MeetingValues>[],
  orgs: Map<string, KnownOrg>,
  today: string,
  issues: FieldIssue[],
): PlannedMeeting[] {
  const out: PlannedMeeting[] = [];
  for (const row of rows) {
    const before = issues.length;
    // “无” is how a form says nobody was absent.
    const absentText = row.values.absentees === '无' ? undefined : row.values.absentees;
    const input = { ...row.values, absentees: parseAbsentees(absentText) };
    const { data, bad } = validateRow(meetingInput, sheet, row, input, issues);
    const v = usable(input, bad);
    const found: FieldIssue[] = [];
    const org = v.orgCode ? orgs.get(v.orgCode) : undefined;
    if (v.orgCode && !org) found.push(unknownOrg(v.orgCode));
    if (v.kind && org?.kind) found.push(...checkMeetingOrgKind(v.kind, org.kind));
    if (v.heldOn && v.expectedCount !== undefined && v.attendedCount !== undefined) {
      found.push(
        ...checkMeeting(
          { heldOn: v.heldOn, expectedCount: v.expectedCount, attendedCount: v.attendedCount, absentees: v.absentees ?? [] },
          today,
          org?.establishedOn ?? null,
        ),
      );
    }
    for (const issue of found) issues.push(at(sheet, row.row, issue));
    if (!data || issues.length !== before) continue;
    out.push({
      row: row.row,
      orgCode: data.orgCode,
      kind: data.kind,
      heldOn: data.heldOn,
      topic: data.topic,
      host: data.host ?? null,
      expectedCount: data.expectedCount,
      attendedCount: data.attendedCount,
      minutes: data.minutes ?? null,
      absentees: (data.absentees ?? []).map((a) => ({ name: a.name, reason: a.reason ?? null })),
    });
  }
  return out;
}
