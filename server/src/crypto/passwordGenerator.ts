import { randomInt } from 'node:crypto';

/** Without look-alikes (0/O, 1/l/I) so a password read off the screen is typed right the first time. */
const KINDS = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '@#$%&*+=?'];
const LENGTH = 12;

/** A random password meeting PASSWORD_RULE: every kind of character at least once, the rest drawn from all. */
export function generatePassword(): string {
  const all = KINDS.join('');
  const characters = KINDS.map((kind) => kind[randomInt(kind.length)]);
  while (characters.length < LENGTH) characters.push(all[randomInt(all.length)]);
  for (let index = characters.length - 1; index > 0; index--) {
    const other = randomInt(index + 1);
    [characters[index], characters[other]] = [characters[other], characters[index]];
  }
  return characters.join('');
}
