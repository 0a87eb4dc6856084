/**
 * What a member owes a month (《关于中国共产党党费收缴、使用和管理的规定》, 中组发〔2008〕3号; domain-rules §4): one flat
 * rate on the whole after-tax base, never progressive — 在职 0.5% up to 3000元, 1% up to 5000, 1.5% up to 10000, 2%
 * above; 离退休 0.5% up to 5000, 1% above; fixed small amounts for 农民 (set by the province), 学生, 下岗失业 and other
 * members in hardship. Money is integer fen, rounded to the nearest fen.
 */

export const DUES_CATEGORIES = ['在职', '离退休', '农民', '学生', '下岗失业', '其他困难'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];

/** Categories that pay a percentage of a base (第一条至第五条); the others pay a fixed amount (第六条). */
export const BASED_CATEGORIES: readonly DuesCategory[] = ['在职', '离退休'];

export const DUES_APPROVAL_KINDS = ['减交', '免交', '按季交纳'] as const;
export type DuesApprovalKind = (typeof DUES_APPROVAL_KINDS)[number];

/** 农民党员 0.2–1元 a month, fixed by the province: a deployment setting; students and the unemployed 0.2元 (第六条). */
export interface FixedAmounts {
  farmerFen: number;
  hardshipFen: number;
}
export const DEFAULT_FIXED: FixedAmounts = { farmerFen: 50, hardshipFen: 20 };

/** The rate in ten-thousandths (50 = 0.5%) for a base in fen. */
export function duesRate(category: DuesCategory, baseFen: number): number {
  if (category === '离退休') return baseFen <= 500_000 ? 50 : 100;
  if (baseFen <= 300_000) return 50;
  if (baseFen <= 500_000) return 100;
  if (baseFen <= 1_000_000) return 150;
  return 200;
}

/** The monthly amount in fen before any approved reduction or exemption. */
export function monthlyDues(category: DuesCategory, baseFen: number | null, fixed: FixedAmounts = DEFAULT_FIXED): number {
  switch (category) {
    case '在职':
    case '离退休':
      return Math.round(((baseFen ?? 0) * duesRate(category, baseFen ?? 0)) / 10_000);
    case '农民':
      return fixed.farmerFen;
    default:
      return fixed.hardshipFen;
  }
}

/** 1234 fen → "12.34". */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** "12.34" / "12.3" / "12" (元, as people write it) → 1234 fen; null when it is not an amount. */
export function parseYuan(text: string): number | null {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export interface BaseRow {
  fromMonth: string;
  category: DuesCategory;
  baseFen: number | null;
}

export interface ApprovalRow {
  kind: DuesApprovalKind;
  fromMonth: string;
  toMonth: string | null;
  monthlyFen: number | null;
}

/** The base in force for a month: the latest change on or before it. */
export function baseFor(bases: readonly BaseRow[], month: string): BaseRow | null {
  let found: BaseRow | null = null;
  for (const b of bases) if (b.fromMonth <= month && (!found || b.fromMonth > found.fromMonth)) found = b;
  return found;
}

export function approvalFor(approvals: readonly ApprovalRow[], month: string, kinds: readonly DuesApprovalKind[]): ApprovalRow | null {
  return approvals.find((a) => kinds.includes(a.kind) && a.fromMonth <= month && (!a.toMonth || a.toMonth >= month)) ?? null;
}

/**
 * What is due for a month, all things considered: null when nothing is known (no base recorded yet), 0 when exempt.
 * An approved 减交 sets the amount; 免交 makes it 0.
 */
export function dueFor(bases: readonly BaseRow[], approvals: readonly ApprovalRow[], month: string, fixed: FixedAmounts = DEFAULT_FIXED): number | null {
  const base = baseFor(bases, month);
  if (!base) return null;
  const relief = approvalFor(approvals, month, ['免交', '减交']);
  if (relief?.kind === '免交') return 0;
  if (relief?.kind === '减交' && relief.monthlyFen !== null) return relief.monthlyFen;
  return monthlyDues(base.category, base.baseFen, fixed);
}
