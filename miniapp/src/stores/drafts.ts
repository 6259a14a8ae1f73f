import { useSyncExternalStore } from 'react';
import { drafts } from '../services/drafts';
import type { ReportDraft } from '../services/draftTypes';

const subscribe = (listener: () => void) => drafts.subscribe(listener);
const snapshot = () => drafts.list();

/** All drafts on the phone (being edited, waiting to be sent, or refused), newest last. */
export function useDrafts(): ReportDraft[] {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
