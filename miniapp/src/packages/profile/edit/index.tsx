import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import BigButton from '../../../components/BigButton';
import { LoadingBlock } from '../../../components/EmptyState';
import { withPageHeader } from '../../../components/PageHeader';
import { toApiError } from '../../../services/apiError';
import { useCareMode } from '../../../stores/careMode';
import { refreshUser, saveProfile, useUser } from '../../../stores/user';
import VillagePicker from '../../../components/VillagePicker';

import './index.scss';

export const NICKNAME_MAX = 32;

/** 个人信息: how we address you, and your village (it decides which notices you see). */
function ProfileEditPage() {
  const care = useCareMode();
  const { user } = useUser();
  const [nickname, setNickname] = useState(user?.nickname ?? '');
  const [nicknameError, setNicknameError] = useState<string | null>(null);
  const [savingName, setSavingName] = useState(false);
  const [savingVillage, setSavingVillage] = useState(false);

  useDidShow(() => {
    if (!user) void refreshUser();
  });
  useEffect(() => {
    setNickname(user?.nickname ?? '');
  }, [user?.nickname]);

  const saveName = async () => {
    const trimmed = nickname.trim();
    if (!trimmed) {
      setNicknameError('请填写您的称呼，例如：张大爷');
      return;
    }
    setNicknameError(null);
    setSavingName(true);
    try {
      await saveProfile({ nickname: trimmed });
      void Taro.showToast({ title: '称呼已保存', icon: 'success' });
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.field === 'nickname') setNicknameError(apiError.message);
      else void Taro.showToast({ title: apiError.message, icon: 'none' });
    } finally {
      setSavingName(false);
    }
  };

  const saveVillage = async (villageCode: string) => {
    setSavingVillage(true);
    try {
      await saveProfile({ villageCode });
      void Taro.showToast({ title: '所在村已保存', icon: 'success' });
    } catch (error) {
      void Taro.showToast({ title: toApiError(error).message, icon: 'none' });
    } finally {
      setSavingVillage(false);
    }
  };

  if (!user)
    return (
      <View className={`page profile-edit ${care.className}`}>
        <LoadingBlock />
      </View>
    );

  return (
    <View className={`page profile-edit ${care.className}`}>
      <View className="profile-edit__card">
        <Text className="profile-edit__label">您的称呼</Text>
        <Input
          className="profile-edit__input"
          value={nickname}
          maxlength={NICKNAME_MAX}
          placeholder="例如：张大爷、李阿姨"
          aria-label="您的称呼"
          onInput={(event) => setNickname(event.detail.value)}
          onConfirm={() => void saveName()}
        />
        {nicknameError ? (
          <View className="profile-edit__error" role="alert">
            {nicknameError}
          </View>
        ) : null}
        <Text className="profile-edit__hint">工作人员联系您时会这样称呼您。</Text>
        <BigButton icon="💾" label="保存称呼" size="normal" loading={savingName} onClick={() => void saveName()} />
      </View>

      <View className="profile-edit__card">
        <Text className="profile-edit__label">所在村（社区）</Text>
        <Text className="profile-edit__hint">"政务村务"会显示这个村、所在镇和全县的公告；反映问题时默认选这个村。</Text>
        <VillagePicker value={user.villageCode} onChange={(code) => void saveVillage(code)} disabled={savingVillage} />
      </View>
    </View>
  );
}

export default withPageHeader(ProfileEditPage, '个人信息');
