/**
 * What the signed-in user may do at an organization, as the server answers it (GET /api/orgs/:code/actions). Pages show
 * or hide their buttons from this and never derive permissions from roles; the services still check every write.
 */
import { get } from '../../lib/api';
import type { OrgAction, OrgActionsView } from '../../lib/types';
import { useApi } from '../../lib/use-api';

export function useOrgActions(org: string | null): {
  actions: OrgAction[] | undefined;
  orgName: string | undefined;
  loading: boolean;
  error: unknown;
} {
  const { data, loading, error } = useApi<OrgActionsView | null>(
    () => (org ? get<OrgActionsView>(`/orgs/${encodeURIComponent(org)}/actions`) : Promise.resolve(null)),
    [org],
  );
  return { actions: data?.actions, orgName: data?.org.name, loading, error };
}
