import { formatSerialNo, parseSerialNo, serialDay } from './serialNo';

describe('serial numbers', () => {
  it('formats HY + local date + a four-digit daily sequence', () => {
    expect(formatSerialNo('HY', '20261122', 42)).toBe('HY20261122-0042');
    expect(formatSerialNo('HY', '20261122', 12345)).toBe('HY20261122-12345');
  });

  it('uses the China Standard Time day', () => {
    expect(serialDay(new Date('2026-11-22T15:59:59Z'))).toBe('20261122');
    expect(serialDay(new Date('2026-11-22T16:00:00Z'))).toBe('20261123');
  });

  it('parses what it formats and refuses the rest', () => {
    expect(parseSerialNo('HY20261122-0042')).toEqual({ prefix: 'HY', day: '20261122', sequence: 42 });
    expect(parseSerialNo('hy20261122-0042')).toBeNull();
    expect(parseSerialNo('HY2026112-0042')).toBeNull();
    expect(() => formatSerialNo('hy', '20261122', 1)).toThrow('prefix');
    expect(() => formatSerialNo('HY', '20261122', 0)).toThrow('sequence');
  });
});
