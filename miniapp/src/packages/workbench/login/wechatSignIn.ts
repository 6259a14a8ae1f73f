/** The weapp's WeChat sign-in for staff: wx.login, then the server's wechat-login or wechat-bind. */
import Taro from '@tarojs/taro';
import type { StaffLoginResponse, StaffMe } from '@minqing/shared';
import { ApiError } from '../../../services/apiError';
import { bindWechat, signInWithWechat } from '../services/staffApi';

async function loginCode(): Promise<string> {
  const { code } = await Taro.login();
  if (!code) throw new ApiError('network', '微信登录失败，请稍后再试', 0);
  return code;
}

/** Opening the 工作台: the account bound to this WeChat, or null while none is (then the password form). */
export async function signInByWechat(): Promise<StaffLoginResponse | null> {
  try {
    return await signInWithWechat(await loginCode());
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_bound') return null;
    throw error;
  }
}

/** After the first password sign-in: asks, then binds this WeChat; false when declined. */
export async function offerWechatBinding(): Promise<StaffMe | false> {
  const { confirm } = await Taro.showModal({
    title: '绑定微信',
    content: '绑定后，下次打开小程序即可直接进入工作台，无需输入密码。',
    confirmText: '绑定',
    cancelText: '暂不',
  });
  if (!confirm) return false;
  return bindWechat(await loginCode());
}
