/**
 * One meeting: what, when, who hosted, the attendance with the absentees and their reasons, and the minutes. 修改
 * (shown when the server lists `update` among the record's actions) opens the meeting form on the record.
 */
import { App, Button, Card, Descriptions, Empty, Result, Skeleton, Table, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ApiError, get } from '../../lib/api';
import { chineseDate, percent } from '../../lib/format';
import { useOrgScope } from '../../lib/org-scope';
import type { MeetingView } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { MeetingForm } from './MeetingForm';
import { scoped } from './shared';

export function MeetingDetail() {
  const { id } = useParams();
  const { org } = useOrgScope();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const { data: m, loading, error, reload } = useApi(() => get<MeetingView>(`/meetings/${encodeURIComponent(id ?? '')}`), [id]);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(scoped('/meetings', org))}>
      返回列表
    </Button>
  );
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return <Result status="404" title="会议记录不存在" subTitle="该记录不存在，或不在您可以查看的范围内。" extra={back} />;
  }
  if (loading && !m) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!m) return <ErrorAlert error={error} onRetry={reload} />;
  if (editing && m.actions.includes('update')) {
    return (
      <MeetingForm
        edit={{
          meeting: m,
          onSaved: () => {
            setEditing(false);
            reload();
            void message.success('已保存');
          },
          onCancel: () => setEditing(false),
        }}
      />
    );
  }
  const edit = m.actions.includes('update') ? (
    <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
      修改
    </Button>
  ) : null;
  return (
    <>
      <PageHeader
        title={`${m.kind}：${m.topic}`}
        subtitle={`${m.orgName} · ${chineseDate(m.heldOn)}`}
        extra={
          <>
            {edit}
            {back}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 1, md: 2, xl: 3 }} labelStyle={{ whiteSpace: 'nowrap' }}>
          <Descriptions.Item label="组织">{m.orgName}</Descriptions.Item>
          <Descriptions.Item label="会议类型">{m.kind}</Descriptions.Item>
          <Descriptions.Item label="日期">{chineseDate(m.heldOn)}</Descriptions.Item>
          <Descriptions.Item label="主题">{m.topic}</Descriptions.Item>
          <Descriptions.Item label="主持人">{m.host ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="出席情况">
            应到{m.expectedCount}人，实到{m.attendedCount}人
            {m.expectedCount > 0 ? `（出席率${percent(m.attendedCount / m.expectedCount)}）` : ''}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={`缺席人员（${m.absentees.length}人）`} style={{ marginBottom: 16 }}>
        {m.absentees.length ? (
          <Table
            rowKey={(_, i) => String(i)}
            size="small"
            pagination={false}
            scroll={{ x: true }}
            aria-label="缺席人员"
            dataSource={m.absentees}
            columns={[
              { title: '姓名', dataIndex: 'name', width: 160 },
              { title: '缺席原因', dataIndex: 'reason', render: (r: string | null) => r ?? <Typography.Text type="secondary">未说明</Typography.Text> },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">
            {m.expectedCount > m.attendedCount ? `缺席${m.expectedCount - m.attendedCount}人，未登记姓名` : '应到人员全部出席'}
          </Typography.Text>
        )}
      </Card>
      <Card title="会议记录">
        {m.minutes ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{m.minutes}</Typography.Paragraph>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未录入会议记录" />
        )}
      </Card>
    </>
  );
}
