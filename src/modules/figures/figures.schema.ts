import { z } from 'zod';
import { figureSetView, figureView } from '../../shared/figures.js';
import { queryBool } from '../../shared/validation.js';
import { orgCode } from '../orgs/orgs.schema.js';
import { LEDGERS, LEDGER_KEYS } from './ledger-figures.js';

/** dues（党费）、study（学习培训）… as people read the ledger names. */
export const LEDGER_LIST = LEDGER_KEYS.map((k) => `${k}（${LEDGERS[k].label}）`).join('、');

export const FIGURES_LABELS: Record<string, string> = { org: '组织代码', period: '统计期', ledger: '台账', evidence: '是否列出记录编号' };

export const ledgerFiguresQuery = z.object({
  org: orgCode.optional(),
  period: z.string().trim().min(1).max(40),
  ledger: z.string().trim().max(100).optional().describe(`台账，逗号分隔：${LEDGER_LIST}；不填为全部`),
  evidence: queryBool.default(false).describe('是否列出每个数字所依据的记录编号'),
});

export const ledgerFigureView = figureView.extend({
  ledger: z.string(),
  ledgerLabel: z.string(),
  records: z.number().int().describe('所依据的记录数'),
});

export const ledgerFiguresView = figureSetView.extend({ figures: z.array(ledgerFigureView) });
export type LedgerFiguresView = z.infer<typeof ledgerFiguresView>;
