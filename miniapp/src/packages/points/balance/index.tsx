import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { PointsEntry } from '@minqing/shared';
import BigButton from '../../../components/BigButton';
import EmptyState from '../../../components/EmptyState';
import PagedListBody from '../../../components/PagedListBody';
import { formatDate } from '../../../components/NoticeCard/format';
import { withPageHeader } from '../../../components/PageHeader';
import { ROUTES, go } from '../../../pages/home/routes';
import { usePagedList } from '../../../pages/notices/usePagedList';
import { useCareMode } from '../../../stores/careMode';
import { getPoints } from '../api';

import '../points.scss';

/**
 * What earns points, in words. The points per item are set by the county (and may change), so
 * this page names the ways and lets the history show what each actually earned.
 */
export const WAYS_TO_EARN: readonly { icon: string; text: string }[] = [
  { icon: '📋', text: '反映的问题办结（经核实不是无效反映）' },
  { icon: '⭐', text: '对办理结果进行评价' },
  { icon: '🤝', text: '参加村里的志愿服务，由村干部登记' },
];

export const signedPoints = (delta: number): string => (delta > 0 ? `+${delta}` : String(delta));

export function EntryRow({ entry }: { entry: PointsEntry }) {
  return (
    <View className="points__entry" data-testid="points-entry">
      <View className="points__entry-words">
        <Text className="points__entry-reason">{entry.reasonName}</Text>
        {entry.note ? <Text className="points__entry-note">{entry.note}</Text> : null}
        <Text className="points__entry-date">{formatDate(entry.createdAt)}</Text>
      </View>
      <Text className={`points__delta${entry.delta < 0 ? ' points__delta--spent' : ''}`}>
        {signedPoints(entry.delta)}
      </Text>
    </View>
  );
}

/** 我的积分: the balance, the ways to earn, and every line of the ledger, newest first. */
function PointsPage() {
  const care = useCareMode();
  const [balance, setBalance] = useState<number | null>(null);
  const list = usePagedList<PointsEntry>('points', async (page, pageSize) => {
    const summary = await getPoints({ page, pageSize });
    setBalance(summary.balance);
    return summary.entries;
  });

  const latest = useRef(list);
  latest.current = list;
  usePullDownRefresh(() => {
    void latest.current.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void latest.current.loadMore();
  });

  return (
    <View className={`page points ${care.className}`}>
      <View className="points__card" role="status" aria-label={`我的积分 ${balance ?? '加载中'}`}>
        <Text className="points__card-label">我的积分</Text>
        <Text className="points__balance">{balance ?? '—'}</Text>
      </View>
      <View className="points__actions">
        <BigButton
          icon="🛒"
          label="积分超市"
          hint="用积分兑换物品"
          size="normal"
          onClick={() => go(ROUTES.pointsShop)}
        />
        <BigButton
          icon="🎫"
          label="我的兑换"
          hint="出示兑换码领取"
          size="normal"
          variant="outline"
          onClick={() => go(ROUTES.redemptions)}
        />
      </View>

      <View className="points__section">
        <Text className="points__section-title">怎样获得积分</Text>
        {WAYS_TO_EARN.map((way) => (
          <View key={way.text} className="points__way">
            <Text className="points__way-icon" aria-hidden="true">
              {way.icon}
            </Text>
            <Text className="points__way-text">{way.text}</Text>
          </View>
        ))}
        <Text className="points__hint">每项得多少积分由县里统一规定，记入后会显示在下面的明细里。</Text>
      </View>

      <View className="points__section">
        <Text className="points__section-title">积分明细</Text>
        <PagedListBody
          list={list}
          empty={
            <EmptyState
              icon="🌱"
              title="还没有积分记录"
              hint="反映问题、评价办理结果都能获得积分"
              action={{ label: '我要反映', onClick: () => go(ROUTES.reportTab) }}
            />
          }
        >
          {(items) => items.map((entry) => <EntryRow key={entry.id} entry={entry} />)}
        </PagedListBody>
      </View>
    </View>
  );
}

export default withPageHeader(PointsPage, '我的积分');
