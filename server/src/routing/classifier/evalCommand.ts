import {
  crossValidationModels,
  evaluateTipdm,
  heldOutScores,
  outOfFoldScores,
  readTipdmRows,
  readVillageRows,
  repeatSeed,
  type RowScores,
  type Trainer,
  tipdmClassOfScores,
  villageOutcomes,
  villageShares,
} from './benchmarks';
import {
  type ConfidenceOutcome,
  expectedCalibrationError,
  fitTemperature,
  temper,
  thresholdForWrongShare,
} from './calibration';
import { TIPDM_CLASSES, TIPDM_CLASS_BY_CATEGORY } from './categoryMap';
import { parseCliArgs, UsageError } from './cliArgs';
import {
  type ClassificationScores,
  classificationScores,
  confusionMatrix,
  sameMatterGroups,
  formatConfusion,
  perClassScores,
} from './evaluation';
import { DEFAULT_MODEL_PATH, MAX_EXPECTED_WRONG_SHARE, RECOMMENDED_CONFIDENCE_THRESHOLD } from './index';
import { CategoryClassifier, type ClassifierInput, type LabelledExample } from './model';
import { nestedCrossValidation, type OuterFoldResult, type TrainingCandidate } from './nestedEval';
import {
  exampleText,
  rowText,
  shippedReplies,
  shippedTrainingExamples,
  type CandidateSources,
  readExamplesFile,
  trainingCandidates,
  trainRoutingModel,
} from './trainingData';
import { NearDuplicateIndex } from './evaluation';
import fs from 'node:fs';
import {
  demoReference,
  routeVillageConcerns,
  type VillageConcern,
  villageConfidenceOutcomes,
  villageRouteShares,
} from './villageRouting';

/**
 * npm run routing:eval -- FILE.jsonl [--cv [K] [--repeat R]] [--village-file V.jsonl] [--model PATH]
 *
 * FILE rows {title, detail, label} (one of the seven TipDM classes). Without --cv: the shipped
 * model (or --model) on FILE. With --cv: R repetitions of grouped stratified K-fold
 * cross-validation, each fold's model trained as routing:train trains (trainRoutingModel) on the
 * other folds plus every shipped example that is not a copy of a row of FILE, rows of FILE
 * telling the same matter kept in one fold (a grouped split: unseen messages have no twin in
 * training); printed as mean ± standard deviation over the repetitions. Then per-class
 * precision and recall, the confusion matrix, the calibration error (ECE) of the top category's
 * confidence and the temperature that would fit it. With --village-file (rows {text, kind},
 * never trained on): the concerns routed as the API routes them, the threshold read off their
 * calibrated confidences, and the shares sent right, wrong and to triage. The last line is
 * always one JSON object, for scripts.
 *
 * --village: FILE rows are {text, kind}; the shares at several thresholds (with --cv, fold models).
 *
 * --nested [--grid NAME] [--unlabeled U.jsonl] [--extra E.jsonl]: nested cross-validation, the estimate to quote
 * for unseen messages. The --cv folds (default 5, --repeat R times) are the outer folds; on the
 * other rows an inner 3-fold grouped cross-validation chooses one of the grid's candidates
 * (trainingCandidates: source weights, regularisation, self-training on U) and fits its
 * temperature, and only then is the outer fold scored. Per-class figures, the confusion matrix
 * and the calibration error are the outer folds'; the village concerns are routed by each
 * outer model in turn (pooled), tempered as chosen.
 */

const USAGE =
  'usage: evalCommand.js FILE.jsonl [--cv [K] [--repeat R]] [--nested [--grid NAME] [--unlabeled U.jsonl] [--extra E.jsonl]] [--village] [--village-file V.jsonl] [--model PATH]';

const round = (value: number, digits = 4) => Number(value.toFixed(digits));
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

export interface EvalDependencies {
  print: (line: string) => void;
  /** What cross-validation trains on besides the other folds; tests pass a small set. */
  trainingPool: () => LabelledExample[];
  /** How a fold's model is trained; tests pass a fast one. */
  train: Trainer;
  /** Messages of another source held out of training for the second estimate (with --cv). */
  heldOutReplies: () => LabelledExample[];
  /** The candidates of --nested's grid; tests pass fast ones. */
  candidates: (grid: string, sources: CandidateSources) => TrainingCandidate[];
}

const defaults: EvalDependencies = {
  print: (line) => console.log(line),
  trainingPool: shippedTrainingExamples,
  train: (examples) => trainRoutingModel(examples),
  heldOutReplies: shippedReplies,
  candidates: trainingCandidates,
};

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
}

function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const average = mean(values);
  return Math.sqrt(values.reduce((sum, value) => sum + (value - average) ** 2, 0) / (values.length - 1));
}

