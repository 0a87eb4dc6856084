import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { isReadable } from '../access/scope.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { hashPassword } from './password-hash.js';
import { passwordProblems } from './password-rules.js';
import { canPlaceUserIn, grantProblem } from './user-rules.js';
import { auditableUser, getUserView, permissionDenied } from './users.repo.js';
import { USER_LABELS, userInput, type UserInput, type UserView } from './users.schema.js';

function orgNotFound(code: string): AppError {
  const message = `组织代码“${code}”不存在`;
  return new AppError('ORG_NOT_FOUND', message, [{ code: 'ORG_NOT_FOUND', field: 'orgCode', message }]);
}

/**
 * Creates an account. A system administrator creates any; an organization administrator, accounts in its subtree
 * without the admin role. Only an administrator may belong to no organization. The CLI and the demo generator call
 * this as the system actor.
 */
export async function createUser(ctx: Ctx, input: UserInput): Promise<UserView> {
  const data = parseInput(userInput, input, USER_LABELS);
  throwIfIssues(passwordProblems(data.password, data.username));
  const grant = grantProblem(ctx.actor, data.roles);
  if (grant) throw permissionDenied(grant, 'roles');
  // Hashed before the transaction: a tenth of a second of CPU need not hold the database's write lock.
  const passwordHash = await hashPassword(data.password);
  return inTransaction(ctx, async (tx) => {
    let org: { id: number; path: string; code: string } | undefined;
    if (data.orgCode) {
      org = await tx.db.selectFrom('organizations').select(['id', 'path', 'code']).where('code', '=', data.orgCode).executeTakeFirst();
      if (!org || !isReadable(tx, org.path)) throw orgNotFound(data.orgCode);
      if (!canPlaceUserIn(tx.actor, org.path)) throw permissionDenied('您只能在本组织及下级组织中创建用户', 'orgCode');
    } else if (!data.roles.includes('admin')) {
      const message = '除系统管理员外，用户须属于一个组织：缺少所属组织代码';
      throw new AppError('FIELD_REQUIRED', message, [{ code: 'FIELD_REQUIRED', field: 'orgCode', message }]);
    }
    const taken = await tx.db.selectFrom('users').select('id').where('username', '=', data.username).executeTakeFirst();
    if (taken) {
      const message = `用户名“${data.username}”已被使用`;
      throw new AppError('USERNAME_TAKEN', message, [{ code: 'USERNAME_TAKEN', field: 'username', message }]);
    }
    const now = tx.clock.nowIso();
    const { id } = await tx.db
      .insertInto('users')
      .values({
        username: data.username,
        display_name: data.displayName,
        org_id: org?.id ?? null,
        password_hash: passwordHash,
        must_change_password: data.mustChangePassword ? 1 : 0,
        failed_logins: 0,
        locked_until: null,
        disabled: 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db.insertInto('user_roles').values(data.roles.map((role) => ({ user_id: id, role }))).execute();
    const created = await getUserView(tx, id);
    await appendAudit(tx, {
      action: 'create',
      recordType: 'user',
      recordId: id,
      orgId: org?.id ?? null,
      changes: diff(null, auditableUser(created)),
    });
    return created;
  });
}

