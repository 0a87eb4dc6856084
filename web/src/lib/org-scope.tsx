/**
 * The organization the pages are looking at: chosen in the tree on the left, kept in the address (?org=CODE) so a
 * link or a reload shows the same scope. Defaults to the user's own organization (or the top of the tree).
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { get } from './api';
import { useAuth } from './auth';
import type { OrgTreeNode } from './types';
import { useApi } from './use-api';

interface OrgScope {
  /** The chosen organization's code. */
  org: string | null;
  orgName: string;
  tree: OrgTreeNode[];
  treeLoading: boolean;
  find(code: string): OrgTreeNode | undefined;
  setOrg(code: string): void;
}

const OrgScopeContext = createContext<OrgScope | null>(null);

function index(nodes: OrgTreeNode[], into: Map<string, OrgTreeNode>): Map<string, OrgTreeNode> {
  for (const n of nodes) {
    into.set(n.code, n);
    index(n.children, into);
  }
  return into;
}

export function OrgScopeProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const { data, loading } = useApi(() => get<{ format: 'tree'; items: OrgTreeNode[] }>('/orgs', { format: 'tree' }), [user?.id]);
  const tree = useMemo(() => data?.items ?? [], [data]);
  const byCode = useMemo(() => index(tree, new Map()), [tree]);
  const org = params.get('org') ?? user?.orgCode ?? tree[0]?.code ?? null;
  const value = useMemo<OrgScope>(
    () => ({
      org,
      orgName: (org && byCode.get(org)?.name) || user?.orgName || '',
      tree,
      treeLoading: loading,
      find: (code) => byCode.get(code),
      setOrg: (code) =>
        setParams((p) => {
          const next = new URLSearchParams(p);
          next.set('org', code);
          return next;
        }),
    }),
    [org, byCode, tree, loading, user, setParams],
  );
  return <OrgScopeContext.Provider value={value}>{children}</OrgScopeContext.Provider>;
}

export function useOrgScope(): OrgScope {
  const ctx = useContext(OrgScopeContext);
  if (!ctx) throw new Error('useOrgScope outside OrgScopeProvider');
  return ctx;
}
