import { Empty } from 'antd';
import type { PageProps } from '../pages';

export function AuditLog(_props: PageProps) {
  return <Empty description="审计日志：建设中" />;
}
