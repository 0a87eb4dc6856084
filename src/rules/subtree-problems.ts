import type { Notice } from './notice.js';

/**
 * How many problems (missed, overdue, violations) each row's organization has together with everything under it:
 * the rates of a row cover its subtree, so the count beside them does too. A row's own count is `problems.length`.
 */
export function subtreeProblemCounts(n: Notice): Map<string, number> {
  const parentOf = new Map(n.rows.map((r) => [r.org, r.parent]));
  const counts = new Map(n.rows.map((r) => [r.org, 0]));
  for (const r of n.rows) {
    for (let code: string | null | undefined = r.org; code; code = parentOf.get(code)) {
      counts.set(code, (counts.get(code) ?? 0) + r.problems.length);
    }
  }
  return counts;
}
