import type { AppDeps } from '../../context';
import { WechatPayClient } from './wechatPayClient';
import type { WechatPayConfig } from './wechatPayConfig';

const clients = new WeakMap<WechatPayConfig, WechatPayClient>();

/** The WeChat Pay client of this configuration, or null: cash features are then switched off. */
export function payClientOf(deps: Pick<AppDeps, 'config' | 'clock'>): WechatPayClient | null {
  const config = deps.config.wechatPay;
  if (!config) return null;
  let client = clients.get(config);
  if (!client) {
    client = new WechatPayClient(config, deps.clock);
    clients.set(config, client);
  }
  return client;
}