/** The top category's confidence against "its TipDM class is the right one". */
function topOutcomes(rows: readonly RowScores[]): ConfidenceOutcome[] {
  return rows.map((row) => ({
    confidence: row.scores[0].confidence,
    correct: TIPDM_CLASS_BY_CATEGORY[row.scores[0].categoryCode] === row.truth,
  }));
}

function retempered(rows: readonly RowScores[], temperature: number): RowScores[] {
  return rows.map((row) => {
    const probabilities = temper(
      row.scores.map((score) => score.confidence),
      temperature,
    );
    return {
      truth: row.truth,
      scores: row.scores
        .map((score, index) => ({ categoryCode: score.categoryCode, confidence: probabilities[index] }))
        .sort((a, b) => b.confidence - a.confidence),
    };
  });
}

async function villageReport(
  file: string,
  models: readonly CategoryClassifier[],
  print: (line: string) => void,
): Promise<{ n: number; right: number; wrong: number; triage: number; ece: number; thresholdFromConfidence: number }> {
  const concerns: VillageConcern[] = readVillageRows(file).map((row) => ({
    text: row.input.text ?? '',
    kind: row.truth,
  }));
  const reference = await demoReference();
  // Several models (the outer folds' of --nested): every concern routed by each, pooled.
  const routes = models.flatMap((model) => routeVillageConcerns(reference, model, concerns));
  const ece = expectedCalibrationError(villageConfidenceOutcomes(routes));
  // Read off the confidences alone: no label of the file is used to choose it.
  const fromConfidence = thresholdForWrongShare(
    routes.map((route) => route.confidence),
    MAX_EXPECTED_WRONG_SHARE,
  );
  print(
    `village concerns (${file}), routed as the API routes them for a villager of 城关镇${models.length > 1 ? ` by each of ${models.length} outer-fold models (pooled)` : ''}:`,
  );
  print(`  calibration error (ECE, right kind of department): ${ece.toFixed(3)}`);
  print(
    `  threshold from calibrated confidence (expected wrong share ≤ ${pct(MAX_EXPECTED_WRONG_SHARE)}): ${fromConfidence.toFixed(3)}`,
  );
  for (const threshold of [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
    const shares = villageRouteShares(routes, threshold);
    print(
      `  threshold ${threshold.toFixed(2)}: right ${pct(shares.right)}  wrong ${pct(shares.wrong)}  triage ${pct(shares.triage)}`,
    );
  }
  const result = villageRouteShares(routes, RECOMMENDED_CONFIDENCE_THRESHOLD);
  print(
    `  at the recommended threshold ${RECOMMENDED_CONFIDENCE_THRESHOLD}: right ${pct(result.right)}, wrong ${pct(result.wrong)}, triage ${pct(result.triage)} of ${result.n}${models.length > 1 ? ' routes' : ''}`,
  );
  for (const route of routes) {
    if (route.confidence >= RECOMMENDED_CONFIDENCE_THRESHOLD && route.departmentKind !== route.kind) {
      print(`    wrong: ${route.kind} → ${route.departmentName ?? '—'} (${route.confidence.toFixed(2)})`);
    }
  }
  return { ...result, ece, thresholdFromConfidence: fromConfidence };
}

export async function runEval(argv: readonly string[], dependencies: Partial<EvalDependencies> = {}): Promise<void> {
  const { print, trainingPool, train, heldOutReplies, candidates } = { ...defaults, ...dependencies };
  const args = parseCliArgs(argv);
  const [file] = args.files;
  if (!file || args.files.length > 1 || args.out) throw new UsageError(USAGE);
  if (args.village) return runVillageEval(file, args.folds, args.model, print, trainingPool, train);

  const rows = readTipdmRows(file);
  const truth = rows.map((row) => row.truth);
  const shipped = await CategoryClassifier.loadFile(args.model ?? DEFAULT_MODEL_PATH);
  const repetitions: RowScores[][] = [];
  let heldOut: ClassificationScores | null = null;
  let sameMatterPairs: number | null = null;
  let nested: { folds: OuterFoldResult[]; models: CategoryClassifier[]; candidates: string[] } | null = null;
  if (args.nested && args.folds !== null) {
    const started = Date.now();
    const copies = new NearDuplicateIndex(rows.map((row) => exampleText(row.example)));
    // Unlabelled messages that are (near) copies of an evaluated row are never trained on.
    const unlabelled: ClassifierInput[] = args.unlabeled
      ? fs
          .readFileSync(args.unlabeled, 'utf8')
          .split('\n')
          .filter((line) => line.trim())
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .filter((row) => !copies.isCopy(rowText(row)))
          .map((row) => ({
            title: typeof row.title === 'string' ? row.title : undefined,
            text: typeof row.detail === 'string' ? row.detail : typeof row.text === 'string' ? row.text : undefined,
          }))
      : [];
    let grid: TrainingCandidate[];
    try {
      grid = candidates(args.grid, {
        unlabelled,
        // Extra examples copying an evaluated row would leak it: they are left out like the pool's.
        extra: args.extra ? readExamplesFile(args.extra).filter((example) => !copies.isCopy(exampleText(example))) : [],
      });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    if (args.unlabeled)
      print(`unlabelled messages (${args.unlabeled}) not copying an evaluated row: ${unlabelled.length}`);
    print(
      `nested cross-validation: outer ${args.folds}-fold × ${args.repeat}, inner 3-fold choosing among ${grid.map((candidate) => candidate.name).join(', ')} (grid ${args.grid}) and fitting the temperature`,
    );
    const result = nestedCrossValidation(rows, args.folds, args.repeat, grid, print);
    repetitions.push(...result.repetitions);
    nested = { folds: result.folds, models: result.models, candidates: grid.map((candidate) => candidate.name) };
    print(
      `trained ${result.folds.length * (grid.length * 3 + 1)} models in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } else if (args.folds !== null) {
    const started = Date.now();
    const pool = trainingPool();
    const sameMatter = sameMatterGroups(rows.map((row) => row.example));
    sameMatterPairs = sameMatter.pairs;
    print(
      `rows telling the same matter (near copies, templates): ${sameMatter.pairs} pairs, ${new Set(sameMatter.groupOf).size} groups of ${rows.length} rows; each group is kept in one fold`,
    );
    for (let repeat = 0; repeat < args.repeat; repeat += 1) {
      const modelFor = crossValidationModels(rows, args.folds, pool, repeatSeed(repeat), train);
      const scores = outOfFoldScores(rows, modelFor);
      repetitions.push(scores);
      const accuracy = classificationScores(
        truth,
        scores.map((row) => tipdmClassOfScores(row.scores)),
      ).accuracy;
      print(`repeat ${repeat + 1}/${args.repeat}: accuracy ${accuracy.toFixed(4)}`);
    }
    print(`trained ${args.folds * args.repeat} fold models in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const replies = heldOutReplies();
    if (replies.length) {
      heldOut = heldOutScores(rows, replies, pool, train);
      print(
        `held-out replies (${heldOut.n} messages of another source with a seven-class label from the department that answered, never trained on; the model trained on FILE and the rest): accuracy ${heldOut.accuracy.toFixed(4)}, macro-F1 ${heldOut.macroF1.toFixed(4)}`,
      );
    }
  } else {
    print(`model ${shipped.version}`);
    repetitions.push(rows.map((row) => ({ truth: row.truth, scores: shipped.scoreAll(row.input) })));
  }

  const perRepeat = repetitions.map((scores) =>
    classificationScores(
      truth,
      scores.map((row) => tipdmClassOfScores(row.scores)),
    ),
  );
  const accuracies = perRepeat.map((scores) => scores.accuracy);
  const accuracy = mean(accuracies);
  const spread = standardDeviation(accuracies);
  const macroF1 = mean(perRepeat.map((scores) => scores.macroF1));
  const label = nested
    ? `nested ${args.repeat}× grouped stratified ${args.folds}-fold CV (outer folds)`
    : args.folds !== null
      ? `${args.repeat}× grouped stratified ${args.folds}-fold CV`
      : 'the model on the file';
  print(
    `${label}: accuracy ${accuracy.toFixed(4)} ± ${spread.toFixed(4)} (sd over repeats; min ${Math.min(...accuracies).toFixed(4)}, max ${Math.max(...accuracies).toFixed(4)}), macro-F1 ${macroF1.toFixed(4)}`,
  );

  let nestedSummary: Record<string, unknown> | null = null;
  if (nested) {
    const foldAccuracies = nested.folds.map((fold) => fold.accuracy);
    const chosen: Record<string, number> = Object.fromEntries(nested.candidates.map((name) => [name, 0]));
    for (const fold of nested.folds) chosen[fold.chosen] += 1;
    const innerMean = Object.fromEntries(
      nested.candidates.map((name) => [name, round(mean(nested.folds.map((fold) => fold.inner[name])))]),
    );
    print(
      `outer folds: accuracy ${mean(foldAccuracies).toFixed(4)} ± ${standardDeviation(foldAccuracies).toFixed(4)} (sd over ${foldAccuracies.length} folds; min ${Math.min(...foldAccuracies).toFixed(4)}, max ${Math.max(...foldAccuracies).toFixed(4)}); chosen ${Object.entries(
        chosen,
      )
        .map(([name, count]) => `${name} ${count}×`)
        .join(', ')}; inner accuracy (mean over outer folds) ${Object.entries(innerMean)
        .map(([name, value]) => `${name} ${value}`)
        .join(', ')}`,
    );
    nestedSummary = {
      grid: args.grid,
      foldAccuracySd: round(standardDeviation(foldAccuracies)),
      chosen,
      inner: innerMean,
      temperatureFactor: round(mean(nested.folds.map((fold) => fold.temperature)), 3),
    };
  }

  const pooled = repetitions.flat();
  const pooledTruth = pooled.map((row) => row.truth);
  const pooledPredicted = pooled.map((row) => tipdmClassOfScores(row.scores));
  print('per class (pooled over repeats):   precision  recall  support');
  const classes = perClassScores(pooledTruth, pooledPredicted, TIPDM_CLASSES);
  for (const score of classes) {
    print(
      `  ${score.label.padEnd(8, '　')} ${score.precision.toFixed(3).padStart(9)} ${score.recall.toFixed(3).padStart(7)} ${String(score.support / repetitions.length).padStart(8)}`,
    );
  }
  print(`balanced accuracy (mean recall): ${mean(classes.map((score) => score.recall)).toFixed(4)}`);
  print('confusion matrix (pooled over repeats):');
  for (const line of formatConfusion(TIPDM_CLASSES, confusionMatrix(pooledTruth, pooledPredicted, TIPDM_CLASSES)))
    print(`  ${line}`);

  const ece = expectedCalibrationError(topOutcomes(pooled));
  const fitted = fitTemperature(
    pooled,
    (row) => row.scores.map((score) => score.confidence),
    (row, tempered) =>
      row.scores.reduce(
        (sum, score, index) => sum + (TIPDM_CLASS_BY_CATEGORY[score.categoryCode] === row.truth ? tempered[index] : 0),
        0,
      ),
  );
  const eceFitted = expectedCalibrationError(topOutcomes(retempered(pooled, fitted.temperature)));
  print(
    `calibration (top category's confidence vs right TipDM class): ECE ${ece.toFixed(3)}; re-tempered by ${fitted.temperature.toFixed(3)} (log loss ${fitted.logLoss.toFixed(3)}): ECE ${eceFitted.toFixed(3)}; the model's temperature ${shipped.toJSON().temperature}`,
  );

  const village = args.villageFile
    ? await villageReport(args.villageFile, nested ? nested.models : [shipped], print)
    : null;
  const speed = evaluateTipdm(rows, () => shipped).msPerReport;
  print(`classification: ${speed.toFixed(3)} ms per report (one core, the shipped model, after warm-up)`);
  print(
    JSON.stringify({
      n: rows.length,
      accuracy: round(accuracy),
      accuracySd: round(spread),
      macroF1: round(macroF1),
      ece: round(ece),
      temperatureFit: round(fitted.temperature, 3),
      threshold: RECOMMENDED_CONFIDENCE_THRESHOLD,
      ...(sameMatterPairs !== null ? { sameMatterPairs } : {}),
      ...(nestedSummary ? { nested: nestedSummary } : {}),
      ...(heldOut
        ? { heldOutReplies: { n: heldOut.n, accuracy: round(heldOut.accuracy), macroF1: round(heldOut.macroF1) } }
        : {}),
      ...(village
        ? {
            village: {
              n: village.n,
              right: round(village.right),
              wrong: round(village.wrong),
              triage: round(village.triage),
              ece: round(village.ece),
              thresholdFromConfidence: round(village.thresholdFromConfidence, 3),
            },
          }
        : {}),
      msPerReport: round(speed, 3),
    }),
  );
}

/** --village: FILE rows {text, kind}; the shares at several thresholds, with fold models under --cv. */
async function runVillageEval(
  file: string,
  folds: number | null,
  modelPath: string | null,
  print: (line: string) => void,
  trainingPool: () => LabelledExample[],
  train: Trainer,
): Promise<void> {
  const rows = readVillageRows(file);
  let modelFor: (rowIndex: number) => CategoryClassifier;
  if (folds !== null) {
    const started = Date.now();
    modelFor = crossValidationModels(rows, folds, trainingPool(), repeatSeed(0), train);
    print(`trained ${folds} fold models in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else {
    const model = await CategoryClassifier.loadFile(modelPath ?? DEFAULT_MODEL_PATH);
    print(`model ${model.version}`);
    modelFor = () => model;
  }
  const outcomes = villageOutcomes(rows, modelFor);
  for (const threshold of [0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6]) {
    const shares = villageShares(outcomes, threshold);
    print(
      `threshold ${threshold.toFixed(2)}: straight ${shares.straight.toFixed(3)}  wrong ${shares.wrong.toFixed(3)}  triage ${shares.triage.toFixed(3)}`,
    );
  }
  const result = villageShares(outcomes, RECOMMENDED_CONFIDENCE_THRESHOLD);
  print(
    JSON.stringify({
      n: result.n,
      straight: round(result.straight),
      wrong: round(result.wrong),
      triage: round(result.triage),
      threshold: result.threshold,
    }),
  );
}

if (require.main === module) {
  runEval(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
