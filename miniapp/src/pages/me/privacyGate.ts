/**
 * 用户隐私保护指引 wiring (WeChat base library ≥ 2.32.3, `__usePrivacyCheck__`): before the first
 * privacy-relevant call (location, recorder, album, phone number) WeChat asks the app to show its
 * own consent sheet; the user agrees through a button with `open-type="agreePrivacyAuthorization"`.
 *
 * - `checkPrivacyOnLaunch()` (home page): shows the sheet at once when consent is still needed.
 * - `installPrivacyGate()`: answers `onNeedPrivacyAuthorization` — with the sheet where a page
 *   renders <PrivacySheet/>, otherwise with a modal that leads to the privacy page.
 * Every WeChat call is guarded: older base libraries and H5 simply have nothing to wire.
 */
import Taro from '@tarojs/taro';
import { isWeapp } from '../../services/config';
import { createStore } from '../../stores/createStore';
import { ROUTES } from '../home/routes';

export const AGREE_BUTTON_ID = 'privacy-agree-button';
export const DEFAULT_CONTRACT_NAME = '《321民情在线用户隐私保护指引》';

type PrivacyEvent = 'exposureAuthorization' | 'agree' | 'disagree';
type Resolve = (option: { event: PrivacyEvent; buttonId?: string }) => void;

export interface PrivacyGateState {
  open: boolean;
  contractName: string;
}

export const privacyGateStore = createStore<PrivacyGateState>({ open: false, contractName: DEFAULT_CONTRACT_NAME });

let pending: Resolve | null = null;
let installed = false;
let sheets = 0;

function answer(event: PrivacyEvent, buttonId?: string): void {
  const resolve = pending;
  if (event !== 'exposureAuthorization') pending = null;
  try {
    resolve?.(buttonId ? { event, buttonId } : { event });
  } catch {
    // The waiting call is gone (page closed): nothing to answer.
  }
}

function openSheet(): void {
  privacyGateStore.set((state) => ({ ...state, open: true }));
}

/** A page that renders <PrivacySheet/> registers it while shown. */
export function registerSheet(): () => void {
  sheets += 1;
  if (pending) openSheet();
  return () => {
    sheets = Math.max(0, sheets - 1);
  };
}

async function askWithoutSheet(): Promise<void> {
  try {
    const { confirm } = await Taro.showModal({
      title: '隐私保护提示',
      content: `使用这个功能前，需要您先阅读并同意${privacyGateStore.get().contractName}。点「去查看」阅读并同意。`,
      confirmText: '去查看',
      cancelText: '暂不',
    });
    if (confirm) await Taro.navigateTo({ url: ROUTES.privacy() });
    else answer('disagree');
  } catch {
    answer('disagree');
  }
}

export function installPrivacyGate(): void {
  if (installed || !isWeapp()) return;
  installed = true;
  try {
    if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
    Taro.onNeedPrivacyAuthorization((resolve) => {
      pending = resolve;
      if (sheets > 0) {
        openSheet();
        answer('exposureAuthorization');
      } else {
        void askWithoutSheet();
      }
    });
  } catch {
    // Base library without privacy APIs: WeChat shows nothing and needs nothing.
  }
}

/** On the first page: if WeChat says consent is still needed, show the sheet now. */
export function checkPrivacyOnLaunch(): void {
  installPrivacyGate();
  if (!isWeapp()) return;
  try {
    if (typeof Taro.getPrivacySetting !== 'function') return;
    Taro.getPrivacySetting({
      success: (result) => {
        if (result.privacyContractName)
          privacyGateStore.set((state) => ({ ...state, contractName: result.privacyContractName }));
        if (result.needAuthorization) openSheet();
      },
    });
  } catch {
    // Not available: nothing to ask.
  }
}

/** The user tapped the agree button (its open-type has already told WeChat). */
export function agreePrivacy(): void {
  answer('agree', AGREE_BUTTON_ID);
  privacyGateStore.set((state) => ({ ...state, open: false }));
}

export function disagreePrivacy(): void {
  answer('disagree');
  privacyGateStore.set((state) => ({ ...state, open: false }));
}

/** WeChat's own page with the full 用户隐私保护指引 (as filled in on the mp admin site). */
export function openPrivacyContract(): void {
  try {
    if (typeof Taro.openPrivacyContract === 'function') {
      Taro.openPrivacyContract({ fail: () => void Taro.navigateTo({ url: ROUTES.privacy() }) });
      return;
    }
  } catch {
    // Fall through to our own page.
  }
  void Taro.navigateTo({ url: ROUTES.privacy() });
}
