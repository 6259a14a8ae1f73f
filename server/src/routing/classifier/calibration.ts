/**
 * Calibration: whether a confidence of 0.8 is right 80 % of the time. The expected calibration
 * error (ECE) bins predictions by confidence (ten equal bins) and averages |accuracy − mean
 * confidence| weighted by bin size. Temperature scaling (p_k ∝ p_k^(1/T)) fixes a model that is
 * uniformly over- or under-confident without changing what it predicts; the temperature is
 * fitted on out-of-fold predictions by the log loss of the true class.
 */

export interface ConfidenceOutcome {
  confidence: number;
  correct: boolean;
}

export interface CalibrationBin {
  from: number;
  to: number;
  n: number;
  meanConfidence: number;
  accuracy: number;
}

export function calibrationBins(outcomes: readonly ConfidenceOutcome[], bins = 10): CalibrationBin[] {
  const result: CalibrationBin[] = [];
  for (let bin = 0; bin < bins; bin += 1) {
    const from = bin / bins;
    const to = (bin + 1) / bins;
    const inside = outcomes.filter(
      (outcome) => outcome.confidence > from && (outcome.confidence <= to || (bin === 0 && outcome.confidence === 0)),
    );
    const n = inside.length;
    result.push({
      from,
      to,
      n,
      meanConfidence: n ? inside.reduce((sum, outcome) => sum + outcome.confidence, 0) / n : 0,
      accuracy: n ? inside.filter((outcome) => outcome.correct).length / n : 0,
    });
  }
  return result;
}

export function expectedCalibrationError(outcomes: readonly ConfidenceOutcome[], bins = 10): number {
  if (outcomes.length === 0) return 0;
  return calibrationBins(outcomes, bins).reduce(
    (sum, bin) => sum + (bin.n / outcomes.length) * Math.abs(bin.accuracy - bin.meanConfidence),
    0,
  );
}

/** Probabilities re-tempered: p_k^(1/T), normalised. T > 1 softens, T < 1 sharpens. */
export function temper(probabilities: readonly number[], temperature: number): number[] {
  const logs = probabilities.map((p) => Math.log(Math.max(p, 1e-300)) / temperature);
  const max = Math.max(...logs);
  const exps = logs.map((value) => Math.exp(value - max));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}

/**
 * The temperature (on a grid from 0.25 to 4) minimising the mean log loss, where `trueMass`
 * gives the probability a tempered distribution puts on the right answer.
 */
export function fitTemperature<T>(
  samples: readonly T[],
  probabilitiesOf: (sample: T) => readonly number[],
  trueMass: (sample: T, tempered: readonly number[]) => number,
): { temperature: number; logLoss: number } {
  let best = { temperature: 1, logLoss: Number.POSITIVE_INFINITY };
  for (let step = -20; step <= 20; step += 1) {
    const temperature = 2 ** (step / 10);
    let loss = 0;
    for (const sample of samples) {
      const mass = trueMass(sample, temper(probabilitiesOf(sample), temperature));
      loss -= Math.log(Math.max(mass, 1e-12));
    }
    const logLoss = loss / Math.max(samples.length, 1);
    if (logLoss < best.logLoss) best = { temperature, logLoss };
  }
  return best;
}

/**
 * The routing threshold read off calibrated confidences alone — no labels: the lowest
 * threshold at which the expected share of reports sent to a wrong department,
 * Σ_{c ≥ t} (1 − c) / n, stays within `maxWrongShare`. With calibrated confidences that
 * expectation is what the wrong share will be.
 */
export function thresholdForWrongShare(confidences: readonly number[], maxWrongShare: number): number {
  const sorted = [...confidences].sort((a, b) => b - a);
  let expectedWrong = 0;
  let threshold = 1;
  for (const confidence of sorted) {
    expectedWrong += 1 - confidence;
    if (expectedWrong / sorted.length > maxWrongShare) break;
    threshold = confidence;
  }
  return threshold;
}
