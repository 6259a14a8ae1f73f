import os from 'node:os';
import type { EntityManager } from 'typeorm';
import { In, LessThan, LessThanOrEqual } from 'typeorm';
import { LIMITS, type VoiceType } from '@minqing/shared';
import { Screening } from '../commands/contentScreening';
import { SYSTEM_ACTOR, applyTransition } from '../commands/reportTransition';
import { pcmWavInfo } from '../storage/mediaSniffer';
import type { AppDeps } from '../context';
import { transaction } from '../db/dataSource';
import { Attachment, Citizen, Report, TranscriptionJob } from '../db/entities';
import type { TranscriptionStatus } from '../db/entities/transcription';
import { newId } from '../db/ids';
import { deadlinesFrom } from '../deadlines/slaClock';
import { AppError } from '../errors';
import { ASR_VOICE_FORMATS, AsrError, type SpeechRecognizer } from '../integrations/asr/tencentAsrClient';
import { routingThreshold } from '../routing/classifier';
import { findDuplicate } from '../routing/duplicates';
import { decideRoute } from '../routing/reportRouter';
import { type Backoff, backoffDelay } from './pushOutbox';

/** Attempts at one clip before it is left to the dispatcher (the report stays in triage). */
export const TRANSCRIPTION_MAX_ATTEMPTS = 5;
/** 30 s, 1, 2, 4 minutes … at most half an hour; the scheduler's sweep (each minute) picks retries up. */
export const TRANSCRIPTION_BACKOFF: Backoff = { baseMs: 30_000, capMs: 30 * 60_000 };
/** A claim older than this was interrupted mid-call (a crash): the clip is not sent again. */
export const TRANSCRIPTION_CLAIM_MS = 5 * 60_000;
/** The route event's note: the villager sees why the report moved without a clerk. */
export const TRANSCRIBED_ROUTE_NOTE = '来自语音转写：系统根据语音内容自动分派';

export type TranscriberDeps = AppDeps & { asr: SpeechRecognizer };

export interface TranscriptionRun {
  transcribed: number;
  routed: number;
  retried: number;
  /** Failed, skipped or refused: left in triage. */
  givenUp: number;
}

type Outcome =
  | { status: 'done'; text: string | null; requestId: string | null; note?: string }
  | { status: 'pending'; error: string }
  | { status: Exclude<TranscriptionStatus, 'done' | 'pending' | 'running'>; error: string };

const clip = (text: string) => text.slice(0, 255);

/**
 * Queues a voice clip for transcription in the submission's transaction (only when ASR is
 * configured and the villager did not keep a 同声传译 transcript): one row per clip, due at once.
 */
export async function queueTranscription(
  manager: EntityManager,
  props: { reportId: string; attachmentId: string; now: Date },
): Promise<void> {
  await manager.getRepository(TranscriptionJob).insert({
    id: newId(),
    reportId: props.reportId,
    attachmentId: props.attachmentId,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: props.now,
    claimedBy: null,
    claimedAt: null,
    lastError: null,
    requestId: null,
    createdAt: props.now,
    updatedAt: props.now,
  });
}

const transcribers = new WeakMap<AppDeps, Transcriber>();

/** This app's transcriber, made once; null without ASR configured (transcription is off). */
export function transcriberOf(deps: AppDeps): Transcriber | null {
  if (!deps.asr) return null;
  let transcriber = transcribers.get(deps);
  if (!transcriber) {
    transcriber = new Transcriber(deps as TranscriberDeps);
    transcribers.set(deps, transcriber);
  }
  return transcriber;
}

/**
 * Server-side transcription of voice reports (Tencent Cloud ASR 一句话识别). The submission is
 * answered first; `kick` then transcribes its clip in the background within seconds, and the
 * scheduler's leader retries what failed (`runOnce`) with backoff. Each job row is claimed with a
 * conditional UPDATE (pending → running) only one worker can win, so a clip is sent once even
 * when two processes run at the same moment; a claim found still running after
 * TRANSCRIPTION_CLAIM_MS is given up, never sent again. The transcript passes content security
 * like text, is stored with source `asr`, and a report still waiting in triage is then classified
 * and routed exactly as a text report would be; one a clerk has dispatched meanwhile keeps its course.
 */
