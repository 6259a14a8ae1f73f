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
  /** The instant `days` whole days after an instant, comparable with stored instants. */
  plusDays(column: string, days: number): string;
}

const DIALECTS: Record<Dialect, StatsDialect> = {
  // julianday is a double with sub-millisecond resolution at today's dates; rounding makes it exact.
  sqlite: {
    millisecondsBetween: (from, to) => `CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)`,
    shanghaiDay: (column) => `date(${column}, '+8 hours')`,
    plusDays: (column, days) => `strftime('%Y-%m-%d %H:%M:%f', ${column}, '+${Math.trunc(days)} days')`,
  },
  mysql: {
    millisecondsBetween: (from, to) => `(TIMESTAMPDIFF(MICROSECOND, ${from}, ${to}) DIV 1000)`,
    shanghaiDay: (column) => `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m-%d')`,
    plusDays: (column, days) => `DATE_ADD(${column}, INTERVAL ${Math.trunc(days)} DAY)`,
  },
};

export function statsDialect(manager: EntityManager): StatsDialect {
  return DIALECTS[dialectOf(manager.connection)];
}
