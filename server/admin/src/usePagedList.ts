import { message } from 'antd';
import type { Page } from '@minqing/shared';
import { type DependencyList, useCallback, useEffect, useState } from 'react';

/**
 * One server-paged table's rows: fetched again whenever `deps` change (page, filters), with a
 * loading flag, and a failure shown in the server's words. `setRows` lets an action replace a
 * row it changed without reloading the page.
 */
export function usePagedList<T>(fetchPage: () => Promise<Page<T>>, deps: DependencyList) {
  const [rows, setRows] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const page = await fetchPage();
      setRows(page.items);
      setTotal(page.total);
    } catch (error) {
      message.error(error instanceof Error ? error.message : '加载失败');
    } finally {
      setLoading(false);
    }
  }, deps);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { rows, setRows, total, loading, reload };
}
