import type { ReactNode } from 'react';
import type { PagedList } from '../../pages/notices/usePagedList';
import { ErrorBlock, ListFooter, LoadingBlock } from '../EmptyState';

export interface PagedListBodyProps<T> {
  list: PagedList<T>;
  /** Shown when the first page came back empty (an EmptyState that says what to do next). */
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}

/**
 * A paged list in each of its states: loading the first page, failed (with 重新加载), empty, or
 * its items followed by the footer (加载更多, 已经到底了).
 */
export default function PagedListBody<T>({ list, empty, children }: PagedListBodyProps<T>) {
  if (list.loading) return <LoadingBlock />;
  if (list.error) return <ErrorBlock message={list.error} onRetry={() => void list.refresh()} />;
  return (
    <>
      {list.items.length === 0 ? empty : null}
      {children(list.items)}
      {list.items.length > 0 ? (
        <ListFooter
          state={list.footer}
          errorMessage={list.footerError ?? undefined}
          onLoadMore={() => void list.loadMore()}
        />
      ) : null}
    </>
  );
}
