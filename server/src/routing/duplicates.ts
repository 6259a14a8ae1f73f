import type { EntityManager } from 'typeorm';
import { OPEN_STATUSES } from '@minqing/shared';
import { Report } from '../db/entities';

/**
 * "Similar" means: the Dice coefficient of the two texts' character bigrams, after dropping
 * whitespace and punctuation, is at least the threshold. Bigrams suit Chinese, which has no
 * spaces, and survive the word-order changes of spoken reports; the same category, village and
 * time window around it keep unrelated matters apart.
 */
export function textSimilarity(a: string, b: string): number {
  return diceOf(bigrams(a), bigrams(b));
}

function diceOf(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  return (2 * shared) / (left.size + right.size);
}

function bigrams(text: string): Set<string> {
  const plain = text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
  const grams = new Set<string>();
  for (let index = 0; index + 1 < plain.length; index++) grams.add(plain.slice(index, index + 2));
  if (plain.length === 1) grams.add(plain);
  return grams;
}

export interface DuplicateSettings {
  windowDays: number;
  minSimilarity: number;
}

/** How many recent open reports are compared: enough for a village, bounded for a busy day. */
const CANDIDATES = 30;

type Candidate = Pick<Report, 'id' | 'text' | 'transcript' | 'createdAt'>;

/**
 * A village's recent open reports whose `column` (the chosen or the predicted category) is the
 * given one, newest first: the statement reads its own index (idx_reports_duplicates_category /
 * _predicted) backwards and stops after CANDIDATES rows, however many reports the village has.
 */
function candidatesSql(manager: EntityManager, column: 'categoryCode' | 'predictedCategoryCode'): string {
  const quote = (name: string) => manager.connection.driver.escape(name);
  const statuses = OPEN_STATUSES.map(() => '?').join(', ');
  return (
    `SELECT ${quote('id')}, ${quote('text')}, ${quote('transcript')}, ${quote('createdAt')} FROM ${quote('reports')} ` +
    `WHERE ${quote('villageCode')} = ? AND ${quote(column)} = ? AND ${quote('createdAt')} >= ? AND ${quote('status')} IN (${statuses}) ` +
    `ORDER BY ${quote('createdAt')} DESC LIMIT ${CANDIDATES}`
  );
}

/**
 * The recent open reports of a village in one category, chosen or predicted: the newest
 * CANDIDATES of both lists together, each report once. Two plain statements: a UNION of the two
 * (derived tables, as both dialects need it) cost MariaDB more than twice their time.
 */
async function candidatesOf(manager: EntityManager, villageCode: string, category: string, since: Date) {
  // The bound as the driver stores a createdAt (a Date for MySQL, UTC text for SQLite).
  const createdAt = manager.connection.getMetadata(Report).findColumnWithPropertyName('createdAt')!;
  const bound = manager.connection.driver.preparePersistentValue(since, createdAt);
  const parameters = [villageCode, category, bound, ...OPEN_STATUSES];
  const chosen = (await manager.query(candidatesSql(manager, 'categoryCode'), parameters)) as Candidate[];
  const predicted = (await manager.query(candidatesSql(manager, 'predictedCategoryCode'), parameters)) as Candidate[];
  const seen = new Set(chosen.map((candidate) => candidate.id));
  return [...chosen, ...predicted.filter((candidate) => !seen.has(candidate.id))]
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
    .slice(0, CANDIDATES);
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
  const grams = bigrams(text);
  let best: { id: string; similarity: number } | null = null;
  for (const candidate of candidates) {
    if (candidate.id === report.id) continue;
    const similarity = diceOf(grams, bigrams([candidate.text, candidate.transcript].filter(Boolean).join(' ')));
    if (similarity >= settings.minSimilarity && (!best || similarity > best.similarity))
      best = { id: candidate.id, similarity };
  }
  return best;
}
