import { Empty } from 'antd';
import type { PageProps } from '../pages';

export function TriageQueue(_props: PageProps) {
  return <Empty description="分派：建设中" />;
}
