/**
 * Figures of the indicator catalog (`../shared/indicators/seed-indicator-ids.jsonl`) as the ledgers compute them:
 * one value for an organization's subtree and a reporting period, under the catalog's id, with how it was computed
 * and the records behind it. The report generator (issue 7) reads these; nothing here is stored.
 */
import { z } from 'zod';
import { percent } from './percent.js';

export { percent };

export const figureView = z.object({
  /** The catalog id, e.g. trainings_held; ids the catalog lacks are added the same way (snake_case, English). */
  id: z.string(),
  /** The Chinese label a report prints. */
  label: z.string(),
  /** 次, 人, 人次, 小时, %, 元 … */
  unit: z.string(),
  /** Counts and sums as numbers; ratios in percent rounded to one decimal; money in 元 with two decimals; null: no
   * denominator (a rate over nobody). */
  value: z.number().nullable(),
  /** How it was computed, in Chinese, for the report's appendix (数据说明). */
  computation: z.string(),
  /** The records counted: their table and ids (for a ratio, the numerator's records). */
  evidence: z.object({ table: z.string(), ids: z.array(z.number().int()) }),
});
export type Figure = z.infer<typeof figureView>;

export const figureSetView = z.object({
  org: z.object({ code: z.string(), name: z.string() }).nullable(),
  period: z.object({ label: z.string(), title: z.string(), start: z.string(), end: z.string() }),
  figures: z.array(figureView),
});
export type FigureSet = z.infer<typeof figureSetView>;

