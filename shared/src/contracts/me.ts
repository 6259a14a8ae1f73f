import {
  BindPhoneRequestSchema,
  CitizenUserSchema,
  DeletionRequestBodySchema,
  DeletionRequestSchema,
  UpdateProfileRequestSchema,
} from '../schemas/auth';
import { MyDataFileSchema } from '../schemas/myDataFile';
import { CITIZEN_ENDPOINTS } from './citizenEndpoints';
import { defineRoute, jsonBody, named, ok } from './route';

const tags = ['me'] as const;
const endpoints = CITIZEN_ENDPOINTS.me;
const citizen = named('CitizenUser', CitizenUserSchema);

/** 我的资料, the phone number, and 个人信息权益 (PIPL): the citizen's own data and the request to delete the account. */
export const meRoutes = {
  profile: defineRoute({
    ...endpoints.profile,
    summary: '我的资料 / The signed-in citizen',
    description: 'Who: citizen. Profile: nickname, village, 关怀模式',
    tags,
    responses: [ok(citizen)],
    errors: [401],
  }),
  update: defineRoute({
    ...endpoints.update,
    summary: '修改我的资料 / Update the citizen profile',
    tags,
    body: jsonBody('UpdateProfileRequest', UpdateProfileRequestSchema),
    responses: [ok(citizen)],
    errors: [400, 401],
  }),
  bindPhone: defineRoute({
    ...endpoints.bindPhone,
    summary:
      '绑定手机号 / Bind the phone number from a getPhoneNumber code (getuserphonenumber); answers the profile, phone masked',
    description:
      'Who: citizen. 绑定手机号: the getPhoneNumber code through getuserphonenumber (stable_token cached, refreshed on 40001/42001); stored AES-GCM encrypted with a lookup hash, answers the profile with the phone masked (138****5678); a number belongs to one account: 409 when another citizen has bound it; 400 `code` for an invalid code, 502 when WeChat is unreachable, 503 without `WECHAT_APPID`/`WECHAT_SECRET`',
    tags,
    body: jsonBody('BindPhoneRequest', BindPhoneRequestSchema),
    responses: [ok(citizen)],
    errors: [400, 401, 429, 502, 503],
  }),
  exportData: defineRoute({
    ...endpoints.exportData,
    summary: '导出我的数据 / Everything held about the signed-in citizen, as a JSON attachment labelled in Chinese',
    description:
      'Who: citizen. 导出我的数据: a JSON attachment (我的数据-YYYYMMDD.json) with Chinese labels (`MyDataFileSchema` in `shared/src/schemas/myDataFile.ts`): 个人资料 (phone in full), 反映的问题 with their 办理进度, 消息, 上传的照片和语音, 看过的通知, 注销申请; states in words, times in Beijing time (2026年11月20日 09:30)',
    tags,
    responses: [ok(named('MyDataFile', MyDataFileSchema), 'OK（Content-Disposition: attachment）')],
    errors: [401],
  }),
  requestDeletion: defineRoute({
    ...endpoints.requestDeletion,
    summary: '申请注销账号 / Ask for the account to be deleted; asking again answers the pending request',
    tags,
    body: jsonBody('DeletionRequestBody', DeletionRequestBodySchema),
    responses: [
      {
        status: 202,
        description: '已受理，15 个工作日内处理 / Accepted, handled within 15 working days',
        content: { kind: 'json', schema: named('DeletionRequest', DeletionRequestSchema) },
      },
    ],
    errors: [400, 401],
  }),
};
