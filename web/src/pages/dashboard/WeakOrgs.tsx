/**
 * 软弱涣散: this year's cases in the scope (GET /api/weak-orgs) and the data's suggestions of which basic-level
 * organizations to examine (GET /api/weak-orgs/suggestions), each with its situations; where the server allows
 * recording here, a suggestion can be opened as a case (列入排查).
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { App, Button, Col, Popover, Row, Skeleton, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { errorMessage, get, post } from '../../lib/api';
import { chineseDate } from '../../lib/format';
import type { WeakCasePageView, WeakCaseView, WeakOrgSuggestion, WeakOrgSuggestions } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { searchWith } from './dashboard-data';

const CASE_COLOR: Record<string, string> = { 待研判: 'gold', 整顿中: 'red', 已销号: 'green', 不予认定: 'default' };

function OrgLink({ name, code, onOrg }: { name: string; code: string; onOrg: (code: string) => void }) {
  const [params] = useSearchParams();
  return (
    <Link
      to={{ search: searchWith(params, { org: code }) }}
      onClick={(e) => {
        e.preventDefault();
        onOrg(code);
      }}
      style={{ whiteSpace: 'normal', wordBreak: 'break-all' }}
    >
      {name}
    </Link>
  );
}

export function WeakOrgs({ org, year, canRecord, onOrg }: { org: string; year: number; canRecord: boolean; onOrg: (code: string) => void }) {
  const { message } = App.useApp();
  const cases = useApi(() => get<WeakCasePageView>('/weak-orgs', { org, year, limit: 200 }), [org, year]);
  const suggestions = useApi(() => get<WeakOrgSuggestions>('/weak-orgs/suggestions', { org, year }), [org, year]);
  const [opening, setOpening] = useState<string | null>(null);

  const open = async (s: WeakOrgSuggestion) => {
    setOpening(s.org);
    try {
      await post('/weak-orgs/suggestions/open', { orgCode: s.org, year });
      message.success(`已将${s.orgName}列入软弱涣散排查（待研判）`);
      cases.reload();
      suggestions.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setOpening(null);
    }
  };

  const byStatus = new Map<string, number>();
  for (const c of cases.data?.items ?? []) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
  const within = (suggestions.data?.items ?? []).filter((s) => s.withinShare);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Typography.Title level={5}>{year}年整顿记录</Typography.Title>
        <ErrorAlert error={cases.error} onRetry={cases.reload} />
        {cases.data ? (
          <>
            <Space size="large" wrap style={{ marginBottom: 8 }}>
              <Statistic title="列入排查" value={cases.data.total} suffix="个" />
              {['待研判', '整顿中', '已销号'].map((s) => (
                <Statistic key={s} title={s} value={byStatus.get(s) ?? 0} suffix="个" />
              ))}
              <Statistic title="整顿逾期" value={(cases.data.items ?? []).filter((c) => c.overdue).length} suffix="个" />
            </Space>
            <Table<WeakCaseView>
              size="small"
              rowKey="id"
              scroll={{ x: true }}
              dataSource={cases.data.items}
              pagination={{ pageSize: 5, showSizeChanger: false, hideOnSinglePage: true }}
              locale={{ emptyText: `${year}年本范围没有软弱涣散整顿记录` }}
              columns={[
                { title: '党组织', dataIndex: 'orgName', width: 200, render: (n: string, c) => <OrgLink name={n} code={c.orgCode} onOrg={onOrg} /> },
                { title: '来源', dataIndex: 'source', width: 96, render: (s: string) => <span style={{ whiteSpace: 'nowrap' }}>{s}</span> },
                {
                  title: '状态',
                  dataIndex: 'status',
                  width: 110,
                  render: (s: string, c) => (
                    <Space size={2} wrap>
                      <Tag color={CASE_COLOR[s] ?? 'default'}>{s}</Tag>
                      {c.overdue ? <Tag color="red">逾期</Tag> : null}
                    </Space>
                  ),
                },
                { title: '整顿期限', dataIndex: 'deadline', width: 136, render: (d: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{chineseDate(d) || '—'}</span> },
              ]}
            />
          </>
        ) : cases.error ? null : (
          <Skeleton active />
        )}
      </Col>
      <Col xs={24} xl={14}>
        <Typography.Title level={5}>数据提示（建议排查）</Typography.Title>
        <ErrorAlert error={suggestions.error} onRetry={suggestions.reload} />
        {suggestions.data ? (
          <>
            <Typography.Paragraph type="secondary">{suggestions.data.share.text}。数据提示{suggestions.data.items.length}个，按情形数排序，列出建议数量之内的{within.length}个。</Typography.Paragraph>
            <Table<WeakOrgSuggestion>
              size="small"
              rowKey="org"
              scroll={{ x: true }}
              dataSource={within}
              pagination={{ pageSize: 5, showSizeChanger: false, hideOnSinglePage: true }}
              locale={{ emptyText: '数据未提示软弱涣散情形' }}
              columns={[
                { title: '党组织', dataIndex: 'orgName', width: 220, render: (n: string, s) => <OrgLink name={n} code={s.org} onOrg={onOrg} /> },
                {
                  title: '情形',
                  dataIndex: 'reasons',
                  render: (reasons: WeakOrgSuggestion['reasons']) => (
                    <Space size={[4, 4]} wrap>
                      {reasons.map((r) => (
                        <Popover
                          key={r.code}
                          title={r.text}
                          content={
                            <ul style={{ margin: 0, paddingLeft: 18, maxWidth: 420 }}>
                              {r.evidence.slice(0, 8).map((e, i) => (
                                <li key={i}>{e.summary}</li>
                              ))}
                            </ul>
                          }
                        >
                          <Tag style={{ cursor: 'help' }}>{r.text.length > 18 ? `${r.text.slice(0, 17)}…` : r.text}</Tag>
                        </Popover>
                      ))}
                    </Space>
                  ),
                },
                {
                  title: '整顿记录',
                  key: 'case',
                  width: 120,
                  render: (_: unknown, s) =>
                    s.existingCase ? (
                      <Tooltip title={`来源：${s.existingCase.source}`}>
                        <Tag color={CASE_COLOR[s.existingCase.status] ?? 'default'}>{s.existingCase.status}</Tag>
                      </Tooltip>
                    ) : canRecord ? (
                      <Button size="small" loading={opening === s.org} onClick={() => void open(s)}>
                        列入排查
                      </Button>
                    ) : (
                      <Typography.Text type="secondary">未列入</Typography.Text>
                    ),
                },
              ]}
            />
          </>
        ) : suggestions.error ? null : (
          <Skeleton active />
        )}
      </Col>
    </Row>
  );
}
