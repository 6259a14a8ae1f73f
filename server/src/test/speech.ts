import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Real speech for tests: espeak-ng's Mandarin voice (cmn) says `text`, and sox turns it into what
 * the H5 recorder uploads — a 16 kHz mono 16-bit PCM WAV (through a file, so the header holds the
 * true length). Both are Debian packages that scripts/test/prepare.mjs installs with the browser tools.
 */
export function spokenWav(text: string, options: { rate?: number; padSeconds?: number } = {}): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-speech-'));
  try {
    const spoken = path.join(dir, 'spoken.wav');
    const clip = path.join(dir, 'clip.wav');
    execFileSync('espeak-ng', ['-v', 'cmn', '-w', spoken, text]);
    const pad = options.padSeconds ? ['pad', '0', String(options.padSeconds)] : [];
    execFileSync('sox', [
      spoken,
      '-r',
      String(options.rate ?? 16000),
      '-c',
      '1',
      '-b',
      '16',
      '-e',
      'signed-integer',
      clip,
      ...pad,
    ]);
    return fs.readFileSync(clip);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
