import type { SparseVector } from './features';

/**
 * Multinomial logistic regression trained by stochastic gradient descent with L2 weight
 * decay. Linear models over TF-IDF n-grams are the strong baseline for short-text
 * classification with a few thousand examples (much better than naive Bayes here), train in
 * seconds in plain JavaScript, and predict with one sparse dot product per category.
 */

export interface SoftmaxTrainingOptions {
  epochs: number;
  /** Initial step size; it decays as 1 / (1 + rate·l2·t), the usual schedule for L2-SGD. */
  learningRate: number;
  /** Weight decay: larger values give smoother, less confident models. */
  l2: number;
  /** Seeds the shuffles, so that the same data always gives the same model. */
  seed: number;
  /** Average the weights at the end of the last epochs (Polyak): steadier than the last iterate. */
  averageLastEpochs: number;
}

/** Weights are feature-major (weights[feature · classes + class]): one sparse row walk per prediction. */
export interface LinearModel {
  classes: number;
  weights: Float32Array;
  bias: Float32Array;
}

/** mulberry32: a tiny, well-mixed 32-bit PRNG, so shuffles are reproducible without a dependency. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other], items[index]];
  }
  return items;
}

/** Class scores (logits) of one document. */
export function linearScores(model: LinearModel, vector: SparseVector, into?: Float64Array): Float64Array {
  const { classes, weights, bias } = model;
  const scores = into ?? new Float64Array(classes);
  for (let k = 0; k < classes; k += 1) scores[k] = bias[k];
  for (let position = 0; position < vector.indices.length; position += 1) {
    const row = vector.indices[position] * classes;
    const value = vector.values[position];
    for (let k = 0; k < classes; k += 1) scores[k] += weights[row + k] * value;
  }
  return scores;
}

/** Softmax in place, shifted by the maximum so that exp never overflows. */
export function softmaxInPlace(scores: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const score of scores) max = Math.max(max, score);
  let sum = 0;
  for (let k = 0; k < scores.length; k += 1) {
    scores[k] = Math.exp((scores[k] - max) / temperature);
    sum += scores[k];
  }
  for (let k = 0; k < scores.length; k += 1) scores[k] /= sum;
  return scores;
}

export function trainSoftmaxRegression(
  vectors: readonly SparseVector[],
  labels: readonly number[],
  sampleWeights: readonly number[],
  classes: number,
  features: number,
  options: SoftmaxTrainingOptions,
): LinearModel {
  // The true weights are scale · direction: decaying every weight each step then costs one
  // multiplication instead of a pass over the whole matrix.
  const direction = new Float64Array(features * classes);
  const bias = new Float64Array(classes);
  let scale = 1;
  const averaged = new Float64Array(features * classes);
  const averagedBias = new Float64Array(classes);
  let snapshots = 0;
  const random = seededRandom(options.seed);
  const order = vectors.map((_, index) => index);
  const probabilities = new Float64Array(classes);
  let step = 0;

  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    shuffleInPlace(order, random);
    for (const example of order) {
      const rate = options.learningRate / (1 + options.learningRate * options.l2 * step);
      step += 1;
      const { indices, values } = vectors[example];
      for (let k = 0; k < classes; k += 1) probabilities[k] = 0;
      for (let position = 0; position < indices.length; position += 1) {
        const row = indices[position] * classes;
        const value = values[position];
        for (let k = 0; k < classes; k += 1) probabilities[k] += direction[row + k] * value;
      }
      for (let k = 0; k < classes; k += 1) probabilities[k] = probabilities[k] * scale + bias[k];
      softmaxInPlace(probabilities);
      probabilities[labels[example]] -= 1; // now the gradient of the log loss wrt the logits
      const weight = sampleWeights[example];
      scale *= 1 - rate * options.l2;
      const stepOverScale = (rate * weight) / scale;
      for (let position = 0; position < indices.length; position += 1) {
        const row = indices[position] * classes;
        const value = values[position] * stepOverScale;
        for (let k = 0; k < classes; k += 1) direction[row + k] -= probabilities[k] * value;
      }
      for (let k = 0; k < classes; k += 1) bias[k] -= rate * weight * probabilities[k];
      if (scale < 1e-6) {
        for (let index = 0; index < direction.length; index += 1) direction[index] *= scale;
        scale = 1;
      }
    }
    if (epoch >= options.epochs - options.averageLastEpochs) {
      for (let index = 0; index < direction.length; index += 1) averaged[index] += direction[index] * scale;
      for (let k = 0; k < classes; k += 1) averagedBias[k] += bias[k];
      snapshots += 1;
    }
  }
  const weights = new Float32Array(direction.length);
  const finalBias = new Float32Array(classes);
  for (let index = 0; index < direction.length; index += 1) {
    weights[index] = snapshots > 0 ? averaged[index] / snapshots : direction[index] * scale;
  }
  for (let k = 0; k < classes; k += 1) finalBias[k] = snapshots > 0 ? averagedBias[k] / snapshots : bias[k];
  return { classes, weights, bias: finalBias };
}
