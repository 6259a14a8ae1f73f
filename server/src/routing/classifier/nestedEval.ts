import {
  type EvalRow,
  outOfFoldScores,
  repeatSeed,
  type RowScores,
  type Trainer,
  tipdmClassOfScores,
} from './benchmarks';
import { fitTemperature } from './calibration';
import { TIPDM_CLASS_BY_CATEGORY } from './categoryMap';
import { classificationScores, groupedStratifiedFolds, NearDuplicateIndex, sameMatterGroups } from './evaluation';
import { CategoryClassifier, type LabelledExample } from './model';
import { exampleText } from './trainingData';

/**
 * Nested cross-validation: the estimate of a way of training *including* the choices made on
 * the data. Each outer fold is held out; on the other rows an inner grouped cross-validation
 * picks one of the candidates (training sources and their weights, regularisation, …) by
 * accuracy and fits the temperature on the chosen one's inner out-of-fold confidences; the
 * chosen candidate is then trained on all the other rows and judged on the outer fold, whose
 * rows played no part in any choice. Plain cross-validation whose settings were tuned on the
 * same folds is optimistic (issue 14: 0.88 in CV, 0.82 on unseen messages); this is not.
 */

/** One setting of the knobs nested cross-validation chooses among. */
export interface TrainingCandidate {
  name: string;
  /** The examples trained on besides the evaluated file's rows (the shipped sources, weighted). */
  pool: () => LabelledExample[];
  train: Trainer;
}

export interface OuterFoldResult {
  repeat: number;
  fold: number;
  n: number;
  /** Inner cross-validated accuracy of each candidate, by name. */
  inner: Record<string, number>;
  chosen: string;
  /** Factor on the trained model's temperature fitted on the chosen candidate's inner folds. */
  temperature: number;
  accuracy: number;
}

export interface NestedResult {
  /** Per repeat, every row's outer-fold scores (re-tempered), in row order. */
  repetitions: RowScores[][];
  folds: OuterFoldResult[];
  /** The outer models, tempered as chosen: what the village concerns are routed with. */
  models: CategoryClassifier[];
}

export const INNER_FOLDS = 3;

function accuracyOf(scores: readonly RowScores[]): number {
  return classificationScores(
    scores.map((row) => row.truth),
    scores.map((row) => tipdmClassOfScores(row.scores)),
  ).accuracy;
}

/** The temperature factor (fitTemperature's grid) minimising the log loss of the right TipDM class. */
export function fittedTemperature(scores: readonly RowScores[]): number {
  return fitTemperature(
    scores,
    (row) => row.scores.map((score) => score.confidence),
    (row, tempered) =>
      row.scores.reduce(
        (sum, score, index) => sum + (TIPDM_CLASS_BY_CATEGORY[score.categoryCode] === row.truth ? tempered[index] : 0),
        0,
      ),
  ).temperature;
}

/** A trained model whose softmax temperature is multiplied by `factor`: temper(p, factor) of its scores. */
export function withTemperatureFactor(model: CategoryClassifier, factor: number): CategoryClassifier {
  if (factor === 1) return model;
  const file = model.toJSON();
  return CategoryClassifier.fromJSON({ ...file, temperature: file.temperature * factor });
}

export function nestedCrossValidation(
  rows: readonly EvalRow[],
  outerFolds: number,
  repeats: number,
  candidates: readonly TrainingCandidate[],
  print: (line: string) => void,
  innerFolds = INNER_FOLDS,
): NestedResult {
  if (candidates.length === 0) throw new Error('nested cross-validation needs at least one candidate');
  const copies = new NearDuplicateIndex(rows.map((row) => exampleText(row.example)));
  // Every candidate's pool without (near) copies of any evaluated row, as in plain --cv.
  const pools = candidates.map((candidate) =>
    candidate.pool().filter((example) => !copies.isCopy(exampleText(example))),
  );
  const groupOf = sameMatterGroups(rows.map((row) => row.example)).groupOf;
  const truth = rows.map((row) => row.truth);
  const repetitions: RowScores[][] = [];
  const folds: OuterFoldResult[] = [];
  const models: CategoryClassifier[] = [];

  for (let repeat = 0; repeat < repeats; repeat += 1) {
    const outerFoldOf = groupedStratifiedFolds(truth, groupOf, outerFolds, repeatSeed(repeat));
    const scores: RowScores[] = new Array(rows.length);
    for (let fold = 0; fold < outerFolds; fold += 1) {
      const inside = rows.map((_, index) => index).filter((index) => outerFoldOf[index] !== fold);
      const held = rows.map((_, index) => index).filter((index) => outerFoldOf[index] === fold);
      const innerFoldOf = groupedStratifiedFolds(
        inside.map((index) => truth[index]),
        inside.map((index) => groupOf[index]),
        innerFolds,
        repeatSeed(repeat) + 1000 * (fold + 1),
      );
      const innerScores = candidates.map((candidate, position) => {
        const scored: RowScores[] = [];
        for (let inner = 0; inner < innerFolds; inner += 1) {
          const training = inside.filter((_, at) => innerFoldOf[at] !== inner).map((index) => rows[index].example);
          const model = candidate.train(pools[position].concat(training));
          const judged = inside.filter((_, at) => innerFoldOf[at] === inner);
          scored.push(
            ...outOfFoldScores(
              judged.map((index) => rows[index]),
              () => model,
            ),
          );
        }
        return scored;
      });
      const innerAccuracy = innerScores.map(accuracyOf);
      // The first best wins ties: candidates are listed with the shipped setting first.
      const best = innerAccuracy.indexOf(Math.max(...innerAccuracy));
      const temperature = fittedTemperature(innerScores[best]);
      const trained = candidates[best].train(pools[best].concat(inside.map((index) => rows[index].example)));
      const model = withTemperatureFactor(trained, temperature);
      models.push(model);
      const heldScores = outOfFoldScores(
        held.map((index) => rows[index]),
        () => model,
      );
      held.forEach((index, at) => {
        scores[index] = heldScores[at];
      });
      const result: OuterFoldResult = {
        repeat,
        fold,
        n: held.length,
        inner: Object.fromEntries(candidates.map((candidate, position) => [candidate.name, innerAccuracy[position]])),
        chosen: candidates[best].name,
        temperature,
        accuracy: accuracyOf(heldScores),
      };
      folds.push(result);
      print(
        `outer fold ${repeat + 1}.${fold + 1}: inner ${innerFolds}-fold accuracy ${candidates
          .map((candidate, position) => `${candidate.name} ${innerAccuracy[position].toFixed(4)}`)
          .join(
            ', ',
          )} → ${result.chosen}, temperature ×${temperature.toFixed(3)}; outer accuracy ${result.accuracy.toFixed(4)} (${held.length} rows)`,
      );
    }
    repetitions.push(scores);
  }
  return { repetitions, folds, models };
}
