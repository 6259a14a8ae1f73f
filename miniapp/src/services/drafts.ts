/**
 * The app's draft queue: DraftQueue wired to Taro storage, the API and the phone's file system,
 * retried on app show, when the network comes back, and on a backoff timer.
 *
 *   const draft = await drafts.create({ serviceCode, villageCode, text, voice, photos })
 *   const outcome = await drafts.submit(draft.id, { onProgress })
 *   // outcome.status: 'submitted' (report.serialNo) | 'saved' (offline, message) | 'invalid' | 'failed'
 */
import Taro from '@tarojs/taro';
import { submitReport, uploadMedia } from './api';
import { isH5, isWeapp } from './config';
import { DraftQueue, type DraftFiles, type DraftTransport } from './draftQueue';
import type { ReportDraft } from './draftTypes';
import type { DraftStore } from './offlineQueue';
import { STORAGE_KEYS, readStored, writeStored } from './storage';

const store: DraftStore<ReportDraft> = {
  load: () => {
    const stored = readStored<ReportDraft[]>(STORAGE_KEYS.drafts);
    return Array.isArray(stored) ? stored : [];
  },
  save: (list) => writeStored(STORAGE_KEYS.drafts, list),
};

const transport: DraftTransport = {
  upload: (job, onProgress) => uploadMedia(job.localPath, { durationSeconds: job.durationSeconds, onProgress }),
  submit: (body, key) => submitReport(body, key),
};

/** WeChat may clean temp files once the app closes: copy them under USER_DATA_PATH while the draft waits. */
function weappFiles(): DraftFiles | undefined {
  const userDataPath = (Taro.env as { USER_DATA_PATH?: string } | undefined)?.USER_DATA_PATH;
  if (!isWeapp() || !userDataPath || typeof Taro.getFileSystemManager !== 'function') return undefined;
  const fs = Taro.getFileSystemManager();
  let counter = 0;
  return {
    keep: (localPath, draftId) =>
      new Promise<string>((resolve, reject) => {
        counter += 1;
        const extension = /\.[a-z0-9]{2,5}$/i.exec(localPath)?.[0] ?? '';
        const destPath = `${userDataPath}/draft-${draftId}-${counter}${extension}`;
        fs.copyFile({ srcPath: localPath, destPath, success: () => resolve(destPath), fail: reject });
      }),
    discard: (localPath) =>
      new Promise<void>((resolve) => {
        if (!localPath.startsWith(userDataPath)) return resolve();
        fs.unlink({ filePath: localPath, complete: () => resolve() });
      }),
  };
}

const newId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export const drafts = new DraftQueue({
  store,
  transport,
  files: weappFiles(),
  now: () => Date.now(),
  newId,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});

let timer: ReturnType<typeof setTimeout> | null = null;
let started = false;

/** Re-arms the backoff timer for the earliest waiting draft. */
function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  const due = drafts.nextDueAt();
  if (due === null) return;
  timer = setTimeout(() => void retry(false), Math.max(0, due - Date.now()));
}

async function retry(force: boolean): Promise<void> {
  try {
    await drafts.retryDue(force);
  } finally {
    schedule();
  }
}

/** Call once at launch (app.ts): sends what was left, then retries on show, on reconnect and on a timer. */
export function startDraftSync(): void {
  if (started) return;
  started = true;
  drafts.subscribe(() => schedule());
  if (typeof Taro.onNetworkStatusChange === 'function') {
    Taro.onNetworkStatusChange((status) => {
      if (status.isConnected) void retry(true);
    });
  }
  if (typeof Taro.onAppShow === 'function') Taro.onAppShow(() => void retry(true));
  // Browsers without navigator.connection (H5) only tell through the `online` event.
  if (isH5() && typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
    window.addEventListener('online', () => void retry(true));
  }
  void retry(false);
}

export type { ReportDraft, DraftInput, FileProgress, SubmitOutcome } from './draftTypes';
export { SAVED_OFFLINE_MESSAGE } from './draftTypes';
