import { newId } from './ids';

describe('newId', () => {
  it('gives distinct, increasing ULIDs across more random bytes than one pool holds', () => {
    const ids = Array.from({ length: 2000 }, () => newId());
    for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('draws the random part of a new millisecond from every one of the 32 characters', () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T08:00:00Z') });
    try {
      const seen = new Set<string>();
      for (let step = 0; step < 400; step++) {
        jest.advanceTimersByTime(1);
        for (const char of newId().slice(10)) seen.add(char);
      }
      expect(seen.size).toBe(32);
    } finally {
      jest.useRealTimers();
    }
  });
});
