import path from 'node:path';
import { parseCliArgs, UsageError } from './cliArgs';
import { DEFAULT_MODEL_PATH } from './index';
import type { CategoryClassifier, LabelledExample } from './model';
import { readExamplesFile, shippedTrainingExamples, trainRoutingModel } from './trainingData';
import { loadCorrections } from '../../commands/routingCorrections';
import { createDataSource } from '../../db/dataSource';

/**
 * npm run routing:train -- [EXTRA.jsonl|EXTRA.csv ...] [--out PATH]
 *
 * Trains on every shipped example plus the given files (JSONL rows {text | title+detail,
 * categoryCode | label}, or CSV with a header text,categoryCode) plus, when DATABASE_URL is set,
 * the corrections dispatchers made in that database, and writes the model to the shipped
 * location, where a running server picks it up. Prints one summary line.
 */

export interface TrainDependencies {
  print: (line: string) => void;
  shippedExamples: () => LabelledExample[];
  corrections: () => Promise<LabelledExample[]>;
}

/** Dispatchers' choices of category (routing_examples) in the database DATABASE_URL names. */
async function databaseCorrections(): Promise<LabelledExample[]> {
  const url = process.env.DATABASE_URL;
  if (!url) return [];
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    return await loadCorrections(dataSource.manager);
  } finally {
    await dataSource.destroy();
  }
}

const defaults: TrainDependencies = {
  print: (line) => console.log(line),
  shippedExamples: shippedTrainingExamples,
  corrections: databaseCorrections,
};

export async function runTrain(
  argv: readonly string[],
  dependencies: Partial<TrainDependencies> = {},
): Promise<CategoryClassifier> {
  const { print, shippedExamples, corrections } = { ...defaults, ...dependencies };
  const args = parseCliArgs(argv);
  if (args.folds !== null || args.village || args.model)
    throw new UsageError('usage: trainCommand.js [EXTRA.jsonl|EXTRA.csv ...] [--out PATH]');
  const corrected = await corrections();
  const examples = shippedExamples().concat(
    args.files.flatMap((file) => readExamplesFile(file)),
    corrected,
  );
  const started = process.hrtime.bigint();
  const classifier = trainRoutingModel(examples);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const out = path.resolve(args.out ?? DEFAULT_MODEL_PATH);
  await classifier.saveFile(out);
  const perLabel = Object.entries(classifier.examplesPerLabel())
    .map(([label, count]) => `${label} ${count}`)
    .join(', ');
  print(
    `trained ${examples.length} examples, ${corrected.length} of them dispatchers' corrections (${perLabel}) in ${seconds.toFixed(1)} s; version ${classifier.version}; wrote ${out}`,
  );
  return classifier;
}

if (require.main === module) {
  runTrain(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
