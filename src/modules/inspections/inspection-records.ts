/**
 * Reading inspection rounds: the round with its conducting organization, its targets (one query for any number of
 * rounds), the view, and the lookups the writes share (a round the caller sees, one the caller may change).
 */
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import type { OrgKind, Sector, UnitKind } from '../../shared/vocab.js';
import { assertWritable, isReadable } from '../access/scope.js';
import type { InspectionView } from './inspections.schema.js';

export function selectInspections(ctx: Ctx) {
  return ctx.db
    .selectFrom('inspections as i')
    .innerJoin('organizations as o', 'o.id', 'i.org_id')
    .select([
      'i.id', 'i.org_id', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 'i.kind', 'i.title', 'i.round_no',
      'i.start_on', 'i.end_on', 'i.clues_transferred', 'i.notices_issued', 'i.note',
    ]);
}

export type InspectionRow = Awaited<ReturnType<ReturnType<typeof selectInspections>['executeTakeFirstOrThrow']>>;
type TargetRow = { id: number; inspection_id: number; org_code: string | null; unit_name: string; unit_kind: string };

/** The targets of the rounds, by round, in the order they were added. */
export async function targetsOf(ctx: Ctx, ids: number[]): Promise<Map<number, TargetRow[]>> {
  const out = new Map<number, TargetRow[]>();
  if (ids.length === 0) return out;
  const rows = await ctx.db
    .selectFrom('inspection_targets as t')
    .leftJoin('organizations as o', 'o.id', 't.target_org_id')
    .select(['t.id', 't.inspection_id', 'o.code as org_code', 't.unit_name', 't.unit_kind'])
    .where('t.inspection_id', 'in', ids)
    .orderBy('t.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.inspection_id) ?? [];
    list.push(r);
    out.set(r.inspection_id, list);
  }
  return out;
}

export function presentInspection(r: InspectionRow, targets: TargetRow[]): InspectionView {
  return {
    id: r.id,
    orgCode: r.org_code,
    orgName: r.org_name,
    kind: r.kind,
    title: r.title,
    roundNo: r.round_no,
    startOn: r.start_on,
    endOn: r.end_on,
    cluesTransferred: r.clues_transferred,
    noticesIssued: r.notices_issued,
    note: r.note,
    targets: targets.map((t) => ({ id: t.id, orgCode: t.org_code, unitName: t.unit_name, unitKind: t.unit_kind })),
  };
}

export function inspectionNotFound(id: number, field = 'id'): AppError {
  const message = `巡察（督查）记录 ${id} 不存在`;
  return new AppError('INSPECTION_NOT_FOUND', message, [{ code: 'INSPECTION_NOT_FOUND', field, message }]);
}

/** A round the caller sees (INSPECTION_NOT_FOUND otherwise, exactly as for a missing one). */
export async function loadInspection(ctx: Ctx, id: number, field = 'id'): Promise<InspectionRow> {
  const row = await selectInspections(ctx).where('i.id', '=', id).executeTakeFirst();
  if (!row || !isReadable(ctx, row.org_path)) throw inspectionNotFound(id, field);
  return row;
}

/** A round the caller may change: INSPECTION_NOT_FOUND outside what the caller sees, PERMISSION_DENIED inside it. */
export async function loadWritableInspection(ctx: Ctx, id: number): Promise<InspectionRow> {
  const row = await loadInspection(ctx, id);
  assertWritable(ctx, row.org_path, () => inspectionNotFound(id));
  return row;
}

export async function getInspectionView(ctx: Ctx, id: number): Promise<InspectionView> {
  const row = await loadInspection(ctx, id);
  return presentInspection(row, (await targetsOf(ctx, [id])).get(id) ?? []);
}

/** The fields of a round as the audit log records them. */
export function auditableInspection(v: InspectionView): Record<string, unknown> {
  return {
    orgCode: v.orgCode,
    kind: v.kind,
    title: v.title,
    roundNo: v.roundNo,
    startOn: v.startOn,
    endOn: v.endOn,
    cluesTransferred: v.cluesTransferred,
    noticesIssued: v.noticesIssued,
    note: v.note,
    targets: v.targets.map((t) => (t.orgCode ? `${t.orgCode} ${t.unitName}（${t.unitKind}）` : `${t.unitName}（${t.unitKind}）`)),
  };
}

/**
 * The unit kind of an organization of the tree, when the target does not say: a committee (党委, 党工委) of a rural
 * or community sector stands for a township or street, one of 机关 for a county department; a branch stands for its
 * village, community, enterprise or school; anything else is 其他.
 */
export function unitKindOfOrg(kind: OrgKind | string, sector: Sector | string): UnitKind {
  const committee = kind === '党委' || kind === '党工委' || kind === '党组';
  if (committee) {
    if (sector === '农村' || sector === '社区') return '乡镇（街道）';
    if (sector === '机关' || sector === '事业单位') return '县直部门';
  }
  switch (sector) {
    case '农村':
      return '村';
    case '社区':
      return '社区';
    case '国有企业':
    case '非公有制企业':
      return '企业';
    case '学校':
      return '学校';
    case '机关':
      return '县直部门';
    default:
      return '其他';
  }
}
