import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { Ctx } from '../context.js';
import { registerErrorHandling } from './errors.js';
import { validatorCompiler } from './http.js';
import { loggerOptions } from './logger.js';
import { registerOpenApi } from './openapi.js';
import { API_ROUTES } from './routes.js';

export interface AppOptions {
  ctx: Ctx;
  /** false (default) for none; true or pino options (say `{ level: 'info' }`) to log. Personal data is never logged. */
  logger?: boolean | object;
  /** Reported by /api/health when given. */
  engine?: 'sqlite' | 'postgres';
}

/**
 * The HTTP API: a thin caller of the same services as the CLI (STYLE §13). Every route validates its input and its
 * answer with zod; every error goes through src/server/errors.ts.
 */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(opts.logger),
    // JSON bodies are small records; the workbook upload sets its own, larger limit.
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await registerOpenApi(app);
  for (const routes of API_ROUTES) {
    await app.register(routes, { prefix: '/api', ctx: opts.ctx, engine: opts.engine });
  }
  return app;
}
