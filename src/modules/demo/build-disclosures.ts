/**
 * 三务公开 of the demo county: the county committee's catalogue (党务 quarterly for the village and community
 * organizations, 村务 and 财务 quarterly for the villages, 居务 quarterly for the communities, the 随时 items), the
 * monthly 财务收支 item a few busy villages near the county seat set for themselves (往来较多), and each disclosing
 * organization's disclosures period by period, 提出 → 审核 → 审批 → 公开 within a fortnight or so of the period's end.
 * Planted: a few villages behind (the last one or two quarters missing), a few proposed but never reviewed.
 * Pure and deterministic.
 */
import { addDays, toIso, type IsoDate } from '../../shared/dates.js';
import { DISCLOSURE_BUSY_FINANCE_ITEM, DISCLOSURE_GRACE_DAYS } from '../disclosures/disclosures.schema.js';
import { isDiscloser } from '../disclosures/disclosure-rules.js';
import type { OrgPlan } from './demo-types.js';
import type { Planned, SupervisionScope } from './supervision-scope.js';
import { Rng } from './rng.js';

export type DisclosureItemPlan = Planned<'disclosure_items'>;
export type DisclosurePlan = Planned<'disclosures', 'item_id'> & { item: number };

export interface DemoDisclosures {
  items: DisclosureItemPlan[];
  disclosures: DisclosurePlan[];
  /** Disclosing organizations missing a periodic disclosure whose due date has passed (planted). */
  behind: number;
  /** Disclosures proposed but never reviewed (planted). */
  unreviewed: number;
  busyVillages: number;
}

const CATALOGUE: readonly (readonly [category: string, name: string, cadence: string, sector: string])[] = [
  ['党务', '党务公开（定期事项）', '每季度', '农村'],
  ['党务', '党务公开（定期事项·社区）', '每季度', '社区'],
  ['党务', '党务公开（重要事项）', '随时', '农村'],
  ['村务', '村务公开（一般事项）', '每季度', '农村'],
  ['村务', '村务公开（涉及村民利益的重大事项）', '随时', '农村'],
  ['村务', '居务公开（一般事项）', '每季度', '社区'],
  ['财务', '财务收支', '每季度', '农村'],
  ['财务', '财务专项公开（征地补偿、资产发包租赁、工程招投标、一事一议）', '随时', '农村'],
];
const CONTENT: Record<string, readonly string[]> = {
  党务: ['党员发展情况、党费收缴情况、“三会一课”开展情况', '党组织换届和班子调整情况、党员教育培训情况', '主题党日活动、民主评议党员结果'],
  村务: ['村级重大事项决策“四议两公开”情况、低保及救助对象评定情况', '集体土地承包、宅基地审批及惠农补贴发放情况', '村级工程项目建设及村民关心的热点问题办理情况'],
  财务: ['集体经济收入、支出明细及资产负债情况', '村级财务收支明细、往来款项及债权债务情况', '集体资产资源发包租赁收益及村干部报酬'],
};

interface Period {
  label: string;
  end: IsoDate;
}

/** The quarters (or months) whose last day is within the window. */
function periods(start: IsoDate, end: IsoDate, monthly: boolean): Period[] {
  const out: Period[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) {
    for (let m = monthly ? 1 : 3; m <= 12; m += monthly ? 1 : 3) {
      const last = addDays(toIso(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1), -1);
      if (last < start || last > end) continue;
      out.push({ label: monthly ? `${y}-${String(m).padStart(2, '0')}` : `${y}Q${m / 3}`, end: last });
    }
  }
  return out;
}

