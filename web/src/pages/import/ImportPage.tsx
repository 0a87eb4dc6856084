/**
 * 导入导出: upload a workbook (.xlsx, or one sheet as .csv) and see either the rows per sheet it brought in, or every
 * problem with its sheet, row and column — imports are all or nothing, so a rejected file wrote nothing; export the
 * chosen organization's workbook (the same format, to edit and import again).
 */
import { useState } from 'react';
import { App, Alert, Button, Card, Checkbox, Progress, Skeleton, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError, download, errorMessage, type FieldIssue } from '../../lib/api';
import { useOrgScope } from '../../lib/org-scope';
import { todayIso } from '../../lib/format';
import type { ImportReport } from '../../lib/types';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useOrgActions } from '../admin/use-org-actions';
import { contentTypeFor, fileSize, issueRows, issuesCsv, sheetCounts, totalRows } from './import-logic';
import { uploadWorkbook, type UploadProgress } from './upload';

type Outcome = { kind: 'done'; report: ImportReport; fileName: string } | { kind: 'rejected'; error: ApiError; fileName: string } | { kind: 'failed'; error: unknown };

function saveText(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function IssueReport({ error, fileName }: { error: ApiError; fileName: string }) {
  const rows = issueRows(error.issues);
  const sheets = [...new Set(error.issues.map((i) => i.sheet).filter((s): s is string => !!s))];
  return (
    <Card
      title={`错误清单（${error.issues.length}处）`}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() => saveText(issuesCsv(error.issues), `导入错误清单_${fileName.replace(/\.[^.]+$/, '')}_${todayIso()}.csv`, 'text/csv;charset=utf-8')}
        >
          下载错误清单（CSV）
        </Button>
      }
    >
      <Alert
        type="error"
        showIcon
        role="alert"
        message={error.message}
        description="导入是“全部通过才写入”的：这次没有写入任何数据，系统中的数据保持不变。请按下表在原文件中逐处修改，然后重新上传整个文件。"
        style={{ marginBottom: 16 }}
      />
      <Table<FieldIssue & { key: number }>
        size="small"
        rowKey="key"
        dataSource={rows}
        scroll={{ x: true }}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false, showTotal: (t) => `共${t}处` } : false}
        aria-label="导入错误清单"
        columns={[
          {
            title: '工作表',
            dataIndex: 'sheet',
            width: 120,
            filters: sheets.length > 1 ? sheets.map((s) => ({ text: s, value: s })) : undefined,
            onFilter: (v, r) => r.sheet === v,
            render: (v?: string) => v ?? '—',
          },
          { title: '行', dataIndex: 'row', width: 70, render: (v?: number) => (v === undefined ? '—' : `第${v}行`) },
          { title: '列', key: 'column', width: 140, render: (_: unknown, r) => r.column ?? r.field ?? '—' },
          { title: '问题', dataIndex: 'message' },
        ]}
      />
    </Card>
  );
}

function Counts({ report, fileName }: { report: ImportReport; fileName: string }) {
  const rows = sheetCounts(report.counts);
  const total = totalRows(report.counts);
  return (
    <Card title={report.dryRun ? '试导入结果' : '导入结果'}>
      <Alert
        type={report.dryRun ? 'info' : 'success'}
        showIcon
        message={
          report.dryRun
            ? `“${fileName}”检查通过，可以导入${total}行。试导入没有写入任何数据，确认后请取消“只检查”再导入一次。`
            : `“${fileName}”已导入，共${total}行。`
        }
        style={{ marginBottom: 16 }}
      />
      {rows.length === 0 ? (
        <Typography.Text type="secondary">文件中没有数据行。</Typography.Text>
      ) : (
        <Table
          size="small"
          rowKey="key"
          dataSource={rows}
          pagination={false}
          aria-label="各工作表导入行数"
          style={{ maxWidth: 420 }}
          columns={[
            { title: '工作表', dataIndex: 'sheet' },
            { title: report.dryRun ? '可导入行数' : '导入行数', dataIndex: 'count', align: 'right' },
          ]}
        />
      )}
    </Card>
  );
}

