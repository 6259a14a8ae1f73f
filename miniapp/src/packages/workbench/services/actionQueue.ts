/**
 * The 工作台's actions on a weak signal — pure logic, no Taro (actionDrafts.ts wires it). Like the
 * citizen's draftQueue: an action is stored before anything is sent; its photos upload one by
 * one and each upload id is remembered at once; then the action is posted with the draft's
 * Idempotency-Key. No network keeps it ('已保存，联网后自动提交') for a retry with the same key;
 * a refusal by the server keeps it as failed for the staff member to see; success removes it.
 */
import {
  ReportActionRequestSchema,
  type ReportActionRequest,
  type StaffAction,
  type StaffReport,
} from '@minqing/shared';
import { toApiError, type ApiError } from '../../../services/apiError';
import { FILE_RETRIES, backoffMs } from '../../../services/draftQueue';
import { SAVED_OFFLINE_MESSAGE, type DraftFile } from '../../../services/draftTypes';

/** What the report page hands over. */
export interface ActionInput {
  reportId: string;
  serialNo: string;
  action: StaffAction;
  note?: string;
  extensionDays?: number;
  /** 回访评价: the household's score, 1–5. */
  score?: number;
  /** Local photo paths taken on the spot. */
  photos?: string[];
}

export interface ActionDraft extends Omit<ActionInput, 'photos'> {
  id: string;
  idempotencyKey: string;
  photos: DraftFile[];
  /** queued — to send; sending — under way; waiting — no network, retried; failed — refused, needs the staff member. */
  state: 'queued' | 'sending' | 'waiting' | 'failed';
  createdAt: number;
  attempts: number;
  nextAttemptAt?: number;
  lastError?: { message: string; field?: string };
}

export type ActionOutcome =
  | { status: 'done'; report: StaffReport }
  | { status: 'saved'; message: string; draft: ActionDraft }
  | { status: 'invalid' | 'failed'; message: string; field?: string; draft?: ActionDraft }
  | { status: 'missing' };

export interface ActionQueueDeps {
  store: { load(): ActionDraft[]; save(drafts: ActionDraft[]): boolean };
  transport: {
    upload(localPath: string): Promise<{ id: string }>;
    act(reportId: string, body: ReportActionRequest, idempotencyKey: string): Promise<StaffReport>;
  };
  now(): number;
  newId(): string;
  sleep(ms: number): Promise<void>;
}

const placeholderId = (index: number): string => String(index + 1).padStart(26, '0');

function bodyOf(draft: Pick<ActionDraft, 'action' | 'note' | 'extensionDays' | 'score'>, photoIds: string[]): unknown {
  const note = draft.note?.trim();
  return {
    action: draft.action,
    ...(note ? { note } : {}),
    ...(draft.extensionDays ? { extensionDays: draft.extensionDays } : {}),
    ...(draft.score ? { score: draft.score } : {}),
    ...(photoIds.length > 0 ? { photoUploadIds: photoIds } : {}),
  };
}

/** The first problem with an action, in the shared schema's words; null when it can be sent. */
export function validateAction(input: ActionInput): { message: string; field?: string } | null {
  const parsed = ReportActionRequestSchema.safeParse(
    bodyOf(
      input,
      (input.photos ?? []).map((_path, index) => placeholderId(index)),
    ),
  );
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return { message: issue.message, field: issue.path.length > 0 ? String(issue.path[0]) : undefined };
}

export class StaffActionQueue {
  private drafts: ActionDraft[];
  private readonly inFlight = new Map<string, Promise<ActionOutcome>>();
  private readonly listeners = new Set<(drafts: ActionDraft[]) => void>();

  constructor(private readonly deps: ActionQueueDeps) {
    this.drafts = deps.store.load().map((draft) => (draft.state === 'sending' ? { ...draft, state: 'queued' } : draft));
  }

  list(): ActionDraft[] {
    return this.drafts;
  }

  forReport(reportId: string): ActionDraft[] {
    return this.drafts.filter((draft) => draft.reportId === reportId);
  }

