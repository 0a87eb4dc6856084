/**
 * A seeded pseudo-random generator for the demo county: the same seed gives the same county, on any machine and
 * engine. sfc32 (Chris Doty-Humphrey's "small fast counting" generator, from PractRand) passes BigCrush, has a
 * 128-bit state and needs only 32-bit integer arithmetic, so it is exact in JavaScript. Never Math.random.
 */
import { addDays, splitIso, type IsoDate } from '../../shared/dates.js';

/** A 32-bit hash of a string (a MurmurHash3-style mix), to derive independent streams from one seed. */
export function hash32(text: string, seed = 0): number {
  let h = (0x9e3779b9 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x85ebca6b);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // Spread the seed over the state and discard the first outputs, so that seeds 1 and 2 diverge at once.
    this.a = hash32('a', seed);
    this.b = hash32('b', seed);
    this.c = hash32('c', seed);
    this.d = 1;
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** An independent stream for one concern ("members", "meetings:C01.003"), stable whatever else is drawn. */
  static derive(seed: number, label: string): Rng {
    return new Rng(hash32(label, seed));
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.next() * total;
    for (const [value, w] of table) {
      r -= w;
      if (r < 0) return value;
    }
    return table[table.length - 1]![0];
  }

  /** An approximately normal value (sum of three uniforms), clamped to [min, max]. */
  around(mean: number, spread: number, min = -Infinity, max = Infinity): number {
    const z = (this.next() + this.next() + this.next() - 1.5) * 2; // in (-3, 3), sd 1
    return Math.min(max, Math.max(min, mean + z * spread));
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  /** `k` distinct items (or all of them if there are fewer). */
  sample<T>(items: readonly T[], k: number): T[] {
    if (k >= items.length) return [...items];
    const picked = new Set<number>();
    const out: T[] = [];
    while (out.length < k) {
      const i = Math.floor(this.next() * items.length);
      if (picked.has(i)) continue;
      picked.add(i);
      out.push(items[i]!);
    }
    return out;
  }

  /** A day in [from, to], both included. */
  dateBetween(from: IsoDate, to: IsoDate): IsoDate {
    const span = daysBetween(from, to);
    return span <= 0 ? from : addDays(from, this.int(0, span));
  }
}

/** Days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((dayNumber(b) - dayNumber(a)) / 86_400_000);
}

function dayNumber(date: IsoDate): number {
  const [y, m, d] = splitIso(date);
  return Date.UTC(y, m - 1, d);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

