import {
  StaffLoginRequestSchema,
  StaffLoginResponseSchema,
  StaffMeSchema,
  StaffWechatCodeRequestSchema,
} from '../schemas/auth';
import { defineRoute, jsonBody, named, noContent, ok } from './route';

const tags = ['staff-auth'] as const;
const staffLogin = named('StaffLoginResponse', StaffLoginResponseSchema);
const staffMe = named('StaffMe', StaffMeSchema);
const wechatCode = jsonBody('StaffWechatCodeRequest', StaffWechatCodeRequestSchema);

/** 工作人员登录: by password or a bound WeChat, the WeChat binding, sign-out and who is signed in. */
export const staffAuthRoutes = {
  login: defineRoute({
    method: 'post',
    path: '/staff/auth/login',
    summary: '工作人员登录 / Staff sign-in',
    description:
      'Who: staff. Sign-in (argon2id, lockout after 5 failures for 15 min, 8 h tokens, audited); `staff.wechatBound` when the account is bound to a WeChat',
    tags,
    access: 'public',
    body: jsonBody('StaffLoginRequest', StaffLoginRequestSchema),
    responses: [ok(staffLogin)],
    errors: [400, 401, 423],
  }),
  wechatLogin: defineRoute({
    method: 'post',
    path: '/staff/auth/wechat-login',
    summary: '工作台微信登录 / Staff sign-in by a wx.login code; 404 not_bound when this WeChat is bound to no account',
    description:
      'Who: public. 工作台微信登录: the wx.login code through jscode2session → `{token, expiresAt, staff}` for the account bound to that WeChat; 404 `not_bound` when none is; audited (`wechat.login`)',
    tags,
    access: 'public',
    body: wechatCode,
    responses: [ok(staffLogin)],
    errors: [400, 401, 404, 429, 502, 503],
  }),
  bindWechat: defineRoute({
    method: 'post',
    path: '/staff/auth/wechat-bind',
    summary: '绑定微信 / Bind the WeChat of a wx.login code to the signed-in account; 409 when it is bound to another',
    description:
      "Who: staff. 绑定微信 / 解绑微信 of one's own account (one WeChat per account, unique); 409 `conflict` (`code`) when that WeChat is bound to another account; audited (`wechat.bind`, `wechat.unbind`)",
    tags,
    access: 'staff',
    policy: 'anyStaff',
    body: wechatCode,
    responses: [ok(staffMe)],
    errors: [400, 401, 403, 409, 429, 502, 503],
  }),
  unbindWechat: defineRoute({
    method: 'delete',
    path: '/staff/auth/wechat-bind',
    summary: "解绑微信 / Unbind the signed-in account's WeChat",
    tags,
    access: 'staff',
    policy: 'anyStaff',
    responses: [ok(staffMe)],
    errors: [401, 403],
  }),
  logout: defineRoute({
    method: 'post',
    path: '/staff/auth/logout',
    summary: '退出所有会话 / End every session of this account',
    tags,
    access: 'staff',
    policy: 'ownAccount',
    responses: [noContent],
    errors: [401],
  }),
  me: defineRoute({
    method: 'get',
    path: '/staff/me',
    summary: '当前工作人员 / The signed-in staff member',
    tags,
    access: 'staff',
    policy: 'ownAccount',
    responses: [ok(staffMe)],
    errors: [401],
  }),
};
