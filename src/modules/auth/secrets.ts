/**
 * Random secrets and their digests. A session cookie and an API token are 32 random bytes; the database keeps only
 * their SHA-256, so a copy of the database yields no live credential. (A fast hash suffices here, unlike for
 * passwords: 256 random bits cannot be guessed.)
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Compares two strings in time independent of where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
