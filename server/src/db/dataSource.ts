import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import * as tables from './entities';
import { migrations } from './migrations';

const entities = Object.values(tables);

export type Dialect = 'sqlite' | 'mysql';

export function dialectOfUrl(url: string): Dialect {
  if (url.startsWith('mysql://')) return 'mysql';
  if (url.startsWith('sqlite:')) return 'sqlite';
  throw new Error('DATABASE_URL must start with sqlite: or mysql://');
}

/** `sqlite:path/to/file.sqlite`, `sqlite::memory:` or `mysql://user:pass@host:port/db`. */
export function createDataSource(url: string): DataSource {
  if (dialectOfUrl(url) === 'mysql') {
    return new DataSource({
      type: 'mysql',
      url,
      entities,
      migrations,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      extra: { connectionLimit: 20 },
      supportBigNumbers: true,
    });
  }
  const database = url.slice('sqlite:'.length);
  if (database !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(database)), { recursive: true });
  return new DataSource({
    type: 'better-sqlite3',
    database,
    entities,
    migrations,
    prepareDatabase: (db: { pragma: (sql: string) => void }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  });
}

export function dialectOf(dataSource: DataSource): Dialect {
  return dataSource.options.type === 'mysql' ? 'mysql' : 'sqlite';
}

/**
 * Runs `work` in one transaction. SQLite has a single connection, so its transactions are
 * queued here instead of failing with "cannot start a transaction within a transaction".
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

export function transaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dialectOf(dataSource) === 'mysql') return dataSource.transaction(work);
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => dataSource.transaction(work));
  sqliteQueues.set(dataSource, next);
  return next;
}
