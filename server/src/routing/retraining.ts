import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { loadCorrections } from '../commands/routingCorrections';
import { ClassifierModelRow, RoutingExample } from '../db/entities';
import type { ClassifierClassChange } from '../db/entities/classifierModel';
import { newId } from '../db/ids';
import type { Logger } from '../logger';
import {
  type CategoryClassifier,
  type LabelledExample,
  shippedTrainingExamples,
  trainRoutingModel,
} from './classifier';
import { comparableText } from './classifier/evaluation';
import { VILLAGE_EXAMPLE_WEIGHT } from './classifier/trainingData';
import type { ClassifierHolder } from './classifierHolder';
import type { CategoryPredictor } from './reportRouter';

/**
 * Nightly retraining from dispatchers' corrections (routing_examples). Every correction falls,
 * by a hash of its text, into the training part or the fixed validation split (one in five):
 * the same text always lands on the same side, and no model — shipped or retrained — ever
 * trains on the validation split, so the model in use and the new one are judged on data
 * neither has seen. The new model is kept only when it is at least as accurate there.
 */

export interface RetrainSchedule {
  /** ROUTING_RETRAIN=off switches the nightly retraining off. */
  enabled: boolean;
  /** Beijing hour (0–23) of the nightly run: ROUTING_RETRAIN_HOUR, default 3. */
  hour: number;
  /** Fewer validation examples than this and nothing is judged: the model in use stays. */
  minValidation: number;
}

export const DEFAULT_RETRAIN_SCHEDULE: RetrainSchedule = { enabled: true, hour: 3, minValidation: 10 };

/** The schedule configured (ROUTING_RETRAIN*), else the default: nightly at 03:00 Beijing time. */
export function retrainScheduleOf(routing: { retrain?: RetrainSchedule }): RetrainSchedule {
  return routing.retrain ?? DEFAULT_RETRAIN_SCHEDULE;
}

/** A correction counts as much as a village example: both are a sentence or two in villagers' words. */
export const CORRECTION_WEIGHT = VILLAGE_EXAMPLE_WEIGHT;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** Whether a correction belongs to the fixed validation split (about one in five, by its text). */
export function inValidationSplit(text: string): boolean {
  return createHash('sha256').update(comparableText(text)).digest()[0] % 5 === 0;
}

export function splitCorrections(corrections: readonly LabelledExample[]): {
  training: LabelledExample[];
  validation: LabelledExample[];
} {
  const training: LabelledExample[] = [];
  const validation: LabelledExample[] = [];
  for (const correction of corrections) (inValidationSplit(correction.text) ? validation : training).push(correction);
  return { training, validation };
}

export interface SplitScore {
  n: number;
  accuracy: number;
  /** Per category code: examples and how many were predicted right. */
  perClass: Map<string, { n: number; correct: number }>;
}

export function scoreOn(predictor: CategoryPredictor, examples: readonly LabelledExample[]): SplitScore {
  const perClass = new Map<string, { n: number; correct: number }>();
  let correct = 0;
  for (const example of examples) {
    const right = predictor.predict({ title: example.title, text: example.text }).categoryCode === example.categoryCode;
    const counts = perClass.get(example.categoryCode) ?? { n: 0, correct: 0 };
    counts.n += 1;
    if (right) {
      counts.correct += 1;
      correct += 1;
    }
    perClass.set(example.categoryCode, counts);
  }
  return { n: examples.length, accuracy: examples.length ? correct / examples.length : 0, perClass };
}

/** Categories whose validation accuracy moved, biggest moves first. */
export function classChanges(before: SplitScore | null, after: SplitScore): ClassifierClassChange[] {
  return [...after.perClass.entries()]
    .map(([categoryCode, counts]) => {
      const previous = before?.perClass.get(categoryCode);
      return {
        categoryCode,
        n: counts.n,
        before: previous ? previous.correct / previous.n : null,
        after: counts.correct / counts.n,
      };
    })
    .filter((change) => change.before === null || change.before !== change.after)
    .sort(
      (a, b) =>
        Math.abs(b.after - (b.before ?? 0)) - Math.abs(a.after - (a.before ?? 0)) ||
        a.categoryCode.localeCompare(b.categoryCode),
    );
}

/** The latest nightly slot at or before `now`. */
export function lastSlot(now: Date, hour: number): Date {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  const slotToday = Math.floor(local / DAY_MS) * DAY_MS + hour * HOUR_MS;
  return new Date((slotToday <= local ? slotToday : slotToday - DAY_MS) - SHANGHAI_OFFSET_MS);
}

/**
 * When the next retraining runs: within the slot's hour when it has not run since the slot
 * began, else the next night's slot.
 */
