import { Empty } from 'antd';
import type { PageProps } from '../pages';

export function ConfigPage(_props: PageProps) {
  return <Empty description="配置：建设中" />;
}
