/**
 * Study records (学习记录): reading them (one, a member's, a subtree's page), shared by the operations. A record belongs
 * to the organization the member was in when it was recorded (its org_id); lists and figures are clipped by it.
 */
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { readScoped } from '../access/scope.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { loadMember } from '../members/find-members.js';
import { hoursOf } from './study-points.js';
import type { StudyListView, StudyRecordView } from './study.schema.js';
import { studyListQuery, STUDY_LABELS, type StudyListQuery } from './study.schema.js';
import { parseInput } from '../../shared/validation.js';

export function studyRecordNotFound(id: number | string): AppError {
  const message = `学习记录 ${id} 不存在`;
  return new AppError('STUDY_RECORD_NOT_FOUND', message, [{ code: 'STUDY_RECORD_NOT_FOUND', field: 'id', message }]);
}

export function selectStudyRecords(ctx: Ctx) {
  return ctx.db
    .selectFrom('study_records as s')
    .innerJoin('memberships as m', 'm.id', 's.membership_id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 's.org_id');
}

export const STUDY_COLUMNS = [
  's.id', 's.membership_id', 'p.name', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 's.org_id', 's.studied_on', 's.kind',
  's.title', 's.minutes', 's.points', 's.source',
] as const;

export interface StudyRow {
  id: number;
  membership_id: number;
  name: string;
  org_code: string;
  org_name: string;
  studied_on: string;
  kind: string;
  title: string;
  minutes: number;
  points: number;
  source: string | null;
}

export function presentStudyRecord(r: StudyRow): StudyRecordView {
  return {
    id: r.id,
    memberId: r.membership_id,
    name: r.name,
    orgCode: r.org_code,
    orgName: r.org_name,
    studiedOn: r.studied_on,
    kind: r.kind,
    title: r.title,
    minutes: Number(r.minutes),
    hours: hoursOf(Number(r.minutes)),
    points: Number(r.points),
    source: r.source,
  };
}

/**
 * A page of study records, newest first: of one member (any the caller sees, wherever the records were kept), or of
 * an organization's subtree (by the organization the record was kept in), or of everything the caller sees; by kind
 * and date range.
 */
export async function listStudyRecords(ctx: Ctx, raw: StudyListQuery = {}): Promise<StudyListView> {
  const q = parseInput(studyListQuery, raw, STUDY_LABELS);
  let base = selectStudyRecords(ctx);
  if (q.memberId !== undefined) {
    // A member the caller sees: all of the member's records, also those kept by a branch the member has since left.
    await loadMember(ctx, q.memberId);
    base = base.where('s.membership_id', '=', q.memberId);
  } else {
    base = base.$call(readScoped(ctx, 'o.path'));
  }
  if (q.org !== undefined) {
    const org = await getOrgRow(ctx, q.org, 'org');
    base = base.where('o.path', '>=', org.path).where('o.path', '<', subtreeUpperBound(org.path));
  }
  if (q.kind !== undefined) base = base.where('s.kind', '=', q.kind);
  if (q.from !== undefined) base = base.where('s.studied_on', '>=', q.from);
  if (q.to !== undefined) base = base.where('s.studied_on', '<=', q.to);
  const [rows, count] = await Promise.all([
    base.select([...STUDY_COLUMNS]).orderBy('s.studied_on', 'desc').orderBy('s.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: rows.map(presentStudyRecord) };
}
