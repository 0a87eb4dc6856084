/**
 * 党建驾驶舱: the county organization department's (or a township's, a working committee's) view of its subtree —
 * the monthly monitoring notice as charts (by organization, by family, by sector, red/yellow/green map, six months'
 * trend), the development pipeline, rectification and dues figures, weak organizations, and for a township what its
 * branches owe this month. Every number leads to the organizations behind it (监测通报) or to its records (a drawer).
 */
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { App, Breadcrumb, Button, Card, Col, Empty, Row, Skeleton, Space, Statistic } from 'antd';
import { DownloadOutlined, FileSearchOutlined } from '@ant-design/icons';
import { download, errorMessage, get } from '../../lib/api';
import { percent, todayIso } from '../../lib/format';
import { useOrgScope } from '../../lib/org-scope';
import type { LedgerFiguresView, Notice, OrgActionsView } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EChart } from './EChart';
import { FigureDrawer, type FigureRef } from './FigureDrawer';
import { LightGrid } from './LightGrid';
import { LightTag } from './LightTag';
import { PeriodPicker } from './PeriodPicker';
import { TownDue } from './TownDue';
import { Trend } from './Trend';
import { WeakOrgs } from './WeakOrgs';
import { duesGaugeOption, familiesOption, funnelOption, orgRatesOption, problemsOption, sectorsOption } from './charts';
import { childRows, FAMILY_KEYS, lastCompleteMonth, LIGHT_ORDER, LIGHT_TEXT, periodTitle, searchWith, sectorRates, trendMonths } from './dashboard-data';

type LedgerFigure = LedgerFiguresView['figures'][number];

const LEDGERS = 'development,members,dues,inspections';
const FUNNEL = ['activists_total', 'new_activists', 'new_probationary_members', 'probationary_members_total', 'probationary_members_confirmed'];
const FUNNEL_LABELS: Record<string, string> = {
  activists_total: '入党积极分子（期末）',
  new_activists: '新确定入党积极分子',
  new_probationary_members: '发展党员',
  probationary_members_total: '预备党员（期末）',
  probationary_members_confirmed: '预备党员转正',
};
const PROBLEMS = ['problems_found', 'problems_rectified', 'problems_overdue', 'problems_reopened'];
const PROBLEM_LABELS: Record<string, string> = { problems_found: '发现问题', problems_rectified: '整改到位', problems_overdue: '逾期未销号', problems_reopened: '重新整改' };

function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card title={title} extra={extra} size="small" styles={{ body: { minHeight: 120 } }} style={{ height: '100%' }}>
      {children}
    </Card>
  );
}

/** A figure as a number that opens its records. */
function FigureStat({ figure, onOpen, title }: { figure: LedgerFigure | undefined; onOpen: (f: FigureRef) => void; title?: string }) {
  if (!figure) return null;
  const label = title ?? figure.label;
  return (
    <Button
      type="text"
      onClick={() => onOpen({ id: figure.id, label: figure.label })}
      aria-label={`${label}：${figure.value ?? '—'}${figure.unit}，查看所依据的记录`}
      style={{ height: 'auto', padding: '4px 8px', textAlign: 'left' }}
    >
      <Statistic title={label} value={figure.value ?? '—'} suffix={figure.unit} valueStyle={{ fontSize: 22 }} />
    </Button>
  );
}

/** A count of the notice that opens the monitoring notice filtered to it. */
function NoticeStat({ title, value, suffix, color, onClick, label }: { title: string; value: number | string; suffix?: string; color?: string; onClick: () => void; label: string }) {
  return (
    <Button type="text" onClick={onClick} aria-label={label} style={{ height: 'auto', padding: '4px 8px', textAlign: 'left' }}>
      <Statistic title={title} value={value} suffix={suffix} valueStyle={{ fontSize: 22, color }} />
    </Button>
  );
}

