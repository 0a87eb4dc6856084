import type { Insertable, Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Multi-row inserts in chunks that stay under both engines' bound-parameter limits
 * (SQLite 32766, PostgreSQL 65535).
 */
export function chunkSizeFor(columns: number): number {
  return Math.max(1, Math.floor(30_000 / Math.max(1, columns)));
}

export async function insertChunked<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const size = chunkSizeFor(Object.keys(rows[0]!).length);
  for (let i = 0; i < rows.length; i += size) {
    await db.insertInto(table).values(rows.slice(i, i + size) as never).execute();
  }
}

/**
 * Inserts rows and returns their new ids in the order of `rows`. Within one INSERT, both engines assign ids in the
 * order of the VALUES list (serial/rowid), so the returned ids sorted ascending line up with the input.
 */
export async function insertChunkedReturningIds<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<number[]> {
  const ids: number[] = [];
  if (rows.length === 0) return ids;
  const size = chunkSizeFor(Object.keys(rows[0]!).length);
  for (let i = 0; i < rows.length; i += size) {
    const result = (await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .returning('id' as never)
      .execute()) as unknown as { id: number }[];
    ids.push(...result.map((r) => Number(r.id)).sort((a, b) => a - b));
  }
  return ids;
}
