/**
 * The arithmetic of study and training (《中国共产党党员教育管理工作条例》2019, domain-rules "党员教育学时"): hours as
 * people write them ("1.5") ↔ integer minutes, study points, the daily cap, and each member's yearly requirement.
 * Pure: no database.
 */
import type { PartyPost, StudyKind } from '../../shared/vocab.js';

/**
 * Points measure hours and completed courses, never clicks: one point per full half hour of study recorded. A fixed
 * constant, not a setting, so that points mean the same thing in every deployment and every year.
 */
export const MINUTES_PER_POINT = 30;

/**
 * At most 8 points a member a day (four hours of study): a record beyond the cap is kept with its hours, but credits
 * only what remains of the day's points (0 when none remain).
 */
export const STUDY_DAILY_POINTS_CAP = 8;

/**
 * The kinds of a member's own study that count toward the yearly concentrated hours (集中学习培训学时). The 条例 counts
 * 集中培训 and 集体学习 (organized, collective study with a set time: 集中学习, 专题讲座) and the organized online courses
 * of the 党员教育网络学院 / 学习平台 (网络培训), whose hours are certified per course; a member's own reading, self-study
 * and tests (自学, 读书, 考试测试, 其他) are study but not 集中学习培训.
 */
export const CONCENTRATED_STUDY_KINDS: readonly StudyKind[] = ['集中学习', '网络培训', '专题讲座'];

/** Members: at least 32 学时 a year of concentrated training. */
export const MEMBER_REQUIRED_MINUTES = 32 * 60;
/** 基层党组织书记和班子成员 (书记, 副书记, 委员): at least 56 学时 a year, including at least 1 concentrated training. */
export const LEADER_REQUIRED_MINUTES = 56 * 60;
export const LEADER_REQUIRED_TRAININGS = 1;
export const LEADER_POSTS: readonly PartyPost[] = ['书记', '副书记', '委员'];

/** Hours written with at most one decimal ("1.5", 2, "0.5"). */
const HOURS_PATTERN = /^\d{1,4}(\.\d)?$/;

/** "1.5" → 90 minutes; null when not a non-negative number of hours with at most one decimal. */
export function parseHours(v: string | number): number | null {
  const text = typeof v === 'number' ? String(v) : v.trim();
  if (!HOURS_PATTERN.test(text)) return null;
  const [whole, tenth = '0'] = text.split('.');
  return Number(whole) * 60 + Number(tenth) * 6;
}

/** 90 → "1.5" (hours, one decimal). */
export function hoursOf(minutes: number): string {
  return (Math.round(minutes / 6) / 10).toFixed(1);
}

/** Points earned by a record of this many minutes, before the daily cap. */
export function pointsFor(minutes: number): number {
  return Math.floor(minutes / MINUTES_PER_POINT);
}

/** What a new record credits, given the points already credited to the member that day. */
export function creditPoints(earned: number, creditedToday: number): { credited: number; capped: number } {
  const room = Math.max(0, STUDY_DAILY_POINTS_CAP - creditedToday);
  const credited = Math.min(earned, room);
  return { credited, capped: earned - credited };
}

export function isLeader(post: string | null | undefined): boolean {
  return !!post && (LEADER_POSTS as readonly string[]).includes(post);
}

/** The yearly requirement of a member holding `post` (none: an ordinary member). */
export function requirementOf(post: string | null | undefined): { minutes: number; trainings: number } {
  return isLeader(post) ? { minutes: LEADER_REQUIRED_MINUTES, trainings: LEADER_REQUIRED_TRAININGS } : { minutes: MEMBER_REQUIRED_MINUTES, trainings: 0 };
}
