/**
 * The pieces every routes file shares: request validation with zod, the error body, id parameters, field labels.
 * Routes validate at the edge, once (STYLE §3); the OpenAPI document is generated from these same schemas.
 */
import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../context.js';
import type { SlidingWindowLimiter } from '../modules/auth/rate-limiter.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Chinese labels of the route's fields (params, query and body), for validation messages. */
    labels?: Record<string, string>;
  }
}

/**
 * What a routes plugin receives. `ctx` acts as the system: a route uses the per-request `req.ctx` (the caller's,
 * set by src/server/auth.ts) and only the public routes — health, login — touch this one.
 */
export interface RouteOptions {
  ctx: Ctx;
  auth: AuthSettings;
}

export interface AuthSettings {
  /** Whether the session cookie is marked Secure (config DANGJIAN_COOKIE_SECURE). */
  cookieSecure: boolean;
  /** Login attempts per address (and current-password checks), shared by the routes that take a password. */
  loginLimiter: SlidingWindowLimiter;
}

/** The zod error of one part of a request; src/server/errors.ts turns it into field issues naming each field. */
export class RequestValidationError extends Error {
  readonly zodError: z.ZodError;

  constructor(zodError: z.ZodError) {
    super('request validation failed');
    this.name = 'RequestValidationError';
    this.zodError = zodError;
  }
}

/**
 * Validates params, query and body with the route's zod schemas. `reportInput` keeps each issue's input, which is
 * how a missing field (FIELD_REQUIRED) is told from a wrong one (FIELD_INVALID).
 */
/**
 * Request bodies are strict: a field the route does not know is refused (400) instead of silently dropped, so a
 * misspelt field never looks as if it had been saved. The OpenAPI document is generated from the schemas as written.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const strict = httpPart === 'body' && schema instanceof z.ZodObject ? schema.strict() : schema;
  return (data) => {
    const result = strict.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error) };
  };
};

export const fieldIssueSchema = z.object({
  code: z.string(),
  field: z.string(),
  message: z.string(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
});

/** Every error answer: `{ error: { code, message, issues } }`, code in English, message in Chinese. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string().describe('稳定的错误代码（英文），供程序判断'),
      message: z.string().describe('错误说明（中文），供用户阅读'),
      issues: z.array(fieldIssueSchema).describe('逐项的字段问题'),
    }),
  })
  .meta({ id: 'Error', description: '错误' });
export type ErrorBody = z.infer<typeof errorBody>;

/** The error answers a route can give, for its response schema (and so for the OpenAPI document). */
export const errorResponses = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 429: errorBody, 500: errorBody } as const;

/** The answer of an action that has nothing else to say. */
export const okBody = z.object({ ok: z.literal(true) });

// Ids are PostgreSQL `integer`s: a larger number is simply "not found", never an overflow error.
const recordId = z.coerce.number().int().min(1).max(2_147_483_647);
export const idParams = z.object({ id: recordId });

/** A page of a list: the total matching and the rows of this page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ total: z.number().int().describe('符合条件的总数'), items: z.array(item) });
}

export const LIST_LABELS: Record<string, string> = {
  id: '记录编号',
  org: '组织代码',
  limit: '每页条数',
  offset: '起始位置',
};
