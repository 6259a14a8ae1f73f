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
export { shippedTrainingExamples, readExamplesFile } from './trainingData';

/**
 * The shipped model, committed with the code. Resolved from this file: server/src/routing/
 * classifier under jest and server/dist/routing/classifier in production are both three
 * levels below server/.
 */
export const DEFAULT_MODEL_PATH: string = path.resolve(__dirname, '..', '..', '..', 'models', 'category-classifier.json');

/**
 * Below this confidence a report waits in the township dispatcher's triage queue instead of
 * going straight to a department. Chosen on held-out village concerns (evalCommand --village
 * --cv): a wrong department costs more than triage, because the report bounces back and the
 * villager waits longer than a dispatcher takes.
 */
export const RECOMMENDED_CONFIDENCE_THRESHOLD = 0.4;
