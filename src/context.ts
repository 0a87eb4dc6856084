import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import type { Clock } from './shared/clock.js';

/**
 * What every service receives (STYLE §1): the database as a Kysely instance (no driver) and the clock.
 * Inside a transaction, `db` is the transaction.
 */
export interface Ctx {
  db: Kysely<Database>;
  clock: Clock;
}

/** Runs `fn` in one transaction, reusing the caller's if it is already in one. */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}
