/**
 * The web UI (web/, built by Vite into dist/web) served by the same server at /: its files, and index.html for every
 * other GET outside /api so the browser's routes (/dashboard, /reports …) load the application. Absent a build (a
 * checkout where `npm run build` has not run) the server answers the API only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** dist/web beside dist/server (compiled) or ../../dist/web from src/server (tsx). */
export function webRoot(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '..', 'web'), join(here, '..', '..', 'dist', 'web')]) {
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return null;
}

/** Whether a request is one the web UI answers: a GET outside /api that accepts HTML. */
export function isPageRequest(method: string, url: string, accept: string | undefined): boolean {
  return (method === 'GET' || method === 'HEAD') && !url.startsWith('/api') && (accept ?? '').includes('text/html');
}

/** The web UI's index.html, or null when there is no build. */
export function webIndex(root: string | null): Buffer | null {
  return root ? readFileSync(join(root, 'index.html')) : null;
}

export async function registerWeb(app: FastifyInstance, root: string | null, index: Buffer | null): Promise<void> {
  if (!root || !index) return;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    // Built assets carry a content hash in their names: cache them; index.html never.
    setHeaders: (res, path) => {
      if (path.includes(`${join(root, 'assets')}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  const page = (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff').send(index);
  app.get('/', { schema: { hide: true } }, page);
}
