/** A figure explained with one page of the records behind it (GET /api/indicators/:id?evidence=true). */
import { get } from './api';
import type { ExplainedFigure } from './types';
import { useApi } from './use-api';

export function useEvidence(figureId: string, org: string | null, period: string, page: number, pageSize: number) {
  return useApi(
    () =>
      get<ExplainedFigure>(`/indicators/${encodeURIComponent(figureId)}`, {
        org,
        period,
        evidence: true,
        offset: (page - 1) * pageSize,
        limit: pageSize,
      }),
    [figureId, org, period, page],
  );
}
