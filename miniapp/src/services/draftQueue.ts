/**
 * The offline draft queue — pure logic, no Taro: storage, transport and files are injected
 * (see drafts.ts for the app's wiring, and the unit tests for fakes).
 *
 * A draft is written to storage before anything is uploaded. `submit` uploads each file that has
 * no upload id yet (retrying each a few times), remembers every upload id as soon as it has it,
 * then posts the report with the draft's Idempotency-Key. A network failure keeps the draft
 * ('已保存，联网后自动提交') for a later retry; success removes it.
 *
 * The queue starts with the app (main package), so it holds no zod schema: the content check with
 * the shared schema (draftCheck.ts) is given by the page that submits (report-flow's compose).
 */
import type { ReportDetail, SubmitReportRequest } from '@minqing/shared';
import { toApiError } from './apiError';
import type { DraftFile, DraftInput, FileProgress, ReportDraft, SubmitOutcome } from './draftTypes';
import { OfflineQueue, type OfflineQueueDeps } from './offlineQueue';

export interface UploadJob {
  localPath: string;
  kind: 'photo' | 'voice';
  durationSeconds?: number;
}

export interface DraftTransport {
  upload(job: UploadJob, onProgress: (percent: number) => void): Promise<{ id: string }>;
  submit(body: SubmitReportRequest, idempotencyKey: string): Promise<{ report: ReportDetail; replayed: boolean }>;
}

/** Keeps local files alive while a draft waits (temp files may be cleaned when the app closes). */
export interface DraftFiles {
  keep(localPath: string, draftId: string): Promise<string>;
  discard(localPath: string): Promise<void>;
}

export interface DraftQueueDeps extends OfflineQueueDeps<ReportDraft> {
  transport: DraftTransport;
  files?: DraftFiles;
  newId(): string;
}

/** The first problem with a draft's content, with its field; null when it can be sent. */
export type DraftCheck = (draft: ReportDraft) => { message: string; field?: string } | null;

export interface SubmitOptions {
  onProgress?: (progress: FileProgress) => void;
  /**
   * Run before anything is uploaded; a problem keeps the draft for editing ('invalid'). Automatic
   * retries pass none: their draft was checked when it was first submitted, and the server checks again.
   */
  check?: DraftCheck;
}

/** The request body for a draft, with each file's upload id given by `idOf`. */
export function bodyOf(draft: ReportDraft, idOf: (file: DraftFile, index: number) => string): SubmitReportRequest {
  const text = draft.text?.trim();
  const transcript = draft.voice?.transcript?.trim();
  return {
    serviceCode: draft.serviceCode,
    villageCode: draft.villageCode,
    ...(text ? { text } : {}),
    ...(draft.voice ? { voice: { uploadId: idOf(draft.voice, -1), ...(transcript ? { transcript } : {}) } } : {}),
    ...(draft.photos.length > 0 ? { photoUploadIds: draft.photos.map(idOf) } : {}),
    ...(draft.location ? { location: draft.location } : {}),
    ...(draft.categoryCode ? { categoryCode: draft.categoryCode } : {}),
    ...(draft.deputyId && draft.serviceCode === 'deputy' ? { deputyId: draft.deputyId } : {}),
    ...(draft.anonymous ? { anonymous: true } : {}),
    ...(draft.public === false ? { public: false } : {}),
    ...(draft.contactPhone ? { contactPhone: draft.contactPhone } : {}),
  };
}

/** The body to post once every file is uploaded. */
export function requestBodyOf(draft: ReportDraft): SubmitReportRequest {
  return bodyOf(draft, (file) => {
    if (!file.uploadId) throw new Error(`${file.localPath} is not uploaded yet`);
    return file.uploadId;
  });
}

type SubmittedListener = (draft: ReportDraft, report: ReportDetail) => void;

export class DraftQueue extends OfflineQueue<ReportDraft, SubmitOutcome, SubmitOptions> {
  private readonly submittedListeners = new Set<SubmittedListener>();

  constructor(private readonly deps: DraftQueueDeps) {
    super(deps);
  }

