import { CitizenLoginResponseSchema, DevLoginRequestSchema, WechatLoginRequestSchema } from '../schemas/auth';
import { CITIZEN_ENDPOINTS } from './citizenEndpoints';
import { defineRoute, jsonBody, named, ok } from './route';

const tags = ['auth'] as const;
const endpoints = CITIZEN_ENDPOINTS.auth;
const citizenLogin = named('CitizenLoginResponse', CitizenLoginResponseSchema);

/** 群众登录: through WeChat, or by openid in demo mode. */
export const citizenAuthRoutes = {
  wechatLogin: defineRoute({
    ...endpoints.wechatLogin,
    summary: '微信登录 / Citizen sign-in through WeChat code2Session',
    description: 'Who: public. Citizen sign-in through jscode2session → `{token, user}`',
    tags,
    body: jsonBody('WechatLoginRequest', WechatLoginRequestSchema),
    responses: [ok(citizenLogin)],
    errors: [400, 429, 502, 503],
  }),
  devLogin: defineRoute({
    ...endpoints.devLogin,
    summary: '演示登录（仅演示模式）/ Sign in by openid, demo mode only',
    description: 'Who: public, demo only. The same without WeChat; 404 outside demo mode',
    tags,
    body: jsonBody('DevLoginRequest', DevLoginRequestSchema),
    responses: [ok(citizenLogin)],
    errors: [400, 404],
  }),
};
