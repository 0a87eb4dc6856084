/**
 * 报告: choose the genre, the organization and the period; preview the report with every figure computed from the
 * records (each a link to its evidence), write the narrative in place (kept in this browser per organization, period
 * and genre), and download it as DOCX, Markdown or HTML with what was written.
 *
 * The chosen period and genre are kept in the address (?org=&period=&template=) with the organization: a link or a
 * reload shows the same report (generated again, with the narratives kept in localStorage).
 */
import { Alert, Button, Card, Col, Collapse, DatePicker, Form, Grid, Radio, Row, Select, Space, Spin, Table, Tag, TreeSelect, Typography, App as AntApp } from 'antd';
import { DownloadOutlined, FileTextOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { download, get, post } from '../../lib/api';
import { DATE_FORMATS, todayIso } from '../../lib/format';
import { useOrgScope } from '../../lib/org-scope';
import type { AppendixRow, FigureInline, OrgTreeNode, ReportDocument } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { EvidenceDrawer } from './EvidenceDrawer';
import { ReportPaper } from './ReportPaper';
import {
  choiceFromPeriod,
  defaultChoice,
  displayWithUnit,
  narrativeSlots,
  narrativesToSend,
  parseStoredNarratives,
  PERIOD_KINDS,
  periodString,
  refFromAppendix,
  refFromInline,
  storageKey,
  tableName,
  yearOptions,
  type FigureRef,
  type PeriodChoice,
  type PeriodKind,
} from './report-logic';

/** GET /api/report-templates (declared inline in src/reports/reports.routes.ts). */
interface ReportTemplate {
  name: string;
  title: string;
}

type Format = 'docx' | 'md' | 'html';
const FORMAT_LABELS: Record<Format, string> = { docx: 'Word 文档（DOCX）', md: 'Markdown', html: '网页（HTML）' };

interface Request {
  org: string | null;
  period: string;
  template: string;
}

function treeData(nodes: OrgTreeNode[]): { value: string; title: string; children: ReturnType<typeof treeData> }[] {
  return nodes.map((n) => ({ value: n.code, title: n.name, children: treeData(n.children) }));
}

function readStored(key: string): Record<string, string> {
  try {
    return parseStoredNarratives(window.localStorage.getItem(key));
  } catch {
    return {};
  }
}

function writeStored(key: string, texts: Record<string, string>): void {
  try {
    const kept = Object.fromEntries(Object.entries(texts).filter(([, v]) => v.trim() !== ''));
    if (Object.keys(kept).length === 0) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(kept));
  } catch {
    // storage full or disabled: the texts stay in the page
  }
}

