/**
 * Driving the HTTP API in end-to-end tests: a fresh database of the engine and an app on it for each test,
 * requests through `app.inject`, and the checks every error answer must pass.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, expect } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { Ctx } from '../../src/context.js';
import { createTestDatabase, type Engine, type TestDatabase } from './test-db.js';

export interface ApiHarness {
  readonly app: FastifyInstance;
  readonly ctx: Ctx;
  readonly db: TestDatabase;
  /** Sends a request; `body` is sent as JSON. */
  request(method: InjectOptions['method'], url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export function useApi(engine: Engine): ApiHarness {
  let db: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  beforeEach(async () => {
    db = await createTestDatabase(engine);
    app = await buildApp({ ctx: db.ctx, engine });
  });
  afterEach(async () => {
    await app?.close();
    await db?.close();
    app = undefined;
    db = undefined;
  });
  const harness: ApiHarness = {
    get app() {
      if (!app) throw new Error('no app');
      return app;
    },
    get ctx() {
      if (!db) throw new Error('no test database');
      return db.ctx;
    },
    get db() {
      if (!db) throw new Error('no test database');
      return db;
    },
    request(method, url, body) {
      return harness.app.inject({ method, url, ...(body !== undefined && { payload: body as object }) });
    },
  };
  return harness;
}

const HAN = /[\u4e00-\u9fff]/;

/**
 * An error answer: the status, the stable code, a Chinese message naming `label` (when given), and one issue at
 * least with the same shape. Returns the error for further checks.
 */
export function expectError(
  res: LightMyRequestResponse,
  status: number,
  code: string,
  label?: string,
): { code: string; message: string; issues: { code: string; field: string; message: string }[] } {
  const body = res.json() as { error: { code: string; message: string; issues: { code: string; field: string; message: string }[] } };
  expect({ status: res.statusCode, code: body.error?.code, message: body.error?.message }).toMatchObject({ status, code });
  expect(body.error.message).toMatch(HAN);
  if (label) expect(body.error.message).toContain(label);
  expect(Array.isArray(body.error.issues)).toBe(true);
  for (const issue of body.error.issues) {
    expect(issue.message).toMatch(HAN);
    expect(typeof issue.field).toBe('string');
  }
  return body.error;
}

const TABLES = ['organizations', 'people', 'memberships', 'member_transfers', 'development_records', 'meetings', 'meeting_absences'] as const;

/** Row counts of every table and the rows that a refused request could touch: compared before and after it. */
export async function snapshot(ctx: Ctx): Promise<Record<string, unknown>> {
  const counts: Record<string, unknown> = {};
  for (const table of TABLES) {
    const row = await ctx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  counts.organizationRows = await ctx.db.selectFrom('organizations').selectAll().orderBy('code').execute();
  counts.membershipRows = await ctx.db.selectFrom('memberships').selectAll().orderBy('id').execute();
  counts.peopleRows = await ctx.db.selectFrom('people').selectAll().orderBy('id').execute();
  counts.developmentRows = await ctx.db.selectFrom('development_records').selectAll().orderBy('id').execute();
  return counts;
}