  /** Checks the action, stores it, then sends it. */
  async send(input: ActionInput): Promise<ActionOutcome> {
    const invalid = validateAction(input);
    if (invalid) return { status: 'invalid', ...invalid };
    const id = this.deps.newId();
    const draft: ActionDraft = {
      ...input,
      id,
      idempotencyKey: `a-${id}`,
      photos: (input.photos ?? []).map((path) => ({ localPath: path, sourcePath: path })),
      state: 'queued',
      createdAt: this.deps.now(),
      attempts: 0,
    };
    this.write([...this.drafts, draft]);
    return this.submit(id);
  }

  /** Sends a stored action now; concurrent calls share one attempt. */
  submit(id: string): Promise<ActionOutcome> {
    const running = this.inFlight.get(id);
    if (running) return running;
    const attempt = this.run(id).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, attempt);
    return attempt;
  }

  /** Sends what is queued or due (`force`: every waiting one, now). */
  async retryDue(force = false): Promise<void> {
    const now = this.deps.now();
    const due = this.drafts.filter(
      (draft) =>
        draft.state === 'queued' || (draft.state === 'waiting' && (force || (draft.nextAttemptAt ?? 0) <= now)),
    );
    for (const draft of due) await this.submit(draft.id);
  }

  nextDueAt(): number | null {
    const times = this.drafts.filter((draft) => draft.state === 'waiting').map((draft) => draft.nextAttemptAt ?? 0);
    return times.length > 0 ? Math.min(...times) : null;
  }

  remove(id: string): void {
    this.write(this.drafts.filter((draft) => draft.id !== id));
  }

  subscribe(listener: (drafts: ActionDraft[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async run(id: string): Promise<ActionOutcome> {
    if (!this.get(id)) return { status: 'missing' };
    this.patch(id, { state: 'sending', lastError: undefined });
    try {
      const ids: string[] = [];
      for (const [index, photo] of (this.get(id)?.photos ?? []).entries()) {
        const uploadId = photo.uploadId ?? (await this.uploadWithRetry(photo.localPath));
        if (!photo.uploadId) this.rememberUpload(id, index, uploadId);
        ids.push(uploadId);
      }
      const draft = this.get(id);
      if (!draft) return { status: 'missing' };
      const report = await this.deps.transport.act(
        draft.reportId,
        bodyOf(draft, ids) as ReportActionRequest,
        draft.idempotencyKey,
      );
      this.remove(id);
      return { status: 'done', report };
    } catch (error) {
      return this.afterFailure(id, toApiError(error));
    }
  }

  private afterFailure(id: string, error: ApiError): ActionOutcome {
    const current = this.get(id);
    if (!current) return { status: 'missing' };
    if (error.retryable) {
      const attempts = current.attempts + 1;
      const draft = this.patch(id, {
        state: 'waiting',
        attempts,
        nextAttemptAt: this.deps.now() + backoffMs(attempts),
        lastError: { message: SAVED_OFFLINE_MESSAGE },
      });
      return { status: 'saved', message: SAVED_OFFLINE_MESSAGE, draft };
    }
    const lastError = { message: error.message, ...(error.field ? { field: error.field } : {}) };
    return { status: 'failed', ...lastError, draft: this.patch(id, { state: 'failed', lastError }) };
  }

  private async uploadWithRetry(localPath: string): Promise<string> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return (await this.deps.transport.upload(localPath)).id;
      } catch (error) {
        const apiError = toApiError(error);
        if (!apiError.retryable || attempt >= FILE_RETRIES) throw apiError;
        await this.deps.sleep(1_000 * (attempt + 1));
      }
    }
  }

  /** Stored at once: a retry after a lost connection does not upload the photo again. */
  private rememberUpload(id: string, index: number, uploadId: string): void {
    const draft = this.get(id);
    if (draft)
      this.replace({
        ...draft,
        photos: draft.photos.map((photo, at) => (at === index ? { ...photo, uploadId } : photo)),
      });
  }

  private get(id: string): ActionDraft | undefined {
    return this.drafts.find((draft) => draft.id === id);
  }

  private patch(id: string, changes: Partial<ActionDraft>): ActionDraft {
    const next = { ...(this.get(id) as ActionDraft), ...changes };
    this.replace(next);
    return next;
  }

  private replace(draft: ActionDraft): void {
    this.write(this.drafts.map((item) => (item.id === draft.id ? draft : item)));
  }

  private write(drafts: ActionDraft[]): void {
    this.drafts = drafts;
    this.deps.store.save(drafts);
    this.listeners.forEach((listener) => listener(drafts));
  }
}
