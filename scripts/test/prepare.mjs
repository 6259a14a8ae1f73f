#!/usr/bin/env node
/**
 * Prepares this machine for the tests, so the README's test command works on a fresh Debian box:
 *
 *   node scripts/test/prepare.mjs browser   Debian's Chromium and a Chinese font (end-to-end tests)
 *   node scripts/test/prepare.mjs speech    espeak-ng and sox (real Mandarin speech for the transcription tests)
 *   node scripts/test/prepare.mjs clock     faketime (npm run test:clock), and Redis as for database
 *   node scripts/test/prepare.mjs database  the database named in MYSQL_URL, created when missing, and Redis
 *   node scripts/test/prepare.mjs redis     Redis at REDIS_URL (default 127.0.0.1:6379), started when stopped
 *
 * A missing Debian package is installed with apt when running as root; otherwise the script stops
 * at once with one line naming the command to run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What each part needs: a Debian package and how to tell it is there. */
const NEEDS = {
  browser: [
    { pkg: 'chromium', present: () => fs.existsSync(CHROMIUM_PATH) },
    { pkg: 'fonts-wqy-microhei', present: () => debianHas('fonts-wqy-microhei') },
  ],
  // Speech for the voice tests: espeak-ng's Mandarin voice (cmn), made a 16 kHz mono WAV by sox.
  speech: [
    { pkg: 'espeak-ng', present: () => onPath('espeak-ng') },
    { pkg: 'sox', present: () => onPath('sox') },
  ],
  clock: [{ pkg: 'faketime', present: () => onPath('faketime') }],
  // The request limiter's tests share their counts through Redis.
  redis: [{ pkg: 'redis-server', present: () => onPath('redis-server') }],
};

function debianHas(pkg) {
  return (
    spawnSync('dpkg-query', ['-W', `-f=${'$'}{Status}`, pkg], { encoding: 'utf8' }).stdout?.includes(
      'install ok installed',
    ) ?? false
  );
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function fail(line) {
  console.error(`test prepare: ${line}`);
  process.exit(1);
}

function installPackages(part) {
  const missing = NEEDS[part].filter((need) => !need.present()).map((need) => need.pkg);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !onPath('apt-get')) fail(`missing ${missing.join(', ')}; run: sudo sh -c '${command}'`);
  console.log(`test prepare: installing ${missing.join(', ')} with apt`);
  execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${command}`], { stdio: 'inherit' });
  const still = NEEDS[part].filter((need) => !need.present()).map((need) => need.pkg);
  if (still.length > 0) fail(`apt did not install ${still.join(', ')}`);
}

async function createDatabase() {
  const raw = process.env.MYSQL_URL;
  if (!raw) return;
  const url = new URL(raw);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) fail(`MYSQL_URL must name a database of letters, digits and _ (got "${name}")`);
  const require = createRequire(import.meta.url);
  const mysql = require('mysql2/promise');
  let connection;
  try {
    connection = await mysql.createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    });
  } catch (error) {
    fail(
      `cannot reach MySQL/MariaDB at ${url.host} for MYSQL_URL (${error.code ?? error.message}); start it or leave MYSQL_URL out to test on SQLite only`,
    );
  }
  await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
}

/** Starts a throwaway local Redis (no persistence) when the one the tests use does not answer. */
function ensureRedis() {
  const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const port = url.port || '6379';
  const ping = () =>
    spawnSync('redis-cli', ['-h', url.hostname, '-p', port, 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG';
  installPackages('redis');
  if (ping()) return;
  if (!['127.0.0.1', 'localhost'].includes(url.hostname))
    fail(`cannot reach Redis at ${url.host} for REDIS_URL; start it`);
  console.log(`test prepare: starting Redis on port ${port}`);
  execFileSync(
    'redis-server',
    ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', port, '--save', '', '--appendonly', 'no'],
    { stdio: 'inherit' },
  );
  for (let attempt = 0; attempt < 50 && !ping(); attempt++) spawnSync('sleep', ['0.1']);
  if (!ping()) fail(`Redis did not start on port ${port}`);
}

const parts = process.argv.slice(2);
if (parts.length === 0) fail('name what to prepare: browser, speech, clock, database and/or redis');
for (const part of parts) {
  if (part === 'database') await createDatabase();
  else if (NEEDS[part]) installPackages(part);
  else fail(`unknown part "${part}"`);
  if (part === 'database' || part === 'clock' || part === 'redis') ensureRedis();
}
