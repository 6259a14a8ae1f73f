import { seededRandom, shuffleInPlace } from './softmaxRegression';

/**
 * Held-out evaluation helpers: stratified folds, accuracy and macro-F1, and the near-duplicate
 * check that keeps copies of an evaluated message (the TipDM files repeat some messages under
 * other ids) out of the training side.
 */

/** Fold number of each row; every label is spread evenly over the folds. Seeded, so repeatable. */
export function stratifiedFolds(labels: readonly string[], folds: number, seed = 7): number[] {
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, index) => {
    const rows = byLabel.get(label) ?? [];
    rows.push(index);
    byLabel.set(label, rows);
  });
  const assignment = new Array<number>(labels.length).fill(0);
  let offset = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const rows = shuffleInPlace(byLabel.get(label) ?? [], random);
    // Continue the round robin where the previous label stopped, so fold sizes stay balanced.
    rows.forEach((row, position) => {
      assignment[row] = (offset + position) % folds;
    });
    offset = (offset + rows.length) % folds;
  }
  return assignment;
}

/** Character n-grams of a text's letters and digits. */
function characterGrams(text: string, size: number): Set<string> {
  const chars = Array.from(comparableText(text));
  const grams = new Set<string>();
  for (let start = 0; start + size <= chars.length; start += 1) grams.add(chars.slice(start, start + size).join(''));
  return grams;
}

function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared += 1;
  return shared;
}

export interface SameMatterGroups {
  /** Group of each row: rows telling the same matter share one. */
  groupOf: number[];
  /** Pairs of rows found to tell the same matter. */
  pairs: number;
}

/**
 * Rows that tell the same matter — a copy, a template filled in twice, or the same complaint
 * written again: at least 30 % of the shorter text's character 5-grams in the other, or titles
 * sharing at least 30 % of their character trigrams (Jaccard). Cross-validation keeps each
 * group in one fold, so a fold is never judged on a message whose twin it trained on: unseen
 * messages have no twin in the training data (TipDM's held-out set was made disjoint from it).
 */
export function sameMatterGroups(rows: readonly { title?: string; text: string }[]): SameMatterGroups {
  const bodies = rows.map((row) => characterGrams(`${row.title ?? ''}${row.text}`, 5));
  const titles = rows.map((row) => characterGrams(row.title ?? '', 3));
  const parent = rows.map((_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) {
      parent[index] = parent[parent[index]];
      index = parent[index];
    }
    return index;
  };
  let pairs = 0;
  for (let a = 0; a < rows.length; a += 1) {
    for (let b = a + 1; b < rows.length; b += 1) {
      const shorter = Math.min(bodies[a].size, bodies[b].size);
      const bodyShare = shorter ? sharedCount(bodies[a], bodies[b]) / shorter : 0;
      const titleShared = sharedCount(titles[a], titles[b]);
      const titleUnion = titles[a].size + titles[b].size - titleShared;
      const titleShare = titleUnion ? titleShared / titleUnion : 0;
      if (bodyShare >= 0.3 || titleShare >= 0.3) {
        pairs += 1;
        parent[root(a)] = root(b);
      }
    }
  }
  return { groupOf: rows.map((_, index) => root(index)), pairs };
}

/** Stratified folds in which every group lies in one fold: the fold of its first row. */
export function groupedStratifiedFolds(
  labels: readonly string[],
  groupOf: readonly number[],
  folds: number,
  seed = 7,
): number[] {
  const stratified = stratifiedFolds(labels, folds, seed);
  const foldOfGroup = new Map<number, number>();
  return groupOf.map((group, index) => {
    const fold = foldOfGroup.get(group) ?? stratified[index];
    foldOfGroup.set(group, fold);
    return fold;
  });
}

export interface ClassificationScores {
  n: number;
  accuracy: number;
  macroF1: number;
}

