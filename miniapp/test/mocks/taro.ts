/**
 * A stand-in for `@tarojs/taro` in jest: every API is a jest.fn(), storage is an in-memory map,
 * page hooks run like effects, and the recorder / audio objects let a test fire their events.
 *
 *   import { taroMock } from '../../test/mocks/taro'   // (path from your test)
 *   taroMock.request.mockResolvedValueOnce({ statusCode: 200, data: {...}, header: {} })
 *   taroMock.setRouterParams({ id: '01J…' })
 *   taroMock.recorder.emit('stop', { tempFilePath: 'tmp/a.mp3', duration: 3000, fileSize: 9000 })
 */
import { useEffect } from 'react';
import { actionSheetProblem, modalProblem, toastProblem } from '../wechatLimits';

type Handler = (payload?: unknown) => void;

/** An object whose `onX(handler)` registrations a test can trigger with `emit('x', payload)`. */
function eventful<T extends Record<string, jest.Mock>>(methods: T) {
  const handlers = new Map<string, Handler[]>();
  const on = (event: string) =>
    jest.fn((handler: Handler) => handlers.set(event, [...(handlers.get(event) ?? []), handler]));
  return {
    ...methods,
    onStart: on('start'),
    onStop: on('stop'),
    onPause: on('pause'),
    onResume: on('resume'),
    onError: on('error'),
    onFrameRecorded: on('frameRecorded'),
    onInterruptionBegin: on('interruptionBegin'),
    onInterruptionEnd: on('interruptionEnd'),
    onPlay: on('play'),
    onEnded: on('ended'),
    onCanplay: on('canplay'),
    onTimeUpdate: on('timeUpdate'),
    offStop: jest.fn(),
    offEnded: jest.fn(),
    emit(event: string, payload?: unknown) {
      for (const handler of handlers.get(event) ?? []) handler(payload);
    },
    reset() {
      handlers.clear();
    },
  };
}

const storage = new Map<string, unknown>();
let routerParams: Record<string, string> = {};

const recorder = eventful({ start: jest.fn(), stop: jest.fn(), pause: jest.fn(), resume: jest.fn() });
const audio = eventful({ play: jest.fn(), pause: jest.fn(), stop: jest.fn(), destroy: jest.fn(), seek: jest.fn() });

const fileSystemManager = {
  copyFile: jest.fn((options: { destPath: string; success?: () => void }) => options.success?.()),
  unlink: jest.fn((options: { complete?: () => void }) => options.complete?.()),
  saveFile: jest.fn(),
  readFile: jest.fn(),
  access: jest.fn(),
};

/** Runs `callback` once after mount, like a page's first show/load. */
const onMount = (callback: (payload?: unknown) => void, payload?: () => unknown) => {
  useEffect(() => {
    callback(payload?.());
  }, []);
};

const resolved = <T>(value: T) => jest.fn(() => Promise.resolve(value));

type Options = Record<string, unknown> | undefined;

/** Answers `value`, or fails with WeChat's errMsg when the options break one of its limits. */
const limited = <T>(problemOf: (options?: Options) => string | null, value: T) =>
  jest.fn((options?: Options) => {
    const problem = problemOf(options);
    return problem ? Promise.reject({ errMsg: problem }) : Promise.resolve(value);
  });

