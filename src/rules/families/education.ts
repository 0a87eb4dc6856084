/**
 * Party member education (《中国共产党党员教育管理工作条例》2019): each member on a branch's roll for a whole year
 * spends at least 32 学时 in concentrated training and collective study; a 书记, 副书记 or 委员 at least 56 学时 with
 * at least one concentrated training completed. A year is judged in a period that holds its last day (once that day
 * has come); in the fourth quarter of a year still running, members still short are reminded ("upcoming").
 *
 * Hours are those the study ledger holds (src/modules/study: 集中培训 attended, and the member's own 集中学习, 网络培训,
 * 专题讲座). A branch with no study or training recorded for any of its members in the year keeps no ledger here:
 * nothing is known, and its members are not judged (as dues are not judged without a base).
 */
import type { MemberFact, TrainingYearFact } from '../facts.js';
import type { RuleContext } from '../context.js';
import { hoursOf, isLeader } from '../../modules/study/study-points.js';

export function evaluateEducation(rc: RuleContext): void {
  for (const active of rc.current('members')) {
    if (!rc.settings.enabled(active.rule)) continue;
    const rule = rc.settings.apply(active.rule);
    const req = rule.requirement;
    if (req.type !== 'training-hours') continue;
    const years: { year: number; judged: boolean }[] = [];
    for (let y = Number(rc.period.start.slice(0, 4)); y <= Number(rc.period.end.slice(0, 4)); y++) {
      const end = `${y}-12-31`;
      if (rc.inPeriod(end) && end <= rc.asOf) years.push({ year: y, judged: true });
      else if (rc.asOf < end && rc.asOf.slice(0, 4) === String(y) && Number(rc.asOf.slice(5, 7)) >= req.remindFromMonth) years.push({ year: y, judged: false });
    }
    if (years.length === 0) continue;
    const empty: TrainingYearFact = { concentratedMinutes: 0, concentratedTrainings: 0, records: 0 };
    // In the order members were entered, whatever order the engine read them in.
    const members = [...rc.facts.members].sort((a, b) => a.membershipId - b.membershipId);
    for (const { year, judged } of years) {
      // The branches that keep the ledger this year: any record of any of their members.
      const keeping = new Set<number>();
      for (const m of members) if ((rc.facts.training.get(m.membershipId)?.get(year)?.records ?? 0) > 0) keeping.add(m.orgId);
      for (const m of members) {
        const org = rc.facts.byId.get(m.orgId);
        // On the roll the whole year: members who joined during it are not held to a full year's hours.
        if (!org || !rc.applies(rule, org) || !keeping.has(org.id) || m.joinedOn > `${year}-01-01`) continue;
        const fact = rc.facts.training.get(m.membershipId)?.get(year) ?? empty;
        const leader = isLeader(m.partyPost);
        const needMinutes = (leader ? req.leaderHours : req.memberHours) * 60;
        const needTrainings = leader ? req.leaderTrainings : 0;
        const shortMinutes = Math.max(0, needMinutes - fact.concentratedMinutes);
        const ok = shortMinutes === 0 && fact.concentratedTrainings >= needTrainings;
        if (judged) rc.check(org, rule, ok ? 'met' : 'failed');
        else rc.check(org, rule, ok ? 'met' : 'pending');
        if (ok) continue;
        const lacks = lacking(m, year, fact, needMinutes, needTrainings, shortMinutes);
        rc.find({ ...active, rule }, {
          org, period: String(year), status: judged ? 'missed' : 'upcoming', severity: 'warn', dueOn: `${year}-12-31`, open: !judged, person: m.name,
          evidence: {
            records: [{ type: 'membership', id: m.membershipId, summary: `${m.name}（${m.status}${m.partyPost ? `，${m.partyPost}` : ''}）` }],
            facts: {
              年度: year,
              党内职务: m.partyPost,
              集中学习培训学时: hoursOf(fact.concentratedMinutes),
              应达学时: hoursOf(needMinutes),
              完成集中培训次数: fact.concentratedTrainings,
              应参加集中培训次数: needTrainings,
              统计日期: rc.asOf,
            },
            searched: `${m.name}${year}年的集中培训参训登记，以及集中学习、网络培训、专题讲座学习记录`,
          },
          message: judged ? `${lacks}` : `${lacks}，请在年底前安排参加集中学习培训`,
        });
      }
    }
  }
}

function lacking(m: MemberFact, year: number, fact: TrainingYearFact, needMinutes: number, needTrainings: number, shortMinutes: number): string {
  const who = `${m.name}${m.partyPost ? `（${m.partyPost}）` : ''}`;
  const parts: string[] = [];
  if (shortMinutes > 0) parts.push(`集中学习培训${hoursOf(fact.concentratedMinutes)}学时，少于${hoursOf(needMinutes)}学时（尚差${hoursOf(shortMinutes)}学时）`);
  if (fact.concentratedTrainings < needTrainings) parts.push(`未参加集中培训（应至少${needTrainings}次）`);
  return `${who}：${year}年${parts.join('，')}`;
}
