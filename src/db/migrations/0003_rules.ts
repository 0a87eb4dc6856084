/**
 * What the rule engine needs beyond the records: whether a branch has a committee (支部委员会) and how many sit on
 * it, an approved extension of an organization's term, and the deployment's settings of the rules (local practice,
 * thresholds). Frozen once released; takes Kysely<any>, imports no application code.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Null: not recorded. 0: no committee (a 书记, perhaps a 副书记, only). Otherwise the number of 委员.
  await db.schema.alterTable('organizations').addColumn('committee_size', 'integer').execute();
  // The day an approved extension (延期换届) runs to; null when none was approved.
  await db.schema.alterTable('organizations').addColumn('term_extended_to', 'text').execute();

  await db.schema
    .createTable('rule_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    // JSON text: a number, a string or a boolean.
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rule_settings').execute();
  await db.schema.alterTable('organizations').dropColumn('term_extended_to').execute();
  await db.schema.alterTable('organizations').dropColumn('committee_size').execute();
}
