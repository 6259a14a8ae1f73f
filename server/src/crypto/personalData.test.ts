import { PersonalDataCipher, maskPhone } from './personalData';

describe('personal data cipher', () => {
  const cipher = new PersonalDataCipher(Buffer.alloc(32, 1));

  it('encrypts so that the ciphertext differs each time and decrypts back', () => {
    const first = cipher.encrypt('13812345678');
    const second = cipher.encrypt('13812345678');
    expect(first).not.toBe(second);
    expect(first).not.toContain('13812345678');
    expect(cipher.decrypt(first)).toBe('13812345678');
  });

  it('refuses tampered ciphertext (the GCM tag is checked)', () => {
    const sealed = Buffer.from(cipher.encrypt('13812345678').slice(3), 'base64');
    sealed[sealed.length - 1] ^= 1;
    expect(() => cipher.decrypt(`v1:${sealed.toString('base64')}`)).toThrow();
    expect(() => new PersonalDataCipher(Buffer.alloc(32, 2)).decrypt(cipher.encrypt('x'))).toThrow();
  });

  it('gives a stable keyed lookup hash that depends on the key', () => {
    expect(cipher.lookupHash('13812345678')).toBe(cipher.lookupHash('13812345678'));
    expect(cipher.lookupHash('13812345678')).not.toBe(
      new PersonalDataCipher(Buffer.alloc(32, 2)).lookupHash('13812345678'),
    );
  });

  it('masks phone numbers for staff screens', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
