import { Empty, Spin } from 'antd';
import type { RegionNode } from '@minqing/shared';
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { navigate } from '../nav';
import type { PageProps } from '../pages';
import { ContentList } from './ContentList';
import { contentApi } from './contentApi';
import { mayPublish, publishScopeOptions, regionNames } from './scopeOptions';
import type { ContentKind } from './scopeOptions';

/** The rich-text editor (tiptap) is fetched only when a notice or article is opened for editing. */
const ContentEditor = lazy(() => import('./ContentEditor').then((module) => ({ default: module.ContentEditor })));

const PAGE_KEY: Record<ContentKind, string> = { notice: 'notices', article: 'articles' };

/**
 * 公告 / 文章: the list, or the editor when the hash says `?edit=<id>` (`?edit=new` for a new one),
 * so a reload or a shared link reopens the same item.
 */
export function ContentPage({ staff, query, kind }: PageProps & { kind: ContentKind }) {
  const [tree, setTree] = useState<RegionNode[]>([]);
  useEffect(() => {
    contentApi.regions().then(setTree, () => setTree([]));
  }, []);
  const names = useMemo(() => regionNames(tree), [tree]);
  const scopeOptions = useMemo(() => publishScopeOptions(tree, staff, kind), [tree, staff, kind]);
  const regionName = (code: string) => names.get(code) ?? code;

  if (!mayPublish(staff, kind)) return <Empty description="您的账号不能发布这类内容" />;

  const editing = query.get('edit');
  if (editing) {
    return (
      <Suspense fallback={<Spin tip="正在打开编辑器…" style={{ display: 'block', margin: '96px auto' }} />}>
        <ContentEditor
          key={editing}
          kind={kind}
          id={editing === 'new' ? null : editing}
          scopeOptions={scopeOptions}
          defaultRegionCode={staff.regionCode}
          regionName={regionName}
          onCreated={(id) => navigate(PAGE_KEY[kind], { edit: id })}
          onBack={() => navigate(PAGE_KEY[kind])}
        />
      </Suspense>
    );
  }
  return (
    <ContentList kind={kind} regionName={regionName} onOpen={(id) => navigate(PAGE_KEY[kind], { edit: id ?? 'new' })} />
  );
}
