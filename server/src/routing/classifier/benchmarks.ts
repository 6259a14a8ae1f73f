import fs from 'node:fs';
import { demoCategories } from '../../db/seed/categories';
import { TIPDM_CLASS_BY_CATEGORY, categoryCodeOf, villageCategoryOf } from './categoryMap';
import {
  NearDuplicateIndex,
  classificationScores,
  groupedStratifiedFolds,
  sameMatterGroups,
  type ClassificationScores,
} from './evaluation';
import { type CategoryScore, CategoryClassifier, type ClassifierInput, type LabelledExample } from './model';
import { VILLAGE_EXAMPLE_WEIGHT, exampleText, rowText, shippedTrainingExamples } from './trainingData';

/**
 * The two measurements of evalCommand. TipDM: accuracy over the seven classes of held-out
 * messages. Village: where a concern would be sent — straight to the right kind of
 * department, to a wrong one, or to triage. With folds, each fold's model is trained on the
 * other folds plus every shipped example that is not a (near) copy of a row of the evaluated
 * file, so no evaluated message is ever trained on; rows of the file telling the same matter
 * (sameMatterGroups) share a fold, so none is judged by a model that trained on its twin.
 */

export interface EvalRow {
  input: ClassifierInput;
  /** Training form of the row, for the other folds. */
  example: LabelledExample;
  /** TipDM class (TipDM file) or department kind (village file). */
  truth: string;
}

