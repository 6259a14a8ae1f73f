import { Empty } from 'antd';
import type { PageProps } from '../pages';

export function ContentPage({ kind }: PageProps & { kind: 'notice' | 'article' }) {
  return <Empty description={`${kind === 'notice' ? '公告' : '文章'}：建设中`} />;
}
