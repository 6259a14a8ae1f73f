/**
 * A paged staff list on the 工作台: loads page 1 on show and on pull-down, appends the next page
 * with 加载更多, and sends an expired or missing staff session back to the sign-in.
 */
import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { toApiError } from '../../../services/apiError';
import { currentStaffSession } from '../../../services/staffSession';
import { ROUTES } from '../../../pages/home/routes';

const toLogin = () => void Taro.redirectTo({ url: ROUTES.workbenchLogin }).catch(() => undefined);

export function useStaffPages<T>(fetchPage: (page: number) => Promise<{ items: T[]; total: number }>) {
  const [rows, setRows] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async (nextPage = 1) => {
    if (!currentStaffSession()) return toLogin();
    setLoading(true);
    setError(null);
    try {
      const result = await fetchPage(nextPage);
      setRows((previous) => (nextPage === 1 ? result.items : [...previous, ...result.items]));
      setTotal(result.total);
      setPage(nextPage);
      setLoaded(true);
    } catch (failure) {
      const apiError = toApiError(failure);
      if (apiError.status === 401) return toLogin();
      setError(apiError.message);
    } finally {
      setLoading(false);
      Taro.stopPullDownRefresh();
    }
  };

  useDidShow(() => void load());
  usePullDownRefresh(() => void load());

  const footerState = loading ? 'loading' : error ? 'error' : rows.length >= total ? 'end' : 'idle';
  return { rows, error, loaded, footerState, reload: () => void load(), loadMore: () => void load(page + 1) } as const;
}