export function DashboardPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { org, orgName, find, setOrg } = useOrgScope();
  const today = todayIso();
  const period = params.get('period') ?? lastCompleteMonth(today);
  const fperiod = params.get('fperiod') ?? today.slice(0, 4);
  const [figure, setFigure] = useState<FigureRef | null>(null);
  const [downloading, setDownloading] = useState(false);

  const setParam = (key: string, value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set(key, value);
      return next;
    });

  const node = org ? find(org) : undefined;
  const actions = useApi(() => (org ? get<OrgActionsView>(`/orgs/${encodeURIComponent(org)}/actions`) : Promise.resolve(null)), [org]);
  const notice = useApi(() => get<Notice>('/checks', { org, period }), [org, period]);
  const figures = useApi(() => get<LedgerFiguresView>('/figures', { org, period: fperiod, ledger: LEDGERS }), [org, fperiod]);
  // While another organization's or period's answer is on its way, show the loading state, not the last answer.
  const current = <T,>(a: { loading: boolean; data: T | undefined }, code: string | undefined | null, label: string | undefined, asked: string): T | undefined =>
    !a.loading && a.data !== undefined && (org === null || code === org) && label === asked ? a.data : undefined;
  const figureSet = current(figures, figures.data?.org?.code, figures.data?.period.label, fperiod);
  const byId = useMemo(() => new Map((figureSet?.figures ?? []).map((f) => [f.id, f])), [figureSet]);

  const n = current(notice, notice.data?.org, notice.data?.period, period);
  /** This organization's notice has come (for some month): the slower sections may start. */
  const noticeSeen = !!org && notice.data?.org === org;
  const scopeName = orgName || n?.orgName || '';
  const children = useMemo(() => (n ? childRows(n.rows) : []), [n]);
  const below = useMemo(() => (n ? n.rows.filter((r) => r.level >= 1) : []), [n]);
  const sectors = useMemo(() => (n ? sectorRates(n.rows, (code) => find(code)?.sector) : []), [n, find]);
  const rootRow = n?.rows.find((r) => r.level === 0);
  const months = useMemo(() => trendMonths(period, today), [period, today]);
  const isTownship = !!node && node.depth > 0 && node.children.length > 0;

  const ancestors: { code: string; name: string }[] = [];
  for (let c = node?.parentCode ? find(node.parentCode) : undefined; c; c = c.parentCode ? find(c.parentCode) : undefined) ancestors.unshift({ code: c.code, name: c.name });

  const toCompliance = (q: Record<string, string>) => {
    const s = new URLSearchParams({ ...(org ? { org } : {}), period, ...q });
    void navigate(`/compliance?${s.toString()}`);
  };

  const exportNotice = async () => {
    setDownloading(true);
    try {
      await download('/checks/notice.xlsx', { org, period }, `监测通报_${period}.xlsx`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  const fig = (id: string) => byId.get(id);
  const stage = (ids: string[], labels: Record<string, string>) =>
    ids.flatMap((id) => {
      const f = fig(id);
      return f && f.value !== null ? [{ id, label: labels[id] ?? f.label, value: f.value }] : [];
    });

  return (
    <div>
      <PageHeader
        title={`党建驾驶舱：${scopeName}`}
        subtitle={
          ancestors.length ? (
            <Breadcrumb
              items={[...ancestors.map((a) => ({ title: <Link to={{ search: searchWith(params, { org: a.code }) }}>{a.name}</Link> })), { title: scopeName }]}
            />
          ) : (
            `监测通报${periodTitle(period)}，台账统计${periodTitle(fperiod)}`
          )
        }
        extra={
          <>
            <PeriodPicker label="监测期" value={period} onChange={(p) => setParam('period', p)} />
            <PeriodPicker label="统计期" value={fperiod} onChange={(p) => setParam('fperiod', p)} />
            <Button icon={<FileSearchOutlined />} onClick={() => toCompliance({})}>
              查看监测通报
            </Button>
            <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void exportNotice()}>
              下载监测通报
            </Button>
          </>
        }
      />

      <ErrorAlert error={notice.error} onRetry={notice.reload} />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card size="small" title={`监测通报：${n?.periodTitle ?? periodTitle(period)}${n ? `（统计截止${n.asOf.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y: string, m: string, d: string) => `${Number(y)}年${Number(m)}月${Number(d)}日`)}）` : ''}`}>
            {n ? (
              <Space size="large" wrap align="start">
                <div>
                  <Statistic title="综合落实率" value={percent(n.summary.overall.rate)} valueStyle={{ fontSize: 28 }} />
                  <LightTag light={rootRow?.status ?? null} />
                </div>
                {LIGHT_ORDER.map((l) => (
                  <NoticeStat
                    key={l}
                    title={`下级组织${LIGHT_TEXT[l]}`}
                    value={below.filter((r) => r.status === l).length}
                    suffix="个"
                    color={l === 'red' ? '#cf1322' : l === 'yellow' ? '#d48806' : '#389e0d'}
                    label={`下级组织${LIGHT_TEXT[l]}${below.filter((r) => r.status === l).length}个，查看名单`}
                    onClick={() => toCompliance({ light: l, levels: 'all' })}
                  />
                ))}
                {(['overdue', 'missed', 'violation'] as const).map((s) => {
                  const title = { overdue: '已逾期事项', missed: '未落实事项', violation: '违规事项' }[s];
                  return (
                    <NoticeStat
                      key={s}
                      title={title}
                      value={n.summary.findings[s]}
                      suffix="项"
                      label={`${title}${n.summary.findings[s]}项，查看清单`}
                      onClick={() => toCompliance({ findings: n.org, status: s })}
                    />
                  );
                })}
              </Space>
            ) : notice.error ? null : (
              <Skeleton active paragraph={{ rows: 2 }} />
            )}
          </Card>
        </Col>

        <Col xs={24} xl={12}>
          <Section title="红黄绿分布（直属组织）">{n ? <LightGrid rows={children} parentName={scopeName} onPick={setOrg} /> : <Skeleton active />}</Section>
        </Col>
        <Col xs={24} xl={12}>
          <Section title="各类规则落实率">
            {n ? (
              <EChart
                ariaLabel="各类规则落实率"
                option={familiesOption(n.summary.families)}
                height={280}
                onClick={(e) => toCompliance({ findings: n.org, family: FAMILY_KEYS[e.dataIndex]! })}
              />
            ) : (
              <Skeleton active />
            )}
          </Section>
        </Col>

        {children.length > 0 ? (
          <>
            <Col xs={24} xl={12}>
              <Section title="各直属组织综合落实率">
                {n ? (
                  <EChart
                    ariaLabel="各直属组织综合落实率"
                    option={orgRatesOption(children, scopeName, n.thresholds)}
                    height={Math.max(240, Math.min(children.length, 30) * 24 + 60)}
                    onClick={(e) => toCompliance({ findings: (e.data as { org: string }).org })}
                  />
                ) : (
                  <Skeleton active />
                )}
              </Section>
            </Col>
            <Col xs={24} xl={12}>
              <Section title="按单位类型（基层党组织）">
                {sectors.length ? (
                  <EChart ariaLabel="按单位类型的红黄绿和落实率" option={sectorsOption(sectors)} height={320} onClick={(e) => toCompliance({ sector: sectors[e.dataIndex]!.sector, levels: 'all' })} />
                ) : (
                  <Empty description="没有基层党组织" />
                )}
              </Section>
            </Col>
          </>
        ) : null}

        <Col xs={24} xl={12}>
          <Section title="近6个月综合落实率">
            {org && n ? <Trend org={org} months={months} onMonth={(m) => setParam('period', m)} /> : <Skeleton active />}
          </Section>
        </Col>

        <Col xs={24} xl={12}>
          <Section title={`发展党员（${periodTitle(fperiod)}）`}>
            <ErrorAlert error={figures.error} onRetry={figures.reload} />
            {figureSet ? (
              <>
                <EChart
                  ariaLabel="发展党员工作漏斗"
                  option={funnelOption(stage(FUNNEL, FUNNEL_LABELS))}
                  height={240}
                  onClick={(e) => {
                    const id = (e.data as { id: string }).id;
                    setFigure({ id, label: fig(id)?.label ?? id });
                  }}
                />
                <Space wrap>
                  {FUNNEL.map((id) => (
                    <FigureStat key={id} figure={fig(id)} onOpen={setFigure} />
                  ))}
                </Space>
              </>
            ) : figures.error ? null : (
              <Skeleton active />
            )}
          </Section>
        </Col>

        <Col xs={24} xl={12}>
          <Section title={`问题整改（${periodTitle(fperiod)}）`}>
            {figureSet ? (
              <>
                <EChart
                  ariaLabel="问题整改进度"
                  option={problemsOption(stage(PROBLEMS, PROBLEM_LABELS))}
                  height={220}
                  onClick={(e) => {
                    const id = (e.data as { id: string }).id;
                    setFigure({ id, label: fig(id)?.label ?? id });
                  }}
                />
                <Space wrap>
                  <FigureStat figure={fig('rectification_rate')} onOpen={setFigure} />
                  <FigureStat figure={fig('problems_overdue')} onOpen={setFigure} />
                  <FigureStat figure={fig('inspection_rectification_rate')} onOpen={setFigure} />
                </Space>
              </>
            ) : figures.error ? null : (
              <Skeleton active />
            )}
          </Section>
        </Col>

        <Col xs={24} xl={12}>
          <Section title={`党费交纳（${periodTitle(fperiod)}）`}>
            {figureSet ? (
              <Row align="middle">
                <Col xs={24} md={12}>
                  <EChart ariaLabel="党费交纳率" option={duesGaugeOption(fig('dues_payment_rate')?.value ?? null)} height={220} onClick={() => setFigure({ id: 'dues_payment_rate', label: '党费交纳率' })} />
                </Col>
                <Col xs={24} md={12}>
                  <Space direction="vertical">
                    <FigureStat figure={fig('dues_payment_rate')} onOpen={setFigure} />
                    <FigureStat figure={fig('dues_members_in_arrears')} onOpen={setFigure} />
                    <FigureStat figure={fig('dues_members_without_base')} onOpen={setFigure} />
                  </Space>
                </Col>
              </Row>
            ) : figures.error ? null : (
              <Skeleton active />
            )}
          </Section>
        </Col>

        <Col span={24}>
          <Section title={`软弱涣散基层党组织（${fperiod.slice(0, 4)}年）`}>
            {/* After the notice: the year's suggestions are the heaviest answer, and the notice comes first. */}
            {org && noticeSeen ? <WeakOrgs org={org} year={Number(fperiod.slice(0, 4))} canRecord={!!actions.data?.actions.includes('record')} onOrg={setOrg} /> : <Skeleton active />}
          </Section>
        </Col>

        {isTownship && org ? (
          <Col span={24}>
            <Section title="本月各支部待办">
              {noticeSeen ? <TownDue org={org} /> : <Skeleton active />}
            </Section>
          </Col>
        ) : null}
      </Row>

      <FigureDrawer
        figure={figure}
        org={org}
        period={fperiod}
        onClose={() => setFigure(null)}
        onOrg={(code) => {
          setFigure(null);
          setOrg(code);
        }}
      />
    </div>
  );
}