export function ImportPage() {
  const { org, orgName } = useOrgScope();
  const { actions, loading, error } = useOrgActions(org);
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [exporting, setExporting] = useState(false);

  const canImport = actions?.includes('import') ?? false;

  async function start() {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    setProgress({ loaded: 0, total: file.size, sent: false });
    try {
      const report = await uploadWorkbook(file, { dryRun, onProgress: setProgress });
      setOutcome({ kind: 'done', report, fileName: file.name });
    } catch (e) {
      if (e instanceof ApiError && e.issues.some((i) => i.sheet !== undefined || i.row !== undefined)) setOutcome({ kind: 'rejected', error: e, fileName: file.name });
      else setOutcome({ kind: 'failed', error: e });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  async function exportWorkbook() {
    if (!org) return;
    setExporting(true);
    try {
      await download('/export', { org }, `党建数据_${org}_${todayIso()}.xlsx`);
    } catch (e) {
      void message.error(`导出失败：${errorMessage(e)}`);
    } finally {
      setExporting(false);
    }
  }

  if (loading && !actions) return <Skeleton active />;
  if (error) return <ErrorAlert error={error} />;

  const percent = progress ? Math.round((progress.loaded / Math.max(progress.total, 1)) * 100) : 0;

  return (
    <div>
      <PageHeader title="导入导出" subtitle={orgName} />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title="导出"
          extra={
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportWorkbook()}>
              导出工作簿
            </Button>
          }
        >
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            导出“{orgName}”及其下级组织的全部数据（组织、党员、发展党员、组织生活、党费和各项台账，每类一张工作表）。导出的工作簿就是导入的格式：可以作为模板，修改或补充后再导入。
          </Typography.Paragraph>
        </Card>
        {canImport ? (
          <Card title="导入">
            <Typography.Paragraph>
              上传 .xlsx 工作簿（或只含一张表的 .csv 文件）。工作表和列名与导出的工作簿相同，工作簿中的组织须在您的管理范围内。
              <Typography.Text strong>全部行检查通过才写入；只要有一处错误，就逐行列出问题，不写入任何数据。</Typography.Text>
            </Typography.Paragraph>
            <Upload.Dragger
              accept=".xlsx,.csv"
              multiple={false}
              maxCount={1}
              disabled={busy}
              fileList={file ? [{ uid: 'file', name: `${file.name}（${fileSize(file.size)}）`, status: 'done' }] : []}
              beforeUpload={(f) => {
                if (!contentTypeFor(f.name)) {
                  void message.error('只能导入 .xlsx 工作簿或 .csv 文件');
                  return Upload.LIST_IGNORE;
                }
                setFile(f);
                setOutcome(null);
                return false;
              }}
              onRemove={() => {
                setFile(null);
                setOutcome(null);
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击选择文件，或把文件拖到这里</p>
              <p className="ant-upload-hint">.xlsx 或 .csv，最大 50 MB</p>
            </Upload.Dragger>
            <Space wrap style={{ marginTop: 16 }}>
              <Checkbox checked={dryRun} disabled={busy} onChange={(e) => setDryRun(e.target.checked)}>
                只检查，不写入（试导入）
              </Checkbox>
              <Button type="primary" icon={<UploadOutlined />} disabled={!file} loading={busy} onClick={() => void start()}>
                {dryRun ? '开始检查' : '开始导入'}
              </Button>
            </Space>
            {progress ? (
              <div style={{ marginTop: 16 }} aria-live="polite">
                <Progress percent={percent} status="active" />
                <Typography.Text type="secondary">
                  {progress.sent
                    ? `已上传 ${fileSize(progress.total)}，正在逐行检查${dryRun ? '' : '并写入'}，请稍候…`
                    : `正在上传 ${fileSize(progress.loaded)} / ${fileSize(progress.total)}`}
                </Typography.Text>
              </div>
            ) : null}
          </Card>
        ) : (
          <Alert type="info" showIcon message={`您在“${orgName}”没有导入工作簿的权限，只能导出。`} />
        )}
        {outcome?.kind === 'done' ? <Counts report={outcome.report} fileName={outcome.fileName} /> : null}
        {outcome?.kind === 'rejected' ? <IssueReport error={outcome.error} fileName={outcome.fileName} /> : null}
        {outcome?.kind === 'failed' ? <ErrorAlert error={outcome.error} /> : null}
      </Space>
    </div>
  );
}
