/**
 * Meetings of the leading bodies: the 县委 and the committees directly under it (乡镇党委, 街道党工委, the system
 * 党委 and 工委). 理论学习中心组学习 most months; a 民主生活会 once a year, generally in the fourth quarter, with at least
 * two thirds present (《县以上党和国家机关党员领导干部民主生活会若干规定》; domain-rules §1); and the 书记's own 党课
 * once a year (《支部条例》第十六条: 党委（党组）书记每年至少讲1次党课). The committee itself meets (党委会: the
 * 县委常委会 once or twice a month, the others most months) on party building, ideology, talent work, “三重一大”
 * matters and general business; the 县委 convenes the 意识形态工作联席会议暨舆情会商会 each quarter.
 */
import type { IsoDate } from '../../shared/dates.js';
import type { DemoFrame, OrgPlan } from './demo-types.js';
import { workday } from './attendance.js';
import type { MeetingPlan } from './build-meetings.js';
import { personName } from './names.js';
import { Rng } from './rng.js';
import { committeeSessionTopic, jointIdeologyTopic, minutesFor, topicFor, type CommitteeBody } from './topics.js';

const LEADER_ABSENCE = ['公务外出', '参加上级会议', '出差', '病假', '外出学习培训'] as const;

export function isLeadingBody(org: OrgPlan): boolean {
  return (org.kind === '党委' || org.kind === '党工委') && (org.parentCode === null || org.parentCode === 'C');
}

export function buildCommitteeMeetings(frame: DemoFrame, org: OrgPlan, out: MeetingPlan[]): void {
  const rng = Rng.derive(frame.seed, `meetings:${org.code}`);
  const first = org.establishedOn > frame.start ? org.establishedOn : frame.start;
  const size = org.parentCode === null ? rng.int(11, 13) : rng.int(7, 11);
  const team = Array.from({ length: size }, () => personName(rng, rng.chance(0.2) ? '女' : '男', rng.int(1966, 1986)));
  const secretary = team[0]!;

  const emit = (kind: string, heldOn: IsoDate, expected: number, absent: number, listAbsent: boolean) => {
    if (heldOn < first || heldOn > frame.end) return;
    const attended = expected - absent;
    const absentees = listAbsent ? rng.sample(team.slice(1), absent).map((name) => ({ name, reason: rng.pick(LEADER_ABSENCE) })) : [];
    const topic = topicFor(rng, kind, heldOn, null);
    out.push({ orgCode: org.code, kind, heldOn, topic, host: secretary, expectedCount: expected, attendedCount: attended, minutes: minutesFor(rng, secretary, topic, expected, attended), absentees });
  };

  const y0 = Number(first.slice(0, 4));
  const y1 = Number(frame.end.slice(0, 4));
  for (let y = y0; y <= y1; y++) {
    for (let mo = 1; mo <= 12; mo++) {
      // 中心组 studies most months, less often around the Spring Festival and in August.
      if (rng.chance(mo === 2 || mo === 8 ? 0.4 : 0.88)) emit('理论学习中心组学习', workday(rng, y, mo), size, rng.chance(0.5) ? rng.int(1, 2) : 0, true);
    }
    const lesson = workday(rng, y, rng.int(3, 11));
    const audience = size * rng.int(3, 6);
    emit('党课', lesson, audience, Math.round(audience * rng.next() * 0.12), false);
    const review = workday(rng, y, rng.chance(0.7) ? 12 : 11);
    emit('民主生活会', review, size, rng.chance(0.8) ? 0 : 1, true);
  }
  buildCommitteeSessions(frame, org, team, first, out);
}

/**
 * The committee's own meetings (党委会) and the county's quarterly joint meeting on ideology, from a stream of their
 * own so that the meetings above stay as they were.
 */
function buildCommitteeSessions(frame: DemoFrame, org: OrgPlan, team: string[], first: IsoDate, out: MeetingPlan[]): void {
  const rng = Rng.derive(frame.seed, `committee-sessions:${org.code}`);
  const county = org.parentCode === null;
  const body: CommitteeBody = county ? '县委常委会会议' : org.kind === '党工委' ? '党工委会议' : '党委会议';
  const secretary = team[0]!;
  const emit = (kind: string, heldOn: IsoDate, topic: string, expected: number, absentees: { name: string; reason: string }[]) => {
    if (heldOn < first || heldOn > frame.end) return;
    const attended = expected - absentees.length;
    out.push({ orgCode: org.code, kind, heldOn, topic, host: secretary, expectedCount: expected, attendedCount: attended, minutes: minutesFor(rng, secretary, topic, expected, attended), absentees });
  };
  const absent = () => rng.sample(team.slice(1), rng.chance(0.6) ? 0 : rng.int(1, 2)).map((name) => ({ name, reason: rng.pick(LEADER_ABSENCE) }));

  for (let y = Number(first.slice(0, 4)); y <= Number(frame.end.slice(0, 4)); y++) {
    for (let mo = 1; mo <= 12; mo++) {
      const sessions = county ? (rng.chance(0.45) ? 2 : 1) : rng.chance(mo === 2 ? 0.5 : 0.85) ? 1 : 0;
      for (let i = 0; i < sessions; i++) emit('党委会', workday(rng, y, mo, i === 0 ? 1 : 16, i === 0 ? 15 : 31), committeeSessionTopic(rng, body), team.length, absent());
      // The joint meeting gathers the propaganda, internet, public security and other departments: a county meeting
      // (kind 其他), not one of the standing committee.
      if (county && mo % 3 === 0) emit('其他', workday(rng, y, mo, 20), jointIdeologyTopic(y, mo / 3), rng.int(15, 25), []);
    }
  }
}
