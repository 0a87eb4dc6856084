import { AppError } from '../../shared/errors.js';
import type { SlidingWindowLimiter } from './rate-limiter.js';

/** Counts a login (or password-check) attempt from `ip`; RATE_LIMITED once the address has used up its window. */
export function assertLoginRate(limiter: SlidingWindowLimiter, ip: string): void {
  const decision = limiter.attempt(ip);
  if (decision.allowed) return;
  const minutes = Math.max(1, Math.ceil(decision.retryAfterMs / 60_000));
  throw new AppError('RATE_LIMITED', `登录尝试过于频繁，请${minutes}分钟后再试`);
}
