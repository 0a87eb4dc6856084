/**
 * The meeting figures of an organization's subtree for a reporting period (catalog ids of
 * ../shared/indicators/seed-indicator-ids.jsonl): 三会一课 and 主题党日 by kind, 民主生活会, the 党委（常委）会 that
 * studied party building, ideology or talent work, the 意识形态 joint meetings, meetings on “三重一大” matters, and the
 * person-times of activities. Two queries (plus the organization's lookup) whatever the size of the subtree: the
 * meetings of the counted kinds, and the meetings whose topic the topic figures read.
 *
 * Decisions, stated once (they are repeated in each figure's computation text):
 * - A meeting counts in the period that holds its date (held_on), for the organization that held it (its org_id) in the
 *   subtree. Counts are of meeting records.
 * - The records carry one topic (主题) per meeting, not a list of agenda items: the topic figures match words in it
 *   (PARTY_BUILDING_WORDS …), so a meeting whose topic names several matters counts under each of them, and
 *   committee_party_building_items (议题 count) is not computed.
 * - 党委会 is the meeting of a 党委, 党工委 or 党组 (standing committee, 专题党委会 and 党建工作领导小组会 included).
 * - A joint meeting (联席会议, 会商会) on 意识形态 or 舆情 is counted by ideology_joint_meetings whatever its kind (the
 *   county's is generally recorded as 其他: it gathers departments, not the standing committee), and not again by
 *   ideology_special_meetings nor as an activity by activity_participant_times.
 * - activity_participant_times: the catalog's phrase is 万人次 of one campaign's activities; the records name no
 *   campaign, so it sums the attendance (实到人数) of every 主题党日 and 其他 activity, in 人次 (a report divides).
 * - major_decision_meetings_supervised: the records do not say whether the discipline body attended or reviewed a
 *   meeting, so every meeting whose topic names “三重一大” is counted, of any kind.
 * - central_group_study_sessions / central_group_study_attendance are the study ledger's (study-figures.ts), not
 *   repeated here.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import type { Figure, FigureSet } from '../../shared/figures.js';
import { parsePeriod } from '../../shared/period.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { rootOf } from '../dues/dues-ledger.js';

/** The meeting kind of a 党委 / 党工委 / 党组 (src/shared/vocab.ts). */
export const COMMITTEE_MEETING_KIND = '党委会';

/**
 * Words in a 党委会's topic that make it a meeting on party building (党的建设): 党建 (基层党建, 党建工作领导小组 …),
 * 党的建设, 组织工作, 从严治党 (全面从严治党主体责任), 基层组织建设, 党员队伍建设.
 */
export const PARTY_BUILDING_WORDS = ['党建', '党的建设', '组织工作', '从严治党', '基层组织建设', '党员队伍建设'] as const;
export const IDEOLOGY_WORDS = ['意识形态'] as const;
/** A joint meeting (联席会议, 舆情会商会) … */
export const JOINT_MEETING_WORDS = ['联席会', '会商会'] as const;
/** … on ideology or public opinion. */
export const JOINT_SUBJECT_WORDS = ['意识形态', '舆情'] as const;
export const TALENT_WORDS = ['人才'] as const;
export const MAJOR_DECISION_WORD = '三重一大';

/** The kinds whose meetings a figure counts (or whose attendance it sums). */
const KIND_FIGURES = [
  { id: 'branch_committee_meetings', kind: '支委会', label: '召开支委会' },
  { id: 'general_member_meetings', kind: '支部党员大会', label: '召开支部党员大会' },
  { id: 'party_lectures', kind: '党课', label: '讲党课' },
  { id: 'theme_party_days', kind: '主题党日', label: '开展主题党日' },
  { id: 'democratic_life_meetings', kind: '民主生活会', label: '召开民主生活会' },
] as const;
/** Activities whose participants activity_participant_times sums. */
export const ACTIVITY_KINDS = ['主题党日', '其他'] as const;

interface KindRow {
  id: number;
  kind: string;
  attended_count: number;
}

interface TopicRow {
  id: number;
  kind: string;
  topic: string;
}

function subtreeFilter(root: string | null) {
  return root === null ? sql<boolean>`1 = 1` : sql<boolean>`o.path >= ${root} and o.path < ${subtreeUpperBound(root)}`;
}

const names = (words: readonly string[]) => words.join('、');
const hasAny = (text: string, words: readonly string[]) => words.some((w) => text.includes(w));

export function isJointIdeologyMeeting(topic: string): boolean {
  return hasAny(topic, JOINT_MEETING_WORDS) && hasAny(topic, JOINT_SUBJECT_WORDS);
}