  /** Drafts the app is still responsible for sending (not those being edited). */
  pending(): ReportDraft[] {
    return this.drafts.filter((draft) => draft.state !== 'editing');
  }

  /** Saves a new draft (before any upload) and keeps its files; returns it with its Idempotency-Key. */
  async create(input: DraftInput, state: 'editing' | 'queued' = 'queued'): Promise<ReportDraft> {
    const now = this.deps.now();
    const id = this.deps.newId();
    const draft: ReportDraft = {
      id,
      idempotencyKey: `r-${id}`,
      state,
      createdAt: now,
      updatedAt: now,
      ...this.contentOf(input),
      attempts: 0,
    };
    this.write([...this.drafts, draft]);
    return this.keepFiles(draft);
  }

  /** Replaces a draft's content (only while it is not being sent). Unchanged files keep their copy and upload. */
  async update(id: string, input: DraftInput): Promise<ReportDraft | undefined> {
    const current = this.get(id);
    if (!current || current.state === 'sending') return current;
    const content = this.contentOf(input);
    const known = new Map<string, DraftFile>();
    for (const file of this.filesOf(current)) {
      known.set(file.sourcePath, file);
      known.set(file.localPath, file);
    }
    const reuse = <F extends DraftFile>(file: F): F => {
      const same = known.get(file.sourcePath);
      return same ? { ...file, localPath: same.localPath, sourcePath: same.sourcePath, uploadId: same.uploadId } : file;
    };
    const next: ReportDraft = {
      ...current,
      ...content,
      voice: content.voice ? reuse(content.voice) : undefined,
      photos: content.photos.map(reuse),
      state: current.state === 'failed' ? 'queued' : current.state,
      lastError: undefined,
      updatedAt: this.deps.now(),
    };
    this.replace(next);
    const stillUsed = new Set(this.filesOf(next).map((file) => file.localPath));
    await this.discardFiles({
      ...current,
      voice: undefined,
      photos: this.filesOf(current).filter((file) => !stillUsed.has(file.localPath)),
    });
    return this.keepFiles(next);
  }

  /** Deletes a draft and its kept files. */
  async remove(id: string): Promise<void> {
    const draft = this.get(id);
    if (!draft) return;
    this.write(this.drafts.filter((item) => item.id !== id));
    await this.discardFiles(draft);
  }

  /** Also for reports sent by an automatic retry (e.g. to show "您的问题已提交"). */
  onSubmitted(listener: SubmittedListener): () => void {
    this.submittedListeners.add(listener);
    return () => this.submittedListeners.delete(listener);
  }

  // ── one attempt ──────────────────────────────────────────────────────────────

  protected async run(id: string, options: SubmitOptions = {}): Promise<SubmitOutcome> {
    const start = this.get(id);
    if (!start) return { status: 'missing' };
    const invalid = options.check?.(start) ?? null;
    if (invalid) {
      const draft = this.patch(id, { state: 'editing', lastError: invalid });
      return { status: 'invalid', ...invalid, draft };
    }
    this.patch(id, { state: 'sending', lastError: undefined });
    try {
      await this.uploadFiles(id, options);
      const draft = this.get(id);
      if (!draft) return { status: 'missing' };
      const { report, replayed } = await this.deps.transport.submit(requestBodyOf(draft), draft.idempotencyKey);
      await this.remove(id);
      this.submittedListeners.forEach((listener) => listener(draft, report));
      return { status: 'submitted', report, replayed };
    } catch (error) {
      return this.afterFailure(id, toApiError(error));
    }
  }