export function buildDisclosures(scope: SupervisionScope): DemoDisclosures {
  const { frame, county, byCode, tops } = scope;
  const end = frame.end;
  const out: DemoDisclosures = { items: [], disclosures: [], behind: 0, unreviewed: 0, busyVillages: 0 };
  for (const [category, name, cadence, sector] of CATALOGUE) out.items.push({ orgCode: county.code, category, name, cadence, sector, active: 1 });

  const disclosers = [...byCode.values()].filter((o) => (o.sector === '农村' || o.sector === '社区') && isDiscloser(o.kind, o.parentCode ? byCode.get(o.parentCode)!.kind : null) && /(村|社区)/.test(o.name));
  const rng = Rng.derive(frame.seed, 'disclosures');
  // Busy villages: around the county seat (the first township), a few with many transactions.
  const seat = tops.find((t) => t.kind === 'town')?.org.code;
  const busy = rng.sample(disclosers.filter((o) => o.sector === '农村' && o.parentCode === seat), Math.max(1, Math.round(3 * Math.sqrt(frame.members / 25_000))));
  const busyItem = new Map<string, number>();
  for (const v of busy) {
    busyItem.set(v.code, out.items.length);
    out.items.push({ orgCode: v.code, category: DISCLOSURE_BUSY_FINANCE_ITEM.category, name: DISCLOSURE_BUSY_FINANCE_ITEM.name, cadence: DISCLOSURE_BUSY_FINANCE_ITEM.cadence, sector: '农村', active: 1 });
  }
  out.busyVillages = busy.length;
  const plantedCount = Math.max(2, Math.round(disclosers.length * 0.02));
  const shuffled = rng.shuffle([...disclosers].filter((o) => !busyItem.has(o.code)));
  const behind = new Map(shuffled.slice(0, plantedCount).map((o) => [o.code, rng.int(1, 2)]));
  const unreviewed = new Set(shuffled.slice(plantedCount, plantedCount * 2).map((o) => o.code));
  const quarters = periods(frame.start, end, false);
  const months = periods(frame.start, end, true);
  const due = (p: Period) => addDays(p.end, DISCLOSURE_GRACE_DAYS);
  const lastDue = quarters.filter((p) => due(p) < end);

  const disclose = (o: OrgPlan, item: number, p: Period, prng: Rng, planted: 'none' | 'unreviewed') => {
    const category = out.items[item]!.category;
    const proposed = addDays(p.end, prng.int(1, 7));
    if (proposed > end || proposed < o.establishedOn) return;
    const reviewer = `${scope.leaderOf(o.code, proposed)}（${category === '财务' ? '村务监督委员会' : '支部委员会'}）`;
    const row: DisclosurePlan = {
      orgCode: o.code, item, period_label: p.label, content: prng.pick(CONTENT[category]!), proposed_on: proposed, reviewed_on: null, reviewed_by: null, approved_on: null, approved_by: null,
      published_on: null, note: null,
    };
    if (planted === 'none') {
      const reviewed = addDays(proposed, prng.int(1, 3));
      const approved = addDays(reviewed, prng.int(0, 2));
      const published = addDays(approved, prng.chance(0.04) ? prng.int(12, 25) : prng.int(1, 4));
      if (reviewed <= end) Object.assign(row, { reviewed_on: reviewed, reviewed_by: reviewer });
      if (reviewed <= end && approved <= end) Object.assign(row, { approved_on: approved, approved_by: byCode.get(o.parentCode!)?.name ?? county.name });
      if (approved <= end && published <= end) row.published_on = published;
    } else {
      row.note = '已提出，尚未审核';
      out.unreviewed++;
    }
    out.disclosures.push(row);
  };

  for (const o of disclosers) {
    const orgRng = Rng.derive(frame.seed, `disclosures:${o.code}`);
    const mine = out.items.flatMap((it, i) => (it.orgCode === county.code && it.cadence === '每季度' && it.sector === o.sector ? [i] : []));
    const skip = behind.get(o.code) ?? 0;
    const missing = new Set(lastDue.slice(lastDue.length - skip).map((p) => p.label));
    const lastLabel = lastDue[lastDue.length - 1]?.label;
    for (const p of quarters) {
      for (const item of mine) {
        if (missing.has(p.label)) continue;
        disclose(o, item, p, orgRng, unreviewed.has(o.code) && p.label === lastLabel && out.items[item]!.category === '党务' ? 'unreviewed' : 'none');
      }
    }
    const busyIndex = busyItem.get(o.code);
    if (busyIndex !== undefined) for (const p of months) disclose(o, busyIndex, p, orgRng, 'none');
    if (skip > 0 && missing.size > 0) out.behind++;
  }
  // The unreviewed ones are not published either: those organizations are behind too.
  if (lastDue.length > 0) out.behind += unreviewed.size;
  return out;
}
