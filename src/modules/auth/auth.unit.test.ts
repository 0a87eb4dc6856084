import { describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, TOKEN_PATTERN, beijingTime, sessionState } from './auth-rules.js';
import { SlidingWindowLimiter } from './rate-limiter.js';
import { randomSecret, safeEqual, sha256Hex } from './secrets.js';

describe('the per-address login rate limit (sliding window)', () => {
  it('allows max attempts in any window, refuses the next, and slides', () => {
    let now = 1_000_000;
    const limiter = new SlidingWindowLimiter({ max: 3, windowMs: 10_000, now: () => now });
    expect(limiter.attempt('a')).toEqual({ allowed: true });
    now += 4_000;
    expect(limiter.attempt('a')).toEqual({ allowed: true });
    expect(limiter.attempt('a')).toEqual({ allowed: true });
    expect(limiter.attempt('a')).toEqual({ allowed: false, retryAfterMs: 6_000 });
    expect(limiter.attempt('b')).toEqual({ allowed: true }); // another address is counted apart
    now += 5_999;
    expect(limiter.attempt('a').allowed).toBe(false);
    now += 1; // the first attempt leaves the window
    expect(limiter.attempt('a')).toEqual({ allowed: true });
    expect(limiter.attempt('a').allowed).toBe(false);
  });

  it('keeps a bounded number of addresses, dropping the stale and then the least recent', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter({ max: 2, windowMs: 1_000, now: () => now, maxKeys: 100 });
    for (let i = 0; i < 1_000; i++) {
      now += 1;
      limiter.attempt(`10.0.${i >> 8}.${i & 255}`);
      expect(limiter.size).toBeLessThanOrEqual(100);
    }
    // A busy address keeps its count while others come and go.
    limiter.attempt('busy');
    limiter.attempt('busy');
    for (let i = 0; i < 50; i++) limiter.attempt(`x${i}`);
    expect(limiter.attempt('busy').allowed).toBe(false);
  });
});

describe('sessions and secrets', () => {
  const start = '2026-11-23T04:00:00.000Z';
  const t0 = Date.parse(start);
  const session = { revoked_at: null, last_seen_at: start, expires_at: new Date(t0 + SESSION_ABSOLUTE_MS).toISOString() };

  it('ends a session when revoked, idle for 8 hours, or 7 days after login', () => {
    expect(sessionState(session, t0 + SESSION_IDLE_MS - 1)).toBe('active');
    expect(sessionState(session, t0 + SESSION_IDLE_MS)).toBe('idle');
    const busy = { ...session, last_seen_at: new Date(t0 + SESSION_ABSOLUTE_MS - 1000).toISOString() };
    expect(sessionState(busy, t0 + SESSION_ABSOLUTE_MS - 1)).toBe('active');
    expect(sessionState(busy, t0 + SESSION_ABSOLUTE_MS)).toBe('expired');
    expect(sessionState({ ...session, revoked_at: start }, t0)).toBe('revoked');
  });

  it('makes 256-bit secrets, hashes them and compares in constant time', () => {
    const a = randomSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomSecret()).not.toBe(a);
    expect(TOKEN_PATTERN.test(`djt_${a}`)).toBe(true);
    expect(TOKEN_PATTERN.test(`djt_${a}x`)).toBe(false);
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(safeEqual(a, a)).toBe(true);
    expect(safeEqual(a, `${a.slice(0, -1)}.`)).toBe(false);
    expect(safeEqual(a, '')).toBe(false);
  });

  it('tells the time of an unlock in Beijing time', () => {
    expect(beijingTime('2026-11-23T12:15:00.000Z')).toBe('2026-11-23 20:15');
    expect(beijingTime('2026-11-23T16:30:00.000Z')).toBe('2026-11-24 00:30');
  });
});
