/**
 * Who is acting, and what that lets them see and change. A user belongs to one organization and holds one or more
 * roles there; what each role may do is the organization tree itself (STYLE §5: permissions are query filters).
 */

export const ROLES = ['admin', 'org_admin', 'secretary', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The roles' names as users read them. A self-service role for ordinary members will join these later. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  org_admin: '组织管理员',
  secretary: '支部书记/党务工作者',
  viewer: '查看',
};

export type Actor =
  | {
      kind: 'user';
      userId: number;
      username: string;
      orgId: number;
      /** The materialized path of the user's organization ('/1/17/'). */
      orgPath: string;
      roles: Role[];
      ip: string | null;
    }
  /** The local command line and the server's own jobs: whoever can open the database already holds everything. */
  | { kind: 'system'; name: string; ip?: string | null };

export const SYSTEM_ACTOR: Actor = { kind: 'system', name: '系统（命令行）' };

/**
 * What an actor may do, as path prefixes of the organization tree. `null` means the whole tree.
 * - readRoot: the subtree the actor sees; anything outside it is "not found".
 * - writeRoot / writeExact: where the actor may change records — a whole subtree, or exactly one organization.
 * - fullPersonalData: whether a record's detail shows the whole ID number and phone.
 */
export interface Access {
  readRoot: string | null;
  writeRoot: string | null;
  writeExact: boolean;
  canWrite: boolean;
  fullPersonalData: boolean;
  isAdmin: boolean;
}

export function accessOf(actor: Actor): Access {
  if (actor.kind === 'system' || actor.roles.includes('admin')) {
    return { readRoot: null, writeRoot: null, writeExact: false, canWrite: true, fullPersonalData: true, isAdmin: true };
  }
  const path = actor.orgPath;
  if (actor.roles.includes('org_admin')) {
    return { readRoot: path, writeRoot: path, writeExact: false, canWrite: true, fullPersonalData: true, isAdmin: false };
  }
  if (actor.roles.includes('secretary')) {
    return { readRoot: path, writeRoot: path, writeExact: true, canWrite: true, fullPersonalData: true, isAdmin: false };
  }
  // viewer, or a user whose roles were all withdrawn: reads the subtree, masked.
  return { readRoot: path, writeRoot: null, writeExact: false, canWrite: false, fullPersonalData: false, isAdmin: false };
}

export function canRead(access: Access, path: string): boolean {
  return access.readRoot === null || path.startsWith(access.readRoot);
}

export function canWrite(access: Access, path: string): boolean {
  if (!access.canWrite) return false;
  if (access.writeRoot === null) return true;
  return access.writeExact ? path === access.writeRoot : path.startsWith(access.writeRoot);
}

export function actorName(actor: Actor): string {
  return actor.kind === 'user' ? actor.username : actor.name;
}
