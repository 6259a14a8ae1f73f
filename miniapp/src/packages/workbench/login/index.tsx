/**
 * 工作人员登录: username and password (H5 and weapp). In the weapp, a WeChat bound before signs in
 * by wx.login alone, and the first password sign-in offers to bind it.
 */
import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import BigButton from '../../../components/BigButton';
import { LoadingBlock } from '../../../components/EmptyState';
import { withPageHeader } from '../../../components/PageHeader';
import { toApiError } from '../../../services/apiError';
import { isWeapp } from '../../../services/config';
import { currentStaffSession } from '../../../services/staffSession';
import { useCareMode } from '../../../stores/careMode';
import { ROUTES } from '../../../pages/home/routes';
import { signInWithPassword } from '../services/staffApi';
import { offerWechatBinding, signInByWechat } from './wechatSignIn';

import './index.scss';

const MUST_CHANGE_PASSWORD = '管理员为您设置了初始密码，请先在电脑上登录管理后台修改密码';

const openWorkbench = () => void Taro.redirectTo({ url: ROUTES.workbench }).catch(() => undefined);

function StaffLoginPage() {
  const care = useCareMode();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [checkingWechat, setCheckingWechat] = useState(isWeapp());

  useEffect(() => {
    if (currentStaffSession()) return openWorkbench();
    if (!isWeapp()) return;
    signInByWechat()
      .then((login) => (login && !login.staff.mustChangePassword ? openWorkbench() : setCheckingWechat(false)))
      .catch(() => setCheckingWechat(false));
  }, []);

  const submit = async () => {
    if (!username.trim() || !password) {
      setError('请输入账号和密码');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const login = await signInWithPassword(username.trim(), password);
      if (login.staff.mustChangePassword) {
        setError(MUST_CHANGE_PASSWORD);
        return;
      }
      if (isWeapp() && !login.staff.wechatBound) {
        await offerWechatBinding().catch((failure) =>
          Taro.showToast({ title: toApiError(failure).message, icon: 'none' }),
        );
      }
      openWorkbench();
    } catch (failure) {
      setError(toApiError(failure).message);
    } finally {
      setBusy(false);
    }
  };

  if (checkingWechat)
    return (
      <View className={`page staff-login ${care.className}`}>
        <LoadingBlock text="正在用微信登录…" />
      </View>
    );

  return (
    <View className={`page staff-login ${care.className}`}>
      <View className="staff-login__card">
        <Text className="staff-login__title">工作台</Text>
        <Text className="staff-login__hint">网格员、村干部、三线人员和部门工作人员请用管理员分配的账号登录</Text>
        <Text className="staff-login__label">账号</Text>
        <Input
          className="staff-login__input"
          value={username}
          placeholder="请输入账号"
          aria-label="账号"
          maxlength={64}
          onInput={(event) => setUsername(event.detail.value)}
        />
        <Text className="staff-login__label">密码</Text>
        <Input
          className="staff-login__input"
          value={password}
          password
          placeholder="请输入密码"
          aria-label="密码"
          maxlength={128}
          onInput={(event) => setPassword(event.detail.value)}
          onConfirm={() => void submit()}
        />
        {error ? (
          <View className="staff-login__error" role="alert">
            <Text>{error}</Text>
          </View>
        ) : null}
        <BigButton icon="🔑" label="登录" loading={busy} onClick={() => void submit()} />
      </View>
    </View>
  );
}

export default withPageHeader(StaffLoginPage, '工作人员登录');
