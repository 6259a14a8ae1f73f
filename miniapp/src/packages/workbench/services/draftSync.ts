/**
 * What the 工作台's draft queues (actions; 走访 and 代报) share on the phone: their list kept in
 * storage, the clock and ids they use, and the retries — when the network comes back, when the app
 * shows again, and on each draft's backoff timer.
 */
import Taro from '@tarojs/taro';
import { isH5 } from '../../../services/config';
import { readStored, writeStored } from '../../../services/storage';

/** A queue's storage, clock, ids and pauses, wired to the phone. */
export function phoneQueueDeps<T>(key: string) {
  return {
    store: {
      load: (): T[] => {
        const stored = readStored<T[]>(key);
        return Array.isArray(stored) ? stored : [];
      },
      save: (list: T[]) => writeStored(key, list),
    },
    now: () => Date.now(),
    newId: () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  };
}

interface RetryingQueue {
  nextDueAt(): number | null;
  retryDue(force?: boolean): Promise<void>;
  subscribe(listener: () => void): () => void;
}

/** The queue's sync, started once from the pages that use it: sends what was left, then keeps retrying. */
export function retrySync(queue: RetryingQueue): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let started = false;

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const due = queue.nextDueAt();
    if (due !== null) timer = setTimeout(() => void retry(false), Math.max(0, due - Date.now()));
  };
  const retry = async (force: boolean) => {
    try {
      await queue.retryDue(force);
    } finally {
      schedule();
    }
  };

  return () => {
    if (started) return;
    started = true;
    queue.subscribe(() => schedule());
    if (typeof Taro.onNetworkStatusChange === 'function')
      Taro.onNetworkStatusChange((status) => status.isConnected && void retry(true));
    if (typeof Taro.onAppShow === 'function') Taro.onAppShow(() => void retry(true));
    if (isH5() && typeof window !== 'undefined') window.addEventListener('online', () => void retry(true));
    void retry(false);
  };
}