  private async uploadFiles(id: string, options: SubmitOptions): Promise<void> {
    const draft = this.get(id);
    if (!draft) return;
    const jobs: { file: 'voice' | number; source: DraftFile; job: UploadJob }[] = [
      ...(draft.voice
        ? [
            {
              file: 'voice' as const,
              source: draft.voice,
              job: {
                localPath: draft.voice.localPath,
                kind: 'voice' as const,
                durationSeconds: draft.voice.durationSeconds,
              },
            },
          ]
        : []),
      ...draft.photos.map((photo, index) => ({
        file: index,
        source: photo,
        job: { localPath: photo.localPath, kind: 'photo' as const },
      })),
    ];
    for (const { file, source, job } of jobs) {
      const report = (percent: number, status: FileProgress['status']) =>
        options.onProgress?.({ draftId: id, file, sourcePath: source.sourcePath, percent, status });
      if (source.uploadId) {
        report(100, 'done');
        continue;
      }
      const uploadId = await this.uploadWithRetry(job, report);
      this.rememberUpload(id, file, uploadId);
      report(100, 'done');
    }
  }

  private async uploadWithRetry(
    job: UploadJob,
    report: (percent: number, status: FileProgress['status']) => void,
  ): Promise<string> {
    try {
      return await this.withFileRetries(async (attempt) => {
        report(0, attempt === 0 ? 'uploading' : 'retrying');
        return (await this.deps.transport.upload(job, (percent) => report(percent, 'uploading'))).id;
      });
    } catch (error) {
      report(0, 'failed');
      throw error;
    }
  }

  /** Stored right away: a retry after a crash or a lost connection will not upload it again. */
  private rememberUpload(id: string, file: 'voice' | number, uploadId: string): void {
    const draft = this.get(id);
    if (!draft) return;
    if (file === 'voice' && draft.voice) this.replace({ ...draft, voice: { ...draft.voice, uploadId } });
    if (typeof file === 'number')
      this.replace({
        ...draft,
        photos: draft.photos.map((photo, index) => (index === file ? { ...photo, uploadId } : photo)),
      });
  }

  // ── storage and files ────────────────────────────────────────────────────────

  private contentOf(
    input: DraftInput,
  ): Pick<
    ReportDraft,
    | 'serviceCode'
    | 'villageCode'
    | 'text'
    | 'voice'
    | 'photos'
    | 'location'
    | 'categoryCode'
    | 'deputyId'
    | 'anonymous'
    | 'public'
    | 'contactPhone'
  > {
    return {
      serviceCode: input.serviceCode,
      villageCode: input.villageCode,
      text: input.text,
      voice: input.voice ? { ...input.voice, sourcePath: input.voice.localPath } : undefined,
      photos: (input.photos ?? []).map((localPath) => ({ localPath, sourcePath: localPath })),
      location: input.location,
      categoryCode: input.categoryCode,
      deputyId: input.deputyId,
      anonymous: input.anonymous,
      public: input.public,
      contactPhone: input.contactPhone,
    };
  }

  private filesOf(draft: ReportDraft): DraftFile[] {
    return [...(draft.voice ? [draft.voice] : []), ...draft.photos];
  }

  /** Copies files that are not kept yet to where they survive a restart; a copy that fails keeps the original path. */
  private async keepFiles(draft: ReportDraft): Promise<ReportDraft> {
    const files = this.deps.files;
    if (!files) return draft;
    const keptPath = new Map<string, string>();
    for (const file of this.filesOf(draft)) {
      if (file.localPath !== file.sourcePath) continue;
      try {
        keptPath.set(file.localPath, await files.keep(file.localPath, draft.id));
      } catch {
        // The original path still works while the app runs.
      }
    }
    const latest = this.get(draft.id);
    if (!latest || keptPath.size === 0) return latest ?? draft;
    // Only paths change here; anything else that happened meanwhile (an upload id) stays.
    const repath = <F extends DraftFile>(file: F): F => ({
      ...file,
      localPath: keptPath.get(file.localPath) ?? file.localPath,
    });
    const next = {
      ...latest,
      voice: latest.voice ? repath(latest.voice) : undefined,
      photos: latest.photos.map(repath),
    };
    this.replace(next);
    return next;
  }

  private async discardFiles(draft: ReportDraft): Promise<void> {
    const files = this.deps.files;
    if (!files) return;
    await Promise.all(this.filesOf(draft).map((file) => files.discard(file.localPath).catch(() => undefined)));
  }

  protected touched(draft: ReportDraft): ReportDraft {
    return { ...draft, updatedAt: this.deps.now() };
  }
}
