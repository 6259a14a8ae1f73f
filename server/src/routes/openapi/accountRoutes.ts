import { created, jsonBody, named, ok } from '@minqing/shared';
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
} from '@minqing/shared';
import type { ApiRoute } from './apiDocument';

const account = named('StaffAccount', StaffAccountSchema);
const accountWithPassword = named('StaffAccountPasswordResponse', StaffAccountPasswordResponseSchema);
const common = { tags: ['staff-accounts'], access: 'staff' as const };

/** 账号管理 (county, sysadmin), 修改密码 (every staff member) and 审计日志 (sysadmin). */
export const accountRoutes: ApiRoute[] = [
  {
    ...common,
    method: 'get',
    path: '/api/v1/staff/accounts',
    summary: "账号列表 / Staff accounts in the manager's region, with what the manager may do to each",
    query: StaffAccountQuerySchema,
    responses: [ok(named('StaffAccountPage', StaffAccountPageSchema))],
    errors: [400, 401, 403],
  },
  {
    ...common,
    method: 'post',
    path: '/api/v1/staff/accounts',
    summary: '新建账号 / Create an account; without a password one is generated and answered once',
    body: jsonBody('StaffAccountCreate', StaffAccountCreateSchema),
    responses: [created(accountWithPassword)],
    errors: [400, 401, 403, 409],
  },
  {
    ...common,
    method: 'patch',
    path: '/api/v1/staff/accounts/{id}',
    summary: '修改账号 / Edit name, role, region and department',
    body: jsonBody('StaffAccountUpdate', StaffAccountUpdateSchema),
    responses: [ok(account)],
    errors: [400, 401, 403, 404],
  },
  {
    ...common,
    method: 'post',
    path: '/api/v1/staff/accounts/{id}/disable',
    summary: '停用账号 / Disable an account; its sessions end',
    responses: [ok(account)],
    errors: [401, 403, 404],
  },
  {
    ...common,
    method: 'post',
    path: '/api/v1/staff/accounts/{id}/enable',
    summary: '启用账号 / Enable an account again',
    responses: [ok(account)],
    errors: [401, 403, 404],
  },
  {
    ...common,
    method: 'post',
    path: '/api/v1/staff/accounts/{id}/reset-password',
    summary:
      '重置密码 / Set or generate a password that must be changed at the next sign-in; sessions end, the lock is lifted',
    body: jsonBody('ResetPasswordRequest', ResetPasswordRequestSchema),
    responses: [ok(accountWithPassword)],
    errors: [400, 401, 403, 404],
  },
  {
    ...common,
    method: 'post',
    path: '/api/v1/staff/accounts/{id}/unbind-wechat',
    summary: "解绑微信 / Unbind the account's WeChat (a lost phone); it signs in with its password until bound again",
    responses: [ok(account)],
    errors: [401, 403, 404],
  },
  {
    ...common,
    method: 'post',
    path: '/api/v1/staff/me/password',
    summary: "修改密码 / Change one's own password; other sessions end, this one continues on the token answered",
    body: jsonBody('ChangeOwnPasswordRequest', ChangeOwnPasswordRequestSchema),
    responses: [ok(named('ChangeOwnPasswordResponse', ChangeOwnPasswordResponseSchema))],
    errors: [400, 401, 423],
  },
];
