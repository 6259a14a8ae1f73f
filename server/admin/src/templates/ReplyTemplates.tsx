import { Empty } from 'antd';
import type { PageProps } from '../pages';

export function ReplyTemplates(_props: PageProps) {
  return <Empty description="答复模板：建设中" />;
}
