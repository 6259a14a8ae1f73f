/**
 * The 工作台's 走访 and 代报 queue wired to storage and the staff API; retried when the network comes
 * back, when the app shows again, and on a backoff timer.
 */
import Taro from '@tarojs/taro'
import { isH5 } from '../../../services/config'
import { STORAGE_KEYS, readStored, writeStored } from '../../../services/storage'
import { fileOnBehalf, logVisit, uploadStaffPhoto } from './staffApi'
import { FieldQueue, type FieldDraft } from './fieldQueue'

export const fieldDrafts = new FieldQueue({
  store: {
    load: () => {
      const stored = readStored<FieldDraft[]>(STORAGE_KEYS.staffField)
      return Array.isArray(stored) ? stored : []
    },
    save: (list) => writeStored(STORAGE_KEYS.staffField, list),
  },
  transport: { upload: (path) => uploadStaffPhoto(path), logVisit, fileOnBehalf },
  now: () => Date.now(),
  newId: () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
})

let timer: ReturnType<typeof setTimeout> | null = null
let started = false

function schedule(): void {
  if (timer) clearTimeout(timer)
  timer = null
  const due = fieldDrafts.nextDueAt()
  if (due !== null) timer = setTimeout(() => void retry(false), Math.max(0, due - Date.now()))
}

async function retry(force: boolean): Promise<void> {
  try {
    await fieldDrafts.retryDue(force)
  } finally {
    schedule()
  }
}

/** Once, from the household and 代报 pages: sends what was left, then retries on reconnect, on show and on a timer. */
export function startFieldSync(): void {
  if (started) return
  started = true
  fieldDrafts.subscribe(() => schedule())
  if (typeof Taro.onNetworkStatusChange === 'function') Taro.onNetworkStatusChange((status) => status.isConnected && void retry(true))
  if (typeof Taro.onAppShow === 'function') Taro.onAppShow(() => void retry(true))
  if (isH5() && typeof window !== 'undefined') window.addEventListener('online', () => void retry(true))
  void retry(false)
}
