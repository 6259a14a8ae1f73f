// Time-ordered ULIDs (48-bit ms time + 80 random bits, Crockford base32), as the server's ids.
import { randomFillSync } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Returns `next(timeMs)`. Ids never go backwards: within the same millisecond (or for a time
 * earlier than the last one) the random part is incremented, as ulid's monotonicFactory does,
 * so bulk inserts in time order append to the primary key instead of splitting pages.
 */
export function ulidFactory() {
  let lastTime = -1;
  const random = new Uint8Array(16); // 16 base32 digits of 5 bits each
  const pool = Buffer.alloc(64 * 1024);
  let poolOffset = pool.length;

  const refill = () => {
    for (let index = 0; index < 16; index += 1) {
      if (poolOffset === pool.length) {
        randomFillSync(pool);
        poolOffset = 0;
      }
      random[index] = pool[poolOffset++] & 31;
    }
    random[0] &= 15; // leave room to increment without overflowing 80 bits
  };

  return function next(timeMs) {
    if (timeMs > lastTime) {
      lastTime = timeMs;
      refill();
    } else {
      let index = 15;
      while (random[index] === 31) random[index--] = 0;
      random[index] += 1;
    }
    let time = lastTime;
    const chars = new Array(26);
    for (let index = 9; index >= 0; index -= 1) {
      chars[index] = CROCKFORD[time % 32];
      time = Math.floor(time / 32);
    }
    for (let index = 0; index < 16; index += 1) chars[10 + index] = CROCKFORD[random[index]];
    return chars.join('');
  };
}
