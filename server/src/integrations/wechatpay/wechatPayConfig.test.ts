import { ConfigError } from '../../config';
import { wechatPayConfigFrom } from './wechatPayConfig';

const ENV = {
  WECHATPAY_MCHID: '1900000109',
  WECHATPAY_APPID: 'wx-appid',
  WECHATPAY_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nMII\\n-----END PRIVATE KEY-----',
  WECHATPAY_CERT_SERIAL: 'SERIAL',
  WECHATPAY_APIV3_KEY: 'k'.repeat(32),
  WECHATPAY_PLATFORM_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nMII\\n-----END PUBLIC KEY-----',
  WECHATPAY_PLATFORM_PUBLIC_KEY_ID: 'PUB_KEY_ID_0001',
};

describe('WeChat Pay configuration', () => {
  it('sends rewards in 1000 现金营销 and subsidies in 1005 佣金报酬 unless told otherwise', () => {
    expect(wechatPayConfigFrom(ENV)?.sceneIds).toEqual({ reward: '1000', subsidy: '1005' });
    expect(wechatPayConfigFrom({ ...ENV, WECHATPAY_SUBSIDY_SCENE_ID: '1000' })?.sceneIds).toEqual({
      reward: '1000',
      subsidy: '1000',
    });
  });

  it('refuses to start with a scene whose fields we do not know or that cannot carry the payout', () => {
    expect(() => wechatPayConfigFrom({ ...ENV, WECHATPAY_TRANSFER_SCENE_ID: '1005' })).toThrow(ConfigError);
    expect(() => wechatPayConfigFrom({ ...ENV, WECHATPAY_TRANSFER_SCENE_ID: '1005' })).toThrow(
      'WECHATPAY_TRANSFER_SCENE_ID',
    );
    expect(() => wechatPayConfigFrom({ ...ENV, WECHATPAY_SUBSIDY_SCENE_ID: '1009' })).toThrow(
      'WECHATPAY_SUBSIDY_SCENE_ID',
    );
  });

  it('is off without any WECHATPAY_ variable', () => {
    expect(wechatPayConfigFrom({})).toBeNull();
  });
});
