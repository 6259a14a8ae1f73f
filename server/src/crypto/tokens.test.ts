import { TokenSigner } from './tokens';

describe('bearer tokens', () => {
  const signer = new TokenSigner('a-secret-of-at-least-thirty-two-chars!!');
  const now = new Date('2026-11-22T08:00:00Z');
  const exp = Math.floor(now.getTime() / 1000) + 60;

  it('verifies what it signed until it expires', () => {
    const token = signer.sign({ sub: 'id', kind: 'staff', ver: 2, exp });
    expect(signer.verify(token, now)).toEqual({ sub: 'id', kind: 'staff', ver: 2, exp });
    expect(signer.verify(token, new Date(now.getTime() + 61_000))).toBeNull();
  });

  it('refuses a token signed with another secret or altered', () => {
    const token = signer.sign({ sub: 'id', kind: 'citizen', ver: 0, exp });
    expect(new TokenSigner('another-secret-of-at-least-thirty-two!!').verify(token, now)).toBeNull();
    const [, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'admin', kind: 'staff', ver: 0, exp })).toString('base64url');
    expect(signer.verify(`${forged}.${signature}`, now)).toBeNull();
    expect(signer.verify('garbage', now)).toBeNull();
  });

  describe('a token found valid is remembered', () => {
    const signatures = () => jest.spyOn(TokenSigner.prototype as unknown as { signature: () => string }, 'signature');
    afterEach(() => jest.restoreAllMocks());

    it('is not signed again while it is used, and still expires', () => {
      const remembering = new TokenSigner('a-secret-of-at-least-thirty-two-chars!!');
      const token = remembering.sign({ sub: 'id', kind: 'citizen', ver: 0, exp });
      const signed = signatures();
      expect(remembering.verify(token, now)).toEqual({ sub: 'id', kind: 'citizen', ver: 0, exp });
      const claims = remembering.verify(token, now)!;
      expect(claims).toEqual({ sub: 'id', kind: 'citizen', ver: 0, exp });
      expect(signed).toHaveBeenCalledTimes(1);
      // Each caller gets its own claims: changing one changes nothing remembered.
      claims.sub = 'admin';
      expect(remembering.verify(token, now)?.sub).toBe('id');
      expect(remembering.verify(token, new Date((exp - 1) * 1000))).not.toBeNull();
      expect(remembering.verify(token, new Date(exp * 1000))).toBeNull();
      expect(remembering.verify(token, new Date((exp + 60) * 1000))).toBeNull();
    });

    it('does not vouch for another string with the same claims', () => {
      const remembering = new TokenSigner('a-secret-of-at-least-thirty-two-chars!!');
      const token = remembering.sign({ sub: 'id', kind: 'staff', ver: 1, exp });
      expect(remembering.verify(token, now)).not.toBeNull();
      const [payload, signature] = token.split('.');
      expect(remembering.verify(`${payload}.${signature.slice(1)}x`, now)).toBeNull();
      expect(remembering.verify(`${payload}.${signature}.`, now)).toBeNull();
      expect(new TokenSigner('another-secret-of-at-least-thirty-two!!').verify(token, now)).toBeNull();
    });

    it('forgets the least recently used beyond its bound', () => {
      const remembering = new TokenSigner('a-secret-of-at-least-thirty-two-chars!!', 2);
      const [a, b, c] = ['a', 'b', 'c'].map((sub) => remembering.sign({ sub, kind: 'citizen', ver: 0, exp }));
      const signed = signatures();
      for (const token of [a, b, a, c]) expect(remembering.verify(token, now)).not.toBeNull();
      expect(signed).toHaveBeenCalledTimes(3); // a, b, c; a's second use was remembered
      expect(remembering.verify(a, now)?.sub).toBe('a'); // used after b: kept
      expect(signed).toHaveBeenCalledTimes(3);
      expect(remembering.verify(b, now)?.sub).toBe('b'); // forgotten for c: signed again
      expect(signed).toHaveBeenCalledTimes(4);
    });
  });
});
