import type { StaffMe } from '@minqing/shared';

/** The signed-in staff member's token lives for the browser tab only (sessionStorage). */
const TOKEN_KEY = 'minqing.admin.token';
const EXPIRES_KEY = 'minqing.admin.expiresAt';

export function saveSession(token: string, expiresAt: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(EXPIRES_KEY, expiresAt);
}

/** The token while it is still valid; an expired one is forgotten. */
export function currentToken(now: Date = new Date()): string | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const expiresAt = sessionStorage.getItem(EXPIRES_KEY);
  if (!token) return null;
  if (expiresAt && new Date(expiresAt).getTime() <= now.getTime()) {
    clearSession();
    return null;
  }
  return token;
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(EXPIRES_KEY);
}

export type { StaffMe };
