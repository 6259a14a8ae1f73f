/**
 * 我关注的: the reports of others the villager joined with 我也遇到 (GET /reports/following), latest
 * joined first, each opening the report's public view; 加载更多 pages on.
 */
import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { FollowingItem } from '@minqing/shared';
import StatusChip from '../../../components/StatusChip';
import { formatDateTime } from '../../../components/Timeline/dates';
import { getFollowing } from '../../../services/api';
import { toApiError } from '../../../services/apiError';

export const FOLLOWING_EMPTY = '还没有关注的问题。写反映时看到本村相似的问题，点「我也遇到」就能关注它的办理进展';
export const FOLLOWING_PAGE_SIZE = 20;

type Loading = 'first' | 'more' | null;

export interface FollowingListProps {
  /** Changes whenever the page is shown or pulled down: the list is read afresh. */
  refresh: number;
  onLoaded?: () => void;
}

export default function FollowingList({ refresh, onLoaded }: FollowingListProps) {
  const [items, setItems] = useState<FollowingItem[]>([]);
  const [total, setTotal] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState<Loading>(null);
  const [error, setError] = useState<string | null>(null);
  const pageRef = useRef(0);

  const load = async (kind: Exclude<Loading, null>) => {
    setLoading(kind);
    setError(null);
    const page = kind === 'more' ? pageRef.current + 1 : 1;
    try {
      const result = await getFollowing({ page, pageSize: FOLLOWING_PAGE_SIZE });
      pageRef.current = page;
      setTotal(result.total);
      setItems((current) => {
        if (page === 1) return result.items;
        const known = new Set(current.map((item) => item.id));
        return [...current, ...result.items.filter((item) => !known.has(item.id))];
      });
      setLoaded(true);
    } catch (failure) {
      setError(toApiError(failure).message);
    } finally {
      setLoading(null);
      onLoaded?.();
    }
  };

  useEffect(() => {
    void load('first');
  }, [refresh]);

  if (!loaded)
    return error ? (
      <View className="my-reports__state">
        <Text className="my-reports__info">{error}</Text>
        <Button className="my-reports__button" onClick={() => void load('first')}>
          重试
        </Button>
      </View>
    ) : (
      <Text className="my-reports__info">正在加载…</Text>
    );

  if (items.length === 0)
    return (
      <View className="my-reports__state">
        <Text className="my-reports__empty">{FOLLOWING_EMPTY}</Text>
      </View>
    );

  const hasMore = items.length < total;
  return (
    <View data-testid="following-list">
      {items.map((item) => (
        <View
          key={item.id}
          className="my-reports__row"
          role="button"
          data-testid="following-row"
          onClick={() =>
            void Taro.navigateTo({ url: `/packages/my-reports/detail/index?id=${encodeURIComponent(item.id)}` })
          }
        >
          <View className="my-reports__row-top">
            <StatusChip status={item.status} label={item.statusName} />
            <Text className="my-reports__service">{item.followers} 位村民也遇到</Text>
          </View>
          <Text className="my-reports__excerpt">{item.excerpt}</Text>
          <Text className="my-reports__who">承办：{item.department?.name ?? '正在分派'}</Text>
          <Text className="my-reports__meta">
            {formatDateTime(item.followedAt)} 关注 · {item.villageName} · 编号 {item.serialNo}
          </Text>
        </View>
      ))}
      <View className="my-reports__more">
        {error ? <Text className="my-reports__info">{error}</Text> : null}
        {hasMore ? (
          <Button
            className="my-reports__button"
            onClick={() => void load('more')}
            disabled={loading !== null || undefined}
          >
            {loading === 'more' ? '正在加载…' : error ? '重试' : '加载更多'}
          </Button>
        ) : (
          <Text className="my-reports__info">没有更多了</Text>
        )}
      </View>
    </View>
  );
}
