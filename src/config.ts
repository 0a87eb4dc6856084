import { resolve } from 'node:path';
import { AppError } from './shared/errors.js';
import type { DatabaseTarget } from './db/database.js';
import { vaultFromKey, type IdNumberVault } from './shared/id-vault.js';

/**
 * Configuration, parsed once at start-up into a typed object (STYLE §12). Every variable is documented in README.md.
 * An invalid value stops the program with a message naming the variable.
 */
export interface Config {
  database: DatabaseTarget;
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** How ID numbers are kept at rest: encrypted when DANGJIAN_ID_NUMBER_KEY is set. */
  idNumberVault: IdNumberVault;
  /** Mark the session cookie Secure (sent over HTTPS only). DANGJIAN_COOKIE_SECURE=false for plain-http local use. */
  cookieSecure: boolean;
  /** Trust X-Forwarded-For from this many proxies in front (0: none), so limits and the audit log see the real address. */
  trustProxy: number;
}

export const DEFAULT_DB_FILE = './data/dangjian.db';

export interface ConfigOverrides {
  db?: string | undefined;
  port?: string | number | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv, overrides: ConfigOverrides = {}): Config {
  const url = env.DANGJIAN_DATABASE_URL?.trim();
  let database: DatabaseTarget;
  if (overrides.db) {
    database = databaseFromArg(overrides.db);
  } else if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new AppError('CONFIG_INVALID', 'DANGJIAN_DATABASE_URL 应为 postgres:// 或 postgresql:// 开头的连接串');
    }
    database = { engine: 'postgres', url };
  } else {
    database = { engine: 'sqlite', file: resolve(env.DANGJIAN_DB_FILE?.trim() || DEFAULT_DB_FILE) };
  }
  const port = parsePort(overrides.port ?? env.DANGJIAN_PORT ?? 3000, overrides.port !== undefined ? '--port' : 'DANGJIAN_PORT');
  const host = env.DANGJIAN_HOST?.trim() || '127.0.0.1';
  const logLevel = (env.DANGJIAN_LOG_LEVEL?.trim() || 'info') as Config['logLevel'];
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'silent'].includes(logLevel)) {
    throw new AppError('CONFIG_INVALID', 'DANGJIAN_LOG_LEVEL 应为 fatal、error、warn、info、debug 或 silent');
  }
  const idNumberVault = vaultFromKey(env.DANGJIAN_ID_NUMBER_KEY?.trim());
  const cookieSecure = parseBool(env.DANGJIAN_COOKIE_SECURE, true, 'DANGJIAN_COOKIE_SECURE');
  const trustProxyText = env.DANGJIAN_TRUST_PROXY?.trim() || '0';
  const trustProxy = Number(trustProxyText);
  if (!Number.isInteger(trustProxy) || trustProxy < 0 || trustProxy > 10) {
    throw new AppError('CONFIG_INVALID', 'DANGJIAN_TRUST_PROXY 应为0–10的整数（服务前面反向代理的层数）');
  }
  return { database, host, port, logLevel, idNumberVault, cookieSecure, trustProxy };
}

function parseBool(value: string | undefined, fallback: boolean, name: string): boolean {
  const v = value?.trim().toLowerCase();
  if (!v) return fallback;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new AppError('CONFIG_INVALID', `${name} 应为 true 或 false`);
}

/** `--db` takes a SQLite file or a postgres:// URL. */
export function databaseFromArg(arg: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(arg)) return { engine: 'postgres', url: arg };
  return { engine: 'sqlite', file: arg === ':memory:' ? arg : resolve(arg) };
}

function parsePort(value: string | number, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new AppError('CONFIG_INVALID', `${name} 应为 0–65535 之间的端口号`);
  return n;
}
