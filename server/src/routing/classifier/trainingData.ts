import fs from 'node:fs';
import path from 'node:path';
import { categoryCodeOf, villageCategoryOf } from './categoryMap';
import { CategoryClassifier, type ClassifierInput, type LabelledExample, type TrainOptions } from './model';
import type { TrainingCandidate } from './nestedEval';
import { selfTrainers } from './selfTraining';

/**
 * Training data: the files shipped in server/src/routing/data (resolved from this file, so
 * the same path works from src under jest and from dist in production — never ../shared,
 * which production does not have) and files a county supplies to the train command.
 */
export const SHIPPED_DATA_DIR = path.resolve(__dirname, '..', '..', '..', 'src', 'routing', 'data');

/** A row of any supported JSONL file: ours, TipDM's (title, detail, label) or the village examples'. */
interface RawRow {
  text?: unknown;
  title?: unknown;
  detail?: unknown;
  categoryCode?: unknown;
  label?: unknown;
  kind?: unknown;
  weight?: unknown;
}

const asText = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** All of a row's text in one string (title and detail joined): what copies are recognised by. */
export function rowText(row: { text?: unknown; title?: unknown; detail?: unknown }): string {
  return [asText(row.title), asText(row.text) || asText(row.detail)].filter(Boolean).join('。');
}

/** Title and text of an example as one string, as rowText joins a file's row. */
export function exampleText(example: LabelledExample): string {
  return rowText(example);
}

/** The text fields of a row: `text` (or `detail`) as the body, and the title apart when there is a body. */
function rowFields(row: RawRow): Pick<LabelledExample, 'text' | 'title'> {
  const title = asText(row.title);
  const body = asText(row.text) || asText(row.detail);
  if (!body) return { text: title };
  return title ? { title, text: body } : { text: body };
}

function rowExample(row: RawRow): LabelledExample {
  const example: LabelledExample = { ...rowFields(row), categoryCode: rowCategory(row) };
  if (typeof row.weight === 'number' && row.weight > 0) example.weight = row.weight;
  return example;
}

function rowCategory(row: RawRow): string {
  const code = asText(row.categoryCode);
  if (code) return code;
  const label = asText(row.label);
  if (label) return categoryCodeOf(label);
  return villageCategoryOf(asText(row.kind), rowText(row)) ?? '';
}

export function parseJsonl(content: string, source: string): LabelledExample[] {
  const examples: LabelledExample[] = [];
  content.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    let row: RawRow;
    try {
      row = JSON.parse(line) as RawRow;
    } catch {
      throw new Error(`${source}:${index + 1}: not valid JSON`);
    }
    const example = rowExample(row);
    if (!example.text || !example.categoryCode)
      throw new Error(`${source}:${index + 1}: needs text (or title/detail) and categoryCode (or label/kind)`);
    examples.push(example);
  });
  return examples;
}

/** RFC 4180 fields: quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsvRecords(content: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const text = content.replace(/^\uFEFF/, '');
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      record.push(field);
      if (record.some((value) => value.trim())) records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  record.push(field);
  if (record.some((value) => value.trim())) records.push(record);
  return records;
}

/** CSV with a header naming `text` (or title/detail) and `categoryCode` (or label). */
export function parseCsv(content: string, source: string): LabelledExample[] {
  const [header, ...records] = parseCsvRecords(content);
  if (!header) return [];
  const columns = header.map((name) => name.trim());
  return records.map((values, index) => {
    const row: Record<string, unknown> = {};
    columns.forEach((column, position) => {
      row[column] = values[position] ?? '';
    });
    if (typeof row.weight === 'string') row.weight = Number(row.weight);
    const example = rowExample(row);
    if (!example.text || !example.categoryCode)
      throw new Error(`${source}: row ${index + 2} needs text and categoryCode`);
    return example;
  });
}

export function readExamplesFile(filePath: string): LabelledExample[] {
  const content = fs.readFileSync(filePath, 'utf8');
  return filePath.toLowerCase().endsWith('.csv') ? parseCsv(content, filePath) : parseJsonl(content, filePath);
}

/** Every shipped training file, in name order so that training sees the same sequence each run. */
export function shippedTrainingFiles(): string[] {
  return fs
    .readdirSync(SHIPPED_DATA_DIR)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => path.join(SHIPPED_DATA_DIR, name));
}

/**
 * How much one example of a village file counts against one TipDM message. Village concerns
 * are a sentence long, so they carry few features; counting them several times makes the
 * model as sure of a plain 停电了 as of a long letter, which is what lets confident village
 * reports go straight to a department (--village --cv: weight 1 → 59 % straight at 0.4,
 * 4 → 73 %, with TipDM accuracy unchanged).
 */
export const VILLAGE_EXAMPLE_WEIGHT = 4;

