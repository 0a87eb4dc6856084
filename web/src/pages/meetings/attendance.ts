/**
 * The logic of the meeting form, kept out of the components so it can be tested alone: who is expected at a meeting
 * of a kind (the branch committee for a 支委会, the whole roster for a 支部党员大会), the attendance payload from the
 * roster and the ticks, the server's own meeting rules run as the user types (meeting-rules.ts is pure: no Node-only
 * imports), and the server's field issues mapped to the form's fields.
 */
import { checkMeeting, checkMeetingOrgKind } from '../../../../src/modules/meetings/meeting-rules.js';
import type { FieldIssue } from '../../lib/api';
import type { MeetingInput, MemberListItem } from '../../lib/types';

/** The meetings of a committee (its members hold a 党内职务), not of the whole membership. */
const COMMITTEE_KINDS: readonly string[] = ['支委会', '党委会', '民主生活会', '理论学习中心组学习'];
/** Meetings whose attendance is not a roster: counts and absentees are typed in. */
const MANUAL_KINDS: readonly string[] = ['谈心谈话'];

export type RosterSource = 'committee' | 'all' | 'manual';

export function rosterSource(kind: string | undefined): RosterSource {
  if (!kind) return 'all';
  if (COMMITTEE_KINDS.includes(kind)) return 'committee';
  if (MANUAL_KINDS.includes(kind)) return 'manual';
  return 'all';
}

export type RosterMember = Pick<MemberListItem, 'id' | 'name' | 'partyPost' | 'status'>;

const POST_ORDER: Record<string, number> = { 书记: 0, 副书记: 1, 委员: 2 };

/** Who is expected: the committee (书记, 副书记, 委员 first, in that order) or everyone; the secretary comes first either way. */
export function pickRoster(kind: string | undefined, members: readonly RosterMember[]): RosterMember[] {
  const source = rosterSource(kind);
  if (source === 'manual') return [];
  const chosen = source === 'committee' ? members.filter((m) => m.partyPost) : [...members];
  const rank = (m: RosterMember) => (m.partyPost ? (POST_ORDER[m.partyPost] ?? 3) : 4);
  return chosen.map((m, i) => ({ m, i })).sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i).map((x) => x.m);
}

/** The 书记 of the roster, to prefill 主持人. */
export function defaultHost(roster: readonly RosterMember[]): string | null {
  return roster.find((m) => m.partyPost === '书记')?.name ?? null;
}

export interface Absentee {
  name: string;
  reason: string | null;
}

/**
 * The attendance field's value. From the roster: everyone present unless unticked (`absent`: member id → reason).
 * Typed in: when there is no roster to tick (a 党小组, a 党委's own meetings, more members than a page holds).
 */
export type AttendanceValue =
  | { mode: 'roster'; absent: Record<number, string> }
  | { mode: 'manual'; expected: number | null; attended: number | null; absentees: { name: string; reason: string }[] };

export function rosterAttendance(): AttendanceValue {
  return { mode: 'roster', absent: {} };
}

export function manualAttendance(): AttendanceValue {
  return { mode: 'manual', expected: null, attended: null, absentees: [] };
}

export interface AttendanceCounts {
  expectedCount: number;
  attendedCount: number;
  absentees: Absentee[];
}

/** 应到 = the roster, 实到 = those ticked, 缺席 = those unticked with their reasons (in roster order). */
export function attendanceCounts(value: AttendanceValue | undefined, roster: readonly RosterMember[]): AttendanceCounts {
  if (!value) return { expectedCount: roster.length, attendedCount: roster.length, absentees: [] };
  if (value.mode === 'manual') {
    return {
      expectedCount: value.expected ?? 0,
      attendedCount: value.attended ?? 0,
      absentees: value.absentees.filter((a) => a.name.trim()).map((a) => ({ name: a.name.trim(), reason: a.reason.trim() || null })),
    };
  }
  const absentees = roster.filter((m) => m.id in value.absent).map((m) => ({ name: m.name, reason: value.absent[m.id]!.trim() || null }));
  return { expectedCount: roster.length, attendedCount: roster.length - absentees.length, absentees };
}

export interface MeetingFormValues {
  orgCode?: string;
  kind?: string;
  /** YYYY-MM-DD */
  heldOn?: string;
  topic?: string;
  host?: string | null;
  minutes?: string | null;
  attendance?: AttendanceValue;
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/** The body of POST /api/meetings. */
export function meetingPayload(values: MeetingFormValues, roster: readonly RosterMember[]): MeetingInput {
  const counts = attendanceCounts(values.attendance, roster);
  return {
    orgCode: values.orgCode ?? '',
    kind: values.kind as MeetingInput['kind'],
    heldOn: values.heldOn ?? '',
    topic: (values.topic ?? '').trim(),
    host: blankToNull(values.host),
    minutes: blankToNull(values.minutes),
    expectedCount: counts.expectedCount,
    attendedCount: counts.attendedCount,
    absentees: counts.absentees,
  };
}

export type FormField = 'orgCode' | 'kind' | 'heldOn' | 'topic' | 'host' | 'minutes' | 'attendance';

/** The form field a server (or rule) issue belongs to: attendance figures and absentees are one field here. */
export function formFieldOf(field: string | undefined): FormField | null {
  if (!field) return null;
  const head = field.split(/[.[]/)[0]!;
  if (head === 'expectedCount' || head === 'attendedCount' || head === 'absentees') return 'attendance';
  if (['orgCode', 'kind', 'heldOn', 'topic', 'host', 'minutes'].includes(head)) return head as FormField;
  return null;
}

/** Issues by form field; those naming no field of the form are left for an alert. */
export function fieldErrors(issues: readonly FieldIssue[]): { byField: Partial<Record<FormField, string[]>>; rest: FieldIssue[] } {
  const byField: Partial<Record<FormField, string[]>> = {};
  const rest: FieldIssue[] = [];
  for (const issue of issues) {
    const f = formFieldOf(issue.field);
    if (f) (byField[f] ??= []).push(issue.message);
    else rest.push(issue);
  }
  return { byField, rest };
}

/**
 * The server's meeting rules (meeting-rules.ts) on what has been typed so far: a date after today or before the
 * organization was founded, attendance that does not add up, a 党委会 of an organization that has no 党委.
 */
export function ruleErrors(
  values: MeetingFormValues,
  roster: readonly RosterMember[],
  ctx: { today: string; org?: { kind: string; establishedOn: string | null } | undefined },
): Partial<Record<FormField, string[]>> {
  const counts = attendanceCounts(values.attendance, roster);
  const issues: FieldIssue[] = [];
  const meeting = checkMeeting({ heldOn: values.heldOn ?? ctx.today, ...counts }, ctx.today, ctx.org?.establishedOn ?? null);
  issues.push(...(values.heldOn ? meeting : meeting.filter((i) => i.field !== 'heldOn')));
  if (values.kind && ctx.org) issues.push(...checkMeetingOrgKind(values.kind, ctx.org.kind));
  return fieldErrors(issues).byField;
}