export function nextRetrainAt(now: Date, schedule: RetrainSchedule, lastAttempt: Date | null): Date | null {
  if (!schedule.enabled) return null;
  const slot = lastSlot(now, schedule.hour);
  const withinHour = now.getTime() - slot.getTime() < HOUR_MS;
  if (withinHour && (!lastAttempt || lastAttempt < slot)) return now;
  return new Date(slot.getTime() + DAY_MS);
}

export interface RetrainDeps {
  dataSource: DataSource;
  logger: Logger;
  classifier: ClassifierHolder;
  /** Where a kept model is written; the holder reloads it from there. */
  modelPath: string;
  schedule: RetrainSchedule;
  /** What is trained on besides the corrections: the shipped examples; tests pass a small set. */
  trainingPool?: () => LabelledExample[];
  train?: (examples: LabelledExample[], trainedAt: Date) => CategoryClassifier;
}

export type RetrainOutcome =
  | { kept: true; row: ClassifierModelRow }
  | { kept: false; row: ClassifierModelRow | null; reason: 'no_new_corrections' | 'too_few' | 'worse' };

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

export class RetrainJob {
  private readonly trainingPool: () => LabelledExample[];
  private readonly train: (examples: LabelledExample[], trainedAt: Date) => CategoryClassifier;

  constructor(private readonly deps: RetrainDeps) {
    this.trainingPool = deps.trainingPool ?? shippedTrainingExamples;
    this.train = deps.train ?? ((examples, trainedAt) => trainRoutingModel(examples, { trainedAt }));
  }

  private async lastAttempt(): Promise<ClassifierModelRow | null> {
    return this.deps.dataSource
      .getRepository(ClassifierModelRow)
      .findOne({ where: {}, order: { trainedAt: 'DESC', id: 'DESC' } });
  }

  /** Retrains when the nightly slot has come and this night has not run yet (the scheduler calls it each minute). */
  async runOnce(now: Date): Promise<RetrainOutcome | null> {
    if (!this.deps.schedule.enabled) return null;
    const last = await this.lastAttempt();
    const due = nextRetrainAt(now, this.deps.schedule, last?.trainedAt ?? null);
    if (!due || due.getTime() !== now.getTime()) return null;
    const outcome = await this.retrain(now);
    this.deps.logger.info(
      { kept: outcome.kept, version: outcome.row?.version, accuracy: outcome.row?.accuracy },
      outcome.kept ? 'classifier retrained and kept' : 'classifier retraining kept the model in use',
    );
    return outcome;
  }

  /** Trains on the shipped examples and the training part of the corrections; keeps the model if it is no worse. */
  async retrain(now: Date): Promise<RetrainOutcome> {
    const repository = this.deps.dataSource.getRepository(ClassifierModelRow);
    const corrections = await loadCorrections(this.deps.dataSource.manager);
    const last = await this.lastAttempt();
    if (last && last.corrections + last.validationSize === corrections.length) {
      return { kept: false, row: null, reason: 'no_new_corrections' };
    }
    const { training, validation } = splitCorrections(corrections);
    const pool = this.trainingPool();
    const examples = pool.concat(training.map((example) => ({ ...example, weight: CORRECTION_WEIGHT })));
    const candidate = this.train(examples, now);
    const current = this.deps.classifier.predictor;
    const row: ClassifierModelRow = Object.assign(new ClassifierModelRow(), {
      id: newId(),
      version: candidate.version,
      trainedAt: now,
      examples: examples.length,
      corrections: training.length,
      validationSize: validation.length,
      accuracy: null,
      previousAccuracy: null,
      kept: false,
      changes: [],
      note: '',
    });
    if (validation.length < this.deps.schedule.minValidation) {
      row.note = `验证集只有 ${validation.length} 条（至少 ${this.deps.schedule.minValidation} 条才比较），保留原模型`;
      await repository.insert(row);
      return { kept: false, row, reason: 'too_few' };
    }
    const after = scoreOn(candidate, validation);
    const before = current ? scoreOn(current, validation) : null;
    row.accuracy = after.accuracy;
    row.previousAccuracy = before?.accuracy ?? null;
    row.changes = classChanges(before, after);
    if (before && after.accuracy < before.accuracy) {
      row.note = `验证集准确率 ${percent(after.accuracy)} 低于在用模型的 ${percent(before.accuracy)}，未采用`;
      await repository.insert(row);
      return { kept: false, row, reason: 'worse' };
    }
    await candidate.saveFile(this.deps.modelPath);
    await this.deps.classifier.refresh();
    row.kept = true;
    row.note = before
      ? `验证集准确率 ${percent(after.accuracy)}（原 ${percent(before.accuracy)}），已采用`
      : `验证集准确率 ${percent(after.accuracy)}，已采用`;
    await repository.insert(row);
    return { kept: true, row };
  }

  /** Corrections recorded so far (for the model page). */
  async correctionCount(): Promise<number> {
    return this.deps.dataSource.getRepository(RoutingExample).count();
  }
}
