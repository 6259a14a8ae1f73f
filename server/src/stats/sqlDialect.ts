import type { EntityManager } from 'typeorm';
import { type Dialect, dialectOf } from '../db/dataSource';

/**
 * The only SQL that differs between SQLite and MySQL in the statistics: date arithmetic.
 * Everything else (month and day boundaries, "now") is computed in JS and passed as
 * parameters. Stored instants are UTC: SQLite keeps 'YYYY-MM-DD HH:MM:SS.SSS' text, MySQL
 * DATETIME(3) written with timezone 'Z'.
 */
export interface StatsDialect {
  /** Whole milliseconds from `from` to `to`, exact for millisecond timestamps. */
  millisecondsBetween(from: string, to: string): string;
  /** The Asia/Shanghai calendar day of an instant, as 'YYYY-MM-DD' text (fixed UTC+8, see calendar.ts). */
  shanghaiDay(column: string): string;
}

const DIALECTS: Record<Dialect, StatsDialect> = {
  // julianday is a double with sub-millisecond resolution at today's dates; rounding makes it exact.
  sqlite: {
    millisecondsBetween: (from, to) => `CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)`,
    shanghaiDay: (column) => `date(${column}, '+8 hours')`,
  },
  mysql: {
    millisecondsBetween: (from, to) => `(TIMESTAMPDIFF(MICROSECOND, ${from}, ${to}) DIV 1000)`,
    shanghaiDay: (column) => `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m-%d')`,
  },
};

export function statsDialect(manager: EntityManager): StatsDialect {
  return DIALECTS[dialectOf(manager.connection)];
}

/** A datetime column of a raw row: SQLite answers the stored UTC text, MySQL (timezone 'Z') a Date. */
export function instantOf(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}
