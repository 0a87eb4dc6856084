/**
 * The server's log never holds personal data: requests are logged by method and path only (no query string, no
 * body), errors by type, code, message and stack with any ID number or mobile number in them masked (a PostgreSQL
 * unique-violation `detail` quotes the key, so it is left out), and bodies and such fields are redacted anyway.
 * Credentials likewise: no header is logged at all (so neither Authorization, Cookie nor X-CSRF-Token), no body (so
 * no login), and any password, token or cookie field that reaches a log line is redacted by name.
 */
import type { FastifyError, FastifyRequest, FastifyServerOptions } from 'fastify';
import { maskIdNumber, maskPhone } from '../shared/id-number.js';

const ID_NUMBER = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g;

/** Masks ID numbers and mobile numbers wherever they appear in a text. */
export function scrub(text: string | undefined): string | undefined {
  return text?.replace(ID_NUMBER, (m) => maskIdNumber(m)).replace(MOBILE, (m) => maskPhone(m) ?? m);
}

function pathOf(url: string): string {
  return url.split('?')[0] ?? url;
}

export const serializers = {
  req(req: FastifyRequest) {
    return { method: req.method, url: pathOf(req.url), remoteAddress: req.ip };
  },
  res(res: { statusCode: number }) {
    return { statusCode: res.statusCode };
  },
  err(err: FastifyError) {
    return {
      type: err.name,
      message: scrub(err.message) ?? '',
      stack: scrub(err.stack) ?? '',
      ...(err.code !== undefined && { code: err.code }),
      ...(err.statusCode !== undefined && { statusCode: err.statusCode }),
    };
  },
};

const REDACT = [
  'body',
  'req.body',
  'request.body',
  'req.query',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'headers.authorization',
  'headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.current',
  '*.next',
  '*.token',
  '*.csrfToken',
  '*.idNumber',
  '*.phone',
  '*.detail',
];

/** Fastify's logger options: the caller's (a level, a destination…) with our serializers and redaction on top. */
export function loggerOptions(logger: boolean | object | undefined): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const base = typeof logger === 'object' ? (logger as Record<string, unknown>) : {};
  return {
    level: 'info',
    ...base,
    serializers: { ...(base.serializers as object | undefined), ...serializers },
    redact: { paths: REDACT, censor: '[已隐去]' },
  };
}
