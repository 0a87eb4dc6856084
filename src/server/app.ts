import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { Ctx } from '../context.js';
import { LOGIN_RATE } from '../modules/auth/auth-rules.js';
import { SlidingWindowLimiter } from '../modules/auth/rate-limiter.js';
import { registerAuth } from './auth.js';
import { registerErrorHandling } from './errors.js';
import { validatorCompiler, type AuthSettings } from './http.js';
import { loggerOptions } from './logger.js';
import { registerOpenApi } from './openapi.js';
import { API_ROUTES } from './routes.js';
import { registerWeb, webIndex, webRoot } from './web.js';

export interface AppOptions {
  /** The server's context; each request acts through a copy of it carrying the authenticated caller. */
  ctx: Ctx;
  /** false (default) for none; true or pino options (say `{ level: 'info' }`) to log. Personal data is never logged. */
  logger?: boolean | object;
  /** Reported by /api/health when given. */
  engine?: 'sqlite' | 'postgres';
  /** Mark the session cookie Secure (default true; config DANGJIAN_COOKIE_SECURE=false for plain-http local use). */
  cookieSecure?: boolean;
  /** Login attempts per address in a sliding window (default 20 in 10 minutes), timed by ctx.clock. */
  loginRate?: { max: number; windowMs: number };
  /** Number of reverse proxies in front whose X-Forwarded-For is trusted (default 0). */
  trustProxy?: number;
  /** Serve the web UI (dist/web) at / when it is built (default true). */
  web?: boolean;
}

export interface RouteEntry {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, as the router holds them: for the tests that sweep all routes. */
    routeList(): RouteEntry[];
  }
}

/**
 * The HTTP API: a thin caller of the same services as the CLI (STYLE §13). Every route validates its input and its
 * answer with zod; every error goes through src/server/errors.ts; every /api route but a few public ones requires
 * credentials (src/server/auth.ts).
 */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(opts.logger),
    // JSON bodies are small records; the workbook upload sets its own, larger limit.
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // Trust the first N hops of X-Forwarded-For: the addresses of our own proxies.
    ...(opts.trustProxy ? { trustProxy: (_address: string, hop: number) => hop < opts.trustProxy! } : {}),
  });
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  app.decorate('routeList', () => [...routes]);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const web = opts.web === false ? null : webRoot();
  const index = webIndex(web);
  registerErrorHandling(app, index);
  const cookieSecure = opts.cookieSecure ?? true;
  registerAuth(app, { ctx: opts.ctx, cookieSecure });
  await registerOpenApi(app);
  const rate = opts.loginRate ?? LOGIN_RATE;
  const auth: AuthSettings = {
    cookieSecure,
    loginLimiter: new SlidingWindowLimiter({ ...rate, now: () => Date.parse(opts.ctx.clock.nowIso()) }),
  };
  for (const routes of API_ROUTES) {
    await app.register(routes, { prefix: '/api', ctx: opts.ctx, auth, engine: opts.engine });
  }
  await registerWeb(app, web, index);
  return app;
}
