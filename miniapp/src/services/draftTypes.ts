import type { Location, ReportDetail, ServiceCode } from '@minqing/shared';

/** A local file of a draft; `uploadId` is set once the server has it, so a retry skips it. */
export interface DraftFile {
  /** Where the file is now (a copy kept for the draft, or the original path). */
  localPath: string;
  /** The path the page handed over, to recognise the same file when the draft is updated. */
  sourcePath: string;
  uploadId?: string;
}

export interface DraftVoice extends DraftFile {
  durationSeconds: number;
  /** Speech-to-text result, edited by the user (WechatSI), if any. */
  transcript?: string;
}

/**
 * editing  — being written; saved so nothing is lost, not sent yet
 * queued   — to be sent (now, or at the next start if the app was closed while sending)
 * sending  — uploads or submission under way
 * waiting  — no network or server busy: retried automatically ('已保存，联网后自动提交')
 * failed   — the server refused it (e.g. a file it cannot read): needs the user, never retried alone
 */
export type DraftState = 'editing' | 'queued' | 'sending' | 'waiting' | 'failed';

export interface ReportDraft {
  id: string;
  /** Sent as the Idempotency-Key header: the same on every retry, so the server never duplicates. */
  idempotencyKey: string;
  state: DraftState;
  createdAt: number;
  updatedAt: number;
  serviceCode: ServiceCode;
  villageCode: string;
  text?: string;
  voice?: DraftVoice;
  photos: DraftFile[];
  location?: Location;
  categoryCode?: string;
  /** 代表工作: the deputy chosen, if any. */
  deputyId?: string;
  anonymous?: boolean;
  /** 民情直通: false when the reporter switched 公开 off (absent: on, the default). */
  public?: boolean;
  contactPhone?: string;
  /** Failed automatic attempts so far (drives the backoff). */
  attempts: number;
  /** When the next automatic attempt is due (ms since epoch). */
  nextAttemptAt?: number;
  lastError?: { message: string; field?: string };
}

/** What a page hands over: the user's choices and local file paths. */
export interface DraftInput {
  serviceCode: ServiceCode;
  villageCode: string;
  text?: string;
  voice?: { localPath: string; durationSeconds: number; transcript?: string };
  /** Local photo paths (temp files or H5 blob URLs). */
  photos?: string[];
  location?: Location;
  categoryCode?: string;
  /** 代表工作: the deputy chosen, if any. */
  deputyId?: string;
  anonymous?: boolean;
  /** 民情直通: false when the reporter switched 公开 off. */
  public?: boolean;
  contactPhone?: string;
}

/** Progress of one file of a draft, for a per-file progress bar. */
export interface FileProgress {
  draftId: string;
  /** 'voice' or the photo's index. */
  file: 'voice' | number;
  /** The path the page handed over (match it to the thumbnail). */
  sourcePath: string;
  percent: number;
  status: 'uploading' | 'retrying' | 'done' | 'failed';
}

export const SAVED_OFFLINE_MESSAGE = '已保存，联网后自动提交';

export type SubmitOutcome =
  | { status: 'submitted'; report: ReportDetail; replayed: boolean }
  /** Kept on the phone; retried when the network is back, on app show, and with backoff. */
  | { status: 'saved'; message: string; draft: ReportDraft }
  /** The draft's content is not acceptable (validation): the page shows `message` by `field`. */
  | { status: 'invalid'; message: string; field?: string; draft: ReportDraft }
  /** The server refused a file or the report; kept, the user must change something. */
  | { status: 'failed'; message: string; field?: string; draft: ReportDraft }
  | { status: 'missing' };
