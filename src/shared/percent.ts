/** Ratios as the reports print them, with no dependency (the web UI imports it too). */

/** A percentage rounded to one decimal, or null over an empty denominator. */
export function percent(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10;
}
