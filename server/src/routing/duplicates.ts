import type { DataSource, EntityManager } from 'typeorm';
import { OPEN_STATUSES } from '@minqing/shared';
import { Report } from '../db/entities';
import { groupWhileBusy } from '../db/groupWhileBusy';

/**
 * "Similar" means: the Dice coefficient of the two texts' character bigrams, after dropping
 * whitespace and punctuation, is at least the threshold. Bigrams suit Chinese, which has no
 * spaces, and survive the word-order changes of spoken reports; the same category, village and
 * time window around it keep unrelated matters apart.
 */
export function textSimilarity(a: string, b: string): number {
  return diceOf(bigrams(a), bigrams(b));
}

function diceOf(left: ReadonlySet<number>, right: ReadonlySet<number>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  return (2 * shared) / (left.size + right.size);
}

/**
 * The text's bigrams, each as a number: its two UTF-16 code units in one 32-bit integer, or for a
 * text of one character that character plus ½ — equal exactly when the two-character strings are,
 * without a string made, hashed and compared per bigram.
 */
function bigrams(text: string): Set<number> {
  const plain = text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
  const grams = new Set<number>();
  for (let index = 0; index + 1 < plain.length; index++)
    grams.add((plain.charCodeAt(index) << 16) | plain.charCodeAt(index + 1));
  if (plain.length === 1) grams.add(plain.charCodeAt(0) + 0.5);
  return grams;
}

export interface DuplicateSettings {
  windowDays: number;
  minSimilarity: number;
}

/** How many recent open reports are compared: enough for a village, bounded for a busy day. */
const CANDIDATES = 30;

type Candidate = Pick<Report, 'id' | 'text' | 'transcript' | 'createdAt'>;

type Column = 'categoryCode' | 'predictedCategoryCode';

/**
 * A village's recent open reports whose `column` (the chosen or the predicted category) is the
 * given one, newest first, tagged with `branch`: the statement reads its own index
 * (idx_reports_duplicates_category / _predicted) backwards and stops after CANDIDATES rows,
 * however many reports the village has. Its parameters: village, category, bound.
 */
function branchSql(manager: EntityManager, column: Column, branch: number): string {
  const quote = (name: string) => manager.connection.driver.escape(name);
  // Our own constants, written into the statement: fewer parameters to escape per submission.
  const statuses = OPEN_STATUSES.map((status) => {
    if (!/^[a-z_]+$/.test(status)) throw new Error(`unexpected status ${status}`);
    return `'${status}'`;
  }).join(', ');
  return (
    `SELECT ${branch} AS ${quote('branch')}, ${quote('id')}, ${quote('text')}, ${quote('transcript')}, ${quote('createdAt')} FROM ${quote('reports')} ` +
    `WHERE ${quote('villageCode')} = ? AND ${quote(column)} = ? AND ${quote('createdAt')} >= ? AND ${quote('status')} IN (${statuses}) ` +
    `ORDER BY ${quote('createdAt')} DESC LIMIT ${CANDIDATES}`
  );
}

/** The bound as the driver stores a createdAt (a Date for MySQL, UTC text for SQLite). */
function boundOf(manager: EntityManager, since: Date): unknown {
  const createdAt = manager.connection.getMetadata(Report).findColumnWithPropertyName('createdAt')!;
  return manager.connection.driver.preparePersistentValue(since, createdAt);
}

/** A createdAt as compared: a Date (MySQL) by its time, UTC text (SQLite) as it is. */
const stampOf = (value: unknown): number | string => (value instanceof Date ? value.getTime() : (value as string));

interface CandidateQuestion {
  villageCode: string;
  category: string;
  bound: unknown;
}

interface CandidateLists {
  chosen: Candidate[];
  predicted: Candidate[];
}

/** At most this many villages and categories are read by one statement: 100 branches, well within SQLite's 500. */
const QUESTIONS_PER_STATEMENT = 50;

/**
 * Both lists of each question (village and category from `bound` on), each newest first, at most
 * CANDIDATES, in one statement: a UNION ALL of each list's own LIMITed branch, so each still stops
 * early on its index (MariaDB runs it without a temporary table). SQLite takes a LIMITed branch
 * only as a subquery; MySQL takes it in parentheses.
 */
async function listsOf(manager: EntityManager, questions: readonly CandidateQuestion[]): Promise<CandidateLists[]> {
  const lists = questions.map((): CandidateLists => ({ chosen: [], predicted: [] }));
  const mysql = manager.connection.driver.options.type === 'mysql';
  for (let start = 0; start < questions.length; start += QUESTIONS_PER_STATEMENT) {
    const part = questions.slice(start, start + QUESTIONS_PER_STATEMENT);
    const branches = part.flatMap((_, index) => [
      branchSql(manager, 'categoryCode', 2 * (start + index)),
      branchSql(manager, 'predictedCategoryCode', 2 * (start + index) + 1),
    ]);
    const sql = branches.map((branch) => (mysql ? `(${branch})` : `SELECT * FROM (${branch})`)).join(' UNION ALL ');
    const parameters = part.flatMap(({ villageCode, category, bound }) => [
      villageCode,
      category,
      bound,
      villageCode,
      category,
      bound,
    ]);
    const rows = (await manager.query(sql, parameters)) as (Candidate & { branch: number | string })[];
    for (const { branch, ...candidate } of rows) {
      const at = Number(branch);
      lists[at >> 1][at & 1 ? 'predicted' : 'chosen'].push(candidate);
    }
  }
  return lists;
}

