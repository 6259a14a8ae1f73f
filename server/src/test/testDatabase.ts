import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../db/dataSource';

/** The database a test file runs on: in-memory SQLite, or a fresh MySQL database per jest worker. */
export function testDialect(): 'sqlite' | 'mysql' {
  return process.env.TEST_DATABASE === 'mysql' ? 'mysql' : 'sqlite';
}

/**
 * A fresh, empty database for this test file, as a DATABASE_URL: in-memory SQLite, a SQLite file
 * when another process or data source must open it too (`sqlite: 'file'`), or the jest worker's
 * MySQL database, dropped and created anew (so one per test file).
 */
export async function testDatabaseUrl(sqlite: 'memory' | 'file' = 'memory'): Promise<string> {
  if (testDialect() === 'sqlite') {
    if (sqlite === 'memory') return 'sqlite::memory:';
    return `sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-db-')), 'test.sqlite')}`;
  }
  const base = process.env.MYSQL_URL;
  if (!base) throw new Error('MYSQL_URL is required for the mysql test project');
  const url = new URL(base);
  const name = `${url.pathname.slice(1) || 'minqing_test'}_w${process.env.JEST_WORKER_ID ?? '1'}`;
  const admin = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  url.pathname = `/${name}`;
  return url.toString();
}

/** A migrated data source on `url`, by default a fresh test database. */
export async function createTestDataSource(url?: string): Promise<DataSource> {
  const dataSource = createDataSource(url ?? (await testDatabaseUrl()));
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
