#!/usr/bin/env node
/**
 * `npm run test:clock`: the suites that need no browser or MariaDB (shared, server on SQLite, the
 * mini-program and the admin panel) with the system clock about ten months ahead of today, through
 * Debian's faketime. A test whose outcome follows the real date fails here long before it fails in CI.
 */
import { spawnSync } from 'node:child_process';

const MONTHS_AHEAD = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

const now = new Date();
const target = new Date(now);
target.setUTCMonth(target.getUTCMonth() + MONTHS_AHEAD);
const days = Math.round((target.getTime() - now.getTime()) / DAY_MS);

console.log(
  `test:clock: the clock reads ${target.toISOString().slice(0, 10)} (+${days} days) for shared, server:sqlite, miniapp and admin`,
);
const jestArgs = ['jest', '--selectProjects', 'shared', 'server:sqlite', 'miniapp', 'admin', ...process.argv.slice(2)];
const run = spawnSync('faketime', ['-f', `+${days}d`, 'npx', ...jestArgs], { stdio: 'inherit' });
if (run.error) {
  console.error(`test:clock: ${run.error.message}`);
  process.exit(1);
}
process.exit(run.status ?? 1);
