import { z } from 'zod';
import { STAFF_ROLES } from '../domain/enums';
import { RegionCodeSchema } from './common';

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
    nickname: z.string().trim().min(1).max(32).optional(),
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
});
export type StaffMe = z.infer<typeof StaffMeSchema>;

export const StaffLoginResponseSchema = z.object({ token: z.string(), expiresAt: z.string(), staff: StaffMeSchema });
export type StaffLoginResponse = z.infer<typeof StaffLoginResponseSchema>;
