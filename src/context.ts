import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import type { Clock } from './shared/clock.js';
import type { Actor } from './modules/access/actor.js';
import type { IdNumberVault } from './shared/id-vault.js';

/**
 * What every service receives (STYLE §1): the database as a Kysely instance (no driver), the clock, and who is
 * acting — every query is clipped to what the actor may see (src/modules/access/scope.ts).
 * Inside a transaction, `db` is the transaction.
 */
export interface Ctx {
  db: Kysely<Database>;
  clock: Clock;
  actor: Actor;
  /** How ID numbers are kept at rest (plain, or encrypted with a blind index). */
  vault: IdNumberVault;
}

export function withActor(ctx: Ctx, actor: Actor): Ctx {
  return { ...ctx, actor };
}

/** Runs `fn` in one transaction, reusing the caller's if it is already in one. */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}
