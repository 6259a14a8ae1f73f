import path from 'node:path';
import { parseCliArgs, UsageError } from './cliArgs';
import { DEFAULT_MODEL_PATH } from './index';
import { CategoryClassifier } from './model';
import { readExamplesFile, shippedTrainingExamples } from './trainingData';

/**
 * npm run routing:train -- [EXTRA.jsonl|EXTRA.csv ...] [--out PATH]
 *
 * Trains on every shipped example plus the given files (JSONL rows {text | title+detail,
 * categoryCode | label}, or CSV with a header text,categoryCode) and writes the model to the
 * shipped location, where a running server picks it up. Prints one summary line.
 */
async function main(argv: readonly string[]): Promise<void> {
  const args = parseCliArgs(argv);
  if (args.folds !== null || args.village || args.model) throw new UsageError('usage: trainCommand.js [EXTRA.jsonl|EXTRA.csv ...] [--out PATH]');
  const examples = shippedTrainingExamples().concat(args.files.flatMap((file) => readExamplesFile(file)));
  const started = process.hrtime.bigint();
  const classifier = CategoryClassifier.train(examples);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const out = path.resolve(args.out ?? DEFAULT_MODEL_PATH);
  await classifier.saveFile(out);
  const perLabel = Object.entries(classifier.examplesPerLabel())
    .map(([label, count]) => `${label} ${count}`)
    .join(', ');
  console.log(`trained ${examples.length} examples (${perLabel}) in ${seconds.toFixed(1)} s; version ${classifier.version}; wrote ${out}`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
