import { Empty } from 'antd';
import type { PageProps } from '../pages';

export function StaffAccounts(_props: PageProps) {
  return <Empty description="账号管理：建设中" />;
}
