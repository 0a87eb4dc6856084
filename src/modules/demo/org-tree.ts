/**
 * Helpers that grow the demo county's organization tree: hierarchical codes (C, C01, C01.001, C01.001.01),
 * founding and election dates by the term rules, and a unit split into branches when it is too big for one.
 */
import { addDays, addMonths, toIso, type IsoDate } from '../../shared/dates.js';
import type { OrgKind, Sector } from '../../shared/vocab.js';
import type { DemoFrame, OrgPlan, Profile } from './demo-types.js';
import { maxDate, minDate, type Rng } from './rng.js';

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 第一, 第二 … 第十一 … 第九十九. */
export function ordinal(n: number): string {
  if (n <= 10) return ORDINALS[n - 1]!;
  if (n < 20) return `十${ORDINALS[n - 11]!}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${ORDINALS[tens - 1]!}十${ones ? ORDINALS[ones - 1]! : ''}`;
}

export interface NewPlan {
  name: string;
  kind: OrgKind;
  sector: Sector;
  established: IsoDate;
  election: { termYears: number; lastElectionOn: IsoDate } | null;
  profile?: Profile | null;
  target?: number;
  lineage?: string;
  sheVillage?: boolean;
  participants?: number;
}

export class OrgTree {
  readonly plans: OrgPlan[] = [];
  private readonly byCode = new Map<string, OrgPlan>();
  private readonly childCount = new Map<string, number>();

  constructor(
    private readonly rng: Rng,
    private readonly frame: DemoFrame,
  ) {}

  get(code: string): OrgPlan {
    return this.byCode.get(code)!;
  }

  /** Adds an organization; `width` is the number of digits of its code segment. */
  add(parentCode: string | null, p: NewPlan, width = 2): OrgPlan {
    const n = (this.childCount.get(parentCode ?? '') ?? 0) + 1;
    this.childCount.set(parentCode ?? '', n);
    const code = parentCode === null ? 'C' : parentCode === 'C' ? `C${pad(n, width)}` : `${parentCode}.${pad(n, width)}`;
    const established = minDate(p.established, this.frame.end);
    const lastElectionOn = p.election ? maxDate(p.election.lastElectionOn, established) : null;
    const plan: OrgPlan = {
      code,
      name: p.name,
      kind: p.kind,
      sector: p.sector,
      parentCode,
      establishedOn: established,
      lastElectionOn: lastElectionOn ? minDate(lastElectionOn, this.frame.end) : null,
      termYears: p.election?.termYears ?? null,
      committeeSize: null,
      termExtendedTo: null,
      profile: p.profile ?? null,
      target: p.target ?? 0,
      groups: [],
      ...(p.lineage ? { lineage: p.lineage } : {}),
      ...(p.sheVillage ? { sheVillage: true } : {}),
      ...(p.participants ? { participants: p.participants } : {}),
    };
    this.plans.push(plan);
    this.byCode.set(code, plan);
    return plan;
  }

  /** A founding date between two years. */
  founded(fromYear: number, toYear: number): IsoDate {
    return this.rng.dateBetween(toIso(fromYear, 1, 1), toIso(toYear, 12, 31));
  }

  /**
   * 村、社区 and the 县、乡 committees are elected together every five years (the 2021 round, then 2026 …); about
   * 8% of them missed the last round and are overdue (《关于党的基层组织任期的意见》; domain-rules §2).
   */
  cycleElection(termYears: number, baseYear: number, seasonFrom: number, seasonTo: number): { termYears: number; lastElectionOn: IsoDate } {
    const endYear = Number(this.frame.end.slice(0, 4));
    const y0 = baseYear + termYears * Math.floor((endYear - baseYear) / termYears);
    const season = (y: number) => this.rng.dateBetween(toIso(y, seasonFrom, 1), addDays(addMonths(toIso(y, seasonTo, 1), 1), -1));
    const candidate = season(y0);
    const overdue = this.rng.chance(0.08);
    const lastElectionOn = !overdue && candidate <= this.frame.end ? candidate : season(y0 - termYears);
    return { termYears, lastElectionOn: minDate(lastElectionOn, this.frame.end) };
  }

