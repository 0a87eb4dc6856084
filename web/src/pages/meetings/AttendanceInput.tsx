/**
 * The attendance of a meeting as a form control: the roster with everyone ticked present (untick the absent and give a
 * reason), or — with no roster to tick — the counts and the absentees typed in. 应到/实到 are computed, never typed twice.
 */
import { Button, Checkbox, Col, Input, InputNumber, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { attendanceCounts, type AttendanceValue, type RosterMember } from './attendance';

export function AttendanceInput({
  value,
  onChange,
  roster,
  note,
  loading,
}: {
  value?: AttendanceValue;
  onChange?: (v: AttendanceValue) => void;
  roster: RosterMember[];
  note?: string | null;
  loading?: boolean;
}) {
  const [filter, setFilter] = useState('');
  if (loading) return <Skeleton active title={false} paragraph={{ rows: 3 }} />;
  if (!value) return null;
  const counts = attendanceCounts(value, roster);
  const summary = (
    <Typography.Text strong aria-live="polite" data-testid="attendance-summary">
      应到{counts.expectedCount}人，实到{counts.attendedCount}人，缺席{counts.expectedCount - counts.attendedCount}人
    </Typography.Text>
  );
  if (value.mode === 'manual') {
    const set = (patch: Partial<Extract<AttendanceValue, { mode: 'manual' }>>) => onChange?.({ ...value, ...patch });
    return (
      <div>
        {note ? <Typography.Paragraph type="secondary">{note}</Typography.Paragraph> : null}
        <Space wrap style={{ marginBottom: 8 }}>
          <label>
            应到人数{' '}
            <InputNumber aria-label="应到人数" min={0} precision={0} value={value.expected} onChange={(v) => set({ expected: v })} />
          </label>
          <label>
            实到人数{' '}
            <InputNumber aria-label="实到人数" min={0} precision={0} value={value.attended} onChange={(v) => set({ attended: v })} />
          </label>
        </Space>
        {value.absentees.map((a, i) => (
          <Space key={i} wrap style={{ display: 'flex', marginBottom: 8 }}>
            <Input
              aria-label={`缺席人员${i + 1}姓名`}
              placeholder="缺席人员姓名"
              value={a.name}
              style={{ width: 160 }}
              onChange={(e) => set({ absentees: value.absentees.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })}
            />
            <Input
              aria-label={`缺席人员${i + 1}缺席原因`}
              placeholder="缺席原因（如：病假、外出务工）"
              value={a.reason}
              style={{ width: 260 }}
              onChange={(e) => set({ absentees: value.absentees.map((x, j) => (j === i ? { ...x, reason: e.target.value } : x)) })}
            />
            <Button aria-label={`删除缺席人员${i + 1}`} icon={<DeleteOutlined />} onClick={() => set({ absentees: value.absentees.filter((_, j) => j !== i) })} />
          </Space>
        ))}
        <Button icon={<PlusOutlined />} onClick={() => set({ absentees: [...value.absentees, { name: '', reason: '' }] })}>
          添加缺席人员
        </Button>
      </div>
    );
  }
  const toggle = (id: number, present: boolean) => {
    const absent = { ...value.absent };
    if (present) delete absent[id];
    else absent[id] = absent[id] ?? '';
    onChange?.({ mode: 'roster', absent });
  };
  const setReason = (id: number, reason: string) => onChange?.({ mode: 'roster', absent: { ...value.absent, [id]: reason } });
  const shown = filter.trim() ? roster.filter((m) => m.name.includes(filter.trim())) : roster;
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        {summary}
        <Typography.Text type="secondary">（已按名册勾选全部人员为出席，请取消勾选缺席人员并填写原因）</Typography.Text>
        {Object.keys(value.absent).length ? (
          <Button size="small" onClick={() => onChange?.({ mode: 'roster', absent: {} })}>
            全部出席
          </Button>
        ) : null}
        {roster.length > 20 ? (
          <Input.Search size="small" allowClear placeholder="按姓名查找" aria-label="按姓名查找出席人员" style={{ width: 180 }} onChange={(e) => setFilter(e.target.value)} />
        ) : null}
      </Space>
      {note ? <Typography.Paragraph type="secondary">{note}</Typography.Paragraph> : null}
      <Row gutter={[12, 8]} role="group" aria-label="出席人员">
        {shown.map((m) => {
          const absent = m.id in value.absent;
          return (
            <Col key={m.id} xs={24} sm={12} xl={8}>
              <div
                style={{
                  border: `1px solid ${absent ? '#ffccc7' : '#f0f0f0'}`,
                  background: absent ? '#fff2f0' : undefined,
                  borderRadius: 4,
                  padding: '4px 8px',
                  minHeight: 34,
                }}
              >
                <Checkbox checked={!absent} onChange={(e) => toggle(m.id, e.target.checked)}>
                  {m.name}
                </Checkbox>
                {m.partyPost ? <Tag>{m.partyPost}</Tag> : null}
                {m.status === '预备党员' ? <Tag color="orange">预备党员</Tag> : null}
                {absent ? (
                  <Input
                    size="small"
                    autoFocus
                    aria-label={`${m.name}的缺席原因`}
                    placeholder="缺席原因（如：病假、外出务工）"
                    value={value.absent[m.id]}
                    onChange={(e) => setReason(m.id, e.target.value)}
                    style={{ marginTop: 4 }}
                    maxLength={200}
                  />
                ) : null}
              </div>
            </Col>
          );
        })}
      </Row>
    </div>
  );
}
