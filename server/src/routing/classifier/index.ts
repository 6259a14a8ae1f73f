import path from 'node:path';

/**
 * The report classifier: predicts a report's category code from its title, text and voice
 * transcript, with a confidence and the top three candidates. Trained by `npm run
 * routing:train`, measured by `npm run routing:eval`, retrained in-process from dispatchers'
 * corrections with CategoryClassifier.train(shippedTrainingExamples().concat(corrections)).
 */
export { CategoryClassifier } from './model';
export type { CategoryScore, ClassifierInput, LabelledExample, Prediction, TrainOptions } from './model';
export { ClassifierFormatError } from './modelFile';
export type { ClassifierFile } from './modelFile';
export { TIPDM_CLASS_BY_CATEGORY, CATEGORY_BY_TIPDM_NAME, CATEGORY_BY_VILLAGE_KIND } from './categoryMap';
export { shippedTrainingExamples, readExamplesFile, trainRoutingModel } from './trainingData';

/**
 * The shipped model, committed with the code. Resolved from this file: server/src/routing/
 * classifier under jest and server/dist/routing/classifier in production are both three
 * levels below server/.
 */
export const DEFAULT_MODEL_PATH: string = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  'models',
  'category-classifier.json',
);

/**
 * Below this confidence a report waits in the township dispatcher's triage queue instead of
 * going straight to a department. Confidences are calibrated (temperature scaling, see
 * DEFAULT_TRAIN_OPTIONS.temperature), so the threshold is read off them without labels: the
 * lowest confidence at which the expected share of reports sent to a wrong department,
 * Σ_{c ≥ t} (1 − c) / n, stays within MAX_EXPECTED_WRONG_SHARE (4 %). On the held-out village
 * concerns (routing:eval --village-file, ECE 0.040) that gives 0.541, rounded up to 0.55.
 */
export const RECOMMENDED_CONFIDENCE_THRESHOLD = 0.55;

/** The share of all reports the threshold may expect to send to a wrong department (routing:eval reads it off). */
export const MAX_EXPECTED_WRONG_SHARE = 0.04;

/** The threshold in force: the configured one, else the recommended one. */
export function routingThreshold(routing: { confidenceThreshold: number | null }): number {
  return routing.confidenceThreshold ?? RECOMMENDED_CONFIDENCE_THRESHOLD;
}
