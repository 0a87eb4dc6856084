/** The PostgreSQL server the tests use; each test creates and drops its own schema there. */
export const TEST_PG_URL = process.env.DANGJIAN_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
