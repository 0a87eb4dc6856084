/** Small helpers the meetings pages and the desk share: what the user may do at an organization, links keeping ?org=. */
import { get } from '../../lib/api';
import type { OrgActionsView, OrgTreeNode } from '../../lib/types';
import { useApi } from '../../lib/use-api';

/** Whether the signed-in user may record at the organization (GET /api/orgs/:code/actions includes 'record'). */
export function useCanRecord(org: string | null): { canRecord: boolean; loading: boolean } {
  const { data, loading } = useApi<OrgActionsView | null>(
    () => (org ? get<OrgActionsView>(`/orgs/${encodeURIComponent(org)}/actions`) : Promise.resolve(null)),
    [org],
  );
  return { canRecord: !!data?.actions.includes('record'), loading };
}

/** A path with the chosen organization kept in the address. */
export function scoped(path: string, org: string | null, extra: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  if (org) q.set('org', org);
  for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** An organization and everything under it, flattened (for pickers). */
export function flatten(node: OrgTreeNode | undefined, into: OrgTreeNode[] = []): OrgTreeNode[] {
  if (!node) return into;
  into.push(node);
  for (const c of node.children) flatten(c, into);
  return into;
}
