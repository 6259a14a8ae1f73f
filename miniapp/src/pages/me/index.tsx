import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { BaseEventOrig, ButtonProps } from '@tarojs/components';
import { ErrorBlock } from '../../components/EmptyState';
import { bindPhone, getMessages } from '../../services/api';
import { toApiError } from '../../services/apiError';
import { isWeapp } from '../../services/config';
import { useCareMode } from '../../stores/careMode';
import { refreshUser, useUser } from '../../stores/user';
import { currentStaffSession } from '../../services/staffSession';
import { ROUTES, go } from '../home/routes';
import { useVillageLabel } from '../../components/VillagePicker/regions';
import PrivacySheet from './PrivacySheet';
import { installPrivacyGate } from './privacyGate';

import './index.scss';

/** WeChat's errMsg when the citizen declines to share the number: not an error, nothing to show. */
const REFUSED = /deny|cancel/i;

/**
 * 绑定手机号: the getPhoneNumber button's code goes to POST /me/phone (getuserphonenumber on the
 * server); the stored profile, and so this page, then shows the number masked.
 */
export async function onPhoneNumber(detail: { code?: string; errMsg?: string }): Promise<void> {
  if (!detail.code) {
    if (!REFUSED.test(detail.errMsg ?? ''))
      void Taro.showToast({ title: '暂时无法获取手机号，请稍后再试', icon: 'none' });
    return;
  }
  void Taro.showLoading({ title: '正在绑定…', mask: true });
  try {
    const user = await bindPhone(detail.code);
    Taro.hideLoading();
    void Taro.showToast({ title: `已绑定手机号 ${user.phone ?? ''}`.trim(), icon: 'none' });
  } catch (error) {
    Taro.hideLoading();
    await Taro.showModal({
      title: '手机号未绑定',
      content: toApiError(error).message,
      showCancel: false,
      confirmText: '知道了',
    });
  }
}

function setMessageBadge(unread: number): void {
  try {
    if (unread > 0)
      void Taro.setTabBarBadge({ index: 3, text: unread > 99 ? '99+' : String(unread) }).catch(() => undefined);
    else void Taro.removeTabBarBadge({ index: 3 }).catch(() => undefined);
  } catch {
    // No tab bar badge here (e.g. not on a tab page yet).
  }
}

interface RowProps {
  icon: string;
  label: string;
  value?: string;
  badge?: number;
  danger?: boolean;
  onClick: () => void;
}

function Row({ icon, label, value, badge, danger = false, onClick }: RowProps) {
  return (
    <View
      className={`me__row${danger ? ' me__row--danger' : ''}`}
      role="button"
      aria-label={[label, value, badge ? `${badge} 条未读` : ''].filter(Boolean).join('，')}
      hoverClass="me__row--pressed"
      onClick={onClick}
    >
      <Text className="me__row-icon" aria-hidden="true">
        {icon}
      </Text>
      <Text className="me__row-label">{label}</Text>
      {badge ? <Text className="me__row-badge">{badge > 99 ? '99+' : badge} 条未读</Text> : null}
      {value ? <Text className="me__row-value">{value}</Text> : null}
      <Text className="me__row-arrow" aria-hidden="true">
        ›
      </Text>
    </View>
  );
}

/** 我的: profile, phone, village, my reports and messages, 关怀模式, privacy and my data. */
export default function MePage() {
  const care = useCareMode();
  const { user, loading, error } = useUser();
  const villageName = useVillageLabel(user?.villageCode);
  const [unread, setUnread] = useState(0);
  const [staffSignedIn, setStaffSignedIn] = useState(() => currentStaffSession() !== null);

  useDidShow(() => {
    setStaffSignedIn(currentStaffSession() !== null);
    installPrivacyGate();
    void refreshUser();
    getMessages({ pageSize: 1 })
      .then((page) => {
        setUnread(page.unread);
        setMessageBadge(page.unread);
      })
      .catch(() => undefined);
  });

  const village = user?.villageCode ? (villageName ?? '已选择') : '未选择';
  const initial = user?.nickname?.trim().slice(0, 1) || '民';

  return (
    <View className={`page me ${care.className}`}>
      {!user && error && !loading ? <ErrorBlock message={error} onRetry={() => void refreshUser()} /> : null}
      <View
        className="me__profile"
        role="button"
        aria-label="修改个人信息"
        hoverClass="me__profile--pressed"
        onClick={() => go(ROUTES.profileEdit)}
      >
        <View className="me__avatar" aria-hidden="true">
          {initial}
        </View>
        <View className="me__who">
          <Text className="me__name">{user?.nickname || (loading && !user ? '正在加载…' : '未设置称呼')}</Text>
          <Text className="me__line">手机号：{user?.phone ?? '未绑定'}</Text>
          <Text className="me__line">所在村：{village}</Text>
        </View>
        <Text className="me__edit">修改 ›</Text>
      </View>

      {isWeapp() ? (
        <Button
          className="me__phone"
          openType="getPhoneNumber"
          onGetPhoneNumber={(event: BaseEventOrig<ButtonProps.onGetPhoneNumberEventDetail>) =>
            void onPhoneNumber(event.detail)
          }
        >
          📱 {user?.phone ? '更换手机号' : '绑定手机号'}
        </Button>
      ) : (
        <Text className="me__phone-note">📱 手机号请在微信小程序中绑定</Text>
      )}

      <View className="me__group">
        <Row icon="📋" label="我的反映" onClick={() => go(ROUTES.myReports)} />
        <Row icon="🔔" label="我的消息" badge={unread} onClick={() => go(ROUTES.messages)} />
        <Row icon="🏠" label="所在村（社区）" value={village} onClick={() => go(ROUTES.profileEdit)} />
      </View>

      <View className="me__group">
        <Row icon="🌟" label="我的积分" onClick={() => go(ROUTES.points)} />
        <Row icon="🛒" label="积分超市" onClick={() => go(ROUTES.pointsShop)} />
        <Row icon="🎫" label="我的兑换" onClick={() => go(ROUTES.redemptions)} />
        <Row icon="🧧" label="我的奖励" onClick={() => go(ROUTES.rewards)} />
      </View>

      <View className="me__group">
        <Row
          icon="👓"
          label="关怀模式"
          value={care.enabled ? '已开启' : care.suggested ? '建议开启' : '未开启'}
          onClick={() => go(ROUTES.careMode)}
        />
      </View>

      <View className="me__group">
        <Row icon="🔒" label="隐私政策" onClick={() => go(ROUTES.privacy())} />
        <Row icon="📤" label="导出我的数据" onClick={() => go(ROUTES.privacy('export'))} />
        <Row icon="⚠️" label="申请注销账号" danger onClick={() => go(ROUTES.privacy('delete'))} />
      </View>

      <View className="me__group">
        {staffSignedIn ? (
          <Row icon="🧰" label="工作台" onClick={() => go(ROUTES.workbench)} />
        ) : (
          <Row icon="🧰" label="工作人员登录" onClick={() => go(ROUTES.workbenchLogin)} />
        )}
      </View>
      <PrivacySheet />
    </View>
  );
}
