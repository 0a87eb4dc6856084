/**
 * The 学习记录, 培训班 and 参训人员 sheets, checked with the study module's schemas and arithmetic (study.schema.ts,
 * study-points.ts): hours with at most one decimal, points that measure hours (one per full half hour) within the
 * daily cap, a training's dates in order, and each attendance row tied to a 培训班 row of the same workbook by its
 * 培训编号 and naming a member on the roll during the training.
 */
import { z } from 'zod';
import type { Ctx } from '../../context.js';
import type { FieldIssue } from '../../shared/errors.js';
import { issue } from '../../shared/validation.js';
import { checkSpan } from '../service/service-rules.js';
import type { NewStudyRecord, NewTraining } from '../study/insert-study-bulk.js';
import { creditPoints, parseHours, pointsFor, STUDY_DAILY_POINTS_CAP } from '../study/study-points.js';
import { MAX_TRAINING_HOURS, studyRecordInput, trainingInput } from '../study/study.schema.js';
import { finish, firstRowText, type LedgerMember, type LedgerRefs } from './ledger-refs.js';
import { usable, validateRow } from './row-issues.js';
import type { ParsedRow } from './sheet-collector.js';
import { SHEETS, type StudyRecordValues, type TrainingAttendanceValues, type TrainingValues } from './workbook-format.js';

/** A row to write, naming its member by ID number (resolved to a membership when written). */
export type PlannedStudyRecord = Omit<NewStudyRecord, 'membershipId' | 'orgId'> & { idNumber: string };
export type PlannedTraining = Omit<NewTraining, 'orgId'> & { key: string; orgCode: string };
export interface PlannedAttendance {
  key: string;
  idNumber: string;
  minutes: number;
  completed: boolean;
}

export interface StudyRows {
  studyRecords: ParsedRow<StudyRecordValues>[];
  trainings: ParsedRow<TrainingValues>[];
  trainingAttendance: ParsedRow<TrainingAttendanceValues>[];
}

export interface PlannedStudy {
  records: PlannedStudyRecord[];
  trainings: PlannedTraining[];
  attendance: PlannedAttendance[];
}

const idNumber = z.string();
const personName = z.string().max(50, { message: '不能超过50个字' }).nullish();
const key = z.string().trim().min(1, { message: '不能为空' }).max(50, { message: '不能超过50个字' });

const studyRow = studyRecordInput.omit({ memberId: true }).extend({
  idNumber,
  name: personName,
  points: z.number().int().min(0, { message: '应为不小于0的整数' }).nullish(),
});
const trainingRow = trainingInput.extend({ key });
const hoursOptional = z
  .union([z.string(), z.number()])
  .refine((v) => {
    const m = parseHours(v);
    return m !== null && m > 0 && m <= MAX_TRAINING_HOURS * 60;
  }, { message: `应为大于0、不超过${MAX_TRAINING_HOURS}的小时数，最多一位小数（如 1.5）` })
  .nullish();
const attendanceRow = z.object({ key, idNumber, name: personName, hours: hoursOptional, completed: z.boolean().nullish() });

export async function checkStudySheets(ctx: Ctx, rows: StudyRows, refs: LedgerRefs, issues: FieldIssue[]): Promise<PlannedStudy> {
  const out: PlannedStudy = { records: [], trainings: [], attendance: [] };
  await checkStudyRecords(ctx, rows.studyRecords, refs, issues, out);
  const trainings = checkTrainings(rows.trainings, refs, issues, out);
  checkAttendance(rows.trainingAttendance, trainings, refs, issues, out);
  return out;
}

/**
 * 学习记录: points as given must not exceed what the hours earn, nor — with what the member's day already holds in
 * the database and on earlier rows — the daily cap; left empty, they are credited as recordStudy credits them.
 */
async function checkStudyRecords(ctx: Ctx, rows: ParsedRow<StudyRecordValues>[], refs: LedgerRefs, issues: FieldIssue[], out: PlannedStudy): Promise<void> {
  if (rows.length === 0) return;
  const sheet = SHEETS.studyRecords;
  const dayPoints = await pointsByDay(ctx, rows, refs);
  for (const row of rows) {
    const before = issues.length;
    const { data, bad } = validateRow(studyRow, sheet, row, row.values, issues);
    const v = usable(row.values, bad);
    const found: FieldIssue[] = [];
    const member = refs.member(v, found, true);
    refs.notFuture(v.studiedOn, 'studiedOn', '学习日期', found);
    if (member) refs.onRoll(member, v.studiedOn, 'studiedOn', '学习日期', found);
    let points: number | null = null;
    const minutes = v.hours !== undefined ? parseHours(v.hours) : null;
    if (minutes !== null && v.idNumber && v.studiedOn && !bad.has('points')) {
      const earned = pointsFor(minutes);
      const dayKey = `${v.idNumber}|${v.studiedOn}`;
      const credited = dayPoints.get(dayKey) ?? 0;
      if (v.points === undefined) {
        points = creditPoints(earned, credited).credited;
      } else if (v.points > earned) {
        found.push(issue('FIELD_INVALID', 'points', `积分：${v.points}分超过按学时应得的${earned}分（每满半小时1分）`));
      } else if (credited + v.points > STUDY_DAILY_POINTS_CAP) {
        found.push(issue('FIELD_INVALID', 'points', `积分：该党员${v.studiedOn}的积分合计${credited + v.points}分，超过每日上限${STUDY_DAILY_POINTS_CAP}分`));
      } else {
        points = v.points;
      }
      if (points !== null) dayPoints.set(dayKey, credited + points);
    }
    if (finish(sheet, row.row, found, issues) && data && issues.length === before && points !== null) {
      out.records.push({ idNumber: data.idNumber, studiedOn: data.studiedOn, kind: data.kind, title: data.title, minutes: minutes!, points, source: data.source || null });
    }
  }
}

