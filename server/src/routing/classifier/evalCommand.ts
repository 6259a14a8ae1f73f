import {
  crossValidationModels,
  evaluateTipdm,
  readTipdmRows,
  readVillageRows,
  tipdmRoutingOutcomes,
  villageOutcomes,
  villageShares,
} from './benchmarks';
import { parseCliArgs, UsageError } from './cliArgs';
import { DEFAULT_MODEL_PATH, RECOMMENDED_CONFIDENCE_THRESHOLD } from './index';
import { CategoryClassifier, type LabelledExample } from './model';
import { shippedTrainingExamples } from './trainingData';

/**
 * npm run routing:eval -- FILE.jsonl [--cv [K]] [--village] [--model PATH]
 *
 * FILE rows {title, detail, label} (one of the seven TipDM classes): accuracy and macro-F1 of
 * the shipped model, or of K-fold cross-validation with --cv (each fold's model trained on
 * the other folds plus all shipped data except copies of FILE's rows). With --village, FILE
 * rows are {text, kind} and the figures are the shares routed straight, wrongly and to triage
 * at RECOMMENDED_CONFIDENCE_THRESHOLD. Lines before the last show the trade-off at other
 * thresholds; the last line is always one JSON object, for scripts.
 */

const USAGE = 'usage: evalCommand.js FILE.jsonl [--cv [K]] [--village] [--model PATH]';

const round = (value: number, digits = 4) => Number(value.toFixed(digits));

export interface EvalDependencies {
  print: (line: string) => void;
  /** What cross-validation trains on besides the other folds; tests pass a small set. */
  trainingPool: () => LabelledExample[];
}

const defaults: EvalDependencies = { print: (line) => console.log(line), trainingPool: shippedTrainingExamples };

export async function runEval(argv: readonly string[], dependencies: Partial<EvalDependencies> = {}): Promise<void> {
  const { print, trainingPool } = { ...defaults, ...dependencies };
  const args = parseCliArgs(argv);
  const [file] = args.files;
  if (!file || args.files.length > 1 || args.out) throw new UsageError(USAGE);
  const rows = args.village ? readVillageRows(file) : readTipdmRows(file);
  let modelFor: (rowIndex: number) => CategoryClassifier;
  if (args.folds !== null) {
    const started = Date.now();
    modelFor = crossValidationModels(rows, args.folds, trainingPool());
    print(`trained ${args.folds} fold models in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else {
    const model = await CategoryClassifier.loadFile(args.model ?? DEFAULT_MODEL_PATH);
    print(`model ${model.version}`);
    modelFor = () => model;
  }

  // The routing trade-off at several thresholds, to choose RECOMMENDED_CONFIDENCE_THRESHOLD by.
  const outcomes = args.village ? villageOutcomes(rows, modelFor) : tipdmRoutingOutcomes(rows, modelFor);
  for (const threshold of [0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6]) {
    const shares = villageShares(outcomes, threshold);
    print(
      `threshold ${threshold.toFixed(2)}: straight ${shares.straight.toFixed(3)}  wrong ${shares.wrong.toFixed(3)}  triage ${shares.triage.toFixed(3)}`,
    );
  }
  if (args.village) {
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
    return;
  }
  const result = evaluateTipdm(rows, modelFor);
  print(
    JSON.stringify({
      n: result.n,
      accuracy: round(result.accuracy),
      macroF1: round(result.macroF1),
      msPerReport: round(result.msPerReport, 3),
    }),
  );
}

if (require.main === module) {
  runEval(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
