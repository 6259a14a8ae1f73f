import Taro from '@tarojs/taro';

/** Keys of everything the mini-program keeps on the phone. */
export const STORAGE_KEYS = {
  token: 'minqing:token',
  user: 'minqing:user',
  devOpenid: 'minqing:devOpenid',
  drafts: 'minqing:drafts',
  careMode: 'minqing:careMode',
  /** The last contact phone typed on a report, offered again on the next one. */
  contactPhone: 'minqing:contactPhone',
  /** The 工作台's staff session, apart from the citizen's token: one phone may be both. */
  staffSession: 'minqing:staffSession',
  /** 工作台 actions not confirmed by the server yet (weak signal), retried with their Idempotency-Key. */
  staffActions: 'minqing:staffActions',
  /** 走访 and 代报 not confirmed by the server yet, retried until they are. */
  staffField: 'minqing:staffField',
} as const;

/** Reads a stored value; missing or unreadable storage gives null (never throws). */
export function readStored<T>(key: string): T | null {
  try {
    const value = Taro.getStorageSync(key) as T | '' | undefined | null;
    return value === '' || value === undefined || value === null ? null : value;
  } catch {
    return null;
  }
}

/** Writes a JSON-compatible value; returns false when the phone refused (storage full). */
export function writeStored<T>(key: string, value: T): boolean {
  try {
    Taro.setStorageSync(key, value);
    return true;
  } catch {
    return false;
  }
}

export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Nothing to do: the value is gone or storage is unavailable.
  }
}
