import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { recordActions } from '../access/record-actions.js';
import { assertWritable, isReadable } from '../access/scope.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import type { MeetingView } from './meetings.schema.js';

function selectMeetings(ctx: Ctx) {
  return ctx.db
    .selectFrom('meetings as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select([
      'm.id', 'o.code as org_code', 'o.name as org_name', 'm.kind', 'm.held_on', 'm.topic', 'm.host',
      'm.expected_count', 'm.attended_count', 'm.minutes', 'o.path as org_path', 'm.org_id',
      'o.kind as org_kind', 'o.established_on as org_established_on',
    ]);
}

type MeetingRow = Awaited<ReturnType<ReturnType<typeof selectMeetings>['executeTakeFirstOrThrow']>>;

async function withAbsentees(ctx: Ctx, rows: MeetingRow[]): Promise<MeetingView[]> {
  const ids = rows.map((r) => r.id);
  const absences = ids.length
    ? await ctx.db.selectFrom('meeting_absences').select(['meeting_id', 'name', 'reason']).where('meeting_id', 'in', ids).orderBy('id').execute()
    : [];
  const byMeeting = new Map<number, { name: string; reason: string | null }[]>();
  for (const a of absences) {
    const list = byMeeting.get(a.meeting_id) ?? [];
    list.push({ name: a.name, reason: a.reason });
    byMeeting.set(a.meeting_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    orgCode: r.org_code,
    orgName: r.org_name,
    kind: r.kind,
    heldOn: r.held_on,
    topic: r.topic,
    host: r.host,
    expectedCount: r.expected_count,
    attendedCount: r.attended_count,
    absentees: byMeeting.get(r.id) ?? [],
    minutes: r.minutes,
    // A recorded meeting may be corrected by whoever may write at its organization; it is never deleted.
    actions: recordActions(ctx, r.org_path, ['update']),
  }));
}

function meetingNotFound(id: number): AppError {
  const message = `会议记录 ${id} 不存在`;
  return new AppError('MEETING_NOT_FOUND', message, [{ code: 'MEETING_NOT_FOUND', field: 'id', message }]);
}

/** A meeting the caller sees (MEETING_NOT_FOUND otherwise, exactly as for a missing one). */
async function loadMeeting(ctx: Ctx, id: number): Promise<MeetingRow> {
  const row = await selectMeetings(ctx).where('m.id', '=', id).executeTakeFirst();
  if (!row || !isReadable(ctx, row.org_path)) throw meetingNotFound(id);
  return row;
}

/**
 * A meeting the caller may change, with its organization's id, kind and founding date (what its rules are judged
 * against): MEETING_NOT_FOUND outside what the caller sees, PERMISSION_DENIED inside it.
 */
export async function loadWritableMeeting(
  ctx: Ctx,
  id: number,
): Promise<{ view: MeetingView; orgId: number; orgKind: string; orgEstablishedOn: string | null }> {
  const row = await loadMeeting(ctx, id);
  assertWritable(ctx, row.org_path, () => meetingNotFound(id));
  return { view: (await withAbsentees(ctx, [row]))[0]!, orgId: row.org_id, orgKind: row.org_kind, orgEstablishedOn: row.org_established_on };
}

export async function getMeeting(ctx: Ctx, id: number): Promise<MeetingView> {
  return (await withAbsentees(ctx, [await loadMeeting(ctx, id)]))[0]!;
}

/** The fields of a meeting as the audit log records them (not its id, the organization's name or the caller's actions). */
export function auditableMeeting(v: MeetingView): Record<string, unknown> {
  const { id: _id, orgName: _name, actions: _actions, ...fields } = v;
  return fields;
}

/** Meetings of an organization's subtree, newest first, optionally of one kind and within dates. */
export async function findMeetings(
  ctx: Ctx,
  query: { org: string; kind?: string | undefined; from?: string | undefined; to?: string | undefined; limit?: number; offset?: number },
): Promise<{ total: number; items: MeetingView[] }> {
  const org = await getOrgRow(ctx, query.org, 'org');
  const upper = subtreeUpperBound(org.path);
  let q = selectMeetings(ctx).where('o.path', '>=', org.path).where('o.path', '<', upper);
  let c = ctx.db
    .selectFrom('meetings as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('o.path', '>=', org.path)
    .where('o.path', '<', upper);
  if (query.kind) {
    q = q.where('m.kind', '=', query.kind);
    c = c.where('m.kind', '=', query.kind);
  }
  if (query.from) {
    q = q.where('m.held_on', '>=', query.from);
    c = c.where('m.held_on', '>=', query.from);
  }
  if (query.to) {
    q = q.where('m.held_on', '<=', query.to);
    c = c.where('m.held_on', '<=', query.to);
  }
  const rows = await q.orderBy('m.held_on', 'desc').orderBy('m.id', 'desc').limit(query.limit ?? 50).offset(query.offset ?? 0).execute();
  const count = await c.executeTakeFirstOrThrow();
  return { total: Number(count.n), items: await withAbsentees(ctx, rows) };
}
