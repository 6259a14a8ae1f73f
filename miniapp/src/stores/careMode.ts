import Taro from '@tarojs/taro';
import { updateMe } from '../services/api';
import { isH5 } from '../services/config';
import { currentToken, onUserChange } from '../services/session';
import { STORAGE_KEYS, readStored, writeStored } from '../services/storage';
import { createStore, useStore } from './createStore';

/** The class a page root adds in 关怀模式 (app.scss: larger text, bigger tap targets). */
export const CARE_MODE_CLASS = 'care-mode';
/** H5 draws its tab bar outside every page: the document itself carries 关怀模式 for it (app.scss). */
export const CARE_MODE_DOCUMENT_CLASS = 'care-mode-app';

export interface CareModeState {
  enabled: boolean;
  /** WeChat's font size is large and the user has not chosen yet: offer 关怀模式. */
  suggested: boolean;
  /** The user has decided (turned it on or off, or dismissed the suggestion). */
  chosen: boolean;
}

interface StoredChoice {
  enabled: boolean;
  chosen: boolean;
}

/** WeChat's standard font size is 17 (px); larger settings mean the user reads with difficulty. */
export function suggestsCareMode(info: { fontSizeSetting?: number; fontSizeScaleFactor?: number }): boolean {
  return (info.fontSizeSetting ?? 0) >= 20 || (info.fontSizeScaleFactor ?? 0) >= 1.2;
}

function fontInfo(): { fontSizeSetting?: number; fontSizeScaleFactor?: number } {
  try {
    return typeof Taro.getAppBaseInfo === 'function'
      ? (Taro.getAppBaseInfo() as { fontSizeSetting?: number; fontSizeScaleFactor?: number })
      : {};
  } catch {
    return {};
  }
}

export const careModeStore = createStore<CareModeState>({ enabled: false, suggested: false, chosen: false });

function persist(state: CareModeState): void {
  writeStored<StoredChoice>(STORAGE_KEYS.careMode, { enabled: state.enabled, chosen: state.chosen });
}

/** Reads the stored choice and WeChat's font size; app.ts calls it at launch. */
export function initCareMode(): void {
  const stored = readStored<StoredChoice>(STORAGE_KEYS.careMode);
  const chosen = stored?.chosen ?? false;
  careModeStore.set({ enabled: stored?.enabled ?? false, chosen, suggested: !chosen && suggestsCareMode(fontInfo()) });
}

/** H5: keeps the document's class in step with 关怀模式 (WeChat's own tab bar follows its 关怀模式). */
export function reflectCareModeOnDocument(): () => void {
  if (!isH5() || typeof document === 'undefined') return () => undefined;
  const apply = () => document.documentElement.classList.toggle(CARE_MODE_DOCUMENT_CLASS, careModeStore.get().enabled);
  apply();
  return careModeStore.subscribe(apply);
}

/** Turns 关怀模式 on or off, remembers it on the phone and, when signed in, in the profile. */
export function setCareMode(enabled: boolean): void {
  const next: CareModeState = { enabled, chosen: true, suggested: false };
  careModeStore.set(next);
  persist(next);
  if (currentToken()) void updateMe({ careMode: enabled }).catch(() => undefined);
}

/** "不用了": stop suggesting without turning it on. */
export function dismissCareModeSuggestion(): void {
  const next = { ...careModeStore.get(), chosen: true, suggested: false };
  careModeStore.set(next);
  persist(next);
}

// A profile that has 关怀模式 on (chosen on another phone) turns it on here too, unless chosen here.
onUserChange((user) => {
  const state = careModeStore.get();
  if (user?.careMode && !state.enabled && !state.chosen) {
    const next = { enabled: true, chosen: true, suggested: false };
    careModeStore.set(next);
    persist(next);
  }
});

export interface CareMode extends CareModeState {
  /** `care-mode` or '' — put it on the page root: `<View className={\`page ${className}\`}>`. */
  className: string;
  setEnabled(enabled: boolean): void;
  dismissSuggestion(): void;
}

export function useCareMode(): CareMode {
  const state = useStore(careModeStore);
  return {
    ...state,
    className: state.enabled ? CARE_MODE_CLASS : '',
    setEnabled: setCareMode,
    dismissSuggestion: dismissCareModeSuggestion,
  };
}
