import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { REDEMPTION_STATUS_NAMES, type Redemption } from '@minqing/shared';
import BigButton from '../../../components/BigButton';
import EmptyState from '../../../components/EmptyState';
import PagedListBody from '../../../components/PagedListBody';
import { formatDate, formatDateTime } from '../../../components/NoticeCard/format';
import { withPageHeader } from '../../../components/PageHeader';
import { ROUTES, go } from '../../../pages/home/routes';
import { usePagedList } from '../../../pages/notices/usePagedList';
import { toApiError } from '../../../services/apiError';
import { useCareMode } from '../../../stores/careMode';
import { cancelRedemption, getRedemptions } from '../api';
import QrCode from '../components/QrCode';

import '../points.scss';

/** 1234 5678: two groups of four, easier to read out to the cadre. */
export const spacedCode = (code: string): string => code.replace(/(\d{4})(?=\d)/g, '$1 ');

function RedemptionCard({
  redemption,
  busy,
  onCancel,
}: {
  redemption: Redemption;
  busy: boolean;
  onCancel: () => void;
}) {
  const reserved = redemption.status === 'reserved';
  return (
    <View className={`points__item${reserved ? ' points__item--active' : ''}`} data-testid="redemption">
      <View className="points__item-facts">
        <Text className="points__item-name">{redemption.item.name}</Text>
        <Text className={`points__status points__status--${redemption.status}`}>
          {REDEMPTION_STATUS_NAMES[redemption.status]}
        </Text>
      </View>
      <Text className="points__item-text">
        {redemption.points} 积分 · {formatDate(redemption.createdAt)}兑换
      </Text>
      {reserved ? (
        <View className="points__code-block">
          <Text className="points__item-text">请到{redemption.regionName}积分超市出示兑换码领取</Text>
          <Text className="points__code" aria-label={`兑换码 ${redemption.code.split('').join(' ')}`}>
            {spacedCode(redemption.code)}
          </Text>
          <QrCode text={redemption.code} label={`兑换码 ${redemption.code} 的二维码`} />
          {redemption.allowedActions.includes('cancel') ? (
            <BigButton
              icon="↩️"
              label="取消兑换"
              hint="积分会退回"
              size="normal"
              variant="outline"
              loading={busy}
              onClick={onCancel}
            />
          ) : null}
        </View>
      ) : null}
      {redemption.status === 'fulfilled' && redemption.fulfilledAt ? (
        <Text className="points__item-text">{formatDateTime(redemption.fulfilledAt)} 已领取</Text>
      ) : null}
      {redemption.status === 'cancelled' ? (
        <Text className="points__item-text">已取消，{redemption.points} 积分已退回</Text>
      ) : null}
    </View>
  );
}

/** 我的兑换: each reserved redemption shows its code large and as a QR code for the cadre to check. */
function RedemptionsPage() {
  const care = useCareMode();
  const [busy, setBusy] = useState<string | null>(null);
  const list = usePagedList<Redemption>('redemptions', (page, pageSize) => getRedemptions({ page, pageSize }));

  const latest = useRef(list);
  latest.current = list;
  usePullDownRefresh(() => {
    void latest.current.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void latest.current.loadMore();
  });

  const cancel = async (redemption: Redemption) => {
    const asked = await Taro.showModal({
      title: '取消兑换',
      content: `确定不要「${redemption.item.name}」了吗？取消后 ${redemption.points} 积分退回，兑换码作废。`,
      confirmText: '确定取消',
      cancelText: '不取消',
    });
    if (!asked.confirm) return;
    setBusy(redemption.id);
    try {
      await cancelRedemption(redemption.id);
      void Taro.showToast({ title: `已取消，${redemption.points} 积分已退回`, icon: 'none' });
    } catch (error) {
      await Taro.showModal({
        title: '没有取消成功',
        content: toApiError(error).message,
        showCancel: false,
        confirmText: '知道了',
      });
    } finally {
      setBusy(null);
      void latest.current.refresh();
    }
  };

  return (
    <View className={`page points ${care.className}`}>
      <PagedListBody
        list={list}
        empty={
          <EmptyState
            icon="🎫"
            title="还没有兑换过物品"
            hint="到积分超市用积分兑换吧"
            action={{ label: '去积分超市', onClick: () => go(ROUTES.pointsShop) }}
          />
        }
      >
        {(items) =>
          items.map((redemption) => (
            <RedemptionCard
              key={redemption.id}
              redemption={redemption}
              busy={busy === redemption.id}
              onCancel={() => void cancel(redemption)}
            />
          ))
        }
      </PagedListBody>
    </View>
  );
}

export default withPageHeader(RedemptionsPage, '我的兑换');
