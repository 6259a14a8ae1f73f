/**
 * 走访 and 代报 on a weak signal — pure logic, no Taro (fieldDrafts.ts wires it). A draft is stored
 * before anything is sent; its photos and voice upload one by one, each upload id remembered at
 * once. Then the visit is posted with the draft's own Idempotency-Key — a reply lost after the
 * server stored it is answered, on the retry, with the visit already logged — and its id
 * remembered. Then the 代报, with its own Idempotency-Key kept with the draft — alone, or with the
 * visit's note and photos (同时代报). No network keeps the
 * draft for a retry; a refusal keeps it as failed for the staff member to see; success removes it.
 */
import {
  StaffSubmitReportRequestSchema,
  VisitInputSchema,
  type StaffReport,
  type StaffSubmitReportRequest,
  type Visit,
  type VisitInput,
} from '@minqing/shared';
import { toApiError, type ApiError } from '../../../services/apiError';
import { FILE_RETRIES, backoffMs } from '../../../services/draftQueue';
import { SAVED_OFFLINE_MESSAGE, type DraftFile, type DraftVoice } from '../../../services/draftTypes';

/** What the household page or the 代报 form hands over. */
export interface FieldInput {
  /** 走访: log a visit of the household (householdId then required). */
  visit: boolean;
  /** 代报: file a report for the household or the person named. */
  report: boolean;
  householdId?: string;
  /** The head of the household, or the person the 代报 is for. */
  name: string;
  phone?: string;
  /** The village a 代报 is filed in. */
  villageCode: string;
  /** The visit's note; the 代报's text. */
  note: string;
  /** Local photo paths taken on the spot. */
  photos: string[];
  voice?: { localPath: string; durationSeconds: number; transcript?: string };
}

export interface FieldDraft extends Omit<FieldInput, 'photos' | 'voice'> {
  id: string;
  /** The visit's Idempotency-Key, the same on every retry. */
  visitKey: string;
  /** The 代报's Idempotency-Key, the same on every retry. */
  reportKey: string;
  photos: DraftFile[];
  voice?: DraftVoice;
  /** Set once the server confirmed the visit. */
  visitId?: string;
  state: 'queued' | 'sending' | 'waiting' | 'failed';
  createdAt: number;
  attempts: number;
  nextAttemptAt?: number;
  lastError?: { message: string; field?: string };
}

export type FieldOutcome =
  | { status: 'done'; visitId: string | null; report: StaffReport | null }
  | { status: 'saved'; message: string; draft: FieldDraft }
  | { status: 'invalid' | 'failed'; message: string; field?: string; draft?: FieldDraft }
  | { status: 'missing' };

export interface FieldQueueDeps {
  store: { load(): FieldDraft[]; save(drafts: FieldDraft[]): boolean };
  transport: {
    upload(localPath: string): Promise<{ id: string }>;
    logVisit(body: VisitInput, idempotencyKey: string): Promise<Visit>;
    fileOnBehalf(body: StaffSubmitReportRequest, idempotencyKey: string): Promise<StaffReport>;
  };
  now(): number;
  newId(): string;
  sleep(ms: number): Promise<void>;
}

const placeholderId = (index: number): string => String(index + 1).padStart(26, '0');

interface Uploaded {
  photoIds: string[];
  voiceId?: string;
}

const visitBody = (draft: Pick<FieldInput, 'householdId' | 'note'>, uploaded: Uploaded): VisitInput => ({
  householdId: draft.householdId ?? '',
  note: draft.note.trim(),
  photoUploadIds: uploaded.photoIds,
});

function reportBody(
  draft: Omit<FieldInput, 'photos' | 'visit' | 'report'>,
  uploaded: Uploaded,
): StaffSubmitReportRequest {
  const text = draft.note.trim();
  const transcript = draft.voice?.transcript?.trim();
  return {
    serviceCode: 'direct',
    villageCode: draft.villageCode,
    ...(text ? { text } : {}),
    ...(uploaded.voiceId ? { voice: { uploadId: uploaded.voiceId, ...(transcript ? { transcript } : {}) } } : {}),
    ...(uploaded.photoIds.length > 0 ? { photoUploadIds: uploaded.photoIds } : {}),
    onBehalfOf: {
      name: draft.name.trim(),
      ...(draft.phone ? { phone: draft.phone } : {}),
      ...(draft.householdId ? { householdId: draft.householdId } : {}),
    },
  };
}

