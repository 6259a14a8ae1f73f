import { Empty } from 'antd';
import type { PageProps } from '../pages';

export function Dashboard(_props: PageProps) {
  return <Empty description="统计：建设中" />;
}
