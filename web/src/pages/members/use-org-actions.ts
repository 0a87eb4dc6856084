/** What the signed-in user may do at an organization, as the server decides it (GET /api/orgs/:code/actions). */
import { get } from '../../lib/api';
import type { OrgAction, OrgActionsView } from '../../lib/types';
import { useApi } from '../../lib/use-api';

export function useOrgActions(code: string | null | undefined): { can: (a: OrgAction) => boolean; loading: boolean } {
  const { data, loading } = useApi(
    () => (code ? get<OrgActionsView>(`/orgs/${encodeURIComponent(code)}/actions`) : Promise.resolve(null)),
    [code],
  );
  return { can: (a) => !!data?.actions.includes(a), loading };
}