export async function meetingFigures(ctx: Ctx, q: { orgCode?: string | undefined; period: string }): Promise<FigureSet> {
  const period = parsePeriod(q.period);
  const { root, org } = await rootOf(ctx, q.orgCode);
  const kinds = [...new Set<string>([...KIND_FIGURES.map((f) => f.kind), ...ACTIVITY_KINDS])];
  const byKind: KindRow[] = await ctx.db
    .selectFrom('meetings as mt')
    .innerJoin('organizations as o', 'o.id', 'mt.org_id')
    .select(['mt.id', 'mt.kind', 'mt.attended_count'])
    .where(subtreeFilter(root))
    .where('mt.held_on', '>=', period.start)
    .where('mt.held_on', '<=', period.end)
    .where('mt.kind', 'in', kinds)
    .orderBy('mt.id')
    .execute();
  // The topic figures: every 党委会, and the meetings of any kind that name a joint meeting or “三重一大”.
  const topical: TopicRow[] = await ctx.db
    .selectFrom('meetings as mt')
    .innerJoin('organizations as o', 'o.id', 'mt.org_id')
    .select(['mt.id', 'mt.kind', 'mt.topic'])
    .where(subtreeFilter(root))
    .where('mt.held_on', '>=', period.start)
    .where('mt.held_on', '<=', period.end)
    .where((eb) =>
      eb.or([
        eb('mt.kind', '=', COMMITTEE_MEETING_KIND),
        eb('mt.topic', 'like', `%${MAJOR_DECISION_WORD}%`),
        ...JOINT_MEETING_WORDS.map((w) => eb('mt.topic', 'like', `%${w}%`)),
      ]),
    )
    .orderBy('mt.id')
    .execute();

  const figure = (id: string, label: string, unit: string, ids: number[], value: number, computation: string): Figure => ({
    id,
    label,
    unit,
    value,
    computation,
    evidence: { table: 'meetings', ids },
  });
  const count = (id: string, label: string, unit: string, rows: { id: number }[], computation: string): Figure =>
    figure(id, label, unit, rows.map((r) => r.id), rows.length, computation);
  const committee = (pick: (topic: string) => boolean) => topical.filter((r) => r.kind === COMMITTEE_MEETING_KIND && pick(r.topic));
  const joint = topical.filter((r) => isJointIdeologyMeeting(r.topic));
  const jointIds = new Set(joint.map((r) => r.id));
  const activities = byKind.filter((r) => (ACTIVITY_KINDS as readonly string[]).includes(r.kind) && !jointIds.has(r.id));
  const HELD = '按会议日期计入统计期，按召开会议的组织计入其所属上级（含本级及全部下级）';

  const figures: Figure[] = [
    ...KIND_FIGURES.map((f) =>
      count(f.id, f.label, '次', byKind.filter((r) => r.kind === f.kind), `统计期内会议类型为“${f.kind}”的会议记录次数；${HELD}`),
    ),
    count(
      'committee_party_building_meetings',
      '党委（常委）会研究党建工作',
      '次',
      committee((t) => hasAny(t, PARTY_BUILDING_WORDS)),
      `统计期内党委（党工委、党组）会议（含常委会、专题党委会、党建工作领导小组会）中主题含“${names(PARTY_BUILDING_WORDS)}”之一的次数；${HELD}`,
    ),
    count(
      'ideology_special_meetings',
      '党委（常委）会专题研究意识形态工作',
      '次',
      committee((t) => hasAny(t, IDEOLOGY_WORDS) && !isJointIdeologyMeeting(t)),
      `统计期内党委（党工委、党组）会议中主题含“意识形态”的次数（意识形态联席会议、舆情会商会另计）；${HELD}`,
    ),
    count(
      'ideology_joint_meetings',
      '召开意识形态联席会议（舆情会商会）',
      '次',
      joint,
      `统计期内主题含“${names(JOINT_MEETING_WORDS)}”之一且含“${names(JOINT_SUBJECT_WORDS)}”之一的会议次数（不限会议类型）；${HELD}`,
    ),
    count(
      'talent_work_meetings',
      '党委（常委）会研究人才工作',
      '场（次）',
      committee((t) => hasAny(t, TALENT_WORDS)),
      `统计期内党委（党工委、党组）会议中主题含“${names(TALENT_WORDS)}”的次数；${HELD}`,
    ),
    count(
      'major_decision_meetings_supervised',
      '涉及“三重一大”事项会议',
      '次',
      topical.filter((r) => r.topic.includes(MAJOR_DECISION_WORD)),
      `统计期内主题含“${MAJOR_DECISION_WORD}”的会议次数（不限会议类型）；记录未载明纪检监察机关是否参与监督，按全部此类会议计；${HELD}`,
    ),
    figure(
      'activity_participant_times',
      '参与主题党日等活动',
      '人次',
      activities.map((r) => r.id),
      activities.reduce((n, r) => n + Number(r.attended_count), 0),
      `统计期内会议类型为“${ACTIVITY_KINDS.join('”“')}”的活动实到人数之和（人次，同一人参加多次计多人次；意识形态联席会议等会议不计）；${HELD}`,
    ),
  ];
  return { org, period, figures };
}