/** The first problem with a visit or a 代报, in the shared schemas' words; null when it can be sent. */
export function validateField(input: FieldInput): { message: string; field?: string } | null {
  const uploaded = {
    photoIds: input.photos.map((_path, index) => placeholderId(index)),
    voiceId: input.voice ? placeholderId(input.photos.length) : undefined,
  };
  const visit = input.visit ? VisitInputSchema.safeParse(visitBody(input, uploaded)) : null;
  const report = input.report ? StaffSubmitReportRequestSchema.safeParse(reportBody(input, uploaded)) : null;
  const issue =
    visit && !visit.success ? visit.error.issues[0] : report && !report.success ? report.error.issues[0] : null;
  if (!issue) return null;
  const field =
    issue.path[0] === 'onBehalfOf'
      ? `onBehalfOf.${String(issue.path[1])}`
      : issue.path.length > 0
        ? String(issue.path[0])
        : undefined;
  return { message: issue.message, field };
}

export class FieldQueue {
  private drafts: FieldDraft[];
  private readonly inFlight = new Map<string, Promise<FieldOutcome>>();
  private readonly listeners = new Set<(drafts: FieldDraft[]) => void>();

  constructor(private readonly deps: FieldQueueDeps) {
    // A draft stored before visits carried a key gets one from its id, the same on every retry.
    this.drafts = deps.store.load().map((draft) => ({
      ...draft,
      visitKey: draft.visitKey ?? `v-${draft.id}`,
      state: draft.state === 'sending' ? 'queued' : draft.state,
    }));
  }

  list(): FieldDraft[] {
    return this.drafts;
  }

  forHousehold(householdId: string): FieldDraft[] {
    return this.drafts.filter((draft) => draft.householdId === householdId);
  }

  /** Checks the visit or 代报, stores it, then sends it. */
  async send(input: FieldInput): Promise<FieldOutcome> {
    const invalid = validateField(input);
    if (invalid) return { status: 'invalid', ...invalid };
    const id = this.deps.newId();
    const draft: FieldDraft = {
      ...input,
      id,
      visitKey: `v-${id}`,
      reportKey: `r-${id}`,
      photos: input.photos.map((path) => ({ localPath: path, sourcePath: path })),
      voice: input.voice ? { ...input.voice, sourcePath: input.voice.localPath } : undefined,
      state: 'queued',
      createdAt: this.deps.now(),
      attempts: 0,
    };
    this.write([...this.drafts, draft]);
    return this.submit(id);
  }

  /** Sends a stored draft now; concurrent calls share one attempt. */
  submit(id: string): Promise<FieldOutcome> {
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

  subscribe(listener: (drafts: FieldDraft[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async run(id: string): Promise<FieldOutcome> {
    if (!this.get(id)) return { status: 'missing' };
    this.patch(id, { state: 'sending', lastError: undefined });
    try {
      const photoIds: string[] = [];
      for (const [index, photo] of (this.get(id)?.photos ?? []).entries()) {
        const uploadId = photo.uploadId ?? (await this.uploadWithRetry(photo.localPath));
        if (!photo.uploadId) this.rememberPhoto(id, index, uploadId);
        photoIds.push(uploadId);
      }
      let draft = this.get(id);
      if (!draft) return { status: 'missing' };
      if (draft.voice && !draft.voice.uploadId)
        draft = this.patch(id, {
          voice: { ...draft.voice, uploadId: await this.uploadWithRetry(draft.voice.localPath) },
        });
      const uploaded = { photoIds, voiceId: draft.voice?.uploadId };
      if (draft.visit && !draft.visitId)
        draft = this.patch(id, {
          visitId: (await this.deps.transport.logVisit(visitBody(draft, uploaded), draft.visitKey)).id,
        });
      const report = draft.report
        ? await this.deps.transport.fileOnBehalf(reportBody(draft, uploaded), draft.reportKey)
        : null;
      this.remove(id);
      return { status: 'done', visitId: draft.visitId ?? null, report };
    } catch (error) {
      return this.afterFailure(id, toApiError(error));
    }
  }

  private afterFailure(id: string, error: ApiError): FieldOutcome {
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

  private rememberPhoto(id: string, index: number, uploadId: string): void {
    const draft = this.get(id);
    if (draft)
      this.patch(id, { photos: draft.photos.map((photo, at) => (at === index ? { ...photo, uploadId } : photo)) });
  }

  private get(id: string): FieldDraft | undefined {
    return this.drafts.find((draft) => draft.id === id);
  }

  private patch(id: string, changes: Partial<FieldDraft>): FieldDraft {
    const next = { ...(this.get(id) as FieldDraft), ...changes };
    this.write(this.drafts.map((item) => (item.id === id ? next : item)));
    return next;
  }

  private write(drafts: FieldDraft[]): void {
    this.drafts = drafts;
    this.deps.store.save(drafts);
    this.listeners.forEach((listener) => listener(drafts));
  }
}