/**
 * How much an example of each shipped file counts. Taxonomy names are two- to six-character
 * phrases ("物价监督", "特种设备管理", "公共汽车") that say which class a topic belongs to —
 * knowledge 445 messages cannot cover — so they weigh several messages each (cross-validation
 * on train.jsonl: 1 → 0.84, 2 → 0.84, 4 → 0.87, 8 → 0.86, 16 → 0.81 accuracy).
 *
 * The replied messages (labelled by the department that answered, so weakly) count 0.15 each:
 * one 5-fold repeat on train.jsonl gave 0.15 → 0.883, 0.3 → 0.870, 0.6 → 0.867. Self-training
 * on unlabeled.jsonl (each fold's model labelling the messages it is ≥ 0.9 sure of, weight 0.1,
 * one round) gave 0.867 on the same split, so it is not done.
 */
export const SHIPPED_FILE_WEIGHTS: Readonly<Record<string, number>> = {
  'tipdm-taxonomy.jsonl': 4,
  'tipdm-replies.jsonl': 0.15,
  'village-seed.jsonl': VILLAGE_EXAMPLE_WEIGHT,
};

/**
 * The replied messages as shipped, unweighted: the second, held-out estimate of routing:eval
 * --cv (another source, labelled by the department that answered).
 */
export const REPLIES_FILE = 'tipdm-replies.jsonl';

export function shippedReplies(): LabelledExample[] {
  return readExamplesFile(path.join(SHIPPED_DATA_DIR, REPLIES_FILE));
}

export function shippedTrainingExamples(
  fileWeights: Readonly<Record<string, number>> = SHIPPED_FILE_WEIGHTS,
): LabelledExample[] {
  return shippedTrainingFiles().flatMap((file) => {
    const fileWeight = fileWeights[path.basename(file)] ?? 1;
    return readExamplesFile(file).map((example) =>
      fileWeight === 1 ? example : { ...example, weight: (example.weight ?? 1) * fileWeight },
    );
  });
}

/**
 * How the routing model is trained — by routing:train, by the nightly retraining and by each
 * fold of routing:eval --cv, so that what is measured is what ships.
 *
 * One model, not an ensemble: in 2× grouped 5-fold cross-validation on train.jsonl (the folds of
 * routing:eval --cv) this model gave 0.884 ± 0.005; a softmax model on character 2–4-grams alone
 * (150,000 features) 0.854; complement naive Bayes on this model's features 0.864; the average of
 * calibrated probabilities of this model and the 2–4-gram one 0.872, of this model and naive Bayes
 * 0.884 (calibration error 0.090 against 0.047), of all three 0.880. Co-training on
 * unlabeled.jsonl (messages on which this model and the 2–4-gram one agree, both ≥ 0.8 or ≥ 0.9
 * sure, 1,400–2,100 per fold, weight 0.3 or 1) lost 4–5 of the first fold's 89 messages.
 * Dense features for words 445 messages do not hold — a 100-dimension LSA of the words of
 * unlabeled.jsonl and the replies (randomised SVD of their TF-IDF matrix, 18,733 words), each
 * message's unit-length projection appended to its vector at weight α — gave on the first split
 * (this model 0.881) 0.793 at α 1, 0.856 at 0.3 and 0.881 at 0.1: they make the model surer, not
 * better (ECE 0.125 at α 1). Village examples weighing 1 or 2 instead of 4 gave 0.883 and 0.881.
 *
 * Nested cross-validation (routing:eval --nested, outer 1×5 folds = --cv's first split, inner
 * 3-fold choosing the candidate and the temperature; figures are the outer folds', ± the sd over
 * the five folds; village = the 64 held-out concerns routed by each outer model at 0.55):
 * - this model alone (--grid shipped): 0.881 ± 0.036, macro-F1 0.880, ECE 0.044; recall 城乡
 *   0.88, 环境 0.90, 交通 0.86, 教育 0.92, 劳动 0.90, 商贸 0.72, 卫生 0.95; village 90.9 % right,
 *   3.1 % wrong (threshold from calibrated confidence 0.543).
 * - the knobs grid (the default of --nested: this model, taxonomy names ×8, L2 1e-4): chose this
 *   model 3×, taxonomy ×8 2× (L2 1e-4 never); outer 0.881 ± 0.031, macro-F1 0.880, ECE 0.058;
 *   village 90.6 % right, 3.8 % wrong (threshold from calibrated confidence 0.561).
 * - 33 letters about 商贸旅游 written for this (scenic spots, tour groups, 传销, prices, 商标,
 *   电梯/特种设备, 检验检疫, e-commerce), weight 1 (--grid extra-1): 0.876 ± 0.027; 商贸 recall
 *   0.72 → 0.78 but 城乡 0.88 → 0.85 and 教育 0.92 → 0.89; village 90.3 % right, 5.3 % wrong.
 * - self-training on unlabeled.jsonl (4,263 messages not copying a train.jsonl row; the fold's
 *   model labels those it is ≥ 0.9 or ≥ 0.8 sure of, in the labelled classes' proportions,
 *   weight 0.3; --grid self-training, the inner folds choosing among it and this model): the
 *   inner folds preferred self-training (mean inner accuracy 0.882 at ≥ 0.8, 0.877 at ≥ 0.9,
 *   0.876 without) and chose it in 3 of 5 folds, where it lost on the outer fold (0.807 against
 *   0.841, 0.898 against 0.909, 0.901 against 0.912): outer 0.870 ± 0.043, ECE 0.063, village
 *   90.0 % right, 4.4 % wrong. It is the tuning-on-the-folds optimism nested CV exists to show.
 * None beats this model on the outer folds, so it stays as trained (threshold 0.55 unchanged).
 */
