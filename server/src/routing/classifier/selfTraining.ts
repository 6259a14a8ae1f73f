import { createHash } from 'node:crypto';
import { CATEGORY_BY_TIPDM_NAME, TIPDM_CLASSES } from './categoryMap';
import type { CategoryClassifier, ClassifierInput, LabelledExample } from './model';

/**
 * Self-training on unlabelled messages: a model trained on the labelled examples labels the
 * unlabelled messages it is sure of (calibrated confidence at least `threshold`), and a second
 * model is trained on both, each pseudo-label counting `weight` of a real one. The pseudo-labels
 * keep the classes' proportions among the labelled messages, so that the classes the model is
 * surest of (long, formulaic letters) do not crowd out the thin ones.
 */

export interface SelfTrainingOptions {
  /** Calibrated confidence a pseudo-label needs. */
  threshold: number;
  /** What one pseudo-label counts against a real label. */
  weight: number;
}

interface ScoredMessage {
  input: ClassifierInput;
  categoryCode: string;
  confidence: number;
}

/** The seven TipDM classes' category codes: the only labels a TipDM message is given. */
const TIPDM_CODES = new Set(TIPDM_CLASSES.map((name) => CATEGORY_BY_TIPDM_NAME[name]));

/**
 * At most as many pseudo-labels per class as keep the labelled messages' class shares: the
 * class with the fewest sure messages (relative to its share) sets the total.
 */
export function balancedPseudoLabels(
  scored: readonly ScoredMessage[],
  labelled: readonly LabelledExample[],
  threshold: number,
): ScoredMessage[] {
  const labelledCount = new Map<string, number>();
  for (const example of labelled) {
    if (TIPDM_CODES.has(example.categoryCode))
      labelledCount.set(example.categoryCode, (labelledCount.get(example.categoryCode) ?? 0) + 1);
  }
  const labelledTotal = [...labelledCount.values()].reduce((sum, count) => sum + count, 0);
  if (labelledTotal === 0) return [];
  const sure = new Map<string, ScoredMessage[]>();
  for (const message of scored) {
    if (message.confidence < threshold || !labelledCount.has(message.categoryCode)) continue;
    const list = sure.get(message.categoryCode) ?? [];
    list.push(message);
    sure.set(message.categoryCode, list);
  }
  let total = Number.POSITIVE_INFINITY;
  for (const [code, count] of labelledCount)
    total = Math.min(total, (sure.get(code)?.length ?? 0) / (count / labelledTotal));
  const chosen: ScoredMessage[] = [];
  for (const [code, count] of [...labelledCount].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const take = Math.floor((total * count) / labelledTotal);
    const list = (sure.get(code) ?? []).sort((a, b) => b.confidence - a.confidence);
    chosen.push(...list.slice(0, take));
  }
  return chosen;
}

function fingerprint(examples: readonly LabelledExample[]): string {
  const hash = createHash('sha1');
  for (const example of examples)
    hash.update(
      `${example.categoryCode}\u0000${example.weight ?? 1}\u0000${example.title ?? ''}\u0000${example.text}\u0001`,
    );
  return hash.digest('hex');
}

/**
 * Trainers sharing the first model and its reading of the unlabelled messages: candidates of
 * one nested cross-validation that differ only in threshold and weight train it once per
 * training set. `plain` is the first model itself (the setting without self-training).
 */
export function selfTrainers(
  unlabelled: readonly ClassifierInput[],
  train: (examples: LabelledExample[]) => CategoryClassifier,
): {
  plain: (examples: LabelledExample[]) => CategoryClassifier;
  selfTrained: (options: SelfTrainingOptions) => (examples: LabelledExample[]) => CategoryClassifier;
  lastPseudoLabels: () => number;
} {
  const cache = new Map<string, { model: CategoryClassifier; scored?: ScoredMessage[] }>();
  let pseudoLabels = 0;
  const first = (examples: LabelledExample[]) => {
    const key = fingerprint(examples);
    let entry = cache.get(key);
    if (!entry) {
      entry = { model: train(examples) };
      cache.set(key, entry);
      // A few training sets at a time: one outer fold's inner folds and its own.
      if (cache.size > 4) cache.delete(cache.keys().next().value as string);
    }
    return entry;
  };
  return {
    plain: (examples) => first(examples).model,
    selfTrained: (options) => (examples) => {
      const entry = first(examples);
      entry.scored ??= unlabelled.map((input) => {
        const top = entry.model.predict(input);
        return { input, categoryCode: top.categoryCode, confidence: top.confidence };
      });
      const labelled = examples.filter((example) => example.weight === undefined);
      const pseudo = balancedPseudoLabels(entry.scored, labelled, options.threshold);
      pseudoLabels = pseudo.length;
      return train(
        examples.concat(
          pseudo.map((message) => ({
            title: message.input.title,
            text: message.input.text ?? '',
            categoryCode: message.categoryCode,
            weight: options.weight,
          })),
        ),
      );
    },
    lastPseudoLabels: () => pseudoLabels,
  };
}
