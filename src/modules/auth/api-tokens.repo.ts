import { AppError } from '../../shared/errors.js';
import type { ApiTokenView } from './auth.schema.js';

export const tokenColumns = ['id', 'name', 'prefix', 'created_at', 'last_used_at', 'expires_at'] as const;

export function presentToken(row: { id: number; name: string; prefix: string; created_at: string; last_used_at: string | null; expires_at: string | null }): ApiTokenView {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.created_at, lastUsedAt: row.last_used_at, expiresAt: row.expires_at };
}

export function tokenNotFound(id: number): AppError {
  const message = `访问令牌“${id}”不存在`;
  return new AppError('TOKEN_NOT_FOUND', message, [{ code: 'TOKEN_NOT_FOUND', field: 'id', message }]);
}

export function tokenInvalid(): AppError {
  return new AppError('TOKEN_INVALID', '访问令牌无效、已过期或已撤销');
}
