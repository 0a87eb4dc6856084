import { CompiledQuery, PostgresAdapter, type Insertable, type Kysely } from 'kysely';
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

/** Rows per statement when the rows travel as one JSON parameter (SQLite). */
const JSON_ROWS = 20_000;

/**
 * Multi-row inserts of plain value arrays, as insertChunked does, without the query builder: the ledgers run to
 * hundreds of thousands of rows (the demo county's two years of dues), and building, preparing and binding statements of
 * thousands of placeholders took most of the time of writing them. On SQLite the rows go as one JSON array read by
 * json_each (a short statement, one parameter); on PostgreSQL as multi-row VALUES with numbered placeholders. Table
 * and column names are constants of the callers (insert-*-bulk.ts), never input.
 */
export async function insertValueRows(db: Kysely<Database>, table: keyof Database, columns: readonly string[], rows: (string | number | null)[][]): Promise<void> {
  if (rows.length === 0) return;
  const list = columns.join(', ');
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    const text = `insert into ${table} (${list}) select ${columns.map((_, i) => `value ->> ${i}`).join(', ')} from json_each(?) order by key`;
    for (let i = 0; i < rows.length; i += JSON_ROWS) {
      await db.executeQuery(CompiledQuery.raw(text, [JSON.stringify(rows.slice(i, i + JSON_ROWS))]));
    }
    return;
  }
  const size = chunkSizeFor(columns.length);
  const texts = new Map<number, string>();
  const statement = (n: number) => {
    let text = texts.get(n);
    if (text === undefined) {
      let p = 0;
      const row = () => `(${columns.map(() => `$${++p}`).join(', ')})`;
      text = `insert into ${table} (${list}) values ${Array.from({ length: n }, row).join(', ')}`;
      texts.set(n, text);
    }
    return text;
  };
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    await db.executeQuery(CompiledQuery.raw(statement(chunk.length), chunk.flat()));
  }
}

/**
 * Many already-checked rows of one table, as Kysely insert objects (snake_case columns), written with
 * insertValueRows inside the caller's transaction: every row must have the same columns (those of the first row). The
 * writers of the import and the demo county use it for the ledgers that need no ids back.
 */
export async function insertRowsBulk<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  await insertValueRows(
    db,
    table,
    columns,
    rows.map((r) => columns.map((c) => ((r as Record<string, unknown>)[c] ?? null) as string | number | null)),
  );
}
