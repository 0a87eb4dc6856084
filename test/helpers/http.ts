/**
 * Driving the HTTP API in end-to-end tests: a fresh (emptied) database of the engine and an app on it for each test,
 * a system administrator signed in through the real login (session cookie and CSRF token), requests through
 * `app.inject`, and the checks every error answer must pass.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import type { Clock } from '../../src/shared/clock.js';
import type { Ctx } from '../../src/context.js';
import { createUser } from '../../src/modules/users/create-user.js';
import type { UserInput } from '../../src/modules/users/users.schema.js';
import { createTestDatabase, emptyTestDatabase, type Engine, type TestDatabase } from './test-db.js';

export interface ApiHarness {
  readonly app: FastifyInstance;
  readonly ctx: Ctx;
  readonly db: TestDatabase;
  /** The signed-in administrator's credentials (Cookie and X-CSRF-Token), for requests sent with `app.inject`. */
  readonly headers: Record<string, string>;
  /** Sends a request as the signed-in administrator; `body` is sent as JSON. */
  request(method: InjectOptions['method'], url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/** The harness's administrator: in no organization, so that an empty database stays empty. */
export const TEST_ADMIN = { username: 'test-admin', password: 'Qiming-Xing-2026!' } as const;

/**
 * Creates an account through the service (as the system) and logs it in through the API: the headers that
 * authenticate as it. By default the system administrator TEST_ADMIN.
 */
export async function signIn(
  app: FastifyInstance,
  ctx: Ctx,
  account: Partial<UserInput> = {},
): Promise<Record<string, string>> {
  const username = account.username ?? TEST_ADMIN.username;
  const password = account.password ?? TEST_ADMIN.password;
  await createUser(ctx, {
    username,
    displayName: account.displayName ?? '测试管理员',
    orgCode: account.orgCode ?? null,
    roles: account.roles ?? ['admin'],
    password,
    mustChangePassword: false,
  });
  return logIn(app, username, password);
}

/** Logs an existing account in: the session cookie and the CSRF token as request headers. */
export async function logIn(app: FastifyInstance, username: string, password: string): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'dj_session');
  if (!cookie) throw new Error('login set no session cookie');
  return { cookie: `dj_session=${cookie.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
}

/** `clock` for the database and the app (default: fixed at TEST_TODAY); `app` for more of the app's options. */
export interface ApiHarnessOptions {
  clock?: Clock;
  app?: Omit<AppOptions, 'ctx'>;
}

export function useApi(engine: Engine, opts: ApiHarnessOptions = {}): ApiHarness {
  // One migrated database for the describe, emptied before each test: a fresh database per test, without creating
  // and migrating a PostgreSQL schema each time. A test that closes its database gets a new one for the next test.
  let shared: TestDatabase | undefined;
  let db: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  let headers: Record<string, string> | undefined;
  beforeEach(async () => {
    if (shared) {
      await emptyTestDatabase(shared);
    } else {
      const created = await createTestDatabase(engine, opts.clock);
      shared = { ...created, close: async () => { shared = undefined; await created.close(); } };
    }
    db = shared;
    app = await buildApp({ engine, ...opts.app, ctx: db.ctx });
    headers = await signIn(app, db.ctx);
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    db = undefined;
    headers = undefined;
  });
  afterAll(async () => {
    await shared?.close();
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
    get headers() {
      if (!headers) throw new Error('not signed in');
      return headers;
    },
    request(method, url, body) {
      return harness.app.inject({ method, url, headers: harness.headers, ...(body !== undefined && { payload: body as object }) });
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
