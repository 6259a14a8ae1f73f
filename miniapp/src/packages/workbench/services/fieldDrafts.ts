/** The 工作台's 走访 and 代报 queue wired to storage and the staff API, retried as `draftSync` says. */
import { STORAGE_KEYS } from '../../../services/storage';
import { phoneQueueDeps, retrySync } from './draftSync';
import { FieldQueue, type FieldDraft } from './fieldQueue';
import { fileOnBehalf, logVisit, uploadStaffPhoto } from './staffApi';

export const fieldDrafts = new FieldQueue({
  ...phoneQueueDeps<FieldDraft>(STORAGE_KEYS.staffField),
  transport: { upload: (path) => uploadStaffPhoto(path), logVisit, fileOnBehalf },
});

/** Once, from the household and 代报 pages: sends what was left, then retries on reconnect, on show and on a timer. */
export const startFieldSync = retrySync(fieldDrafts);
