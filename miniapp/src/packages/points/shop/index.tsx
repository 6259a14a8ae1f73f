import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { Redemption, ShopItem } from '@minqing/shared';
import BigButton from '../../../components/BigButton';
import EmptyState, { ErrorBlock, LoadingBlock } from '../../../components/EmptyState';
import { withPageHeader } from '../../../components/PageHeader';
import { ROUTES, go } from '../../../pages/home/routes';
import { toApiError } from '../../../services/apiError';
import { useCareMode } from '../../../stores/careMode';
import { useUser } from '../../../stores/user';
import { getPoints, getShop, redeemItem } from '../api';
import { redeemability } from './redeemability';

import '../points.scss';

interface ShopState {
  items: ShopItem[];
  balance: number | null;
  loading: boolean;
  error: string | null;
}

function ItemCard({
  item,
  balance,
  busy,
  onRedeem,
}: {
  item: ShopItem;
  balance: number | null;
  busy: boolean;
  onRedeem: () => void;
}) {
  const check = redeemability(item, balance);
  return (
    <View className="points__item" data-testid="shop-item">
      <Text className="points__item-name">{item.name}</Text>
      {item.description ? <Text className="points__item-text">{item.description}</Text> : null}
      <View className="points__item-facts">
        <Text className="points__price">{item.pointsPrice} 积分</Text>
        <Text className="points__stock">{item.stock > 0 ? `还剩 ${item.stock} 件` : '已兑完'}</Text>
      </View>
      <Text className="points__item-text">领取地点：{item.regionName}积分超市</Text>
      {check.ok ? (
        <BigButton icon="🎁" label="兑换" size="normal" loading={busy} onClick={onRedeem} />
      ) : (
        <BigButton icon="🚫" label={check.reason} size="normal" variant="secondary" disabled />
      )}
    </View>
  );
}

/**
 * 积分超市 of my village (and township): each item with its price and what is left; 兑换 asks
 * first, then reserves the item and gives a code to show at the shop (我的兑换).
 */
function ShopPage() {
  const care = useCareMode();
  const { user } = useUser();
  const [state, setState] = useState<ShopState>({ items: [], balance: null, loading: true, error: null });
  const [busy, setBusy] = useState<string | null>(null);

  const load = async () => {
    setState((current) => ({ ...current, loading: current.items.length === 0, error: null }));
    try {
      const [items, points] = await Promise.all([getShop(), getPoints({ pageSize: 1 })]);
      setState({ items, balance: points.balance, loading: false, error: null });
    } catch (error) {
      setState((current) => ({ ...current, loading: false, error: toApiError(error).message }));
    }
  };

  useDidShow(() => void load());
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const redeem = async (item: ShopItem) => {
    const asked = await Taro.showModal({
      title: '确认兑换',
      content: `兑换「${item.name}」将使用 ${item.pointsPrice} 积分，兑换后凭兑换码到${item.regionName}积分超市领取。`,
      confirmText: '确定兑换',
      cancelText: '再想想',
    }).catch(() => ({ confirm: false }));
    if (!asked.confirm) return;
    setBusy(item.id);
    let redemption: Redemption;
    try {
      redemption = await redeemItem(item.id);
    } catch (error) {
      // 积分不足 / 该商品已兑完 / 已下架: the server's words, then the list as it now stands.
      await Taro.showModal({
        title: '没有兑换成功',
        content: toApiError(error).message,
        showCancel: false,
        confirmText: '知道了',
      }).catch(() => undefined);
      void load();
      return;
    } finally {
      setBusy(null);
    }
    void load();
    // The item is the villager's now: whatever the dialog does, the code is one tap away in 我的兑换.
    const next = await Taro.showModal({
      title: '兑换成功',
      content: `兑换码 ${redemption.code}，请到${redemption.regionName}积分超市出示兑换码领取。`,
      confirmText: '看兑换码',
      cancelText: '继续逛逛',
    }).catch(() => ({ confirm: true }));
    if (next.confirm) go(ROUTES.redemptions);
  };

  if (user && !user.villageCode) {
    return (
      <View className={`page points ${care.className}`}>
        <EmptyState
          icon="🏠"
          title="请先选择您所在的村（社区）"
          hint="选择后就能看到本村积分超市的物品"
          action={{ label: '去选择', onClick: () => go(ROUTES.profileEdit) }}
        />
      </View>
    );
  }

  return (
    <View className={`page points ${care.className}`}>
      <View className="points__bar" role="status">
        <Text className="points__bar-text">我的积分：{state.balance ?? '—'}</Text>
        <View
          className="points__link"
          role="button"
          hoverClass="points__link--pressed"
          onClick={() => go(ROUTES.redemptions)}
        >
          我的兑换 ›
        </View>
      </View>
      {state.loading ? <LoadingBlock /> : null}
      {state.error && state.items.length === 0 ? (
        <ErrorBlock message={state.error} onRetry={() => void load()} />
      ) : null}
      {!state.loading && !state.error && state.items.length === 0 ? (
        <EmptyState icon="🛒" title="本村积分超市还没有上架物品" hint="上架后会在这里显示，请过几天再来看看" />
      ) : null}
      {state.items.map((item) => (
        <ItemCard
          key={item.id}
          item={item}
          balance={state.balance}
          busy={busy === item.id}
          onRedeem={() => void redeem(item)}
        />
      ))}
    </View>
  );
}

export default withPageHeader(ShopPage, '积分超市');
