import { defineRoute, noContent } from './route';

export const WECHATPAY_TAG = { name: 'wechatpay', description: '微信支付回调 / WeChat Pay notifications' };

/** What WeChat Pay calls: public, believed only when signed by its key (server/src/http/wechatpayNotify). */
export const wechatPayRoutes = {
  transferNotify: defineRoute({
    method: 'post',
    path: '/wechatpay/transfer-notify',
    summary:
      "商家转账回调 / WeChat Pay's signed, encrypted transfer result; refusals answer WeChat Pay's `{code, message}`",
    description:
      'Who: WeChat Pay (signature-checked). 商家转账 results: signature and timestamp freshness verified, resource decrypted checking the GCM tag; repeats change nothing',
    tags: [WECHATPAY_TAG.name],
    access: 'public',
    responses: [noContent],
    errors: [400, 401, 503],
  }),
};
