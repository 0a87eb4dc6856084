import { Empty } from 'antd';

/** Temporary, while the page is being built (removed before this lands). */
export function PagePlaceholder({ title }: { title: string }) {
  return <Empty description={title} />;
}