export class Transcriber {
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly deps: TranscriberDeps,
    private readonly worker = `${os.hostname()}:${process.pid}`,
  ) {}

  /** Transcribes a just-submitted report's clip now, without holding up the answer. Never throws. */
  kick(reportId: string): void {
    const work = this.deps.dataSource
      .getRepository(TranscriptionJob)
      .find({ select: { id: true }, where: { reportId, status: 'pending' } })
      .then(async (jobs) => {
        for (const job of jobs) await this.attempt(job.id, this.deps.clock());
      })
      .catch((error: unknown) =>
        this.deps.logger.warn({ err: error, reportId }, 'transcription left for the scheduler'),
      )
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  /** Resolves once every kicked transcription has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** The scheduler's sweep: every pending job whose time has come, after giving up interrupted claims. */
  async runOnce(now: Date, limit = this.deps.config.scheduler.batchSize): Promise<TranscriptionRun> {
    const run: TranscriptionRun = { transcribed: 0, routed: 0, retried: 0, givenUp: 0 };
    const repository = this.deps.dataSource.getRepository(TranscriptionJob);
    const interrupted = await repository.update(
      { status: 'running', claimedAt: LessThan(new Date(now.getTime() - TRANSCRIPTION_CLAIM_MS)) },
      { status: 'failed', lastError: 'interrupted while transcribing; not sent again', nextAttemptAt: null },
    );
    run.givenUp += interrupted.affected ?? 0;
    const due = await repository.find({
      select: { id: true },
      where: { status: 'pending', nextAttemptAt: LessThanOrEqual(now) },
      order: { nextAttemptAt: 'ASC', id: 'ASC' },
      take: limit,
    });
    for (const { id } of due) {
      const result = await this.attempt(id, now);
      if (!result) continue;
      if (result.status === 'done') run.transcribed += 1;
      else if (result.status === 'pending') run.retried += 1;
      else run.givenUp += 1;
      if (result.routed) run.routed += 1;
    }
    return run;
  }

  /** One attempt at one job, if this worker wins the claim; what came of it, or null when another had it. */
  async attempt(jobId: string, now: Date): Promise<{ status: TranscriptionStatus; routed: boolean } | null> {
    const job = await this.claim(jobId, now);
    if (!job) return null;
    let outcome: Outcome;
    try {
      outcome = await this.transcribe(job);
    } catch (error) {
      outcome = this.failure(error, job.attempts);
    }
    const routed = await this.record(job, outcome, now);
    if (outcome.status !== 'done')
      this.deps.logger.info(
        { jobId: job.id, reportId: job.reportId, status: outcome.status, error: outcome.error, attempts: job.attempts },
        'voice clip not transcribed',
      );
    return { status: outcome.status, routed };
  }

  /** pending → running, if nobody else got there first (and its time has come); the row as claimed. */
  private claim(id: string, now: Date): Promise<TranscriptionJob | null> {
    return transaction(this.deps.dataSource, async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(TranscriptionJob)
        .set({ status: 'running', claimedBy: this.worker, claimedAt: now, attempts: () => 'attempts + 1' })
        .where('id = :id AND status = :pending AND nextAttemptAt <= :now', { id, pending: 'pending', now })
        .execute();
      if (!result.affected) return null;
      return manager.getRepository(TranscriptionJob).findOneBy({ id });
    });
  }

  private async transcribe(job: TranscriptionJob): Promise<Outcome> {
    const manager = this.deps.dataSource.manager;
    const [attachment, report] = await Promise.all([
      manager.getRepository(Attachment).findOneBy({ id: job.attachmentId }),
      manager.getRepository(Report).findOneBy({ id: job.reportId }),
    ]);
    if (!attachment || !report) return { status: 'failed', error: 'the clip or its report no longer exists' };
    if (report.transcript)
      return { status: 'skipped', error: `the report already has a transcript (${report.transcriptSource})` };
    const voiceFormat = ASR_VOICE_FORMATS[attachment.contentType as VoiceType] ?? null;
    if (!voiceFormat)
      return {
        status: 'skipped',
        error: `一句话识别 does not take ${attachment.contentType}: left in triage for a person to listen to`,
      };
    const data = await this.deps.storage.get(attachment.storageKey);
    if (data.length > LIMITS.voiceBytesMax)
      return { status: 'skipped', error: `clip of ${data.length} bytes: its base64 would pass 一句话识别's 3 MB` };
    const wav = attachment.contentType === 'audio/wav' ? pcmWavInfo(data) : null;
    if (wav && wav.seconds > LIMITS.voiceSecondsMax + 0.5)
      return { status: 'skipped', error: `clip of ${wav.seconds.toFixed(1)} s: 一句话识别 hears at most 60 s` };
    const recognition = await this.deps.asr.recognize({ data, voiceFormat });
    if (!recognition.text)
      return { status: 'done', text: null, requestId: recognition.requestId, note: 'no speech recognised' };
    return { status: 'done', text: recognition.text.slice(0, LIMITS.transcriptMax), requestId: recognition.requestId };
  }

  private failure(error: unknown, attempts: number): Outcome {
    const asr = error instanceof AsrError ? error : null;
    const text = clip(asr ? `${asr.code ?? `HTTP ${asr.httpStatus ?? '-'}`} ${asr.message}` : String(error));
    if (asr?.permanent) return { status: 'failed', error: text };
    if (attempts >= TRANSCRIPTION_MAX_ATTEMPTS)
      return { status: 'failed', error: `gave up after ${attempts}: ${text}` };
    return { status: 'pending', error: text };
  }

  /**
   * Writes the outcome. A transcript is screened like citizen text first (msg_sec_check): risky
   * is not stored (the job is `refused`, the report waits in triage for a person to listen), the
   * rest is stored with its check row, and the report routed if it is still waiting. Returns
   * whether the report was routed.
   */
  private async record(job: TranscriptionJob, outcome: Outcome, now: Date): Promise<boolean> {
    const repository = this.deps.dataSource.getRepository(TranscriptionJob);
    const finish = (manager: EntityManager, changes: Partial<TranscriptionJob>) =>
      manager
        .getRepository(TranscriptionJob)
        .update({ id: job.id, status: 'running' }, { nextAttemptAt: null, updatedAt: now, ...changes });
    if (outcome.status === 'pending') {
      await finish(repository.manager, {
        status: 'pending',
        lastError: outcome.error,
        nextAttemptAt: new Date(now.getTime() + backoffDelay(job.attempts, TRANSCRIPTION_BACKOFF)),
      });
      return false;
    }
    if (outcome.status !== 'done') {
      await finish(repository.manager, { status: outcome.status, lastError: outcome.error });
      return false;
    }
    const { text, requestId } = outcome;
    if (!text) {
      await finish(repository.manager, { status: 'done', requestId, lastError: outcome.note ?? null });
      return false;
    }
    const report = await this.deps.dataSource.getRepository(Report).findOneByOrFail({ id: job.reportId });
    const citizen = report.citizenId
      ? await this.deps.dataSource.getRepository(Citizen).findOneBy({ id: report.citizenId })
      : null;
    let screening: Screening | null = null;
    if (citizen) {
      try {
        screening = await Screening.ofTexts(this.deps, citizen, [
          { field: 'voice.transcript', bodyField: 'voice.transcript', content: text },
        ]);
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 400) throw error;
        // Risky, as text refused at submission: nothing stored; a person listens in triage.
        await finish(repository.manager, { status: 'refused', requestId, lastError: clip(error.message) });
        return false;
      }
    }
    return transaction(this.deps.dataSource, async (manager) => {
      const stored = await manager
        .createQueryBuilder()
        .update(Report)
        .set({ transcript: text, transcriptSource: 'asr', updatedAt: now })
        .where('id = :id AND transcript IS NULL', { id: report.id })
        .execute();
      if (!stored.affected) {
        await finish(manager, { status: 'skipped', requestId, lastError: 'a transcript arrived meanwhile' });
        return false;
      }
      const fresh = await manager.getRepository(Report).findOneByOrFail({ id: report.id });
      if (citizen) await screening?.record(manager, { citizen, report: fresh, eventId: null, attachments: [] });
      const routed = await this.route(manager, fresh, now);
      await finish(manager, { status: 'done', requestId, lastError: null });
      return routed;
    });
  }

  /**
   * Classifies and routes the report as a text report would be, if it still waits in triage
   * (not dispatched, merged or rejected by a clerk meanwhile, and no category chosen by the citizen).
   */
  private async route(manager: EntityManager, report: Report, now: Date): Promise<boolean> {
    if (report.status !== 'submitted' || report.departmentId || report.categoryCode || report.mergedIntoId)
      return false;
    const reference = await this.deps.reference.snapshot();
    const predictor = this.deps.classifier.predictor;
    const route = decideRoute({
      reference,
      predictor,
      threshold: routingThreshold(this.deps.config.routing),
      chosenCategory: null,
      villageCode: report.villageCode,
      input: { text: report.text ?? undefined, transcript: report.transcript ?? undefined },
    });
    const prediction = {
      predictedCategoryCode: route.prediction?.categoryCode ?? null,
      predictionConfidence: route.prediction?.confidence ?? null,
      suggestions: route.suggestions.length ? route.suggestions : null,
    };
    const duplicateOfId =
      report.duplicateOfId ??
      (
        await findDuplicate(
          manager,
          { ...report, predictedCategoryCode: prediction.predictedCategoryCode },
          {
            windowDays: this.deps.config.routing.duplicateWindowDays,
            minSimilarity: this.deps.config.routing.duplicateMinSimilarity,
          },
        )
      )?.id ??
      null;
    const waiting = 'id = :id AND version = :version AND status = :submitted AND departmentId IS NULL';
    const where = { id: report.id, version: report.version, submitted: 'submitted' };
    const { category, department } = route;
    if (!category || !department) {
      // Still for the dispatcher, now with the classifier's suggestions from what was said.
      await manager
        .createQueryBuilder()
        .update(Report)
        .set({ ...prediction, duplicateOfId, updatedAt: now })
        .where(waiting, where)
        .execute();
      return false;
    }
    const deadlines = deadlinesFrom(now, category, reference.calendar);
    try {
      await applyTransition(manager, {
        report,
        action: 'route',
        actor: SYSTEM_ACTOR,
        changes: {
          ...prediction,
          duplicateOfId,
          categoryCode: category.code,
          departmentId: department.id,
          tier: category.tier,
          responseDueAt: deadlines.responseDueAt,
          resolveDueAt: deadlines.resolveDueAt,
          dispatchedAt: now,
        },
        departmentId: department.id,
        note: TRANSCRIBED_ROUTE_NOTE,
        data: {
          reason: route.reason,
          categoryCode: category.code,
          predictedCategoryCode: prediction.predictedCategoryCode,
          confidence: route.prediction ? Number(route.prediction.confidence.toFixed(4)) : null,
          modelVersion: route.prediction ? (predictor?.version ?? null) : null,
          duplicateOfId,
          transcriptSource: 'asr',
        },
        at: now,
      });
    } catch (error) {
      // A clerk acted in between (the version moved): their decision stands, the transcript is kept.
      if (error instanceof AppError && error.status === 409) return false;
      throw error;
    }
    return true;
  }
}

/** The scheduler's transcription job: retries due clips (see Transcriber.runOnce). */
export async function runDueTranscriptions(deps: AppDeps, now: Date): Promise<TranscriptionRun | null> {
  const transcriber = transcriberOf(deps);
  return transcriber ? transcriber.runOnce(now) : null;
}

/** Jobs of these reports, for the staff detail and tests. */
export function transcriptionJobsOf(manager: EntityManager, reportIds: string[]): Promise<TranscriptionJob[]> {
  return manager
    .getRepository(TranscriptionJob)
    .find({ where: { reportId: In(reportIds) }, order: { createdAt: 'ASC' } });
}