function readRows(filePath: string): Record<string, unknown>[] {
  return fs
    .readFileSync(filePath, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

/** Rows {title, detail, label}; label is a TipDM class name (or a code mapping to one). */
export function readTipdmRows(filePath: string): EvalRow[] {
  return readRows(filePath).map((row, index) => {
    const categoryCode = categoryCodeOf(String(row.label ?? row.categoryCode ?? ''));
    const truth = TIPDM_CLASS_BY_CATEGORY[categoryCode];
    if (!truth)
      throw new Error(
        `${filePath}:${index + 1}: label ${JSON.stringify(row.label)} is not one of the seven TipDM classes`,
      );
    return {
      input: { title: text(row.title), text: text(row.detail) ?? text(row.text) },
      example: { title: text(row.title), text: text(row.detail) ?? text(row.text) ?? '', categoryCode },
      truth,
    };
  });
}

/** Rows {text, kind} as in data/village/examples.jsonl. */
export function readVillageRows(filePath: string): EvalRow[] {
  return readRows(filePath).map((row, index) => {
    const kind = String(row.kind ?? '');
    const body = rowText(row);
    const categoryCode = villageCategoryOf(kind, body);
    if (!categoryCode) throw new Error(`${filePath}:${index + 1}: unknown kind ${JSON.stringify(row.kind)}`);
    // Weighed as the shipped copy of the village examples is, so a fold trains like the product.
    return {
      input: { text: body },
      example: { text: body, categoryCode, weight: VILLAGE_EXAMPLE_WEIGHT },
      truth: kind,
    };
  });
}

/** A model per fold (trained without that fold's rows), or the given model for every row. */
type ModelForRow = (rowIndex: number) => CategoryClassifier;

/** How a fold's model is trained: as `routing:train` trains the shipped one unless a test says otherwise. */
export type Trainer = (examples: LabelledExample[]) => CategoryClassifier;

export function crossValidationModels(
  rows: readonly EvalRow[],
  folds: number,
  trainingPool: readonly LabelledExample[] = shippedTrainingExamples(),
  seed = 7,
  train: Trainer = (examples) => CategoryClassifier.train(examples),
): ModelForRow {
  const copies = new NearDuplicateIndex(rows.map((row) => exampleText(row.example)));
  const shipped = trainingPool.filter((example) => !copies.isCopy(exampleText(example)));
  const foldOf = groupedStratifiedFolds(
    rows.map((row) => row.truth),
    sameMatterGroups(rows.map((row) => row.example)).groupOf,
    folds,
    seed,
  );
  const models: CategoryClassifier[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const otherFolds = rows.filter((_, index) => foldOf[index] !== fold).map((row) => row.example);
    models.push(train(shipped.concat(otherFolds)));
  }
  return (rowIndex) => models[foldOf[rowIndex]];
}

/**
 * The estimate on messages of another source: a model trained as routing:train trains — on
 * every row of the evaluated file plus the shipped examples — but with each (near) copy of a
 * held-out message taken out of the training side, scored on the held-out messages whose label
 * is one of the seven classes. Nothing of it (vocabulary, IDF, weights) has seen them.
 */
export function heldOutScores(
  rows: readonly EvalRow[],
  heldOut: readonly LabelledExample[],
  trainingPool: readonly LabelledExample[],
  train: Trainer = (examples) => CategoryClassifier.train(examples),
): ClassificationScores {
  const copies = new NearDuplicateIndex(heldOut.map(exampleText));
  const examples = trainingPool
    .concat(rows.map((row) => row.example))
    .filter((example) => !copies.isCopy(exampleText(example)));
  const model = train(examples);
  const scored = heldOut.filter((example) => TIPDM_CLASS_BY_CATEGORY[example.categoryCode]);
  return classificationScores(
    scored.map((example) => TIPDM_CLASS_BY_CATEGORY[example.categoryCode]),
    scored.map((example) => tipdmClassOf(model, { title: example.title, text: example.text })),
  );
}

/** The seed of repeat r of a repeated cross-validation: repeat 0 is the single --cv's split. */
export const repeatSeed = (repeat: number): number => 7 + 101 * repeat;

/** One row's out-of-fold answer: every category's probability, best first. */
export interface RowScores {
  truth: string;
  scores: CategoryScore[];
}

export function outOfFoldScores(rows: readonly EvalRow[], modelFor: ModelForRow): RowScores[] {
  return rows.map((row, index) => ({ truth: row.truth, scores: modelFor(index).scoreAll(row.input) }));
}

/** Mean wall time of predict() per report, after a warm-up (dictionary load, JIT). */
function msPerReport(rows: readonly EvalRow[], modelFor: ModelForRow): number {
  for (let index = 0; index < Math.min(rows.length, 20); index += 1) modelFor(index).predict(rows[index].input);
  const start = process.hrtime.bigint();
  rows.forEach((row, index) => modelFor(index).predict(row.input));
  return Number(process.hrtime.bigint() - start) / 1e6 / Math.max(rows.length, 1);
}

/** The TipDM class a row's scores pick: the best category that maps to one of the seven. */
export function tipdmClassOfScores(scores: readonly CategoryScore[]): string {
  const best = scores.find((score) => TIPDM_CLASS_BY_CATEGORY[score.categoryCode]);
  return best ? TIPDM_CLASS_BY_CATEGORY[best.categoryCode] : '';
}

/** The best TipDM class: the argmax over the categories that map to one of the seven. */
export function tipdmClassOf(model: CategoryClassifier, input: ClassifierInput): string {
  const best = model.scoreAll(input).find((score) => TIPDM_CLASS_BY_CATEGORY[score.categoryCode]);
  return best ? TIPDM_CLASS_BY_CATEGORY[best.categoryCode] : '';
}

export interface TipdmResult extends ClassificationScores {
  msPerReport: number;
}

export function evaluateTipdm(rows: readonly EvalRow[], modelFor: ModelForRow): TipdmResult {
  const predicted = rows.map((row, index) => tipdmClassOf(modelFor(index), row.input));
  const scores = classificationScores(
    rows.map((row) => row.truth),
    predicted,
  );
  return { ...scores, msPerReport: msPerReport(rows, modelFor) };
}

export interface VillageResult {
  n: number;
  straight: number;
  wrong: number;
  triage: number;
  threshold: number;
}

/** Department kind of each category code, from the seeded category tree. */
export function departmentKinds(): Map<string, string | null> {
  return new Map(demoCategories().map((category) => [category.code, category.departmentKind]));
}

export interface VillageOutcome {
  kind: string;
  predictedKind: string | null;
  confidence: number;
}

/**
 * Where each row would be routed, as the product routes (unrestricted prediction). A village
 * row's truth is its kind; a TipDM row's is the kind of its class's category (城乡建设 →
 * urban_rural → housing), a strict reading: a 城乡建设 message predicted as water_supply counts
 * as wrong although the water station may well be the right place for it.
 */
export function routingOutcomes(
  rows: readonly EvalRow[],
  modelFor: ModelForRow,
  truthKind: (row: EvalRow) => string,
): VillageOutcome[] {
  const kinds = departmentKinds();
  return rows.map((row, index) => {
    const prediction = modelFor(index).predict(row.input);
    return {
      kind: truthKind(row),
      predictedKind: kinds.get(prediction.categoryCode) ?? null,
      confidence: prediction.confidence,
    };
  });
}

export function villageOutcomes(rows: readonly EvalRow[], modelFor: ModelForRow): VillageOutcome[] {
  return routingOutcomes(rows, modelFor, (row) => row.truth);
}

export function tipdmRoutingOutcomes(rows: readonly EvalRow[], modelFor: ModelForRow): VillageOutcome[] {
  const kinds = departmentKinds();
  return routingOutcomes(rows, modelFor, (row) => kinds.get(row.example.categoryCode) ?? '');
}

/**
 * Shares sent straight to the right kind, to a wrong kind, and to triage at a threshold. A
 * category without a department kind (党务政务, …) goes to triage whatever its confidence.
 */
export function villageShares(outcomes: readonly VillageOutcome[], threshold: number): VillageResult {
  let straight = 0;
  let wrong = 0;
  for (const outcome of outcomes) {
    if (outcome.confidence < threshold || outcome.predictedKind === null) continue;
    if (outcome.predictedKind === outcome.kind) straight += 1;
    else wrong += 1;
  }
  const n = outcomes.length;
  const share = (count: number) => (n ? count / n : 0);
  return { n, straight: share(straight), wrong: share(wrong), triage: share(n - straight - wrong), threshold };
}
