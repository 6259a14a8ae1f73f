import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenKind = 'citizen' | 'staff';

export interface TokenClaims {
  sub: string;
  kind: TokenKind;
  /** Staff token version: raised on logout and password change to revoke older tokens. */
  ver: number;
  exp: number;
}

/** Compact HMAC-SHA256 bearer tokens: base64url(claims).base64url(signature). */
export class TokenSigner {
  constructor(private readonly secret: string) {}

  sign(claims: TokenClaims): string {
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${payload}.${this.signature(payload)}`;
  }

  verify(token: string, now: Date = new Date()): TokenClaims | null {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.signature(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
      if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) return null;
      if (claims.kind !== 'citizen' && claims.kind !== 'staff') return null;
      return claims;
    } catch {
      return null;
    }
  }

  private signature(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
