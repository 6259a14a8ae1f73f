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