export const taroMock = {
  // network
  request: jest.fn(),
  uploadFile: jest.fn(),
  downloadFile: jest.fn(),
  onNetworkStatusChange: jest.fn(),
  offNetworkStatusChange: jest.fn(),
  getNetworkType: resolved({ networkType: 'wifi' }),
  // sign-in
  login: resolved({ code: 'wx-code', errMsg: 'login:ok' }),
  // storage (synchronous, in memory; '' when missing, as in WeChat)
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
  clearStorageSync: jest.fn(() => storage.clear()),
  // system
  getAppBaseInfo: jest.fn(() => ({ fontSizeSetting: 17, fontSizeScaleFactor: 1, language: 'zh_CN' })),
  getSystemInfoSync: jest.fn(() => ({
    platform: 'devtools',
    windowWidth: 375,
    windowHeight: 667,
    fontSizeSetting: 17,
  })),
  getWindowInfo: jest.fn(() => ({ windowWidth: 375, windowHeight: 667, statusBarHeight: 20 })),
  getEnv: jest.fn(() => (process.env.TARO_ENV === 'weapp' ? 'WEAPP' : 'WEB')),
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  env: { USER_DATA_PATH: 'wxfile://usr' },
  onAppShow: jest.fn(),
  offAppShow: jest.fn(),
  onAppHide: jest.fn(),
  getFileSystemManager: jest.fn(() => fileSystemManager),
  // UI feedback
  // Past WeChat's limits these fail as in WeChat, and the test fails too (wechatLimitProblems).
  showToast: limited(toastProblem, { errMsg: 'showToast:ok' }),
  showModal: limited(modalProblem, { confirm: true, cancel: false }),
  showLoading: resolved({}),
  hideLoading: jest.fn(),
  showActionSheet: limited(actionSheetProblem, { tapIndex: 0 }),
  vibrateShort: resolved({}),
  setNavigationBarTitle: resolved({}),
  stopPullDownRefresh: jest.fn(),
  pageScrollTo: resolved({}),
  makePhoneCall: resolved({}),
  previewImage: resolved({}),
  // navigation
  navigateTo: resolved({}),
  redirectTo: resolved({}),
  reLaunch: resolved({}),
  switchTab: resolved({}),
  navigateBack: resolved({}),
  getCurrentInstance: jest.fn(() => ({ router: { params: routerParams, path: '' }, page: null })),
  getCurrentPages: jest.fn((): { route: string }[] => []),
  // media and location
  chooseMedia: jest.fn(),
  chooseImage: jest.fn(),
  compressImage: jest.fn((options: { src: string }) => Promise.resolve({ tempFilePath: options.src })),
  getImageInfo: jest.fn(),
  getRecorderManager: jest.fn(() => recorder),
  createInnerAudioContext: jest.fn(() => audio),
  chooseLocation: jest.fn(),
  openLocation: resolved({}),
  getLocation: jest.fn(),
  authorize: resolved({}),
  getSetting: resolved({ authSetting: {} }),
  openSetting: resolved({ authSetting: {} }),
  requestSubscribeMessage: jest.fn(),
  requirePlugin: jest.fn(() => {
    throw new Error('plugin not declared');
  }),
  // events between pages
  eventCenter: { on: jest.fn(), off: jest.fn(), trigger: jest.fn() },
  // page and app hooks
  useLaunch: jest.fn((callback: () => void) => onMount(callback)),
  useDidShow: jest.fn((callback: () => void) => onMount(callback)),
  useDidHide: jest.fn(),
  useLoad: jest.fn((callback: (params?: unknown) => void) => onMount(callback, () => routerParams)),
  useReady: jest.fn((callback: () => void) => onMount(callback)),
  useUnload: jest.fn(),
  usePullDownRefresh: jest.fn(),
  useReachBottom: jest.fn(),
  usePageScroll: jest.fn(),
  useShareAppMessage: jest.fn(),
  useTabItemTap: jest.fn(),
  useRouter: jest.fn(() => ({ params: routerParams, path: '' })),

  // ── helpers for tests ──
  recorder,
  audio,
  fileSystemManager,
  storage,
  setRouterParams(params: Record<string, string>) {
    routerParams = params;
  },
};

/**
 * Every showModal / showToast / showActionSheet call of the running test that WeChat would refuse
 * or cut off — also when the test gave the mock another answer (setupAfterEnv fails the test).
 */
export function wechatLimitProblems(): string[] {
  const checks: [jest.Mock, (options?: Options) => string | null][] = [
    [taroMock.showModal, modalProblem],
    [taroMock.showToast, toastProblem],
    [taroMock.showActionSheet, actionSheetProblem],
  ];
  return checks.flatMap(([mock, problemOf]) =>
    mock.mock.calls
      .map((call) => problemOf(call[0] as Options))
      .filter((problem): problem is string => problem !== null),
  );
}

/** Called before every test (test/setupAfterEnv.ts): empty storage, cleared calls, default answers kept. */
export function resetTaroMock(): void {
  storage.clear();
  routerParams = {};
  recorder.reset();
  audio.reset();
  for (const value of Object.values(taroMock)) {
    if (jest.isMockFunction(value)) value.mockClear();
  }
  for (const value of [...Object.values(recorder), ...Object.values(audio), ...Object.values(fileSystemManager)]) {
    if (jest.isMockFunction(value)) value.mockClear();
  }
  taroMock.request.mockReset();
  taroMock.uploadFile.mockReset();
  taroMock.downloadFile.mockReset();
}

export const {
  useLaunch,
  useDidShow,
  useDidHide,
  useLoad,
  useReady,
  useUnload,
  usePullDownRefresh,
  useReachBottom,
  usePageScroll,
  useShareAppMessage,
  useTabItemTap,
  useRouter,
  getCurrentInstance,
  eventCenter,
  ENV_TYPE,
} = taroMock;

export default taroMock;