export function trainRoutingModel(examples: LabelledExample[], options: TrainOptions = {}): CategoryClassifier {
  return CategoryClassifier.train(examples, options);
}

/**
 * The candidates routing:eval --nested chooses among on its inner folds (--grid NAME, or
 * candidate names joined by commas). Each is a whole way of training; list the shipped one
 * first, so that it wins ties.
 *
 * - shipped: the shipped setting (alone, the inner folds fit only the temperature).
 * - taxonomy8: taxonomy names weighing 8 instead of 4; l2-1e-4: L2 1e-4 instead of 2e-5 — the
 *   two knobs whose earlier plain-CV figures were closest to the shipped ones.
 * - self-0.9, self-0.8: self-training on the unlabelled messages (--unlabeled FILE) at calibrated
 *   confidence ≥ 0.9 or ≥ 0.8, class-balanced, pseudo-labels weighing 0.3.
 * - extra-1, extra-2: the labelled examples of --extra FILE added at weight 1 or 2.
 *
 * Grids: knobs = shipped, taxonomy8, l2-1e-4; self-training = shipped, self-0.9, self-0.8.
 */
export const NESTED_GRIDS: Readonly<Record<string, readonly string[]>> = {
  knobs: ['shipped', 'taxonomy8', 'l2-1e-4'],
  'self-training': ['shipped', 'self-0.9', 'self-0.8'],
};

export interface CandidateSources {
  /** Unlabelled messages for self-training. */
  unlabelled?: readonly ClassifierInput[];
  /** Labelled examples a candidate adds to the shipped ones. */
  extra?: readonly LabelledExample[];
}

export function trainingCandidates(grid: string, sources: CandidateSources = {}): TrainingCandidate[] {
  const names = NESTED_GRIDS[grid] ?? grid.split(',').map((name) => name.trim());
  const unlabelled = sources.unlabelled ?? [];
  const extra = sources.extra ?? [];
  const pool = () => shippedTrainingExamples();
  let trainers: ReturnType<typeof selfTrainers> | null = null;
  const selfTraining = () => {
    if (unlabelled.length === 0) throw new Error('self-training needs unlabelled messages (--unlabeled FILE)');
    trainers ??= selfTrainers(unlabelled, (examples) => trainRoutingModel(examples));
    return trainers;
  };
  const withExtra = (weight: number) => {
    if (extra.length === 0) throw new Error(`extra-${weight} needs labelled examples (--extra FILE)`);
    return () => pool().concat(extra.map((example) => ({ ...example, weight: (example.weight ?? 1) * weight })));
  };
  const usesSelfTraining = names.some((name) => name.startsWith('self-'));
  return names.map((name): TrainingCandidate => {
    switch (name) {
      case 'shipped':
        // Beside self-training candidates, the plain model is their shared first model.
        return {
          name,
          pool,
          train: usesSelfTraining ? selfTraining().plain : (examples) => trainRoutingModel(examples),
        };
      case 'taxonomy8':
        return {
          name,
          pool: () => shippedTrainingExamples({ ...SHIPPED_FILE_WEIGHTS, 'tipdm-taxonomy.jsonl': 8 }),
          train: (examples) => trainRoutingModel(examples),
        };
      case 'l2-1e-4':
        return { name, pool, train: (examples) => trainRoutingModel(examples, { l2: 1e-4 }) };
      case 'self-0.9':
      case 'self-0.8':
        return {
          name,
          pool,
          train: selfTraining().selfTrained({ threshold: Number(name.slice('self-'.length)), weight: 0.3 }),
        };
      case 'extra-1':
      case 'extra-2':
        return {
          name,
          pool: withExtra(Number(name.slice('extra-'.length))),
          train: (examples) => trainRoutingModel(examples),
        };
      default:
        throw new Error(
          `unknown candidate ${JSON.stringify(name)} (grids: ${Object.keys(NESTED_GRIDS).join(', ')}; candidates: shipped, taxonomy8, l2-1e-4, self-0.9, self-0.8, extra-1, extra-2)`,
        );
    }
  });
}
