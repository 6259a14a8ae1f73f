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
import { toApiError } from '../../../services/apiError';
import type { DraftFile } from '../../../services/draftTypes';
import {
  OfflineQueue,
  placeholderUploadId,
  type OfflineQueueDeps,
  type QueuedDraft,
} from '../../../services/offlineQueue';

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

export interface ActionDraft extends Omit<ActionInput, 'photos'>, QueuedDraft {
  idempotencyKey: string;
  photos: DraftFile[];
  /** queued — to send; sending — under way; waiting — no network, retried; failed — refused, needs the staff member. */
  state: 'queued' | 'sending' | 'waiting' | 'failed';
  createdAt: number;
}

export type ActionOutcome =
  | { status: 'done'; report: StaffReport }
  | { status: 'saved'; message: string; draft: ActionDraft }
  | { status: 'invalid' | 'failed'; message: string; field?: string; draft?: ActionDraft }
  | { status: 'missing' };

export interface ActionQueueDeps extends OfflineQueueDeps<ActionDraft> {
  transport: {
    upload(localPath: string): Promise<{ id: string }>;
    act(reportId: string, body: ReportActionRequest, idempotencyKey: string): Promise<StaffReport>;
  };
  newId(): string;
}

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
      (input.photos ?? []).map((_path, index) => placeholderUploadId(index)),
    ),
  );
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return { message: issue.message, field: issue.path.length > 0 ? String(issue.path[0]) : undefined };
}

export class StaffActionQueue extends OfflineQueue<ActionDraft, ActionOutcome> {
  constructor(private readonly deps: ActionQueueDeps) {
    super(deps);
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

  remove(id: string): void {
    this.write(this.drafts.filter((draft) => draft.id !== id));
  }

  protected async run(id: string): Promise<ActionOutcome> {
    if (!this.get(id)) return { status: 'missing' };
    this.patch(id, { state: 'sending', lastError: undefined });
    try {
      const ids: string[] = [];
      for (const [index, photo] of (this.get(id)?.photos ?? []).entries()) {
        const uploadId = photo.uploadId ?? (await this.upload(photo.localPath));
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

  private upload(localPath: string): Promise<string> {
    return this.withFileRetries(async () => (await this.deps.transport.upload(localPath)).id);
  }

  /** Stored at once: a retry after a lost connection does not upload the photo again. */
  private rememberUpload(id: string, index: number, uploadId: string): void {
    const draft = this.get(id);
    if (draft)
      this.patch(id, { photos: draft.photos.map((photo, at) => (at === index ? { ...photo, uploadId } : photo)) });
  }
}
