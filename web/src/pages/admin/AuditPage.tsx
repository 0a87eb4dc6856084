/**
 * 审计日志: who did what to which record and when, newest first, filtered by user, record, action and dates; the detail
 * of an entry shows its changes field by field (personal data masked when it was written); export as .xlsx. The
 * server shows the log to system administrators only and answers anyone else with its own message, shown as it is.
 */
import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, Result, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { ApiError, download, errorMessage, get } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { DATE_FORMATS, todayIso } from '../../lib/format';
import type { AuditAction, AuditEntryView, Page } from '../../lib/types';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ACTION_LABELS, RECORD_TYPE_LABELS, auditQuery, changeRows, chinaTime, entrySummary, recordTypeLabel, type AuditFilters } from './audit-logic';

const PAGE_SIZE = 20;

interface FilterForm {
  user?: string;
  recordType?: string;
  recordId?: string;
  action?: AuditAction;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

function toFilters(v: FilterForm): AuditFilters {
  return {
    user: v.user,
    recordType: v.recordType,
    recordId: v.recordId,
    action: v.action,
    from: v.dates?.[0]?.format('YYYY-MM-DD'),
    to: v.dates?.[1]?.format('YYYY-MM-DD'),
  };
}

function EntryDetail({ entry, onClose }: { entry: AuditEntryView | null; onClose: () => void }) {
  const rows = entry ? changeRows(entry.changes) : [];
  return (
    <Drawer title={entry ? `审计记录 #${entry.id}` : ''} open={!!entry} onClose={onClose} width={Math.min(720, window.innerWidth - 40)}>
      {entry ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'at', label: '时间', children: chinaTime(entry.at) },
              { key: 'who', label: '操作人', children: entry.actorName },
              { key: 'action', label: '操作', children: entry.actionLabel },
              { key: 'type', label: '记录类型', children: recordTypeLabel(entry.recordType) },
              { key: 'id', label: '记录编号', children: entry.recordId ?? '—' },
              { key: 'ip', label: '来源地址', children: entry.ip ?? '—' },
              ...(entry.note ? [{ key: 'note', label: '说明', children: entry.note }] : []),
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            变更内容
          </Typography.Title>
          {rows.length === 0 ? (
            <Typography.Text type="secondary">这条记录没有字段变更。</Typography.Text>
          ) : (
            <Table
              size="small"
              rowKey="field"
              dataSource={rows}
              pagination={false}
              scroll={{ x: true }}
              aria-label="变更内容"
              columns={[
                { title: '字段', dataIndex: 'label', width: 180 },
                { title: '修改前', dataIndex: 'before', render: (v: string) => <Typography.Text delete={v !== '—'} type="secondary">{v}</Typography.Text> },
                { title: '修改后', dataIndex: 'after' },
              ]}
            />
          )}
          <Typography.Text type="secondary">公民身份号码和手机号码在写入日志时已脱敏。</Typography.Text>
        </Space>
      ) : null}
    </Drawer>
  );
}

export function AuditPage() {
  const [form] = Form.useForm<FilterForm>();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const [detail, setDetail] = useState<AuditEntryView | null>(null);
  const [exporting, setExporting] = useState(false);
  const { data, loading, error, reload } = useApi(
    () => get<Page<AuditEntryView>>('/audit', { ...auditQuery(filters, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }) }),
    [filters, page],
  );

  async function exportLog() {
    setExporting(true);
    try {
      await download('/audit/export', { ...auditQuery(filters) }, `审计日志_${todayIso()}.xlsx`);
    } catch (e) {
      void message.error(`导出失败：${errorMessage(e)}`);
    } finally {
      setExporting(false);
    }
  }

  if (error instanceof ApiError && (error.status === 403 || error.code === 'PERMISSION_DENIED')) {
    return <Result status="403" title="无权查看审计日志" subTitle={error.message} />;
  }

  return (
    <div>
      <PageHeader
        title="审计日志"
        subtitle="谁在何时对哪条记录做了什么（最新的在前）"
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportLog()}>
            导出Excel
          </Button>
        }
      />
      <Form<FilterForm>
        form={form}
        layout="inline"
        style={{ rowGap: 12, marginBottom: 16 }}
        onFinish={(v) => {
          setPage(1);
          setFilters(toFilters(v));
        }}
      >
        <Form.Item name="user" label="操作人">
          <Input placeholder="用户名" allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 150 }}
            options={Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="recordType" label="记录类型">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部"
            style={{ width: 150 }}
            options={Object.entries(RECORD_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="recordId" label="记录编号">
          <Input allowClear style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="dates" label="日期">
          <DatePicker.RangePicker format={DATE_FORMATS} allowEmpty={[true, true]} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setPage(1);
                setFilters({});
              }}
            >
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<AuditEntryView>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        aria-label="审计日志"
        locale={{ emptyText: '没有符合条件的记录，请调整筛选条件' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (t) => `共${t}条`,
          onChange: setPage,
        }}
        onRow={(r) => ({ onDoubleClick: () => setDetail(r) })}
        columns={[
          { title: '时间', dataIndex: 'at', width: 190, render: (v: string) => chinaTime(v) },
          { title: '操作人', dataIndex: 'actorName', width: 120 },
          { title: '操作', dataIndex: 'actionLabel', width: 110 },
          { title: '记录类型', dataIndex: 'recordType', width: 110, render: (v: string) => recordTypeLabel(v) },
          { title: '记录编号', dataIndex: 'recordId', width: 100, render: (v: string | null) => v ?? '—' },
          {
            title: '内容',
            key: 'summary',
            width: 280,
            ellipsis: { showTitle: true },
            render: (_: unknown, r) => entrySummary(r),
          },
          { title: '来源地址', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
          {
            title: '详情',
            key: 'detail',
            width: 80,
            fixed: 'right',
            render: (_: unknown, r) => (
              <Button type="link" size="small" onClick={() => setDetail(r)} aria-label={`查看审计记录${r.id}`}>
                查看
              </Button>
            ),
          },
        ]}
      />
      <EntryDetail entry={detail} onClose={() => setDetail(null)} />
    </div>
  );
}
