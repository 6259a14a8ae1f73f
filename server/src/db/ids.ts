import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

/**
 * ulid's own generator asks the operating system for one random byte per character (16 calls for
 * an id); this serves the same cryptographically random bytes from a pool refilled 4 KB at a time.
 */
function pooledRandom(): () => number {
  const pool = new Uint8Array(4096);
  let next = pool.length;
  return () => {
    if (next === pool.length) {
      randomFillSync(pool);
      next = 0;
    }
    return pool[next++] / 256;
  };
}

/** Time-sortable string ids (ULID): no auto-increment, safe on a distributed database. */
export const newId: () => string = monotonicFactory(pooledRandom());