  /** Other organizations elect on their own calendar; about 10% are past the end of their term. */
  staggeredElection(termYears: number): { termYears: number; lastElectionOn: IsoDate } {
    const months = this.rng.chance(0.1) ? this.rng.int(termYears * 12 + 1, termYears * 12 + 14) : this.rng.int(0, termYears * 12 - 1);
    return { termYears, lastElectionOn: this.rng.dateBetween(addMonths(this.frame.end, -months - 1), addMonths(this.frame.end, -months)) };
  }

  /**
   * A unit of `size` members: one branch if it is small enough, else a 党总支 (under 100 members) or a 基层党委 with
   * branches under it (《支部条例》: 50–100 → 总支, 100+ → 党委). Returns the branches.
   */
  unit(
    parentCode: string,
    u: { fullName: string; sector: Sector; profile: Profile; size: number; maxSingle: number; branchSize: number; established: IsoDate; subNames?: readonly string[]; rural?: boolean; lineage?: string; sheVillage?: boolean },
    width = 3,
  ): OrgPlan[] {
    if (u.size <= 0) return [];
    const election = (t: number) => (u.rural ? this.cycleElection(5, 2021, 1, 3) : this.staggeredElection(t));
    const people = { profile: u.profile, ...(u.lineage ? { lineage: u.lineage } : {}), ...(u.sheVillage ? { sheVillage: true } : {}) };
    if (u.size <= u.maxSingle) {
      return [this.add(parentCode, { name: `中共${u.fullName}支部委员会`, kind: '党支部', sector: u.sector, established: u.established, election: election(3), ...people, target: u.size }, width)];
    }
    const k = Math.max(2, Math.round(u.size / u.branchSize));
    const committee = u.size >= 100 && k >= 3;
    const head = this.add(
      parentCode,
      {
        name: `中共${u.fullName}${committee ? '委员会' : '总支部委员会'}`,
        kind: committee ? '党委' : '党总支',
        sector: u.sector,
        established: u.established,
        election: committee && !u.rural ? this.staggeredElection(5) : election(3),
      },
      width,
    );
    const sizes = splitEvenly(this.rng, u.size, k);
    return sizes.map((size, i) => {
      const sub = u.subNames && i < u.subNames.length ? u.subNames[i]! : `第${ordinal(i + 1)}`;
      return this.add(head.code, {
        name: `中共${u.fullName}${sub}支部委员会`,
        kind: '党支部',
        sector: u.sector,
        established: this.rng.dateBetween(head.establishedOn, maxDate(head.establishedOn, addMonths(this.frame.start, -12))),
        election: election(3),
        ...people,
        target: size,
      });
    });
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(Math.max(width, String(n).length), '0');
}

/** Splits `total` into `k` parts of similar size (±25%), summing exactly to `total`. */
export function splitEvenly(rng: Rng, total: number, k: number): number[] {
  const weights = Array.from({ length: k }, () => 0.75 + rng.next() * 0.5);
  return allocate(total, weights);
}

/** Largest-remainder allocation of `total` by weights: integers summing exactly to `total`. */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || weights.length === 0) return weights.map(() => 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; rest > 0; j = (j + 1) % order.length, rest--) out[order[j]![1]]! += 1;
  return out;
}

/** Draws unit sizes until they add up to `budget` exactly; a remainder too small for a unit joins the last one. */
export function drawSizes(budget: number, min: number, draw: () => number): number[] {
  const sizes: number[] = [];
  let sum = 0;
  while (sum < budget) {
    let s = Math.max(min, Math.round(draw()));
    if (sum + s > budget) s = budget - sum;
    if (s < min && sizes.length > 0) sizes[sizes.length - 1]! += s;
    else sizes.push(s);
    sum += s;
  }
  return sizes;
}
