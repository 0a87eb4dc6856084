import type { Ctx } from '../../context.js';
import { loadMember } from '../members/find-members.js';
import { CONCENTRATED_STUDY_KINDS, hoursOf, requirementOf } from './study-points.js';
import { presentStudyRecord, selectStudyRecords, STUDY_COLUMNS } from './study-records.js';
import type { MemberStudyView } from './study.schema.js';

/**
 * A member's study and training in a year (default: this year), against the yearly requirement of the 条例:
 * - concentrated hours: minutes attended at 集中培训 starting in the year (completed or not: the minutes recorded are
 *   those attended) plus the member's own study of the kinds CONCENTRATED_STUDY_KINDS (集中学习, 网络培训, 专题讲座);
 * - concentrated trainings: 集中培训 of the year the member completed;
 * - total hours: every study record and every training attended in the year; points: those credited in the year;
 * - required: 32 学时, or 56 学时 and at least 1 concentrated training for a 书记, 副书记 or 委员 (memberships.party_post
 *   as it stands now); shortfall: what the concentrated hours lack.
 * All of the member's records count, also those kept by a branch the member has since left (records follow the member).
 */
export async function memberStudy(ctx: Ctx, memberId: number, q: { year?: number | undefined } = {}): Promise<MemberStudyView> {
  const { view } = await loadMember(ctx, memberId);
  const year = q.year ?? Number(ctx.clock.today().slice(0, 4));
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [records, trainings] = await Promise.all([
    selectStudyRecords(ctx)
      .select([...STUDY_COLUMNS])
      .where('s.membership_id', '=', memberId)
      .where('s.studied_on', '>=', from)
      .where('s.studied_on', '<=', to)
      .orderBy('s.studied_on')
      .orderBy('s.id')
      .execute(),
    ctx.db
      .selectFrom('training_attendance as a')
      .innerJoin('trainings as t', 't.id', 'a.training_id')
      .innerJoin('organizations as o', 'o.id', 't.org_id')
      .select(['t.id', 't.title', 't.kind', 'o.name as organizer', 't.start_on', 't.end_on', 't.concentrated', 'a.minutes', 'a.completed'])
      .where('a.membership_id', '=', memberId)
      .where('t.start_on', '>=', from)
      .where('t.start_on', '<=', to)
      .orderBy('t.start_on')
      .orderBy('t.id')
      .execute(),
  ]);
  const concentratedKinds = new Set<string>(CONCENTRATED_STUDY_KINDS);
  const studyViews = records.map(presentStudyRecord);
  const trainingViews = trainings.map((t) => ({
    trainingId: t.id,
    title: t.title,
    kind: t.kind,
    organizer: t.organizer,
    startOn: t.start_on,
    endOn: t.end_on,
    concentrated: Number(t.concentrated) === 1,
    minutes: Number(t.minutes),
    hours: hoursOf(Number(t.minutes)),
    completed: Number(t.completed) === 1,
  }));
  const concentratedMinutes =
    trainingViews.filter((t) => t.concentrated).reduce((n, t) => n + t.minutes, 0) +
    studyViews.filter((r) => concentratedKinds.has(r.kind)).reduce((n, r) => n + r.minutes, 0);
  const concentratedTrainings = trainingViews.filter((t) => t.concentrated && t.completed).length;
  const totalMinutes = trainingViews.reduce((n, t) => n + t.minutes, 0) + studyViews.reduce((n, r) => n + r.minutes, 0);
  const required = requirementOf(view.partyPost);
  const shortfall = Math.max(0, required.minutes - concentratedMinutes);
  return {
    memberId: view.id,
    name: view.name,
    orgCode: view.orgCode,
    orgName: view.orgName,
    partyPost: (view.partyPost ?? null) as MemberStudyView['partyPost'],
    year,
    requiredMinutes: required.minutes,
    requiredHours: hoursOf(required.minutes),
    requiredTrainings: required.trainings,
    concentratedMinutes,
    concentratedHours: hoursOf(concentratedMinutes),
    concentratedTrainings,
    totalMinutes,
    totalHours: hoursOf(totalMinutes),
    points: studyViews.reduce((n, r) => n + r.points, 0),
    shortfallMinutes: shortfall,
    shortfallHours: hoursOf(shortfall),
    met: shortfall === 0 && concentratedTrainings >= required.trainings,
    records: studyViews,
    trainings: trainingViews,
  };
}
