import { serialDay } from '@minqing/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { transaction } from '../db/dataSource';
import { type Attachment, ContentCheck, IdempotencyKey, Report, type ReportEvent } from '../db/entities';
import { groupWhileBusy } from '../db/groupWhileBusy';
import { insertRows } from '../db/insertRows';
import type { TimelineRecords } from '../presenters/report';
import { type NewEvent, appendEvents } from './reportEvents';
import { serialNosInTransaction } from './serialAllocator';

/** A report ready to be stored: everything decided, nothing written yet. */
export interface PreparedSubmission {
  /** The Idempotency-Key to remember with the report, if the submitter sent one. */
  idempotencyKey: IdempotencyKey | null;
  /** The report; its serialNo is null when it is taken inside the transaction (SQLite). */
  report: Omit<Report, 'serialNo'> & { serialNo: string | null };
  serialPrefix: string;
  events: NewEvent[];
  /** What is written with the report after its events: its media and transcription; its content checks to insert. */
  complete: (
    tx: EntityManager,
    report: Report,
    events: ReportEvent[],
  ) => Promise<{ attachments: Attachment[]; contentChecks: ContentCheck[] }>;
}

export interface WrittenSubmission {
  report: Report;
  records: TimelineRecords;
}

/** At most this many submissions share a transaction. */
const GROUP_SIZE = 50;

/** Each item's serial number: the one it brought, else the next of its day's counter. */
async function serialNosOf(tx: EntityManager, items: PreparedSubmission[]): Promise<string[]> {
  const serialNos = items.map((item) => item.report.serialNo);
  const byDay = new Map<string, number[]>();
  items.forEach((item, index) => {
    if (item.report.serialNo !== null) return;
    const day = `${item.serialPrefix}${serialDay(item.report.createdAt)}`;
    byDay.set(day, [...(byDay.get(day) ?? []), index]);
  });
  for (const indexes of byDay.values()) {
    const { serialPrefix, report } = items[indexes[0]];
    const issued = await serialNosInTransaction(tx, serialPrefix, report.createdAt, indexes.length);
    indexes.forEach((index, position) => {
      serialNos[index] = issued[position];
    });
  }
  return serialNos as string[];
}

/**
 * Writes submissions in the caller's transaction: their Idempotency-Keys, reports, events and
 * content checks each in one statement, with what each adds (its media). The rows are built anew here, so a group that failed can
 * be written again item by item.
 */
async function writeSubmissions(tx: EntityManager, items: PreparedSubmission[]): Promise<WrittenSubmission[]> {
  const keys = items.flatMap((item) => (item.idempotencyKey ? [item.idempotencyKey] : []));
  // The keys go first: a retry racing its original fails on its key before writing anything else.
  await insertRows(tx, IdempotencyKey, keys);
  const serialNos = await serialNosOf(tx, items);
  const reports = items.map((item, index) => Object.assign(new Report(), item.report, { serialNo: serialNos[index] }));
  await insertRows(tx, Report, reports);
  const events = await appendEvents(
    tx,
    items.flatMap((item) => item.events),
  );
  const written: WrittenSubmission[] = [];
  const contentChecks: ContentCheck[] = [];
  let first = 0;
  for (const [index, item] of items.entries()) {
    const own = events.slice(first, (first += item.events.length));
    const completed = await item.complete(tx, reports[index], own);
    contentChecks.push(...completed.contentChecks);
    written.push({ report: reports[index], records: { events: own, attachments: completed.attachments } });
  }
  await insertRows(tx, ContentCheck, contentChecks);
  return written;
}

const settle = <T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> =>
  promise.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );

/**
 * A group in one transaction; if it fails (a retried key, an upload already used, any error),
 * each of its submissions alone, so one bad submission fails only itself.
 */
async function writeGroup(
  dataSource: DataSource,
  items: PreparedSubmission[],
): Promise<PromiseSettledResult<WrittenSubmission>[]> {
  if (items.length > 1) {
    const together = await settle(transaction(dataSource, (tx) => writeSubmissions(tx, items)));
    if (together.status === 'fulfilled') return together.value.map((value) => ({ status: 'fulfilled', value }));
  }
  const settled: PromiseSettledResult<WrittenSubmission>[] = [];
  for (const item of items)
    settled.push(await settle(transaction(dataSource, async (tx) => (await writeSubmissions(tx, [item]))[0])));
  return settled;
}

const writers = new WeakMap<DataSource, (item: PreparedSubmission) => Promise<WrittenSubmission>>();

/**
 * Stores a prepared submission, answering once its transaction has committed. Submissions that
 * arrive while another group is being written are written together in the next transaction
 * (group commit): the statements per submission fall with the load, and nothing is answered
 * before it is stored.
 */
export function writeSubmission(dataSource: DataSource, item: PreparedSubmission): Promise<WrittenSubmission> {
  let write = writers.get(dataSource);
  if (!write) writers.set(dataSource, (write = groupWhileBusy((items) => writeGroup(dataSource, items), GROUP_SIZE)));
  return write(item);
}
