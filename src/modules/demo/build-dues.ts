/**
 * Party dues (党费, 中组发〔2008〕3号; domain-rules §4) for the demo county: for every member of a standing branch, a
 * category and an after-tax base from the member's occupation and unit, a raise for some during the window, a few
 * approved 减交/免交 for members in hardship, 按季交纳 in about 5% of the branches, and a monthly ledger. Most pay in
 * the month or soon after; planted imperfections for the rules: about 2% of members 3–5 months in arrears at the
 * end, about 0.5% six or more months, a few back-payments more than six months late (补交 beyond the six allowed).
 * A member pays from the month of joining (a recruit from the branch meeting) or of transferring in, and nothing
 * after leaving or after the end date. Pure and deterministic: each member has its own random stream.
 */
import { daysInMonth, toIso, type IsoDate } from '../../shared/dates.js';
import { addMonth, monthCount, monthOf } from '../dues/dues-months.js';
import { dueFor, type ApprovalRow, type BaseRow, type DuesApprovalKind, type DuesCategory } from '../dues/dues-rates.js';
import type { DemoFrame, OrgPlan, Profile } from './demo-types.js';
import { maxDate, minDate, Rng } from './rng.js';

/** A member as the dues see them: who, where, since when and until when. */
export interface DuesSubject {
  /** The key the written rows are attached by (the membership id, once written). */
  membershipId: number;
  orgCode: string;
  idNumber: string;
  birthDate: IsoDate;
  occupation: string | null;
  /** The first day the member belongs to this branch: joining (the branch meeting) or transferring in. */
  since: IsoDate;
  leftOn: IsoDate | null;
}

export interface DemoDuesBase extends BaseRow {
  membershipId: number;
  note: string | null;
}
export interface DemoDuesApproval extends ApprovalRow {
  membershipId: number;
  reason: string;
  approvedBy: string;
  approvedOn: IsoDate;
}
export interface DemoDuesPayment {
  membershipId: number;
  month: string;
  dueFen: number;
  paidFen: number;
  paidOn: IsoDate;
  note: string | null;
}

export interface DemoDues {
  bases: DemoDuesBase[];
  approvals: DemoDuesApproval[];
  payments: DemoDuesPayment[];
  /** Planted arrears at the end date: members 3–5 months behind, and 6 or more. */
  arrears3to5: number;
  arrears6plus: number;
}

export function emptyDues(): DemoDues {
  return { bases: [], approvals: [], payments: [], arrears3to5: 0, arrears6plus: 0 };
}

const dayIn = (rng: Rng, month: string, from = 1, to = 28) => {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return toIso(y, m, Math.min(daysInMonth(y, m), rng.int(from, to)));
};

/** About 5% of the standing branches pay by the quarter (第十二条: with the branch's consent). */
export function paysQuarterly(frame: DemoFrame, org: OrgPlan): boolean {
  return org.kind !== '临时党支部' && Rng.derive(frame.seed, `dues-quarterly:${org.code}`).chance(0.05);
}

/** After-tax monthly bases in 元 by the kind of unit: 机关/事业单位 4000–9000, 国企 5000–12000, 非公 3000–8000. */
function salaryRange(profile: Profile, occupation: string | null): readonly [number, number] {
  if (occupation === '党政机关工作人员') return [4000, 9000];
  switch (profile) {
    case 'office':
    case 'institution':
    case 'school':
    case 'hospital':
    case 'temporary':
    case 'retired':
      return [4000, 9000];
    case 'soe':
      return [5000, 12000];
    case 'private':
    case 'social':
    case 'community':
    case 'village':
      return [3000, 8000];
  }
}

/** A whole amount of 10 元 in [lo, hi] 元, in fen. */
const tens = (rng: Rng, lo: number, hi: number) => rng.int(lo / 10, hi / 10) * 1000;

function categoryOf(rng: Rng, occupation: string | null): DuesCategory {
  switch (occupation) {
    case '离退休人员':
      return '离退休';
    case '农牧渔民':
      return '农民';
    case '学生':
      return '学生';
    case '其他职业人员':
      return rng.weighted([['在职', 75], ['下岗失业', 20], ['其他困难', 5]] as const);
    default:
      return '在职';
  }
}

