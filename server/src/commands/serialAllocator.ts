import { formatSerialNo, serialDay } from '@minqing/shared';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * How many of a day's numbers a MySQL server process reserves in one statement. The numbers a
 * process had reserved and not used when it stops are never issued: a day's numbers may have gaps
 * (as a replayed submission leaves), never a duplicate, and each process issues its own in order.
 */
export const SERIAL_BLOCK = 20;

/** Numbers reserved and not yet issued, per day key (`HY20261122`), per process and database. */
interface Block {
  next: number;
  last: number;
  /** The reservation under way: callers that find the block used up wait for it together. */
  reserving: Promise<void> | null;
}
const reserved = new WeakMap<DataSource, Map<string, Block>>();

/** Bumps the day's counter by `count` in its own statement and returns the last number it reserved. */
async function reserveMysql(manager: EntityManager, key: string, count: number): Promise<number> {
  // LAST_INSERT_ID(expr) returns the new value without holding the counter's lock for a transaction.
  const result = (await manager.query(
    'INSERT INTO serial_counters (day, value) VALUES (?, LAST_INSERT_ID(?)) ON DUPLICATE KEY UPDATE value = LAST_INSERT_ID(value + ?)',
    [key, count, count],
  )) as { insertId: number };
  return Number(result.insertId);
}

async function nextFromBlock(dataSource: DataSource, key: string): Promise<number> {
  let blocks = reserved.get(dataSource);
  if (!blocks) reserved.set(dataSource, (blocks = new Map()));
  let block = blocks.get(key);
  if (!block) blocks.set(key, (block = { next: 1, last: 0, reserving: null }));
  while (block.next > block.last) {
    if (!block.reserving) {
      const reserving = reserveMysql(dataSource.manager, key, SERIAL_BLOCK).then((last) => {
        block.next = last - SERIAL_BLOCK + 1;
        block.last = last;
      });
      block.reserving = reserving.finally(() => {
        block.reserving = null;
      });
      // A reservation that failed reaches every waiter; the next call tries again.
    }
    await block.reserving;
  }
  // Only yesterday's key and today's are worth keeping.
  if (blocks.size > 2) for (const day of [...blocks.keys()].filter((day) => day < key)) blocks.delete(day);
  return block.next++;
}

/**
 * The day's next serial number, taken before the submission's transaction: on MySQL from this
 * process's block, reserved outside any transaction (a rollback never hands a number out twice,
 * and a reservation never waits for a pooled connection a transaction holds). On SQLite null:
 * take it inside the transaction with `serialNosInTransaction`.
 */
export async function serialNoBeforeTransaction(
  dataSource: DataSource,
  prefix: string,
  at: Date,
): Promise<string | null> {
  if (dataSource.options.type !== 'mysql') return null;
  const day = serialDay(at);
  return formatSerialNo(prefix, day, await nextFromBlock(dataSource, `${prefix}${day}`));
}

/**
 * On SQLite, where writes are serial anyway, the counter is bumped inside the caller's transaction:
 * the day's next `count` numbers in one statement (a group of submissions written together).
 */
export async function serialNosInTransaction(
  tx: EntityManager,
  prefix: string,
  at: Date,
  count: number,
): Promise<string[]> {
  const day = serialDay(at);
  const rows = (await tx.query(
    'INSERT INTO serial_counters (day, value) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET value = value + ? RETURNING value',
    [`${prefix}${day}`, count, count],
  )) as { value: number }[];
  const last = Number(rows[0].value);
  return Array.from({ length: count }, (_, index) => formatSerialNo(prefix, day, last - count + 1 + index));
}
