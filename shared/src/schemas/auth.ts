import { STAFF_ABILITIES } from '../domain/abilities';
import { z } from 'zod';
import { STAFF_ROLES } from '../domain/enums';
import { RegionCodeSchema } from './common';
import { MessageSchema } from './messages';
import { ReportDetailSchema } from './reports';
import { UploadResponseSchema } from './uploads';
import { freeText } from './text';

export const WechatLoginRequestSchema = z.object({ code: z.string().min(1).max(128) });
export type WechatLoginRequest = z.infer<typeof WechatLoginRequestSchema>;

export const DevLoginRequestSchema = z.object({ openid: z.string().min(1).max(64) });
export type DevLoginRequest = z.infer<typeof DevLoginRequestSchema>;

export const CitizenUserSchema = z.object({
  id: z.string(),
  nickname: z.string().nullable(),
  villageCode: z.string().nullable(),
  /** Masked, e.g. 138****5678; the full number never leaves the server. */
  phone: z.string().nullable(),
  careMode: z.boolean(),
});
export type CitizenUser = z.infer<typeof CitizenUserSchema>;

export const CitizenLoginResponseSchema = z.object({ token: z.string(), user: CitizenUserSchema });
export type CitizenLoginResponse = z.infer<typeof CitizenLoginResponseSchema>;

export const UpdateProfileRequestSchema = z
  .object({
    nickname: freeText().min(1).max(32).optional(),
    villageCode: RegionCodeSchema.optional(),
    careMode: z.boolean().optional(),
  })
  .strict();
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequestSchema>;

export const StaffLoginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});
export type StaffLoginRequest = z.infer<typeof StaffLoginRequestSchema>;

export const StaffMeSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  regionCode: z.string(),
  departmentId: z.string().optional(),
  /** Present (true) after an administrator set the password: nothing else works until it is changed. */
  mustChangePassword: z.literal(true).optional(),
  /** Present (true) when the account is bound to a WeChat: opening the mini-program signs it in. */
  wechatBound: z.literal(true).optional(),
  /** What the account may do (server/src/policies/abilities.ts): menus and buttons follow these. */
  abilities: z.array(z.enum(STAFF_ABILITIES)),
});
export type StaffMe = z.infer<typeof StaffMeSchema>;

export const StaffLoginResponseSchema = z.object({ token: z.string(), expiresAt: z.string(), staff: StaffMeSchema });
export type StaffLoginResponse = z.infer<typeof StaffLoginResponseSchema>;

/** 绑定微信 / 微信登录 on the 工作台: the wx.login code, exchanged by the server for the openid. */
export const StaffWechatCodeRequestSchema = z.object({
  code: z.string({ error: '缺少微信登录凭证' }).min(1, '缺少微信登录凭证').max(128),
});
export type StaffWechatCodeRequest = z.infer<typeof StaffWechatCodeRequestSchema>;

// ── 个人信息权益 (PIPL): export my data, ask to delete my account ──────────────────

export const DELETION_REQUEST_STATUSES = ['pending', 'completed', 'rejected'] as const;
export type DeletionRequestStatus = (typeof DELETION_REQUEST_STATUSES)[number];

/** 申请注销账号: an optional reason; sending nothing is fine. */
export const DeletionRequestBodySchema = z
  .object({ reason: freeText({ error: '注销原因应为文字' }).max(200, '注销原因不能超过200字').optional() })
  .strict();
export type DeletionRequestBody = z.infer<typeof DeletionRequestBodySchema>;

/** A deletion request and what happens next, in words ready to show. */
export const DeletionRequestSchema = z.object({
  id: z.string(),
  status: z.enum(DELETION_REQUEST_STATUSES),
  reason: z.string().nullable(),
  requestedAt: z.string(),
  /** The end of the 15th working day after the request. */
  dueBy: z.string(),
  handledAt: z.string().nullable(),
  message: z.string(),
});
export type DeletionRequest = z.infer<typeof DeletionRequestSchema>;

/** A report in the export: the citizen's own view plus the contact phone they gave, in full. */
const ExportedReportSchema = ReportDetailSchema.extend({ contactPhone: z.string().nullable() });

/** 导出我的数据: everything the server holds about the signed-in citizen, and nobody else. */
export const MyDataExportSchema = z.object({
  exportedAt: z.string(),
  about: z.string(),
  profile: z.object({
    id: z.string(),
    nickname: z.string().nullable(),
    villageCode: z.string().nullable(),
    villageName: z.string().nullable(),
    /** In full: this export goes only to its owner. */
    phone: z.string().nullable(),
    careMode: z.boolean(),
    wechatOpenid: z.string(),
    wechatUnionid: z.string().nullable(),
    registeredAt: z.string(),
  }),
  reports: z.array(ExportedReportSchema),
  messages: z.array(MessageSchema),
  uploads: z.array(UploadResponseSchema.extend({ reportId: z.string().nullable(), uploadedAt: z.string() })),
  noticeReads: z.array(z.object({ noticeId: z.string(), title: z.string().nullable(), readAt: z.string() })),
  deletionRequests: z.array(DeletionRequestSchema),
});
export type MyDataExport = z.infer<typeof MyDataExportSchema>;

/** 绑定手机号: the code from the mini-program's getPhoneNumber button (exchanged through getuserphonenumber). */
export const BindPhoneRequestSchema = z.object({ code: z.string().min(1).max(128) });
export type BindPhoneRequest = z.infer<typeof BindPhoneRequestSchema>;
