import Taro from '@tarojs/taro';
import type { MyReward } from '@minqing/shared';
import { isWeapp } from '../../../services/config';

type Confirm = NonNullable<MyReward['confirm']>;

interface MerchantTransferOptions extends Confirm {
  success: (result: { errMsg?: string }) => void;
  fail: (result: { errMsg?: string }) => void;
}
type RequestMerchantTransfer = (options: MerchantTransferOptions) => void;

// WeChat's own global; Taro 4.2 has no wrapper for requestMerchantTransfer (base library ≥ 3.3.0).
declare const wx: { requestMerchantTransfer?: RequestMerchantTransfer } | undefined;

/** How the confirmation page ended, from the citizen's side only: the server still asks WeChat Pay. */
export type TransferOutcome =
  | { kind: 'confirmed' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string }
  /** Not inside WeChat (H5), or a WeChat too old to have the API. */
  | { kind: 'unsupported'; message: string };

export const OPEN_IN_WECHAT = '请在微信中打开确认收款';
export const UPDATE_WECHAT = '您的微信版本较低，请更新微信后再确认收款';

function merchantTransferApi(): RequestMerchantTransfer | null {
  const fromTaro = (Taro as unknown as { requestMerchantTransfer?: RequestMerchantTransfer }).requestMerchantTransfer;
  if (typeof fromTaro === 'function') return fromTaro;
  const fromWx = typeof wx === 'undefined' ? undefined : wx?.requestMerchantTransfer;
  return typeof fromWx === 'function' ? fromWx : null;
}

/**
 * 确认收款: opens WeChat's page where the recipient accepts a 商家转账 (wx.requestMerchantTransfer
 * with the merchant id, the app id and the bill's package_info). Not a promise API in WeChat,
 * hence the callbacks.
 */
export function requestMerchantTransfer(confirm: Confirm): Promise<TransferOutcome> {
  if (!isWeapp()) return Promise.resolve({ kind: 'unsupported', message: OPEN_IN_WECHAT });
  const api = merchantTransferApi();
  if (!api) return Promise.resolve({ kind: 'unsupported', message: UPDATE_WECHAT });
  return new Promise((resolve) => {
    api({
      mchId: confirm.mchId,
      appId: confirm.appId,
      package: confirm.package,
      success: () => resolve({ kind: 'confirmed' }),
      fail: (result) =>
        resolve(
          /cancel/i.test(result?.errMsg ?? '')
            ? { kind: 'cancelled' }
            : { kind: 'failed', message: '暂时无法打开收款页面，请稍后再试' },
        ),
    });
  });
}
