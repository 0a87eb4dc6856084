/** This deployment's settings of the development rules (GET /api/rules/settings), for the checks in the browser. */
import { useMemo } from 'react';
import { get } from '../../lib/api';
import type { RuleSettingView } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { DEFAULT_SETTINGS, settingsFrom, type RuleSettings } from './timeline';

export function useRuleSettings(): RuleSettings {
  // Readable by every role; if it fails, the catalog's defaults still check (the server judges again on saving).
  const { data } = useApi(() => get<RuleSettingView[]>('/rules/settings').catch(() => null), []);
  return useMemo(() => (data ? settingsFrom(data) : DEFAULT_SETTINGS), [data]);
}
