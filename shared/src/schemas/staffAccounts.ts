import { z } from 'zod';
import { STAFF_ROLES } from '../domain/enums';
import type { RegionLevel, StaffRole } from '../domain/enums';
import { IdSchema, PageQuerySchema, RegionCodeSchema, pageOf } from './common';
import { freeText } from './text';

// ── Passwords ────────────────────────────────────────────────────────────────────

export const PASSWORD_RULE = {
  minLength: 8,
  maxLength: 64,
  /** Of lowercase letters, uppercase letters, digits and symbols, at least this many kinds. */
  minKinds: 3,
  text: '8-64 位，至少包含大写字母、小写字母、数字、符号中的三种，不含空格',
} as const;

const PASSWORD_KINDS = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d\s]/];

/** Why a password is too weak, in words for the form; null when it is strong enough. */
export function passwordWeakness(password: string, username?: string): string | null {
  if (password.length < PASSWORD_RULE.minLength) return `密码至少 ${PASSWORD_RULE.minLength} 位`;
  if (password.length > PASSWORD_RULE.maxLength) return `密码不能超过 ${PASSWORD_RULE.maxLength} 位`;
  if (/\s/.test(password)) return '密码不能包含空格';
  const kinds = PASSWORD_KINDS.filter((kind) => kind.test(password)).length;
  if (kinds < PASSWORD_RULE.minKinds) return '密码至少包含大写字母、小写字母、数字、符号中的三种';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含账号';
  return null;
}

export const NewPasswordSchema = z.string({ error: '请输入密码' }).superRefine((password, context) => {
  const weakness = passwordWeakness(password);
  if (weakness) context.addIssue({ code: 'custom', message: weakness });
});

/** 修改密码: the current one proves who is asking; the other sessions end. */
export const ChangeOwnPasswordRequestSchema = z.object({
  currentPassword: z.string({ error: '请输入当前密码' }).min(1, '请输入当前密码').max(128),
  newPassword: NewPasswordSchema,
});
export type ChangeOwnPasswordRequest = z.infer<typeof ChangeOwnPasswordRequestSchema>;

/** A fresh token for this session: every older one, on any device, no longer works. */
export const ChangeOwnPasswordResponseSchema = z.object({ token: z.string(), expiresAt: z.string() });
export type ChangeOwnPasswordResponse = z.infer<typeof ChangeOwnPasswordResponseSchema>;

// ── Staff accounts ───────────────────────────────────────────────────────────────

/** Who may manage accounts, and which roles each may give. */
export const ACCOUNT_MANAGER_ROLES = ['county', 'sysadmin'] as const satisfies readonly StaffRole[];
export type AccountManagerRole = (typeof ACCOUNT_MANAGER_ROLES)[number];
export const ASSIGNABLE_ROLES: Record<AccountManagerRole, readonly StaffRole[]> = {
  sysadmin: STAFF_ROLES,
  county: ['grid_worker', 'liaison', 'cadre', 'dispatcher', 'handler'],
};

/**
 * What each role's scope looks like: the level of its region and whether it belongs to a
 * department (a handler works for one; a cadre may be linked to the village committee).
 */
export const ROLE_SCOPE: Record<
  StaffRole,
  { levels: readonly RegionLevel[]; department: 'required' | 'optional' | 'none' }
> = {
  grid_worker: { levels: ['grid'], department: 'none' },
  liaison: { levels: ['grid'], department: 'none' },
  cadre: { levels: ['village'], department: 'optional' },
  dispatcher: { levels: ['township'], department: 'none' },
  handler: { levels: ['county', 'township'], department: 'required' },
  county: { levels: ['county'], department: 'none' },
  sysadmin: { levels: ['county'], department: 'none' },
};

export const STAFF_ACCOUNT_ACTIONS = ['edit', 'disable', 'enable', 'reset_password', 'unbind_wechat'] as const;
export type StaffAccountAction = (typeof STAFF_ACCOUNT_ACTIONS)[number];

