import { formatSerialNo, serialDay } from '@minqing/shared';
import type { EntityManager } from 'typeorm';

/**
 * The next serial number of the day. On MySQL the counter is bumped in its own statement
 * (LAST_INSERT_ID(expr) returns the new value without holding a lock for a whole transaction);
 * on SQLite, where writes are serial anyway, inside the caller's transaction.
 */
export async function allocateSerialNo(manager: EntityManager, prefix: string, at: Date): Promise<string> {
  const day = serialDay(at);
  const key = `${prefix}${day}`;
  let sequence: number;
  if (manager.connection.options.type === 'mysql') {
    const result = (await manager.query(
      'INSERT INTO serial_counters (day, value) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE value = LAST_INSERT_ID(value + 1)',
      [key],
    )) as { insertId: number };
    sequence = Number(result.insertId);
  } else {
    const rows = (await manager.query(
      'INSERT INTO serial_counters (day, value) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET value = value + 1 RETURNING value',
      [key],
    )) as { value: number }[];
    sequence = Number(rows[0].value);
  }
  return formatSerialNo(prefix, day, sequence);
}
