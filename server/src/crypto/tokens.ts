import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenKind = 'citizen' | 'staff';

export interface TokenClaims {
  sub: string;
  kind: TokenKind;
  /** Staff token version: raised on logout and password change to revoke older tokens. */
  ver: number;
  exp: number;
}

/** How many verified tokens are remembered: a busy day's signed-in accounts, a few hundred KB. */
const REMEMBERED = 5_000;

/**
 * Compact HMAC-SHA256 bearer tokens: base64url(claims).base64url(signature).
 *
 * A token found valid is remembered by its exact string (at most REMEMBERED, the least recently
 * used forgotten first), so the next request with it skips the HMAC and the JSON: the signature
 * of a given string under this secret never changes. Its expiry is checked again on every use.
 */
export class TokenSigner {
  private readonly verified = new Map<string, Readonly<TokenClaims>>();

  constructor(
    private readonly secret: string,
    private readonly remembered = REMEMBERED,
  ) {}

  sign(claims: TokenClaims): string {
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${payload}.${this.signature(payload)}`;
  }

  verify(token: string, now: Date = new Date()): TokenClaims | null {
    const known = this.verified.get(token);
    if (known) {
      this.verified.delete(token);
      if (known.exp * 1000 <= now.getTime()) return null;
      this.verified.set(token, known);
      return { ...known };
    }
    const claims = this.check(token, now);
    if (claims && this.remembered > 0) {
      if (this.verified.size >= this.remembered) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, Object.freeze({ ...claims }));
    }
    return claims;
  }

  private check(token: string, now: Date): TokenClaims | null {
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
