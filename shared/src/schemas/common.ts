import { z } from 'zod';
import { LIMITS } from '../domain/limits';

export const IdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '无效的编号');
export const RegionCodeSchema = z.string().regex(/^\d{6,15}$/, '无效的区划代码');
export const PhoneSchema = z.string().regex(/^1[3-9]\d{9}$/, '请输入正确的手机号');

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_transition',
  'account_locked',
  'invalid_credentials',
  /** 404 on a staff WeChat sign-in: this WeChat is bound to no account yet (sign in with the password, then bind). */
  'not_bound',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  /** 503: the feature needs settings (WeChat, WeChat Pay …) this server was started without. */
  'not_configured',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBodySchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), field: z.string().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const HealthSchema = z.object({ status: z.enum(['ok', 'error']), database: z.enum(['ok', 'unreachable']) });
export type Health = z.infer<typeof HealthSchema>;

/** A client-chosen key that makes a submission safe to retry. */
export const IdempotencyKeySchema = z.string().regex(/^[\w-]{8,64}$/, '提交编号格式不正确');

export const DepartmentRefSchema = z.object({ id: z.string(), name: z.string() });
export const CategoryRefSchema = z.object({ code: z.string(), name: z.string() });