/** Points already credited in the database to the registered members of the sheet, by member and day. */
async function pointsByDay(ctx: Ctx, rows: ParsedRow<StudyRecordValues>[], refs: LedgerRefs): Promise<Map<string, number>> {
  const days = new Map<string, number>();
  const byMembership = new Map<number, string>();
  for (const r of rows) {
    const m = r.values.idNumber ? refs.members.get(r.values.idNumber) : undefined;
    if (m?.db) byMembership.set(m.db.membershipId, m.idNumber);
  }
  const ids = [...byMembership.keys()];
  for (let i = 0; i < ids.length; i += 5000) {
    const sums = await ctx.db
      .selectFrom('study_records')
      .select(['membership_id', 'studied_on', (eb) => eb.fn.sum<number>('points').as('points')])
      .where('membership_id', 'in', ids.slice(i, i + 5000))
      .groupBy(['membership_id', 'studied_on'])
      .execute();
    for (const s of sums) days.set(`${byMembership.get(s.membership_id)}|${s.studied_on}`, Number(s.points));
  }
  return days;
}

/** The 培训班 rows by key: every key given (so that attendance names no key twice over), valid or not. */
function checkTrainings(rows: ParsedRow<TrainingValues>[], refs: LedgerRefs, issues: FieldIssue[], out: PlannedStudy): Map<string, TrainingValues> {
  const sheet = SHEETS.trainings;
  const byKey = new Map<string, TrainingValues>();
  const keyRow = new Map<string, number>();
  for (const row of rows) {
    const before = issues.length;
    const { data, bad } = validateRow(trainingRow, sheet, row, row.values, issues);
    const v = usable(row.values, bad);
    const found: FieldIssue[] = [];
    if (v.key) {
      const first = keyRow.get(v.key);
      if (first !== undefined) found.push(issue('FIELD_INVALID', 'key', `培训编号“${v.key}”与${firstRowText(sheet, first)}重复`));
      else {
        keyRow.set(v.key, row.row);
        byKey.set(v.key, v);
      }
    }
    refs.org(v.orgCode, 'orgCode', found);
    if (v.startOn) {
      found.push(...checkSpan({ field: 'startOn', label: '开始日期', value: v.startOn }, { field: 'endOn', label: '结束日期', value: v.endOn ?? null }, refs.today));
    }
    if (finish(sheet, row.row, found, issues) && data && issues.length === before) {
      out.trainings.push({
        key: data.key, orgCode: data.orgCode, title: data.title, kind: data.kind, level: data.level, audience: data.audience, subject: data.subject || null,
        startOn: data.startOn, endOn: data.endOn, minutes: parseHours(data.hours)!, concentrated: data.concentrated, audienceCount: data.audienceCount ?? null,
        note: data.note || null,
      });
    }
  }
  return byKey;
}

/**
 * 参训人员: the key names a 培训班 row; the member is on the roll during the training and either under the organizer
 * or one whose records the importer may change (as addAttendance allows); once a training and member. Hours default
 * to the training's, 是否结业 to 是.
 */
function checkAttendance(rows: ParsedRow<TrainingAttendanceValues>[], trainings: Map<string, TrainingValues>, refs: LedgerRefs, issues: FieldIssue[], out: PlannedStudy): void {
  const sheet = SHEETS.trainingAttendance;
  const seen = new Map<string, number>();
  for (const row of rows) {
    const before = issues.length;
    const { data, bad } = validateRow(attendanceRow, sheet, row, row.values, issues);
    const v = usable(row.values, bad);
    const found: FieldIssue[] = [];
    const training = v.key ? trainings.get(v.key) : undefined;
    if (v.key && !training) found.push(issue('TRAINING_NOT_FOUND', 'key', `培训编号“${v.key}”不在本工作簿的培训班表中`));
    const member: LedgerMember | undefined = refs.member(v, found, false);
    if (member && training) {
      const organizer = training.orgCode ? refs.orgs.get(training.orgCode) : undefined;
      const mayChange = refs.memberWritable(member);
      const underOrganizer = organizer !== undefined && refs.isUnder(member.orgCode, organizer.code);
      if (!mayChange && !underOrganizer) {
        found.push(issue('PERMISSION_DENIED', 'idNumber', `${member.name}不在主办组织${training.orgCode}范围内，您也不能修改其记录`));
      }
      if ((training.endOn && member.joinedOn && member.joinedOn > training.endOn) || (training.startOn && member.leftOn && member.leftOn <= training.startOn)) {
        found.push(issue('FIELD_INVALID', 'idNumber', `${member.name}在培训期间（${training.startOn}至${training.endOn}）不在党员名册上`));
      }
    }
    if (v.key && v.idNumber) {
      const pair = `${v.key}|${v.idNumber}`;
      const first = seen.get(pair);
      if (first !== undefined) found.push(issue('TRAINING_ATTENDANCE_DUPLICATE', 'idNumber', `同一培训的同一党员与${firstRowText(sheet, first)}重复`));
      else seen.set(pair, row.row);
    }
    const trainingMinutes = training?.hours !== undefined ? parseHours(training.hours) : null;
    const minutes = data?.hours !== undefined && data?.hours !== null ? parseHours(data.hours) : trainingMinutes;
    if (finish(sheet, row.row, found, issues) && data && issues.length === before && minutes !== null) {
      out.attendance.push({ key: data.key, idNumber: data.idNumber, minutes, completed: data.completed ?? true });
    }
  }
}