export const StaffAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  regionCode: z.string(),
  regionName: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  disabled: z.boolean(),
  /** Locked after repeated wrong passwords, until this time (a password reset unlocks). */
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  /** Bound to a WeChat: its owner signs in by opening the mini-program (解绑 when the phone is lost). */
  wechatBound: z.boolean(),
  createdAt: z.string(),
  /** What the signed-in manager may do with this account. */
  allowedActions: z.array(z.enum(STAFF_ACCOUNT_ACTIONS)),
});
export type StaffAccount = z.infer<typeof StaffAccountSchema>;
export const StaffAccountPageSchema = pageOf(StaffAccountSchema);

export const StaffAccountQuerySchema = PageQuerySchema.extend({
  role: z.enum(STAFF_ROLES).optional(),
  regionCode: RegionCodeSchema.optional(),
  /** Part of the username or the name. */
  keyword: z.string().trim().max(32).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export type StaffAccountQuery = z.infer<typeof StaffAccountQuerySchema>;

const UsernameSchema = z
  .string({ error: '请输入账号' })
  .trim()
  .regex(/^[a-z][a-z0-9_]{2,31}$/, '账号为 3-32 位小写字母、数字或下划线，以字母开头');
const NameSchema = freeText({ error: '请输入姓名' }).min(1, '请输入姓名').max(32, '姓名不能超过 32 字');
const DepartmentIdSchema = IdSchema.nullable();

export const StaffAccountCreateSchema = z
  .object({
    username: UsernameSchema,
    name: NameSchema,
    role: z.enum(STAFF_ROLES, { error: '请选择角色' }),
    regionCode: RegionCodeSchema,
    departmentId: DepartmentIdSchema.default(null),
    /** Left out: the server generates one and answers it once. */
    password: NewPasswordSchema.optional(),
  })
  .strict();
export type StaffAccountCreate = z.input<typeof StaffAccountCreateSchema>;

export const StaffAccountUpdateSchema = z
  .object({
    name: NameSchema.optional(),
    role: z.enum(STAFF_ROLES, { error: '请选择角色' }).optional(),
    regionCode: RegionCodeSchema.optional(),
    departmentId: DepartmentIdSchema.optional(),
  })
  .strict();
export type StaffAccountUpdate = z.infer<typeof StaffAccountUpdateSchema>;

export const ResetPasswordRequestSchema = z.object({ password: NewPasswordSchema.optional() }).strict();
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequestSchema>;

/** The account, and the password the server generated (shown once, never stored in clear). */
export const StaffAccountPasswordResponseSchema = z.object({
  account: StaffAccountSchema,
  generatedPassword: z.string().nullable(),
});
export type StaffAccountPasswordResponse = z.infer<typeof StaffAccountPasswordResponseSchema>;

// ── Audit log ────────────────────────────────────────────────────────────────────

/** Exact actions, or prefixes ending in `*` (`report.*`), comma-separated. */
const AuditActionFilterSchema = z
  .string()
  .regex(/^[a-z_.]{1,48}\*?(,[a-z_.]{1,48}\*?){0,39}$/, '无效的操作类型')
  .transform((value) => value.split(','));

export const AuditLogQuerySchema = PageQuerySchema.extend({
  username: z.string().trim().max(64).optional(),
  action: AuditActionFilterSchema.optional(),
  targetType: z.string().trim().max(24).optional(),
  targetId: z.string().trim().max(26).optional(),
  /** Inclusive days, China time. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuerySchema>;

export const AuditLogEntrySchema = z.object({
  id: z.string(),
  staffId: z.string().nullable(),
  username: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** The target as staff know it: a report's serial number, an account's name and login; null when the id says it. */
  targetLabel: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.string().nullable(),
  createdAt: z.string(),
});
export type AuditLogEntry = z.infer<typeof AuditLogEntrySchema>;
export const AuditLogPageSchema = pageOf(AuditLogEntrySchema);
