// Draws the mini-program's tab bar icons (81×81 PNG, grey and selected red) from small SVGs.
// Run once after changing a shape: node scripts/make-tab-icons.mjs
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const sharp = require('sharp');
const out = path.resolve('miniapp/src/assets/tabbar');

const shapes = {
  // 首页: a house
  home: '<path d="M12 40 L40 14 L68 40 M20 34 V66 H34 V48 H46 V66 H60 V34" fill="none" stroke-width="6" stroke-linejoin="round" stroke-linecap="round"/>',
  // 民情直达: a microphone
  report:
    '<rect x="30" y="10" width="20" height="36" rx="10" fill="none" stroke-width="6"/><path d="M20 36 a20 20 0 0 0 40 0 M40 56 V68 M28 68 H52" fill="none" stroke-width="6" stroke-linecap="round"/>',
  // 政务村务: a notice board
  notices:
    '<rect x="14" y="12" width="52" height="46" rx="4" fill="none" stroke-width="6"/><path d="M24 26 H56 M24 36 H56 M24 46 H44 M28 58 L22 70 M52 58 L58 70" fill="none" stroke-width="6" stroke-linecap="round"/>',
  // 我的: a person
  me: '<circle cx="40" cy="26" r="13" fill="none" stroke-width="6"/><path d="M14 68 a26 22 0 0 1 52 0" fill="none" stroke-width="6" stroke-linecap="round"/>',
};
const colors = { normal: '#666666', active: '#c8102e' };

for (const [name, body] of Object.entries(shapes)) {
  for (const [state, color] of Object.entries(colors)) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 80 80"><g stroke="${color}">${body}</g></svg>`;
    const file = path.join(out, state === 'normal' ? `${name}.png` : `${name}-active.png`);
    await sharp(Buffer.from(svg)).png().toFile(file);
  }
}
console.log(`tab icons written to ${out}`);
