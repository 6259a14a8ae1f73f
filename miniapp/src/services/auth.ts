import Taro from '@tarojs/taro';
import { type CitizenLoginResponse, citizenApi } from '@minqing/shared';
import { ApiError } from './apiError';
import { isWeapp } from './config';
import { sendCall } from './http';
import { currentToken, saveSession } from './session';
import { STORAGE_KEYS, readStored, writeStored } from './storage';

/** The stand-in openid for dev-login: made once per phone/browser and kept. */
export function devOpenid(): string {
  const stored = readStored<string>(STORAGE_KEYS.devOpenid);
  if (stored) return stored;
  const random = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
  const openid = `h5-${random}`;
  writeStored(STORAGE_KEYS.devOpenid, openid);
  return openid;
}

async function devLogin(): Promise<CitizenLoginResponse> {
  try {
    const { data } = await sendCall(citizenApi.auth.devLogin, { body: { openid: devOpenid() } });
    return data;
  } catch (error) {
    // 404: the server is not in demo mode, so there is no way in without WeChat.
    if (error instanceof ApiError && error.status === 404)
      throw new ApiError('unauthorized', '暂时无法登录，请在微信中打开', 404);
    throw error;
  }
}

async function wechatLogin(): Promise<CitizenLoginResponse> {
  let code: string;
  try {
    code = (await Taro.login()).code;
  } catch {
    throw new ApiError('network', '微信登录失败，请稍后再试', 0);
  }
  const { data } = await sendCall(citizenApi.auth.wechatLogin, { body: { code } });
  return data;
}

/**
 * Signs in and stores token and profile. WeChat: `Taro.login()` → wechat-login; when the server has
 * no WeChat credentials (503, the demo) it falls back to dev-login. H5: dev-login.
 */
async function signIn(): Promise<CitizenLoginResponse> {
  if (isWeapp()) {
    try {
      return await wechatLogin();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 503)) throw error;
    }
  }
  return devLogin();
}

let inFlight: Promise<string> | null = null;

/** Logs in (again); concurrent callers share one attempt. Resolves to the new token. */
export function login(): Promise<string> {
  if (!inFlight) {
    inFlight = signIn()
      .then((response) => {
        saveSession(response);
        return response.token;
      })
      .finally(() => {
        inFlight = null;
      });
  }
  return inFlight;
}

/** The stored token, or a fresh one from logging in. */
export async function ensureToken(): Promise<string> {
  return currentToken() ?? login();
}
