/**
 * Correcting a recorded meeting (PATCH /api/meetings/:id), kept out of the components so it can be tested alone: the
 * form's values from the record, the stored attendance shown on the roster when the roster accounts for it exactly,
 * and the correction as only what differs from the record (the audit log records exactly what was corrected). The
 * organization is never part of a correction: a meeting stays with the organization that held it.
 */
import type { MeetingPatch } from '../../../../src/modules/meetings/meetings.schema.js';
import type { FieldIssue } from '../../lib/api';
import type { MeetingView } from '../../lib/types';
import { fieldErrors, meetingPayload, type AttendanceValue, type FormField, type MeetingFormValues, type RosterMember } from './attendance';

type StoredAttendance = Pick<MeetingView, 'expectedCount' | 'attendedCount' | 'absentees'>;

/**
 * The stored attendance as the form's value: ticked on the roster when the roster is exactly who was expected (应到 is
 * the roster, 实到 the rest, each absentee one member of it by name); typed in otherwise — the roster has changed since
 * the meeting, or its attendance was typed in — so that nothing recorded is lost or recounted.
 */
export function storedAttendance(m: StoredAttendance, roster: readonly RosterMember[]): AttendanceValue {
  if (roster.length > 0 && roster.length === m.expectedCount && m.attendedCount === m.expectedCount - m.absentees.length) {
    const absent: Record<number, string> = {};
    const matched = m.absentees.every((a) => {
      const same = roster.filter((r) => r.name === a.name);
      if (same.length !== 1 || same[0]!.id in absent) return false;
      absent[same[0]!.id] = a.reason ?? '';
      return true;
    });
    if (matched) return { mode: 'roster', absent };
  }
  return {
    mode: 'manual',
    expected: m.expectedCount,
    attended: m.attendedCount,
    absentees: m.absentees.map((a) => ({ name: a.name, reason: a.reason ?? '' })),
  };
}

/** The edit form's first values: the record as it stands (its attendance typed in until the roster has loaded). */
export function formValuesOf(m: MeetingView): MeetingFormValues {
  return {
    orgCode: m.orgCode,
    kind: m.kind,
    heldOn: m.heldOn,
    topic: m.topic,
    host: m.host,
    minutes: m.minutes,
    attendance: storedAttendance(m, []),
  };
}

const text = (s: string | null | undefined): string | null => (s && s.trim() ? s.trim() : null);

type AbsenteeLike = { name: string; reason?: string | null };

/** The same people with the same reasons, in any order (the roster lists them in its own order). */
function sameAbsentees(a: readonly AbsenteeLike[], b: readonly AbsenteeLike[]): boolean {
  const key = (list: readonly AbsenteeLike[]) => JSON.stringify(list.map((x) => JSON.stringify([x.name.trim(), text(x.reason)])).sort());
  return key(a) === key(b);
}

/**
 * The body of PATCH /api/meetings/:id: the fields whose value differs from the record, never the organization. Text is
 * compared as it would be saved (trimmed, blank as none), so a field merely shown and left alone is not "corrected".
 */
export function meetingPatchOf(m: MeetingView, values: MeetingFormValues, roster: readonly RosterMember[]): MeetingPatch {
  const { orgCode: _org, ...next } = meetingPayload({ ...values, orgCode: m.orgCode }, roster);
  const patch: MeetingPatch = {};
  if (next.kind !== m.kind) patch.kind = next.kind;
  if (next.heldOn !== m.heldOn) patch.heldOn = next.heldOn;
  if (next.topic !== m.topic.trim()) patch.topic = next.topic;
  if (next.host !== text(m.host)) patch.host = next.host;
  if (next.minutes !== text(m.minutes)) patch.minutes = next.minutes;
  if (next.expectedCount !== m.expectedCount) patch.expectedCount = next.expectedCount;
  if (next.attendedCount !== m.attendedCount) patch.attendedCount = next.attendedCount;
  if (!sameAbsentees(next.absentees ?? [], m.absentees)) patch.absentees = next.absentees;
  return patch;
}

/** Server issues of a correction by form field; the organization is not a field of the edit form, so its issues go to the alert. */
export function editFieldErrors(issues: readonly FieldIssue[]): { byField: Partial<Record<FormField, string[]>>; rest: FieldIssue[] } {
  const { byField, rest } = fieldErrors(issues);
  const { orgCode: _org, ...fields } = byField;
  return { byField: fields, rest: [...rest, ...issues.filter((i) => i.field?.split(/[.[]/)[0] === 'orgCode')] };
}
