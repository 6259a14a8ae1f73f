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
});
