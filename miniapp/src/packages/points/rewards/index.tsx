import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { MyReward } from '@minqing/shared';
import BigButton from '../../../components/BigButton';
import EmptyState, { ErrorBlock, LoadingBlock } from '../../../components/EmptyState';
import { formatDate } from '../../../components/NoticeCard/format';
import { withPageHeader } from '../../../components/PageHeader';
import { toApiError } from '../../../services/apiError';
import { useCareMode } from '../../../stores/careMode';
import { getRewards, refreshReward } from '../api';
import { requestMerchantTransfer } from './merchantTransfer';

import '../points.scss';

/** 1250 → "12.50" */
export const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** What the citizen is told once the server has asked WeChat Pay after the confirmation page. */
export function outcomeText(reward: MyReward): string {
  if (reward.status === 'succeeded') return `${yuan(reward.amountFen)} 元已到账，请在微信零钱中查看`;
  if (reward.status === 'wait_user_confirm') return '还没有确认收款，可以再点「确认收款」';
  return `当前状态：${reward.statusName}`;
}

function RewardCard({ reward, busy, onConfirm }: { reward: MyReward; busy: boolean; onConfirm: () => void }) {
  return (
    <View className={`points__item${reward.confirm ? ' points__item--active' : ''}`} data-testid="reward">
      <View className="points__item-facts">
        <Text className="points__item-name">{reward.kindName}</Text>
        <Text className={`points__status points__status--${reward.status}`}>{reward.statusName}</Text>
      </View>
      <Text className="points__amount">¥ {yuan(reward.amountFen)}</Text>
      <Text className="points__item-text">
        {reward.remark} · {formatDate(reward.createdAt)}
      </Text>
      {reward.confirm ? (
        <BigButton
          icon="💰"
          label="确认收款"
          hint="在微信中确认后转入零钱"
          size="normal"
          loading={busy}
          onClick={onConfirm}
        />
      ) : null}
    </View>
  );
}

/**
 * 我的奖励: 举报奖励 and 网格员补贴 paid to me through WeChat Pay. A transfer that waits for me
 * offers 确认收款 (wx.requestMerchantTransfer); afterwards the server checks with WeChat Pay,
 * and the reward shows what it answered.
 */
function RewardsPage() {
  const care = useCareMode();
  const [rewards, setRewards] = useState<MyReward[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = async () => {
    setError(null);
    try {
      setRewards(await getRewards());
    } catch (failure) {
      setError(toApiError(failure).message);
    }
  };

  useDidShow(() => void load());
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const confirm = async (reward: MyReward) => {
    if (!reward.confirm) return;
    setBusy(reward.id);
    try {
      const outcome = await requestMerchantTransfer(reward.confirm);
      if (outcome.kind === 'unsupported' || outcome.kind === 'failed') {
        await Taro.showModal({ title: '确认收款', content: outcome.message, showCancel: false, confirmText: '知道了' });
        return;
      }
      // Whatever the page said, the server asks WeChat Pay before anything is shown as paid.
      const updated = await refreshReward(reward.id);
      setRewards((current) => (current ?? []).map((candidate) => (candidate.id === updated.id ? updated : candidate)));
      await Taro.showModal({
        title: updated.statusName,
        content: outcomeText(updated),
        showCancel: false,
        confirmText: '知道了',
      });
    } catch (failure) {
      await Taro.showModal({
        title: '确认收款',
        content: toApiError(failure).message,
        showCancel: false,
        confirmText: '知道了',
      });
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className={`page points ${care.className}`}>
      {rewards === null && !error ? <LoadingBlock /> : null}
      {error ? <ErrorBlock message={error} onRetry={() => void load()} /> : null}
      {rewards !== null && rewards.length === 0 && !error ? (
        <EmptyState icon="🧧" title="还没有奖励" hint="违法举报经核实后可能获得奖励，发放时会在这里请您确认收款" />
      ) : null}
      {(rewards ?? []).map((reward) => (
        <RewardCard key={reward.id} reward={reward} busy={busy === reward.id} onConfirm={() => void confirm(reward)} />
      ))}
    </View>
  );
}

export default withPageHeader(RewardsPage, '我的奖励');
