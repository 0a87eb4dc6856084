/**
 * The dues figures under ids in the style of the indicator catalog, for the report generator: the catalog has no
 * ids for dues collection (its three dues_payment rows are donations), so these are added the same way. Each figure
 * comes from `duesFiguresWithMembers`, the same computation as `dangjian dues figures`.
 */
import type { Ctx } from '../../context.js';
import { percent, type FigureSet } from '../../shared/figures.js';
import { parsePeriod } from '../../shared/period.js';
import { duesFiguresWithMembers } from './dues-figures.js';

const fenToYuan = (fen: number) => Math.round(fen) / 100;

export async function duesFigureSet(ctx: Ctx, q: { orgCode?: string | undefined; period: string }): Promise<FigureSet> {
  const period = parsePeriod(q.period);
  const { view, dueMemberIds, paidMemberIds } = await duesFiguresWithMembers(ctx, {
    orgCode: q.orgCode,
    from: period.start.slice(0, 7),
    to: period.end.slice(0, 7),
  });
  const members = (ids: number[]) => ({ table: 'memberships', ids });
  const span = `${view.from}至${view.through < view.to ? view.through : view.to}`;
  return {
    org: view.org === null ? null : { code: view.org, name: view.orgName ?? view.org },
    period: { label: period.label, title: period.title, start: period.start, end: period.end },
    figures: [
      {
        id: 'dues_due_total',
        label: '应交党费',
        unit: '元',
        value: fenToYuan(view.dueFen),
        computation: `${span}在册党员各月应交党费之和（已交月份按交纳时核定的应交金额，未交月份按当月基数和审批计算；不含未到期月份）`,
        evidence: members(dueMemberIds),
      },
      {
        id: 'dues_paid_total',
        label: '实交党费',
        unit: '元',
        value: fenToYuan(view.paidFen),
        computation: `${span}各月实际交纳的党费之和（含补交、预交到这些月份的金额）`,
        evidence: members(paidMemberIds),
      },
      {
        id: 'dues_payment_rate',
        label: '党费交纳率',
        unit: '%',
        value: percent(view.paidMonths, view.dueMonths),
        computation: `已交人月数（${view.paidMonths}）÷ 应交人月数（${view.dueMonths}）× 100%，${span}`,
        evidence: members(paidMemberIds),
      },
      {
        id: 'dues_members_in_arrears',
        label: '连续3个月以上未交党费的党员',
        unit: '人',
        value: view.membersInArrears,
        computation: `截至${view.to}（只计已过去的月份）连续3个月以上未交党费的党员人数`,
        evidence: members(view.evidence.inArrears.map((m) => m.memberId)),
      },
      {
        id: 'dues_members_without_base',
        label: '未核定党费基数的党员',
        unit: '人',
        value: view.membersWithoutBase,
        computation: `${span}有月份未核定党费基数的党员人数`,
        evidence: members(view.evidence.withoutBase.map((m) => m.memberId)),
      },
    ],
  };
}
