/**
 * What every queue of drafts sent on a weak signal shares — pure logic, no Taro. A draft is stored
 * before anything is sent; `submit` runs one attempt (the queue's own `run`), and concurrent calls
 * for one draft share it. No network keeps the draft waiting ('已保存，联网后自动提交') for a retry
 * with backoff; a refusal by the server keeps it as failed for the user to see.
 */
import { toApiError, type ApiError } from './apiError';
import { SAVED_OFFLINE_MESSAGE } from './draftTypes';

/** Extra tries for one file within one submission, on network errors only. */
export const FILE_RETRIES = 2;
const FILE_RETRY_DELAY_MS = 1_000;
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_MAX_MS = 5 * 60_000;

/** 5 s, 10 s, 20 s … at most 5 min after the n-th failed attempt. */
export const backoffMs = (attempts: number): number =>
  Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);

/** A well-formed upload id for checking a draft's body before its files are uploaded. */
export const placeholderUploadId = (index: number): string => String(index + 1).padStart(26, '0');

/** What a queue keeps of each draft's sending. */
export interface QueuedDraft {
  id: string;
  /** queued — to send; sending — under way; waiting — no network, retried; failed — refused. */
  state: 'queued' | 'sending' | 'waiting' | 'failed' | 'editing';
  /** Failed automatic attempts so far (drives the backoff). */
  attempts: number;
  /** When the next automatic attempt is due (ms since epoch). */
  nextAttemptAt?: number;
  lastError?: { message: string; field?: string };
}

/** How an attempt that threw ends. */
export type FailureOutcome<D> =
  | { status: 'saved'; message: string; draft: D }
  | { status: 'failed'; message: string; field?: string; draft: D }
  | { status: 'missing' };

export interface DraftStore<D> {
  load(): D[];
  /** false when the phone refused to store (full). */
  save(drafts: D[]): boolean;
}

export interface OfflineQueueDeps<D> {
  store: DraftStore<D>;
  now(): number;
  sleep(ms: number): Promise<void>;
}

export abstract class OfflineQueue<D extends QueuedDraft, Outcome, Options = undefined> {
  protected drafts: D[];
  private readonly inFlight = new Map<string, Promise<Outcome>>();
  private readonly listeners = new Set<(drafts: D[]) => void>();

  constructor(private readonly queueDeps: OfflineQueueDeps<D>) {
    // A draft that was sending when the app closed is simply sent again (same key, no duplicate).
    this.drafts = queueDeps.store
      .load()
      .map((draft) => (draft.state === 'sending' ? { ...draft, state: 'queued' as const } : draft));
  }

  /** One attempt at sending a stored draft. */
  protected abstract run(id: string, options?: Options): Promise<Outcome>;

  list(): D[] {
    return this.drafts;
  }

  get(id: string): D | undefined {
    return this.drafts.find((draft) => draft.id === id);
  }

  /** Sends a stored draft now; concurrent calls for one draft share one attempt. */
  submit(id: string, options?: Options): Promise<Outcome> {
    const running = this.inFlight.get(id);
    if (running) return running;
    const attempt = this.run(id, options).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, attempt);
    return attempt;
  }

  /** Sends every queued or waiting draft whose time has come (`force`: all of them, now). */
  async retryDue(force = false): Promise<void> {
    const now = this.queueDeps.now();
    const due = this.drafts.filter(
      (draft) =>
        draft.state === 'queued' || (draft.state === 'waiting' && (force || (draft.nextAttemptAt ?? 0) <= now)),
    );
    for (const draft of due) await this.submit(draft.id);
  }

  /** The earliest automatic retry, for a timer; null when nothing waits. */
  nextDueAt(): number | null {
    const times = this.drafts.filter((draft) => draft.state === 'waiting').map((draft) => draft.nextAttemptAt ?? 0);
    return times.length > 0 ? Math.min(...times) : null;
  }

  subscribe(listener: (drafts: D[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** No network: waiting, retried later with backoff. A refusal: failed, kept for the user. */
  protected afterFailure(id: string, error: ApiError): FailureOutcome<D> {
    const current = this.get(id);
    if (!current) return { status: 'missing' };
    if (error.retryable) {
      const attempts = current.attempts + 1;
      const draft = this.patch(id, {
        state: 'waiting',
        attempts,
        nextAttemptAt: this.queueDeps.now() + backoffMs(attempts),
        lastError: { message: SAVED_OFFLINE_MESSAGE },
      } as Partial<D>);
      return { status: 'saved', message: SAVED_OFFLINE_MESSAGE, draft };
    }
    const lastError = { message: error.message, ...(error.field ? { field: error.field } : {}) };
    const draft = this.patch(id, { state: 'failed', lastError } as Partial<D>);
    return { status: 'failed', ...lastError, draft };
  }

  /** Runs `upload` again after a network error, up to FILE_RETRIES more times. */
  protected async withFileRetries<T>(upload: (attempt: number) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await upload(attempt);
      } catch (error) {
        const apiError = toApiError(error);
        if (!apiError.retryable || attempt >= FILE_RETRIES) throw apiError;
        await this.queueDeps.sleep(FILE_RETRY_DELAY_MS * (attempt + 1));
      }
    }
  }

  /** Stores the draft with `changes` (and whatever `touched` adds) and returns it. */
  protected patch(id: string, changes: Partial<D>): D {
    const current = this.get(id);
    if (!current) throw new Error(`draft ${id} is gone`);
    const next = this.touched({ ...current, ...changes });
    this.replace(next);
    return next;
  }

  /** What every change of a draft adds to it (a queue that dates its changes says so here). */
  protected touched(draft: D): D {
    return draft;
  }

  protected replace(draft: D): void {
    this.write(this.drafts.map((item) => (item.id === draft.id ? draft : item)));
  }

  protected write(drafts: D[]): void {
    this.drafts = drafts;
    this.queueDeps.store.save(drafts);
    this.listeners.forEach((listener) => listener(drafts));
  }
}
