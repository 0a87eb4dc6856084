import type { Ctx } from '../../context.js';
import { DEFAULT_FIXED, type FixedAmounts } from './dues-rates.js';

/**
 * The fixed monthly amounts this deployment charges: 农民党员 as the province set it (the rule setting
 * `dues.farmerFen`, changed with `dangjian rules set`), 0.2元 for students, the unemployed and members in hardship.
 */
export async function loadFixedAmounts(ctx: Ctx): Promise<FixedAmounts> {
  const row = await ctx.db.selectFrom('rule_settings').select('value').where('key', '=', 'dues.farmerFen').executeTakeFirst();
  const farmer = row ? Number(JSON.parse(row.value)) : NaN;
  return { ...DEFAULT_FIXED, ...(Number.isInteger(farmer) && { farmerFen: farmer }) };
}
