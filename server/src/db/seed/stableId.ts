import { createHash } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A stable, ULID-shaped id derived from `key`, so that re-seeding (and rows pointing at the
 * seeded one) finds the same row every run. The first character stays within 0–7, as in a
 * real ULID, so ULID parsers accept it: 3 + 25 × 5 = 128 bits, the first 16 bytes of the digest.
 */
export function stableId(key: string): string {
  const digest = createHash('sha256').update(key).digest();
  let bits = BigInt(`0x${digest.subarray(0, 16).toString('hex')}`);
  const chars: string[] = [];
  for (let index = 0; index < 25; index += 1) {
    chars.push(CROCKFORD[Number(bits & 31n)]);
    bits >>= 5n;
  }
  chars.push(CROCKFORD[Number(bits & 7n)]);
  return chars.reverse().join('');
}