export function ReportsPage() {
  const { org, orgName, tree, treeLoading, setOrg } = useOrgScope();
  const [params, setParams] = useSearchParams();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const today = todayIso();
  const urlPeriod = params.get('period');
  const urlTemplate = params.get('template') ?? 'annual';

  const templates = useApi(() => get<{ items: ReportTemplate[] }>('/report-templates'), []);
  const [template, setTemplate] = useState(urlTemplate);
  const [choice, setChoice] = useState<PeriodChoice>(() => (urlPeriod && choiceFromPeriod(urlPeriod, today)) || defaultChoice(today));
  const period = periodString(choice);

  // The report shown, the request it answers, and the narratives written for it.
  const [doc, setDoc] = useState<ReportDocument | null>(null);
  const [shownKey, setShownKey] = useState<string | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [generating, setGenerating] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [nonce, setNonce] = useState(0);
  const [downloading, setDownloading] = useState<Format | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [figure, setFigure] = useState<FigureRef | null>(null);
  const seq = useRef(0);

  const generate = useCallback(async (req: Request, narratives: Record<string, string>, key: string) => {
    const mine = ++seq.current;
    setGenerating(true);
    setError(null);
    setDownloadError(null);
    try {
      const query = { org: req.org, period: req.period, template: req.template, format: 'json' };
      const next =
        Object.keys(narratives).length === 0 ? await get<ReportDocument>('/reports', query) : await post<ReportDocument>('/reports', { narratives }, query);
      if (mine !== seq.current) return;
      setDoc(next);
      setShownKey(key);
    } catch (e) {
      if (mine !== seq.current) return;
      setDoc(null);
      setShownKey(null);
      setError(e);
    } finally {
      if (mine === seq.current) setGenerating(false);
    }
  }, []);

  // Generate whenever the address names a report (and again on 生成预览), with the narratives kept for it.
  const ready = org !== null || !treeLoading;
  useEffect(() => {
    if (!urlPeriod || !ready) return;
    const key = storageKey(org ?? '', urlPeriod, urlTemplate);
    const stored = readStored(key);
    setTexts(stored);
    void generate({ org, period: urlPeriod, template: urlTemplate }, narrativesToSend(null, stored), key);
  }, [org, urlPeriod, urlTemplate, nonce, ready, generate]);

  // The form follows the address (back/forward, a link).
  useEffect(() => {
    if (urlPeriod) {
      const c = choiceFromPeriod(urlPeriod, today);
      if (c) setChoice(c);
    }
    setTemplate(urlTemplate);
  }, [urlPeriod, urlTemplate, today]);

  const onGenerate = () => {
    if (!period) return;
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('period', period);
      next.set('template', template);
      if (org) next.set('org', org);
      return next;
    });
    setNonce((n) => n + 1);
  };

  const onText = useCallback(
    (key: string, text: string) => {
      setTexts((prev) => {
        const next = { ...prev, [key]: text };
        if (shownKey) writeStored(shownKey, next);
        return next;
      });
    },
    [shownKey],
  );

  const onRefresh = () => {
    if (!doc || !shownKey) return;
    void generate({ org: doc.org.code, period: doc.period.label, template: doc.template }, narrativesToSend(doc, texts), shownKey);
  };

  const onDownload = async (format: Format) => {
    if (!doc) return;
    setDownloading(format);
    setDownloadError(null);
    try {
      await download(
        '/reports',
        { org: doc.org.code, period: doc.period.label, template: doc.template, format },
        `${doc.title}.${format}`,
        { narratives: narrativesToSend(doc, texts) },
      );
      message.success(`已下载${FORMAT_LABELS[format]}`);
    } catch (e) {
      setDownloadError(e);
    } finally {
      setDownloading(null);
    }
  };

  const slots = useMemo(() => (doc ? narrativeSlots(doc) : []), [doc]);
  const written = slots.filter((s) => (texts[s.key] ?? s.text).trim() !== '').length;
  const openFigure = useCallback((f: FigureInline) => setFigure(refFromInline(f)), []);
  const update = (patch: Partial<PeriodChoice>) => setChoice((c) => ({ ...c, ...patch }));
  const years = yearOptions(today).map((y) => ({ value: y, label: `${y}年` }));
  const isCurrent = doc !== null && urlPeriod === doc.period.label && !generating;

  return (
    <>
      <PageHeader title="报告" subtitle={orgName ? `${orgName}：年度报告、半年报告、主体责任报告、述职报告，每个数字由记录计算` : undefined} />
      <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <Form layout="vertical" onFinish={onGenerate} requiredMark={false}>
          <Row gutter={16}>
            <Col xs={24} md={12} xl={7}>
              <Form.Item label="报告类型" htmlFor="report-template">
                <Select
                  id="report-template"
                  value={template}
                  onChange={setTemplate}
                  loading={templates.loading}
                  options={(templates.data?.items ?? [{ name: 'annual', title: '年度党建工作报告' }]).map((t) => ({ value: t.name, label: t.title }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={7}>
              <Form.Item label="组织" htmlFor="report-org">
                <TreeSelect
                  id="report-org"
                  value={org ?? undefined}
                  onChange={(code: string) => code && setOrg(code)}
                  treeData={treeData(tree)}
                  loading={treeLoading}
                  showSearch
                  treeNodeFilterProp="title"
                  treeDefaultExpandAll={false}
                  treeDefaultExpandedKeys={tree.map((n) => n.code)}
                  popupMatchSelectWidth={false}
                  placeholder="选择组织（含下级组织）"
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} xl={10}>
              <Form.Item label="统计期">
                <Radio.Group
                  aria-label="统计期类型"
                  optionType="button"
                  value={choice.kind}
                  onChange={(e) => update({ kind: e.target.value as PeriodKind })}
                  options={PERIOD_KINDS}
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16} align="bottom">
            {choice.kind !== 'range' ? (
              <Col xs={12} md={6} xl={4}>
                <Form.Item label="年份" htmlFor="report-year">
                  <Select
                    id="report-year"
                    showSearch
                    optionFilterProp="label"
                    value={choice.year}
                    onChange={(year: number) => update({ year })}
                    options={years}
                  />
                </Form.Item>
              </Col>
            ) : null}
            {choice.kind === 'half' ? (
              <Col xs={12} md={6} xl={4}>
                <Form.Item label="半年" htmlFor="report-half">
                  <Select
                    id="report-half"
                    value={choice.half}
                    onChange={(half: 1 | 2) => update({ half })}
                    options={[
                      { value: 1, label: '上半年' },
                      { value: 2, label: '下半年' },
                    ]}
                  />
                </Form.Item>
              </Col>
            ) : null}
            {choice.kind === 'quarter' ? (
              <Col xs={12} md={6} xl={4}>
                <Form.Item label="季度" htmlFor="report-quarter">
                  <Select
                    id="report-quarter"
                    value={choice.quarter}
                    onChange={(quarter: 1 | 2 | 3 | 4) => update({ quarter })}
                    options={['第一季度', '第二季度', '第三季度', '第四季度'].map((label, i) => ({ value: i + 1, label }))}
                  />
                </Form.Item>
              </Col>
            ) : null}
            {choice.kind === 'month' ? (
              <Col xs={12} md={6} xl={4}>
                <Form.Item label="月份" htmlFor="report-month">
                  <Select
                    id="report-month"
                    value={choice.month}
                    onChange={(month: number) => update({ month })}
                    options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))}
                  />
                </Form.Item>
              </Col>
            ) : null}
            {choice.kind === 'range' ? (
              <Col xs={24} md={12} xl={8}>
                <Form.Item label="日期范围" htmlFor="report-range">
                  <DatePicker.RangePicker
                    format={DATE_FORMATS}
                    id={{ start: 'report-range' }}
                    style={{ width: '100%' }}
                    value={choice.from && choice.to ? [dayjs(choice.from), dayjs(choice.to)] : null}
                    onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD') ?? null, to: v?.[1]?.format('YYYY-MM-DD') ?? null })}
                    placeholder={['开始日期', '结束日期']}
                  />
                </Form.Item>
              </Col>
            ) : null}
            <Col flex="auto">
              <Form.Item>
                <Button type="primary" htmlType="submit" icon={<FileTextOutlined />} disabled={!period} loading={generating}>
                  生成预览
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>

      <ErrorAlert error={error} onRetry={() => setNonce((n) => n + 1)} />

      {!urlPeriod && !doc && !generating && !error ? (
        <Alert
          type="info"
          showIcon
          message="选择报告类型、组织和统计期后，点击“生成预览”"
          description="报告中的每个数字都由本组织及下级组织的工作记录计算，点击数字可以查看计算方法和依据的记录；标黄的【待撰写】处点击即可撰写，撰写的内容保存在本机浏览器中，下载 Word 文档时一并写入。"
        />
      ) : null}

      {generating ? (
        <Spin spinning tip="正在根据记录计算各项数字…" size="large">
          <div style={{ minHeight: 240, background: '#fff', borderRadius: 4 }} />
        </Spin>
      ) : null}

      {doc && !generating ? (
        <>
          <Card size="small" style={{ marginBottom: 16, position: 'sticky', top: 0, zIndex: 5 }}>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
              <div style={{ flex: 1, minWidth: 220 }}>
                <Typography.Text strong>{doc.genre}</Typography.Text>
                <Typography.Text type="secondary">
                  {' '}
                  · {doc.period.title}
                  {doc.empty ? ' · 无可统计的记录' : ` · 引用数字${doc.appendix.length}个`}
                  {slots.length > 0 && !doc.empty ? ` · 撰写处已填写${written}/${slots.length}` : ''}
                </Typography.Text>
              </div>
              <Space wrap>
                {slots.length > 0 && !doc.empty ? (
                  <Button icon={<ReloadOutlined />} onClick={onRefresh} disabled={!isCurrent}>
                    刷新预览
                  </Button>
                ) : null}
                <Button type="primary" icon={<DownloadOutlined />} loading={downloading === 'docx'} onClick={() => void onDownload('docx')}>
                  下载 Word
                </Button>
                <Button icon={<DownloadOutlined />} loading={downloading === 'md'} onClick={() => void onDownload('md')}>
                  下载 Markdown
                </Button>
                <Button icon={<DownloadOutlined />} loading={downloading === 'html'} onClick={() => void onDownload('html')}>
                  下载 HTML
                </Button>
              </Space>
            </div>
          </Card>
          <ErrorAlert error={downloadError} />
          {doc.warnings.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={doc.warnings.length === 1 ? doc.warnings[0] : '请注意'}
              description={
                doc.warnings.length > 1 ? (
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {doc.warnings.map((w, i) => (
                      <li key={i}>{w}</li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
          ) : null}

          {doc.empty ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={`${doc.period.title}没有可以统计的工作记录`}
              description={doc.lead[0]?.parts.map((p) => (p.type === 'text' ? p.text : '')).join('')}
            />
          ) : (
            <>
              {doc.dropped.length > 0 ? (
                <Collapse
                  size="small"
                  style={{ marginBottom: 16, background: '#fffbe6' }}
                  items={[
                    {
                      key: 'dropped',
                      label: `因无数据略去${doc.dropped.length}处（点击查看；录入相应记录后重新生成即可写入）`,
                      children: (
                        <ul style={{ margin: 0, paddingLeft: 20 }}>
                          {doc.dropped.map((d, i) => (
                            <li key={i}>{d}</li>
                          ))}
                        </ul>
                      ),
                    },
                  ]}
                />
              ) : null}
              <ReportPaper doc={doc} texts={texts} onText={onText} onFigure={openFigure} />
              <Card title="附：数据说明" size="small" style={{ marginTop: 24 }}>
                <Table<AppendixRow>
                  rowKey="ref"
                  size="small"
                  dataSource={doc.appendix}
                  scroll={{ x: true }}
                  pagination={doc.appendix.length > 50 ? { pageSize: 50, showSizeChanger: false, showTotal: (n) => `共 ${n} 项` } : false}
                  columns={[
                    { title: '序号', dataIndex: 'ref', width: 64 },
                    {
                      title: '指标',
                      dataIndex: 'label',
                      width: screens.lg ? 220 : 160,
                      render: (label: string, r) => (
                        <Typography.Link onClick={() => setFigure(refFromAppendix(r))}>{label}</Typography.Link>
                      ),
                    },
                    { title: '数值', dataIndex: 'display', width: 96, render: (d: string, r) => (r.value === null ? <Tag color="orange">{d}</Tag> : displayWithUnit(d, r.unit, r.value)) },
                    { title: '计算方法', dataIndex: 'computation', render: (c: string) => <span style={{ fontSize: 13 }}>{c}</span> },
                    { title: '依据记录', key: 'records', width: 132, render: (_: unknown, r) => `${tableName(r.table)} ${r.records}条` },
                    { title: '来源', dataIndex: 'source', width: 120 },
                  ]}
                />
              </Card>
            </>
          )}
          <EvidenceDrawer figure={figure} org={doc.org.code} period={doc.period.label} periodTitle={doc.period.title} onClose={() => setFigure(null)} />
        </>
      ) : null}
    </>
  );
}
