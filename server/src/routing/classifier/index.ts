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
 * going straight to a department. A wrong department costs more than triage — the report
 * bounces back and the villager waits longer than a dispatcher takes — so the threshold sits
 * where held-out wrong sends are rare (evalCommand --cv, per threshold):
 *
 *   village concerns (--village --cv 5):  0.25 → 86 % straight, 4.7 % wrong; 0.30 → 84 %, 1.6 %; 0.40 → 75 %, 1.6 %
 *   TipDM letters (strict kind reading):   0.25 → 80 % straight, 7.4 % wrong; 0.30 → 74 %, 6.3 %; 0.40 → 62 %, 4.9 %
 *
 * 0.3 is where wrong village sends stop falling faster than straight ones, and it minimises the
 * expected cost on TipDM letters when a wrong send costs 3–5 triages.
 */
export const RECOMMENDED_CONFIDENCE_THRESHOLD = 0.3;

/** The share of all reports the threshold may expect to send to a wrong department (routing:eval reads it off). */
export const MAX_EXPECTED_WRONG_SHARE = 0.04;

/** The threshold in force: the configured one, else the recommended one. */
export function routingThreshold(routing: { confidenceThreshold: number | null }): number {
  return routing.confidenceThreshold ?? RECOMMENDED_CONFIDENCE_THRESHOLD;
}
