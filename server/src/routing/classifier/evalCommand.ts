import { crossValidationModels, evaluateTipdm, readTipdmRows, readVillageRows, villageOutcomes, villageShares } from './benchmarks';
import { parseCliArgs, UsageError } from './cliArgs';
import { DEFAULT_MODEL_PATH, RECOMMENDED_CONFIDENCE_THRESHOLD } from './index';
import { CategoryClassifier } from './model';

/**
 * npm run routing:eval -- FILE.jsonl [--cv [K]] [--village] [--model PATH]
 *
 * FILE rows {title, detail, label} (one of the seven TipDM classes): accuracy and macro-F1 of
 * the shipped model, or of K-fold cross-validation with --cv. With --village, FILE rows are
 * {text, kind} and the figures are the shares routed straight, wrongly and to triage.
 * The last line printed is always one JSON object, for scripts.
 */

const USAGE = 'usage: evalCommand.js FILE.jsonl [--cv [K]] [--village] [--model PATH]';

const round = (value: number, digits = 4) => Number(value.toFixed(digits));

async function main(argv: readonly string[]): Promise<void> {
  const args = parseCliArgs(argv);
  const [file] = args.files;
  if (!file || args.files.length > 1) throw new UsageError(USAGE);
  const rows = args.village ? readVillageRows(file) : readTipdmRows(file);
  let modelFor: (rowIndex: number) => CategoryClassifier;
  if (args.folds !== null) {
    const started = Date.now();
    modelFor = crossValidationModels(rows, args.folds);
    console.log(`trained ${args.folds} fold models in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else {
    const model = await CategoryClassifier.loadFile(args.model ?? DEFAULT_MODEL_PATH);
    console.log(`model ${model.version}`);
    modelFor = () => model;
  }

  if (args.village) {
    const outcomes = villageOutcomes(rows, modelFor);
    // The trade-off at other thresholds, to choose RECOMMENDED_CONFIDENCE_THRESHOLD by.
    for (const threshold of [0, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7]) {
      const shares = villageShares(outcomes, threshold);
      console.log(`threshold ${threshold.toFixed(2)}: straight ${round(shares.straight, 3)}  wrong ${round(shares.wrong, 3)}  triage ${round(shares.triage, 3)}`);
    }
    const result = villageShares(outcomes, RECOMMENDED_CONFIDENCE_THRESHOLD);
    console.log(JSON.stringify({ n: result.n, straight: round(result.straight), wrong: round(result.wrong), triage: round(result.triage), threshold: result.threshold }));
    return;
  }
  const result = evaluateTipdm(rows, modelFor);
  console.log(JSON.stringify({ n: result.n, accuracy: round(result.accuracy), macroF1: round(result.macroF1), msPerReport: round(result.msPerReport, 3) }));
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
