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
import { toApiError } from '../../../services/apiError';
import type { DraftFile, DraftVoice } from '../../../services/draftTypes';
import {
  OfflineQueue,
  placeholderUploadId,
  type OfflineQueueDeps,
  type QueuedDraft,
} from '../../../services/offlineQueue';

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

export interface FieldDraft extends Omit<FieldInput, 'photos' | 'voice'>, QueuedDraft {
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
}

export type FieldOutcome =
  | { status: 'done'; visitId: string | null; report: StaffReport | null }
  | { status: 'saved'; message: string; draft: FieldDraft }
  | { status: 'invalid' | 'failed'; message: string; field?: string; draft?: FieldDraft }
  | { status: 'missing' };

export interface FieldQueueDeps extends OfflineQueueDeps<FieldDraft> {
  transport: {
    upload(localPath: string): Promise<{ id: string }>;
    logVisit(body: VisitInput, idempotencyKey: string): Promise<Visit>;
    fileOnBehalf(body: StaffSubmitReportRequest, idempotencyKey: string): Promise<StaffReport>;
  };
  newId(): string;
}

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
    photoIds: input.photos.map((_path, index) => placeholderUploadId(index)),
    voiceId: input.voice ? placeholderUploadId(input.photos.length) : undefined,
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

export class FieldQueue extends OfflineQueue<FieldDraft, FieldOutcome> {
  constructor(private readonly deps: FieldQueueDeps) {
    super(deps);
    // A draft stored before visits carried a key gets one from its id, the same on every retry.
    this.drafts = this.drafts.map((draft) => ({ ...draft, visitKey: draft.visitKey ?? `v-${draft.id}` }));
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

  remove(id: string): void {
    this.write(this.drafts.filter((draft) => draft.id !== id));
  }

  protected async run(id: string): Promise<FieldOutcome> {
    if (!this.get(id)) return { status: 'missing' };
    this.patch(id, { state: 'sending', lastError: undefined });
    try {
      const photoIds: string[] = [];
      for (const [index, photo] of (this.get(id)?.photos ?? []).entries()) {
        const uploadId = photo.uploadId ?? (await this.upload(photo.localPath));
        if (!photo.uploadId) this.rememberPhoto(id, index, uploadId);
        photoIds.push(uploadId);
      }
      let draft = this.get(id);
      if (!draft) return { status: 'missing' };
      if (draft.voice && !draft.voice.uploadId)
        draft = this.patch(id, {
          voice: { ...draft.voice, uploadId: await this.upload(draft.voice.localPath) },
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

  private upload(localPath: string): Promise<string> {
    return this.withFileRetries(async () => (await this.deps.transport.upload(localPath)).id);
  }

  private rememberPhoto(id: string, index: number, uploadId: string): void {
    const draft = this.get(id);
    if (draft)
      this.patch(id, { photos: draft.photos.map((photo, at) => (at === index ? { ...photo, uploadId } : photo)) });
  }
}
