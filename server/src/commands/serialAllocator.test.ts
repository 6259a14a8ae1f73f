import type { DataSource } from 'typeorm';
import { transaction } from '../db/dataSource';
import { createTestDataSource, testDatabaseUrl, testDialect } from '../test/testDatabase';
import { SERIAL_BLOCK, serialNoBeforeTransaction, serialNosInTransaction } from './serialAllocator';

const AT = new Date('2026-11-22T02:00:00Z');
const sequenceOf = (serialNo: string) => Number(serialNo.split('-')[1]);

/** Numbers as a submission takes them (before its transaction, else inside it), `count` at once. */
const issue = (dataSource: DataSource, count: number) =>
  Promise.all(
    Array.from({ length: count }, async () => {
      const early = await serialNoBeforeTransaction(dataSource, 'HY', AT);
      return sequenceOf(early ?? (await transaction(dataSource, (tx) => serialNosInTransaction(tx, 'HY', AT, 1)))[0]);
    }),
  );

describe('serial numbers', () => {
  const opened: DataSource[] = [];
  afterAll(() =>
    Promise.all(opened.filter((dataSource) => dataSource.isInitialized).map((dataSource) => dataSource.destroy())),
  );

  it('never issues a number twice when two server processes share the database, and restarts above them', async () => {
    const url = await testDatabaseUrl('file');
    // Each data source stands for one server process: its own connections and its own reserved numbers.
    const open = async () => {
      const dataSource = await createTestDataSource(url);
      opened.push(dataSource);
      return dataSource;
    };
    const [first, second] = [await open(), await open()];
    // SQLite serves one process: two in one node thread would wait on each other's write lock synchronously.
    const [fromFirst, fromSecond] =
      testDialect() === 'mysql'
        ? await Promise.all([issue(first, 45), issue(second, 45)])
        : [await issue(first, 45), await issue(second, 45)];
    const all = [...fromFirst, ...fromSecond];
    expect(new Set(all).size).toBe(90);
    // Each process issues its own numbers in order.
    for (const numbers of [fromFirst, fromSecond]) expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    await first.destroy();
    const restarted = await open();
    const afterRestart = await issue(restarted, 5);
    expect(Math.min(...afterRestart)).toBeGreaterThan(Math.max(...fromFirst));
    expect(new Set([...all, ...afterRestart]).size).toBe(95);
    // What a stopped process had reserved is skipped, never reissued: a gap of less than one block.
    expect(Math.min(...afterRestart) - Math.max(...all)).toBeLessThanOrEqual(SERIAL_BLOCK);
  });
});
