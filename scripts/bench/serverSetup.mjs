// The database and the real server (server/dist) for a benchmark run: a fresh database, then
// the server as a child process, migrated and demo-seeded, as bench-server.mjs does it.
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import mysql from 'mysql2/promise';
import { startChild, freePort, waitForHealth } from './processes.mjs';

/** Drops and recreates `settings.database` (config.mjs allows only minqing_bench* names). */
export async function resetDatabase(settings) {
  const admin = await mysql.createConnection(settings.mysql);
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${settings.database}\``);
    await admin.query(`CREATE DATABASE \`${settings.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const [[server]] = await admin.query('SELECT VERSION() AS version, @@innodb_buffer_pool_size AS bufferPool');
    return server;
  } finally {
    await admin.end();
  }
}

/** MariaDB's version and buffer pool, for the report's header. */
export async function databaseVersion(settings) {
  const admin = await mysql.createConnection(settings.mysql);
  try {
    const [[server]] = await admin.query('SELECT VERSION() AS version, @@innodb_buffer_pool_size AS bufferPool');
    return server;
  } finally {
    await admin.end();
  }
}

/** Reports the bulk seed wrote (serial prefix BM) in `settings.database`; 0 when it has none or does not exist. */
export async function seededReports(settings) {
  const admin = await mysql.createConnection({ ...settings.mysql, database: settings.database }).catch(() => null);
  if (!admin) return 0;
  try {
    const [[row]] = await admin.query("SELECT COUNT(*) AS n FROM reports WHERE serialNo LIKE 'BM%'");
    return Number(row.n);
  } catch {
    return 0;
  } finally {
    await admin.end();
  }
}

/** The pool the seed and the measurements share: one connection per parallel seed batch, and two more. */
export function benchPool(settings) {
  return mysql.createPool({
    ...settings.mysql,
    database: settings.database,
    connectionLimit: settings.seedParallel + 2,
    timezone: 'Z',
  });
}

/** Starts server/dist/index.js on a free port in demo mode and waits for /healthz. */
export async function startRealServer({ settings, repoRoot, log, env = {}, nodeArgs = [] }) {
  const port = await freePort();
  const handle = startChild('server', path.join(repoRoot, 'server', 'dist', 'index.js'), {
    cwd: path.join(repoRoot, 'server'),
    nodeArgs,
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: settings.databaseUrl,
      DEMO_MODE: 'true',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      TOKEN_SECRET: settings.tokenSecret,
      DATA_ENCRYPTION_KEY: settings.dataEncryptionKey,
      // Keep uploads and demo files out of the working tree.
      DATA_DIR: path.join(os.tmpdir(), `${settings.database}-data`),
      // The benchmark measures the server, not its per-account and per-address request limits.
      RATE_LIMITS: 'off',
      ...env,
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = performance.now();
  await waitForHealth(handle, `${baseUrl}/healthz`);
  log(`server up on ${baseUrl} (migrated and seeded in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return { handle, baseUrl };
}