/** The dues of one member of `org` (a standing branch), appended to `out`. */
export function buildMemberDues(frame: DemoFrame, org: OrgPlan, parentName: string, s: DuesSubject, out: DemoDues): void {
  const endMonth = monthOf(frame.end);
  const startMonth = monthOf(maxDate(frame.start, s.since));
  const lastMonth = s.leftOn ? minDate(endMonth, addMonth(monthOf(s.leftOn), -1)) : endMonth;
  if (startMonth > lastMonth) return;
  const rng = Rng.derive(frame.seed, `dues:${s.idNumber}`);
  const id = s.membershipId;

  // The base, and for some a raise (第十条: the new base from the month the new salary is paid).
  const category = categoryOf(rng, s.occupation);
  const bases: DemoDuesBase[] = [];
  if (category === '在职') {
    const [lo, hi] = salaryRange(org.profile ?? 'office', s.occupation);
    const base = tens(rng, lo, hi);
    bases.push({ membershipId: id, fromMonth: startMonth, category, baseFen: base, note: null });
    if (rng.chance(0.2) && startMonth < lastMonth) {
      const from = addMonth(startMonth, rng.int(1, Math.max(1, monthCount(startMonth, lastMonth) - 1)));
      if (from <= lastMonth) {
        const raised = Math.round((base * (1 + rng.int(3, 15) / 100)) / 1000) * 1000;
        bases.push({ membershipId: id, fromMonth: from, category, baseFen: raised, note: rng.chance(0.5) ? '工资调整' : null });
      }
    }
  } else if (category === '离退休') {
    const base = tens(rng, 2500, 6000);
    bases.push({ membershipId: id, fromMonth: startMonth, category, baseFen: base, note: null });
    // Pensions are raised from January.
    const january = `${frame.toYear}-01`;
    if (rng.chance(0.35) && january > startMonth && january <= lastMonth) {
      bases.push({ membershipId: id, fromMonth: january, category, baseFen: Math.round((base * (1 + rng.int(2, 4) / 100)) / 1000) * 1000, note: '养老金调整' });
    }
  } else {
    bases.push({ membershipId: id, fromMonth: startMonth, category, baseFen: null, note: null });
  }
  out.bases.push(...bases);

  // Approvals: members in hardship (本人申请，支部研究，上一级党委批准), and the branch's 按季交纳.
  const approvals: DemoDuesApproval[] = [];
  const approve = (kind: DuesApprovalKind, fromMonth: string, toMonth: string | null, monthlyFen: number | null, reason: string, approvedBy: string) => {
    const approvedOn = dayIn(rng, addMonth(fromMonth, -1), 5, 25);
    approvals.push({ membershipId: id, kind, fromMonth, toMonth, monthlyFen, reason, approvedBy, approvedOn });
  };
  const old = Number(frame.end.slice(0, 4)) - Number(s.birthDate.slice(0, 4)) >= 75;
  const span = monthCount(startMonth, lastMonth) - 1;
  if (category !== '在职' && (old || category === '下岗失业' || category === '其他困难') && rng.chance(0.03)) {
    const from = addMonth(startMonth, rng.int(0, span));
    approve('免交', from, addMonth(from, 11), null, rng.pick(['年老多病，生活困难', '长期患病，无经济收入', '家庭生活困难，享受最低生活保障']), parentName);
  } else if ((category === '在职' || category === '离退休') && rng.chance(0.004)) {
    const from = addMonth(startMonth, rng.int(0, span));
    approve('减交', from, addMonth(from, rng.int(5, 11)), rng.pick([100, 200, 500]), rng.pick(['本人患重病，医疗支出大，家庭生活困难', '家庭遭遇重大变故，生活困难']), parentName);
  }
  const quarterly = paysQuarterly(frame, org);
  if (quarterly) approve('按季交纳', startMonth, null, null, '本支部党员外出务工较多，经支部委员会研究同意按季度交纳党费', org.name);
  out.approvals.push(...approvals);

  // How this member pays: planted arrears at the end (members still on the roll), a late 补交, or in time.
  const r = rng.next();
  let unpaidFrom: string | null = null;
  if (!s.leftOn && r < 0.005) {
    unpaidFrom = addMonth(endMonth, -rng.int(6, 9));
    out.arrears6plus++;
  } else if (!s.leftOn && r < 0.025) {
    unpaidFrom = addMonth(endMonth, -rng.int(3, 5));
    out.arrears3to5++;
  }
  let late: { from: string; to: string; paidOn: IsoDate } | null = null;
  if (!unpaidFrom && r >= 0.025 && r < 0.029 && span >= 10) {
    const from = addMonth(startMonth, rng.int(0, span - 10));
    const to = addMonth(from, rng.int(1, 2));
    late = { from, to, paidOn: dayIn(rng, addMonth(to, rng.int(7, 8))) };
  }

  const limit = s.leftOn ? minDate(s.leftOn, frame.end) : frame.end;
  // A quarterly payer pays the quarter's months together, in its last month.
  let quarter = '';
  let quarterPaidOn: IsoDate = '';
  for (let month = startMonth; month <= lastMonth; month = addMonth(month, 1)) {
    if (unpaidFrom && month >= unpaidFrom) break;
    const due = dueFor(bases, approvals, month);
    if (due === null || due === 0) continue;
    let paidOn: IsoDate;
    let note: string | null = null;
    if (late && month >= late.from && month <= late.to) {
      paidOn = late.paidOn;
      note = '补交';
    } else if (quarterly) {
      const quarterEnd = addMonth(month, (3 - (Number(month.slice(5, 7)) % 3)) % 3);
      if (quarter !== quarterEnd) {
        quarter = quarterEnd;
        quarterPaidOn = dayIn(rng, quarterEnd, 5, 28);
      }
      paidOn = quarterPaidOn;
      note = '按季交纳';
    } else {
      const when = rng.next();
      paidOn = when < 0.88 ? dayIn(rng, month) : when < 0.98 ? dayIn(rng, addMonth(month, 1), 1, 20) : dayIn(rng, addMonth(month, 2), 1, 20);
    }
    if (paidOn < s.since) paidOn = s.since;
    if (paidOn > limit) continue;
    out.payments.push({ membershipId: id, month, dueFen: due, paidFen: due, paidOn, note });
  }
}
