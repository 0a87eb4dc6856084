/**
 * 工作台账: the ledgers other than organizational life, members and rectification, one page with the ledgers on the
 * left (on top on a tablet), each with its lists (/records/:ledger/:list keeps the choice in the address), and the
 * workbook export of the chosen organization.
 */
import { Button, Grid, Tabs } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { get, withQuery } from '../../lib/api';
import { useOrgScope } from '../../lib/org-scope';
import type { OrgActionsView } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { PageHeader } from '../../components/PageHeader';
import { LEDGERS, findList } from './ledgers';
import { LedgerList } from './LedgerList';

export function RecordsPage() {
  const { org, orgName } = useOrgScope();
  const params = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [ledgerKey, listKey] = (params['*'] ?? '').split('/').filter(Boolean);
  const { ledger, list } = findList(ledgerKey, listKey);
  const { data: actions } = useApi(() => (org ? get<OrgActionsView>(`/orgs/${encodeURIComponent(org)}/actions`) : Promise.resolve(null)), [org]);
  const canRecord = !!actions?.actions.includes('record');
  const go = (l: string, sub?: string) => void navigate(`/records/${l}${sub ? `/${sub}` : ''}${location.search}`);
  const wide = !!screens.lg;
  return (
    <div>
      <PageHeader
        title="工作台账"
        subtitle={orgName ? `${orgName}（含下级组织）` : undefined}
        extra={
          org ? (
            <Button icon={<DownloadOutlined />} href={withQuery('/api/export', { org })} download>
              导出本组织工作簿
            </Button>
          ) : null
        }
      />
      <Tabs
        tabPosition={wide ? 'left' : 'top'}
        activeKey={ledger.key}
        onChange={(k) => go(k)}
        aria-label="台账"
        items={LEDGERS.map((l) => ({
          key: l.key,
          label: l.title,
          children:
            l.key !== ledger.key ? null : l.lists.length > 1 ? (
              <Tabs
                size="small"
                activeKey={list.key}
                onChange={(k) => go(l.key, k)}
                items={l.lists.map((s) => ({
                  key: s.key,
                  label: s.title,
                  children: s.key === list.key ? <LedgerList key={`${l.key}/${s.key}/${org ?? ''}`} spec={s} org={org} canRecord={canRecord} /> : null,
                }))}
              />
            ) : (
              <LedgerList key={`${l.key}/${org ?? ''}`} spec={list} org={org} canRecord={canRecord} />
            ),
        }))}
      />
    </div>
  );
}
