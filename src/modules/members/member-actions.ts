/**
 * The actions a caller may take on members (record-actions.ts), decided from the facts the services check:
 * - update (updateMember): wherever the caller writes the member's organization, on the roll or not — a left member's
 *   record stays correctable;
 * - leave (leaveMember): the same, while the member is on the roll;
 * - transfer (transferMember): the same, while on the roll, and only if there is somewhere to go: a branch (党支部,
 *   联合党支部, 临时党支部) the caller can see other than the member's own. A 支部书记 of a branch without branches
 *   below it sees no other branch, so is never offered it. The date checks depend on the date typed, not the record.
 */
import type { Ctx } from '../../context.js';
import { BRANCH_KINDS } from '../../shared/vocab.js';
import { accessOf } from '../access/actor.js';
import { withActions, type RecordAction } from '../access/record-actions.js';
import { readScoped } from '../access/scope.js';

type MemberFacts = { orgCode: string; leftOn: string | null };

/**
 * Up to two branches the caller can see — enough to tell, for any member, whether a branch other than the member's
 * own exists. One indexed query for the whole page, none for a caller who writes nothing or a page of left members.
 */
async function transferTargets(ctx: Ctx, items: readonly MemberFacts[]): Promise<string[]> {
  if (!accessOf(ctx.actor).canWrite || items.every((m) => m.leftOn)) return [];
  const rows = await ctx.db
    .selectFrom('organizations as o')
    .select('o.code')
    .where('o.kind', 'in', [...BRANCH_KINDS])
    .$call(readScoped(ctx, 'o.path'))
    .limit(2)
    .execute();
  return rows.map((r) => r.code);
}

/** The actions offered on a member in its current state, given the branches the caller could transfer to. */
export function memberOffered(m: MemberFacts, targets: readonly string[]): RecordAction[] {
  if (m.leftOn) return ['update'];
  return targets.some((code) => code !== m.orgCode) ? ['update', 'leave', 'transfer'] : ['update', 'leave'];
}

/** Members with the caller's actions on each. */
export async function membersWithActions<T extends MemberFacts>(ctx: Ctx, items: readonly T[]): Promise<(T & { actions: RecordAction[] })[]> {
  const targets = await transferTargets(ctx, items);
  return withActions(ctx, items, (m) => memberOffered(m, targets));
}

export async function memberWithActions<T extends MemberFacts>(ctx: Ctx, item: T): Promise<T & { actions: RecordAction[] }> {
  return (await membersWithActions(ctx, [item]))[0]!;
}