type Merged = { row: Candidate; at: number | string }[];

/** Both lists of a village and category as one, each report once, newest first (ties in the order read). */
function merged(lists: CandidateLists): Merged {
  const seen = new Set(lists.chosen.map((candidate) => candidate.id));
  return [...lists.chosen, ...lists.predicted.filter((candidate) => !seen.has(candidate.id))]
    .map((row) => ({ row, at: stampOf(row.createdAt) }))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/**
 * The recent open reports of a village in one category, chosen or predicted, from `bound` on:
 * the newest CANDIDATES of both lists together. Those from a bound on are the first of the merged
 * list, newest first, so each submission of a group takes its own from the one list.
 */
function candidatesFrom(list: Merged, bound: unknown): Candidate[] {
  const from = stampOf(bound);
  const taken: Candidate[] = [];
  for (const { row, at } of list) {
    if (taken.length === CANDIDATES || at < from) break;
    taken.push(row);
  }
  return taken;
}

/** At most this many submissions' questions are answered by one statement. */
const GROUP_SIZE = 50;

const readers = new WeakMap<DataSource, (question: CandidateQuestion) => Promise<Candidate[]>>();

/**
 * Outside a transaction, the candidates asked for while another read of them is under way are
 * read together: one statement for the group, two branches per village and category in it, from
 * the earliest bound asked, merged once per village and category; each caller then takes the rows
 * from its own bound on. The rows newer than a later bound are the first of the earlier bound's
 * rows (both newest first), so each caller gets the CANDIDATES it would have read alone; the
 * statement starts after each question was asked.
 */
function groupedReader(dataSource: DataSource) {
  let read = readers.get(dataSource);
  if (!read) {
    const manager = dataSource.manager;
    read = groupWhileBusy(async (questions: CandidateQuestion[]) => {
      const earliest = new Map<string, CandidateQuestion>();
      for (const question of questions) {
        const key = `${question.villageCode}\u0000${question.category}`;
        const known = earliest.get(key);
        if (!known || stampOf(question.bound) < stampOf(known.bound)) earliest.set(key, question);
      }
      const asked = [...earliest.values()];
      const found = await listsOf(manager, asked);
      const lists = new Map([...earliest.keys()].map((key, index) => [key, merged(found[index])]));
      return questions.map(
        (question): PromiseFulfilledResult<Candidate[]> => ({
          status: 'fulfilled',
          value: candidatesFrom(lists.get(`${question.villageCode}\u0000${question.category}`)!, question.bound),
        }),
      );
    }, GROUP_SIZE);
    readers.set(dataSource, read);
  }
  return read;
}

async function candidatesOf(manager: EntityManager, villageCode: string, category: string, since: Date) {
  const bound = boundOf(manager, since);
  // In a transaction, its own reads; otherwise with the submissions that ask meanwhile.
  if (manager.queryRunner) {
    const [lists] = await listsOf(manager, [{ villageCode, category, bound }]);
    return candidatesFrom(merged(lists), bound);
  }
  return groupedReader(manager.connection)({ villageCode, category, bound });
}

/** How many candidates' bigrams are remembered: a few busy villages' recent reports. */
const REMEMBERED_GRAMS = 2_000;
const rememberedGrams = new Map<string, { text: string; grams: Set<number> }>();

/**
 * The bigrams of a report's text, remembered by its id while its text stays the same (the oldest
 * remembered forgotten first): the same recent reports are compared with every new report of
 * their village and category.
 */
function gramsOf(id: string, text: string): ReadonlySet<number> {
  const known = rememberedGrams.get(id);
  if (known?.text === text) return known.grams;
  const grams = bigrams(text);
  if (known) rememberedGrams.delete(id);
  else if (rememberedGrams.size >= REMEMBERED_GRAMS) rememberedGrams.delete(rememberedGrams.keys().next().value!);
  rememberedGrams.set(id, { text, grams });
  return grams;
}

/** The most similar open report of the same category and village within the window, if any. */
export async function findDuplicate(
  manager: EntityManager,
  report: Pick<
    Report,
    'id' | 'villageCode' | 'categoryCode' | 'predictedCategoryCode' | 'text' | 'transcript' | 'createdAt'
  >,
  settings: DuplicateSettings,
): Promise<{ id: string; similarity: number } | null> {
  const category = report.categoryCode ?? report.predictedCategoryCode;
  const text = [report.text, report.transcript].filter(Boolean).join(' ');
  if (!category || !text) return null;
  const since = new Date(report.createdAt.getTime() - settings.windowDays * 86400_000);
  // Only what the comparison reads: hydrating whole rows cost more than the comparison itself.
  const candidates = await candidatesOf(manager, report.villageCode, category, since);
  // Remembered too: the new report is a candidate of the next ones.
  const grams = gramsOf(report.id, text);
  let best: { id: string; similarity: number } | null = null;
  for (const candidate of candidates) {
    if (candidate.id === report.id) continue;
    const similarity = diceOf(
      grams,
      gramsOf(candidate.id, [candidate.text, candidate.transcript].filter(Boolean).join(' ')),
    );
    if (similarity >= settings.minSimilarity && (!best || similarity > best.similarity))
      best = { id: candidate.id, similarity };
  }
  return best;
}
