/**
 * Authentication of every API request (STYLE §4: a route is authenticate → validate → transaction → service →
 * present). One hook, registered before every route, so a new route is protected from its first line: it resolves
 * the caller from an API token (`Authorization: Bearer djt_…`) or the session cookie, checks the CSRF header of a
 * cookie-authenticated write, and hands the route `req.ctx` — the server's context acting as that caller. Only the
 * routes in PUBLIC answer without credentials.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../context.js';
import { AppError } from '../shared/errors.js';
import { resolveApiToken } from '../modules/auth/resolve-api-token.js';
import { resolveSession, type Credential } from '../modules/auth/resolve-session.js';
import { tokenInvalid } from '../modules/auth/api-tokens.repo.js';
import { safeEqual } from '../modules/auth/secrets.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The server's context acting as the authenticated caller. Not set on public routes. */
    ctx: Ctx;
    /** How the caller authenticated; null on public routes. */
    credential: Credential | null;
  }
  interface FastifyContextConfig {
    /** Only with a session cookie, never with an API token (token management, password change, logout). */
    sessionOnly?: boolean;
    /** Open to an account that must change its password first (me, password change, logout). */
    allowWhilePasswordMustChange?: boolean;
  }
}

export const SESSION_COOKIE = 'dj_session';
export const CSRF_HEADER = 'x-csrf-token';

const PUBLIC_ROUTES = new Set(['/api/health', '/api/auth/login', '/api/openapi.json']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes that answer without credentials, by their pattern. */
export function isPublicRoute(url: string): boolean {
  return PUBLIC_ROUTES.has(url) || url === '/api/docs' || url.startsWith('/api/docs/');
}

export interface AuthHookOptions {
  ctx: Ctx;
  cookieSecure: boolean;
}

export function registerAuth(app: FastifyInstance, opts: AuthHookOptions): void {
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('credential', null);
  app.addHook('onRequest', async (req, reply) => {
    // The matched route's pattern; an unknown path (404) is judged by its path, so it, too, needs credentials.
    const route = req.routeOptions.url ?? req.url.split('?')[0] ?? '';
    if (!(route === '/api' || route.startsWith('/api/')) || isPublicRoute(route)) return;
    const credential = await credentialOf(opts, req, reply);
    const config = req.routeOptions.config ?? {};
    if (credential.via === 'session') {
      if (!SAFE_METHODS.has(req.method)) checkCsrf(req, credential);
      if (credential.mustChangePassword && !config.allowWhilePasswordMustChange) {
        throw new AppError('PERMISSION_DENIED', '您的密码已由管理员重置，请先修改密码');
      }
    } else if (config.sessionOnly) {
      throw new AppError('PERMISSION_DENIED', '此操作须登录后进行，不能使用访问令牌');
    }
    req.credential = credential;
    req.ctx = { ...opts.ctx, actor: credential.actor };
  });
}

async function credentialOf(opts: AuthHookOptions, req: FastifyRequest, reply: FastifyReply): Promise<Credential> {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    const bearer = /^Bearer +(\S+) *$/i.exec(authorization);
    if (!bearer) throw tokenInvalid();
    return resolveApiToken(opts.ctx, bearer[1]!, req.ip);
  }
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  if (token === undefined) throw new AppError('UNAUTHENTICATED', '请先登录');
  try {
    return await resolveSession(opts.ctx, token, req.ip);
  } catch (err) {
    // A dead cookie is of no further use to the browser.
    reply.header('set-cookie', clearedSessionCookie(opts.cookieSecure));
    throw err;
  }
}

function checkCsrf(req: FastifyRequest, credential: Credential): void {
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent === 'string' && credential.csrfToken !== null && safeEqual(sent, credential.csrfToken)) return;
  throw new AppError('CSRF_TOKEN_INVALID', '缺少或错误的CSRF令牌（请求头 X-CSRF-Token）：请刷新页面后重试');
}

/** The value of one cookie in a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    return part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure unless
 * DANGJIAN_COOKIE_SECURE=false for plain-http local use.
 */
export function sessionCookie(token: string, opts: { secure: boolean; maxAgeSeconds: number }): string {
  return [`${SESSION_COOKIE}=${token}`, 'Path=/', `Max-Age=${opts.maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict', ...(opts.secure ? ['Secure'] : [])].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', { secure, maxAgeSeconds: 0 });
}
