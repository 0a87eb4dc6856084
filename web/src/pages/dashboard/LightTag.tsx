/** A red/yellow/green light as a colored tag with its name in words (never color alone). */
import { Tag } from 'antd';
import type { Light } from '../../lib/types';

const TAG_COLOR: Record<Light, string> = { red: 'red', yellow: 'gold', green: 'green' };
const TEXT: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯' };

export function LightTag({ light }: { light: Light | null }) {
  if (!light) return <Tag>无应落实事项</Tag>;
  return <Tag color={TAG_COLOR[light]}>{TEXT[light]}</Tag>;
}
