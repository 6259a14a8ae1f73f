import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { FollowTopic, SubscribeTopic } from '@minqing/shared';
import { askToSubscribe, getPushSettings, preloadPushSettings, setFollowing } from '../../services/subscribe';
import './index.scss';

interface FollowButtonProps {
  /** What is followed: new notices for my village, or one article category. */
  topic: FollowTopic;
  /** The subscribe-message topic asked for when following (WeChat notification). */
  subscribeTopic: SubscribeTopic;
  label: string;
}

/**
 * 关注: new items then reach the message centre, and — when the citizen allows it in WeChat's
 * dialog, shown inside this tap — a WeChat notification.
 */
export default function FollowButton({ topic, subscribeTopic, label }: FollowButtonProps) {
  const [following, setFollowingState] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void preloadPushSettings();
    getPushSettings()
      .then((settings) => setFollowingState(settings.follows.includes(topic)))
      .catch(() => setFollowingState(false));
  }, [topic]);

  const toggle = async () => {
    if (busy || following === null) return;
    const next = !following;
    // Inside the tap, before any await: WeChat allows the dialog only here.
    if (next) void askToSubscribe([subscribeTopic]);
    setBusy(true);
    try {
      const settings = await setFollowing(topic, next);
      setFollowingState(settings.follows.includes(topic));
      void Taro.showToast({ title: next ? '已关注，有新内容会通知您' : '已取消关注', icon: 'none' });
    } catch {
      void Taro.showToast({ title: '没能保存，请稍后再试', icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  if (following === null) return null;
  return (
    <View
      className={`follow-button ${following ? 'follow-button--on' : ''}`}
      role="button"
      aria-pressed={following}
      onClick={() => void toggle()}
    >
      {following ? `已关注${label}` : `关注${label}`}
    </View>
  );
}
