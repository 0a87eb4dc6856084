import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { clearedSessionCookie, isPublicRoute, readCookie, sessionCookie } from './auth.js';

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict and Secure unless configured off', () => {
    const cookie = sessionCookie('tok', { secure: true, maxAgeSeconds: 604800 });
    expect(cookie).toBe('dj_session=tok; Path=/; Max-Age=604800; HttpOnly; SameSite=Strict; Secure');
    expect(sessionCookie('tok', { secure: false, maxAgeSeconds: 60 })).toBe('dj_session=tok; Path=/; Max-Age=60; HttpOnly; SameSite=Strict');
    expect(clearedSessionCookie(true)).toBe('dj_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict; Secure');
  });

  it('is read from a Cookie header among others', () => {
    expect(readCookie('a=1; dj_session=xyz; b=2', 'dj_session')).toBe('xyz');
    expect(readCookie('dj_session="q"', 'dj_session')).toBe('q');
    expect(readCookie('xdj_session=1; other=2', 'dj_session')).toBeUndefined();
    expect(readCookie(undefined, 'dj_session')).toBeUndefined();
  });

  it('is Secure by default; DANGJIAN_COOKIE_SECURE=false turns that off, anything else stops the program', () => {
    expect(loadConfig({}).cookieSecure).toBe(true);
    expect(loadConfig({ DANGJIAN_COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
    expect(loadConfig({ DANGJIAN_COOKIE_SECURE: 'TRUE' }).cookieSecure).toBe(true);
    expect(() => loadConfig({ DANGJIAN_COOKIE_SECURE: 'no' })).toThrow(/DANGJIAN_COOKIE_SECURE/);
  });
});

describe('public routes', () => {
  it('are the health check, the login and the API documentation only', () => {
    for (const url of ['/api/health', '/api/auth/login', '/api/openapi.json', '/api/docs', '/api/docs/static/*']) expect(isPublicRoute(url), url).toBe(true);
    for (const url of ['/api/auth/me', '/api/orgs', '/api/docsx', '/api/health/x', '/api/users']) expect(isPublicRoute(url), url).toBe(false);
  });
});