/** Macro-F1 over the labels present in truth or predictions: each class counts the same. */
export function classificationScores(truth: readonly string[], predicted: readonly string[]): ClassificationScores {
  const labels = [...new Set([...truth, ...predicted])];
  let correct = 0;
  truth.forEach((label, index) => {
    if (predicted[index] === label) correct += 1;
  });
  const f1s = labels.map((label) => {
    let truePositive = 0;
    let falsePositive = 0;
    let falseNegative = 0;
    truth.forEach((actual, index) => {
      const guess = predicted[index];
      if (guess === label && actual === label) truePositive += 1;
      else if (guess === label) falsePositive += 1;
      else if (actual === label) falseNegative += 1;
    });
    return truePositive === 0 ? 0 : (2 * truePositive) / (2 * truePositive + falsePositive + falseNegative);
  });
  return {
    n: truth.length,
    accuracy: truth.length ? correct / truth.length : 0,
    macroF1: f1s.length ? f1s.reduce((sum, value) => sum + value, 0) / f1s.length : 0,
  };
}

/** Letters and digits only, lower case: the same message with other punctuation or spacing. */
export function comparableText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const SHINGLE = 12;

/**
 * Finds training texts that are (near) copies of evaluated ones: a text is a copy when at
 * least `share` of its 12-character shingles occur in some evaluated text. 12 Chinese
 * characters rarely repeat by chance between different complaints, yet a copy with a changed
 * title, an added sentence or other punctuation still shares most of them.
 */
export class NearDuplicateIndex {
  private readonly shingles = new Set<string>();
  private readonly whole = new Set<string>();

  constructor(texts: readonly string[]) {
    for (const text of texts) {
      const comparable = comparableText(text);
      this.whole.add(comparable);
      for (let start = 0; start + SHINGLE <= comparable.length; start += 1)
        this.shingles.add(comparable.slice(start, start + SHINGLE));
    }
  }

  isCopy(text: string, share = 0.5): boolean {
    const comparable = comparableText(text);
    if (this.whole.has(comparable)) return true;
    if (comparable.length < SHINGLE) return false;
    let total = 0;
    let found = 0;
    for (let start = 0; start + SHINGLE <= comparable.length; start += 3) {
      total += 1;
      if (this.shingles.has(comparable.slice(start, start + SHINGLE))) found += 1;
    }
    return found / total >= share;
  }
}

export interface ClassScore {
  label: string;
  /** Rows whose truth is the label. */
  support: number;
  precision: number;
  recall: number;
}

/** Precision and recall of each label, in the order given. */
export function perClassScores(
  truth: readonly string[],
  predicted: readonly string[],
  labels: readonly string[],
): ClassScore[] {
  return labels.map((label) => {
    let truePositive = 0;
    let predictedCount = 0;
    let support = 0;
    truth.forEach((actual, index) => {
      if (actual === label) support += 1;
      if (predicted[index] === label) {
        predictedCount += 1;
        if (actual === label) truePositive += 1;
      }
    });
    return {
      label,
      support,
      precision: predictedCount ? truePositive / predictedCount : 0,
      recall: support ? truePositive / support : 0,
    };
  });
}

/** counts[t][p]: rows of truth labels[t] predicted as labels[p] (anything else is left out). */
export function confusionMatrix(
  truth: readonly string[],
  predicted: readonly string[],
  labels: readonly string[],
): number[][] {
  const index = new Map(labels.map((label, position) => [label, position]));
  const counts = labels.map(() => labels.map(() => 0));
  truth.forEach((actual, row) => {
    const t = index.get(actual);
    const p = index.get(predicted[row]);
    if (t !== undefined && p !== undefined) counts[t][p] += 1;
  });
  return counts;
}

/** The matrix as text: a row per truth, a column per prediction, headed by the labels' first two characters. */
export function formatConfusion(labels: readonly string[], counts: readonly (readonly number[])[]): string[] {
  const short = labels.map((label) => label.slice(0, 2));
  const width = Math.max(5, ...counts.flat().map((count) => String(count).length + 1));
  const cell = (value: string) => value.padStart(width);
  return [
    // Two Han characters fill four columns.
    `${'truth \\ pred'.padEnd(16)}${short.map((label) => `${' '.repeat(Math.max(1, width - 4))}${label}`).join('')}`,
    ...counts.map(
      (row, position) => `${short[position].padEnd(14)}${row.map((count) => cell(String(count))).join('')}`,
    ),
  ];
}
