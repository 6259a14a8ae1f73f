import type { QueryRunner, TableColumnOptions } from 'typeorm';

/** Column builders for migrations: one definition, valid on SQLite and MySQL/MariaDB. */
export const id = (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '26', isPrimary: true });
export const ref = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '26',
  isNullable: nullable,
});
export const str = (name: string, length: number, nullable = false, defaultValue?: string): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
  ...(defaultValue === undefined ? {} : { default: `'${defaultValue}'` }),
});
export const text = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});
export const int = (name: string, nullable = false, defaultValue?: number): TableColumnOptions => ({
  name,
  type: 'int',
  isNullable: nullable,
  ...(defaultValue === undefined ? {} : { default: defaultValue }),
});
export const double = (name: string): TableColumnOptions => ({ name, type: 'double', isNullable: true });
export const bool = (name: string, defaultValue = false): TableColumnOptions => ({
  name,
  type: 'boolean',
  default: defaultValue ? 1 : 0,
});
export const datetime = (name: string, nullable = true): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable: nullable,
});
export type Dialect = 'sqlite' | 'mysql';
export const dialectOf = (queryRunner: QueryRunner): Dialect =>
  queryRunner.connection.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';

/** The database fills it on insert, to the millisecond, in UTC. */
const now: Record<Dialect, string> = {
  sqlite: "(strftime('%Y-%m-%d %H:%M:%f', 'now'))",
  mysql: 'CURRENT_TIMESTAMP(3)',
};
export const timestamp = (dialect: Dialect, name: 'createdAt' | 'updatedAt' = 'createdAt'): TableColumnOptions => ({
  ...datetime(name, false),
  default: now[dialect],
});
