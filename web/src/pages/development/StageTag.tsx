import { Tag } from 'antd';

const COLORS: Record<string, string> = { 入党申请人: 'default', 入党积极分子: 'blue', 发展对象: 'purple', 预备党员: 'orange', 正式党员: 'red' };

export function StageTag({ stage }: { stage: string }) {
  return <Tag color={COLORS[stage] ?? 'default'}>{stage}</Tag>;
}
