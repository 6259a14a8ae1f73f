import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../db/dataSource';

/** The database a test file runs on: in-memory SQLite, or a fresh MySQL database per jest worker. */
export function testDialect(): 'sqlite' | 'mysql' {
  return process.env.TEST_DATABASE === 'mysql' ? 'mysql' : 'sqlite';
}

export async function createTestDataSource(): Promise<DataSource> {
  if (testDialect() === 'sqlite') {
    const dataSource = createDataSource('sqlite::memory:');
    await dataSource.initialize();
    await dataSource.runMigrations();
    return dataSource;
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
  const dataSource = createDataSource(url.toString());
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
