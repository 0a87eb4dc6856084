import { inTransaction, type Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit } from '../audit/append-audit.js';
import { permissionDenied } from '../users/users.repo.js';
import { presentToken } from './api-tokens.repo.js';
import { AUTH_LABELS, apiTokenInput, type ApiTokenInput, type ApiTokenView } from './auth.schema.js';
import { TOKEN_PREFIX, TOKEN_PREFIX_SHOWN } from './auth-rules.js';
import { randomSecret, sha256Hex } from './secrets.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates an API token for the caller's integrations: it acts as the caller, with the caller's roles as they are at
 * each request. The token itself is returned this once; only its SHA-256 is stored.
 */
export async function createApiToken(ctx: Ctx, input: ApiTokenInput): Promise<ApiTokenView & { token: string }> {
  const data = parseInput(apiTokenInput, input, AUTH_LABELS);
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw permissionDenied('访问令牌属于某个用户：请以该用户登录后创建', 'name');
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.nowIso();
    const token = `${TOKEN_PREFIX}${randomSecret()}`;
    const expiresAt = data.expiresInDays ? new Date(Date.parse(now) + data.expiresInDays * DAY_MS).toISOString() : null;
    const row = await tx.db
      .insertInto('api_tokens')
      .values({
        user_id: actor.userId,
        name: data.name,
        prefix: token.slice(0, TOKEN_PREFIX_SHOWN),
        token_hash: sha256Hex(token),
        created_at: now,
        last_used_at: null,
        expires_at: expiresAt,
        revoked_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      action: 'token_create',
      recordType: 'api_token',
      recordId: row.id,
      changes: { name: [null, row.name], prefix: [null, row.prefix], expiresAt: [null, row.expires_at] },
    });
    return { ...presentToken(row), token };
  });
}
