import type { Middleware } from 'koa';
import type { StaffRole } from '@minqing/shared';
import type { AppContext, AppDeps, AppState } from '../context';
import { Citizen, Staff } from '../db/entities';
import type { TokenClaims } from '../crypto/tokens';
import { readRowById } from '../db/findRowById';
import { forbidden, unauthorized } from '../errors';

export function bearerToken(ctx: AppContext): string | null {
  const header = ctx.get('Authorization');
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}

/**
 * The claims of the request's bearer token if it is valid, else null. Verified once per request:
 * the request limit and the guards all ask.
 */
export function tokenClaims(ctx: AppContext): TokenClaims | null {
  if (ctx.state.tokenClaims === undefined) {
    const token = bearerToken(ctx);
    ctx.state.tokenClaims = token ? ctx.deps.tokens.verify(token, ctx.deps.clock()) : null;
  }
  return ctx.state.tokenClaims;
}

type AuthMiddleware = Middleware<AppState, { deps: AppDeps }>;

/**
 * A signed-in citizen; 401 otherwise (a staff token is not a citizen token). The account is read
 * once per request: a nested router's guard with the same prefix (reportFollowing's and reports'
 * both cover /reports) finds it already there.
 */
export function citizenAuth(): AuthMiddleware {
  return async (ctx, next) => {
    if (!ctx.state.citizen) {
      const claims = tokenClaims(ctx as AppContext);
      if (claims?.kind !== 'citizen') throw unauthorized();
      const citizen = await readRowById(ctx.deps.dataSource, Citizen, claims.sub);
      if (!citizen) throw unauthorized();
      ctx.state.citizen = citizen;
    }
    await next();
  };
}

/**
 * A signed-in, enabled staff member whose token is current; 403 when the role is not among `roles`,
 * and while a password an administrator set is still unchanged (unless `whilePasswordChangeDue`:
 * who am I, logout and the password change itself).
 */
export function staffAuth(
  roles?: readonly StaffRole[],
  options: { whilePasswordChangeDue?: boolean } = {},
): AuthMiddleware {
  return async (ctx, next) => {
    const staff = ctx.state.staff ?? (await signedInStaff(ctx as AppContext));
    if (staff.mustChangePassword && !options.whilePasswordChangeDue) throw forbidden('请先修改管理员设置的初始密码');
    if (roles && !roles.includes(staff.role)) throw forbidden();
    ctx.state.staff = staff;
    await next();
  };
}

/** The kind a valid bearer token claims, so the matching sign-in check can run. */
function tokenKind(ctx: AppContext): 'citizen' | 'staff' | null {
  return tokenClaims(ctx)?.kind ?? null;
}

/** A signed-in citizen, or a staff member of `roles` (citizens send photos with reports, staff attach them to replies). */
export function citizenOrStaffAuth(roles?: readonly StaffRole[]): AuthMiddleware {
  const citizen = citizenAuth();
  const staff = staffAuth(roles);
  return (ctx, next) => (tokenKind(ctx as AppContext) === 'staff' ? staff(ctx, next) : citizen(ctx, next));
}

/** The token's enabled staff member, read once per request (as citizenAuth does); 401 otherwise. */
async function signedInStaff(ctx: AppContext): Promise<Staff> {
  const claims = tokenClaims(ctx);
  if (claims?.kind !== 'staff') throw unauthorized();
  const staff = await readRowById(ctx.deps.dataSource, Staff, claims.sub);
  if (!staff || staff.disabled || staff.tokenVersion !== claims.ver) throw unauthorized('登录已失效，请重新登录');
  return staff;
}

export function currentCitizen(ctx: AppContext): Citizen {
  if (!ctx.state.citizen) throw unauthorized();
  return ctx.state.citizen;
}

export function currentStaff(ctx: AppContext): Staff {
  if (!ctx.state.staff) throw unauthorized();
  return ctx.state.staff;
}
