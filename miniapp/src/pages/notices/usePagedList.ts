import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@minqing/shared';
import { toApiError } from '../../services/apiError';
import type { ListFooterState } from '../../components/EmptyState';

export interface PagedList<T> {
  items: T[];
  total: number;
  /** The first page is loading (show a loading block, not the list). */
  loading: boolean;
  /** A message when the first page failed. */
  error: string | null;
  /** The state of the footer under the list. */
  footer: ListFooterState;
  footerError: string | null;
  loadMore(): Promise<void>;
  /** Pull-down refresh: page 1 again, keeping the list on screen meanwhile. */
  refresh(): Promise<void>;
}

export interface PagedListOptions<T> {
  pageSize?: number;
  /** false: do not load (e.g. no village chosen yet). */
  enabled?: boolean;
  /** How a new page is added to the list (default: append items not already shown). */
  merge?: (current: T[], next: T[]) => T[];
}

function appendNew<T extends { id: string }>(current: T[], next: T[]): T[] {
  const seen = new Set(current.map((item) => item.id));
  return [...current, ...next.filter((item) => !seen.has(item.id))];
}

/**
 * A server-paginated list: first page on mount and whenever `key` changes (a new category), more
 * pages on demand, refresh on pull-down. Answers to an older key are dropped, so switching tabs
 * quickly never shows the wrong category.
 */
export function usePagedList<T extends { id: string }>(
  key: string,
  fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
  options: PagedListOptions<T> = {},
): PagedList<T> {
  const { pageSize = 20, enabled = true, merge = appendNew } = options;
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(0);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<string | null>(null);
  const [footer, setFooter] = useState<ListFooterState>('idle');
  const [footerError, setFooterError] = useState<string | null>(null);
  const shown = useRef<T[]>([]);
  const show = (list: T[]) => {
    shown.current = list;
    setItems(list);
  };
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const mergeRef = useRef(merge);
  mergeRef.current = merge;

  const loadFirst = useCallback(
    async (keepShown: boolean) => {
      const current = ++generation.current;
      if (!keepShown) {
        setLoading(true);
        show([]);
      }
      setError(null);
      setFooterError(null);
      try {
        const result = await fetchRef.current(1, pageSize);
        if (current !== generation.current) return;
        show(mergeRef.current([], result.items));
        setTotal(result.total);
        setPage(1);
        setFooter(result.items.length >= result.total || result.items.length < pageSize ? 'end' : 'idle');
      } catch (caught) {
        if (current !== generation.current) return;
        const message = toApiError(caught).message;
        if (keepShown) {
          setFooter('error');
          setFooterError(message);
        } else {
          setError(message);
        }
      } finally {
        if (current === generation.current) setLoading(false);
      }
    },
    [pageSize],
  );

  useEffect(() => {
    if (!enabled) {
      generation.current += 1;
      setLoading(false);
      return;
    }
    void loadFirst(false);
  }, [key, enabled, loadFirst]);

  const loadMore = useCallback(async () => {
    if (!enabled || loading || footer === 'loading' || footer === 'end') return;
    const current = generation.current;
    setFooter('loading');
    setFooterError(null);
    try {
      const result = await fetchRef.current(page + 1, pageSize);
      if (current !== generation.current) return;
      const merged = mergeRef.current(shown.current, result.items);
      show(merged);
      setFooter(merged.length >= result.total || result.items.length < pageSize ? 'end' : 'idle');
      setTotal(result.total);
      setPage(page + 1);
    } catch (caught) {
      if (current !== generation.current) return;
      setFooter('error');
      setFooterError(toApiError(caught).message);
    }
  }, [enabled, loading, footer, page, pageSize]);

  const refresh = useCallback(() => (enabled ? loadFirst(true) : Promise.resolve()), [enabled, loadFirst]);

  return { items, total, loading, error, footer, footerError, loadMore, refresh };
}
