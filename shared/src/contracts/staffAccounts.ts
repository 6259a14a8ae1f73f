import {
  ChangeOwnPasswordRequestSchema,
  ChangeOwnPasswordResponseSchema,
  ResetPasswordRequestSchema,
  StaffAccountCreateSchema,
  StaffAccountPageSchema,
  StaffAccountPasswordResponseSchema,
  StaffAccountQuerySchema,
  StaffAccountSchema,
  StaffAccountUpdateSchema,
} from '../schemas/staffAccounts';
import { created, defineRoute, jsonBody, named, ok } from './route';

const tags = ['staff-accounts'] as const;
const account = named('StaffAccount', StaffAccountSchema);
const accountWithPassword = named('StaffAccountPasswordResponse', StaffAccountPasswordResponseSchema);

/** 账号管理 (county, sysadmin) and 修改密码 (every staff member). */
export const staffAccountRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/staff/accounts',
    summary: "账号列表 / Staff accounts in the manager's region, with what the manager may do to each",
    description:
      "Who: county, sysadmin. Staff accounts in one's region (county: grid workers, 三线成员 on a grid, cadres, dispatchers, handlers only; nobody re-scopes, disables or resets themselves); disabling ends sessions; a password the manager set or the server generated (shown once) must be changed at the next sign-in, and until then only `GET /staff/me`, logout and the password change answer; 解绑微信 for a lost phone (allowed action `unbind_wechat`, audited as `staff_account.unbind_wechat`): the account signs in with its password until it binds again",
    tags,
    access: 'staff',
    policy: 'accounts',
    query: StaffAccountQuerySchema,
    responses: [ok(named('StaffAccountPage', StaffAccountPageSchema))],
    errors: [400, 401, 403],
  }),
  create: defineRoute({
    method: 'post',
    path: '/staff/accounts',
    summary: '新建账号 / Create an account; without a password one is generated and answered once',
    tags,
    access: 'staff',
    policy: 'accounts',
    body: jsonBody('StaffAccountCreate', StaffAccountCreateSchema),
    responses: [created(accountWithPassword)],
    errors: [400, 401, 403, 409],
  }),
  update: defineRoute({
    method: 'patch',
    path: '/staff/accounts/:id',
    summary: '修改账号 / Edit name, role, region and department',
    tags,
    access: 'staff',
    policy: 'accounts',
    body: jsonBody('StaffAccountUpdate', StaffAccountUpdateSchema),
    responses: [ok(account)],
    errors: [400, 401, 403, 404],
  }),
  disable: defineRoute({
    method: 'post',
    path: '/staff/accounts/:id/disable',
    summary: '停用账号 / Disable an account; its sessions end',
    tags,
    access: 'staff',
    policy: 'accounts',
    responses: [ok(account)],
    errors: [401, 403, 404],
  }),
  enable: defineRoute({
    method: 'post',
    path: '/staff/accounts/:id/enable',
    summary: '启用账号 / Enable an account again',
    tags,
    access: 'staff',
    policy: 'accounts',
    responses: [ok(account)],
    errors: [401, 403, 404],
  }),
  resetPassword: defineRoute({
    method: 'post',
    path: '/staff/accounts/:id/reset-password',
    summary:
      '重置密码 / Set or generate a password that must be changed at the next sign-in; sessions end, the lock is lifted',
    tags,
    access: 'staff',
    policy: 'accounts',
    body: jsonBody('ResetPasswordRequest', ResetPasswordRequestSchema),
    responses: [ok(accountWithPassword)],
    errors: [400, 401, 403, 404],
  }),
  unbindWechat: defineRoute({
    method: 'post',
    path: '/staff/accounts/:id/unbind-wechat',
    summary: "解绑微信 / Unbind the account's WeChat (a lost phone); it signs in with its password until bound again",
    tags,
    access: 'staff',
    policy: 'accounts',
    responses: [ok(account)],
    errors: [401, 403, 404],
  }),
  changeOwnPassword: defineRoute({
    method: 'post',
    path: '/staff/me/password',
    summary: "修改密码 / Change one's own password; other sessions end, this one continues on the token answered",
    description:
      'Who: staff. 修改密码: a wrong current password is a 400 on `currentPassword` and counts toward the lockout; 8+ characters of three kinds; other sessions end, the answer is a fresh token for this one',
    tags,
    access: 'staff',
    policy: 'ownAccount',
    body: jsonBody('ChangeOwnPasswordRequest', ChangeOwnPasswordRequestSchema),
    responses: [ok(named('ChangeOwnPasswordResponse', ChangeOwnPasswordResponseSchema))],
    errors: [400, 401, 423],
  }),
};
