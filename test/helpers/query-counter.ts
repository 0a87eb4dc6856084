import type { KyselyPlugin } from 'kysely';
import type { Ctx } from '../../src/context.js';

/** A context whose database counts the queries it sends: to prove a service's query count does not grow with the data. */
export function countingCtx(ctx: Ctx): { ctx: Ctx; queries: () => number; reset: () => void } {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      count++;
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
  return { ctx: { ...ctx, db: ctx.db.withPlugin(plugin) }, queries: () => count, reset: () => (count = 0) };
}
