/** The 工作台's action queue wired to storage and the staff API, retried as `draftSync` says. */
import { STORAGE_KEYS } from '../../../services/storage';
import { StaffActionQueue, type ActionDraft } from './actionQueue';
import { phoneQueueDeps, retrySync } from './draftSync';
import { actOnReport, uploadStaffPhoto } from './staffApi';

export const staffActions = new StaffActionQueue({
  ...phoneQueueDeps<ActionDraft>(STORAGE_KEYS.staffActions),
  transport: { upload: (path) => uploadStaffPhoto(path), act: actOnReport },
});

/** Once, from the 工作台's pages: sends what was left, then retries on reconnect, on show and on a timer. */
export const startActionSync = retrySync(staffActions);
