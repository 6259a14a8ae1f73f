import {
  ACCOUNT_MANAGER_ROLES,
  ASSIGNABLE_ROLES,
  ROLE_SCOPE,
  StaffAccountCreateSchema,
  isWithin,
  passwordWeakness,
} from '@minqing/shared';
import type {
  AccountManagerRole,
  Department,
  RegionLevel,
  RegionNode,
  StaffAccount,
  StaffAccountCreate,
  StaffAccountUpdate,
  StaffRole,
} from '@minqing/shared';
import { findRegion } from '../regionTree';

/**
 * The account form's rules, mirroring the server (server/src/policies/staffAccount.ts) so a
 * handler without a department or a dispatcher scoped to a village never leaves the browser.
 */

export interface AccountFormValues {
  username?: string;
  name?: string;
  role?: StaffRole;
  regionCode?: string;
  departmentId?: string | null;
  /** 'generate': the server makes one and shows it once. */
  passwordMode?: 'generate' | 'manual';
  password?: string;
}

export type AccountField = keyof AccountFormValues;
export interface FieldError<F extends string = AccountField> {
  field: F;
  message: string;
}
export type FormCheck<T, F extends string = AccountField> =
  | { ok: true; request: T }
  | { ok: false; errors: FieldError<F>[] };

export function isManagerRole(role: StaffRole): role is AccountManagerRole {
  return (ACCOUNT_MANAGER_ROLES as readonly StaffRole[]).includes(role);
}

/** The roles the signed-in manager may give: the county centre not county or sysadmin. */
export function assignableRoles(managerRole: StaffRole): readonly StaffRole[] {
  return isManagerRole(managerRole) ? ASSIGNABLE_ROLES[managerRole] : [];
}

/** Departments that serve the region (their own region is the same or above it). */
export function departmentsServing(departments: readonly Department[], regionCode: string | undefined): Department[] {
  if (!regionCode) return [];
  return departments.filter((department) => isWithin(regionCode, department.regionCode));
}

export interface RegionOption {
  value: string;
  title: string;
  selectable: boolean;
  children: RegionOption[];
}

const LEVEL_ORDER: readonly RegionLevel[] = ['county', 'township', 'village', 'grid'];

/**
 * The manager's region as a tree for the 管辖范围 picker: only the levels the role may be scoped
 * to can be chosen, and nothing below the deepest of them is shown.
 */
export function regionOptions(
  tree: readonly RegionNode[],
  scopeCode: string,
  levels: readonly RegionLevel[] = LEVEL_ORDER,
): RegionOption[] {
  const root = findRegion(tree, scopeCode);
  if (!root || levels.length === 0) return [];
  const deepest = Math.max(...levels.map((level) => LEVEL_ORDER.indexOf(level)));
  const toOption = (node: RegionNode): RegionOption => ({
    value: node.code,
    title: node.name,
    selectable: levels.includes(node.level),
    children: LEVEL_ORDER.indexOf(node.level) < deepest ? node.children.map(toOption) : [],
  });
  return [toOption(root)];
}

const MISSING: Partial<Record<AccountField, string>> = {
  username: '请输入账号',
  name: '请输入姓名',
  role: '请选择角色',
  regionCode: '请选择管辖范围',
  password: '请输入初始密码，或选择系统生成',
};

/** Whether role, region and department fit together (the server also checks the region's level). */
function scopeErrors(values: AccountFormValues): FieldError[] {
  if (!values.role) return [];
  const rule = ROLE_SCOPE[values.role];
  if (rule.department === 'required' && !values.departmentId)
    return [{ field: 'departmentId', message: '请选择所属部门' }];
  if (rule.department === 'none' && values.departmentId)
    return [{ field: 'departmentId', message: '该角色不属于部门' }];
  return [];
}

const blank = (value: string | undefined) => (value?.trim() ? value : undefined);

/** 新建账号: the form's values → the request body, checked with the server's schema. */
export function buildCreateRequest(values: AccountFormValues): FormCheck<StaffAccountCreate> {
  const manual = values.passwordMode === 'manual';
  const body = {
    username: blank(values.username)?.trim(),
    name: blank(values.name),
    role: values.role,
    regionCode: values.regionCode,
    departmentId: values.departmentId ?? null,
    ...(manual ? { password: values.password ?? '' } : {}),
  };
  const errors: FieldError[] = [];
  const parsed = StaffAccountCreateSchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as AccountField;
      const missing = body[field as keyof typeof body] === undefined || (field === 'password' && !values.password);
      errors.push({ field, message: (missing && MISSING[field]) || issue.message });
    }
  }
  errors.push(...scopeErrors(values));
  const username = body.username;
  if (manual && values.password && username && !errors.some((error) => error.field === 'password')) {
    const weakness = passwordWeakness(values.password, username);
    if (weakness) errors.push({ field: 'password', message: weakness });
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors: firstPerField(errors) };
  return { ok: true, request: parsed.data };
}

/** 编辑账号: only what changed is sent; an empty patch means nothing to save. */
export function buildUpdateRequest(account: StaffAccount, values: AccountFormValues): FormCheck<StaffAccountUpdate> {
  const errors: FieldError[] = [];
  const name = values.name?.trim() ?? '';
  if (!name) errors.push({ field: 'name', message: MISSING.name as string });
  else if (name.length > 32) errors.push({ field: 'name', message: '姓名不能超过 32 字' });
  if (!values.role) errors.push({ field: 'role', message: MISSING.role as string });
  if (!values.regionCode) errors.push({ field: 'regionCode', message: MISSING.regionCode as string });
  errors.push(...scopeErrors(values));
  if (errors.length > 0) return { ok: false, errors: firstPerField(errors) };
  const patch: StaffAccountUpdate = {};
  if (name !== account.name) patch.name = name;
  if (values.role !== account.role) patch.role = values.role;
  if (values.regionCode !== account.regionCode) patch.regionCode = values.regionCode;
  const departmentId = values.departmentId ?? null;
  if (departmentId !== account.departmentId) patch.departmentId = departmentId;
  return { ok: true, request: patch };
}

/** The form as it opens: an account's values when editing, a generated password when creating. */
export function initialValues(account: StaffAccount | null): AccountFormValues {
  if (!account) return { passwordMode: 'generate', departmentId: null };
  return {
    username: account.username,
    name: account.name,
    role: account.role,
    regionCode: account.regionCode,
    departmentId: account.departmentId,
  };
}

/** After the role changes: a region of the wrong level and a department the role cannot have are cleared. */
export function valuesAfterRoleChange(
  values: AccountFormValues,
  regionLevel: RegionLevel | undefined,
): AccountFormValues {
  if (!values.role) return values;
  const rule = ROLE_SCOPE[values.role];
  return {
    ...values,
    regionCode: regionLevel && rule.levels.includes(regionLevel) ? values.regionCode : undefined,
    departmentId: rule.department === 'none' ? null : values.departmentId,
  };
}

function firstPerField<F extends string>(errors: FieldError<F>[]): FieldError<F>[] {
  const seen = new Set<F>();
  return errors.filter((error) => (seen.has(error.field) ? false : (seen.add(error.field), true)));
}
