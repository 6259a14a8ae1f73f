/**
 * WeChat's recorders:
 *  - with the WechatSI plugin: its recognition manager records and transcribes (同声传译);
 *  - without it (or when it failed once, e.g. on a weak signal): Taro's RecorderManager, mp3 at
 *    16 kHz mono — a format Tencent ASR 一句话识别 takes, so the server can transcribe it.
 * Both are process-wide singletons: events are routed to the session that started.
 */
import Taro from '@tarojs/taro';
import {
  MIC_DENIED_MESSAGE,
  RECORD_FAILED_MESSAGE,
  type RecorderBackend,
  SessionRouter,
  recorderErrorMessage,
} from './recorderSession';

/** What the mp3 recorder is asked for (TECH-NOTES: 16 kHz mono mp3 ≈ 360 KB a minute at 48 kbps). */
export const MP3_OPTIONS = { format: 'mp3', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000 } as const;

let micGranted = false;

/** WeChat: ask for the microphone before the first recording, so the dialog never cuts one short. */
async function ensureMicrophone(): Promise<'granted' | 'denied'> {
  if (micGranted) return 'granted';
  try {
    const setting = await Taro.getSetting();
    if (setting.authSetting['scope.record'] === true) {
      micGranted = true;
      return 'granted';
    }
    await Taro.authorize({ scope: 'scope.record' });
    micGranted = true;
    return 'granted';
  } catch {
    return 'denied';
  }
}

/** Starts a WeChat recorder once the microphone is allowed and the finger is still down. */
function startWhenAllowed(router: SessionRouter, session: number, start: () => void): void {
  void ensureMicrophone().then((answer) => {
    if (answer === 'denied') {
      if (session === router.active) router.failed(MIC_DENIED_MESSAGE);
      return;
    }
    if (router.mayStart(session)) start();
  });
}

// ── WeChat RecorderManager ─────────────────────────────────────────────────────

let plainBackend: RecorderBackend | null = null;

function weappBackend(): RecorderBackend {
  if (plainBackend) return plainBackend;
  const router = new SessionRouter();
  const manager = Taro.getRecorderManager();
  manager.onStart(() => {
    if (router.shouldStopOnStart()) manager.stop();
  });
  manager.onStop((result) => router.stopped({ path: result.tempFilePath, durationMs: result.duration }));
  manager.onError((result) => router.failed(recorderErrorMessage(result?.errMsg)));
  plainBackend = {
    transcribes: false,
    start: (session, maxMs) =>
      router.whenIdle(session, () =>
        startWhenAllowed(router, session, () => manager.start({ ...MP3_OPTIONS, duration: maxMs })),
      ),
    stop: (session) => {
      if (router.requestStop(session)) manager.stop();
    },
    listen: (listener) => router.listen(listener),
  };
  return plainBackend;
}

// ── WechatSI (同声传译) ──────────────────────────────────────────────────────────

interface RecognitionResult {
  tempFilePath: string;
  duration: number;
  result?: string;
}

interface RecognitionManager {
  start(options: { duration: number; lang: string }): void;
  stop(): void;
  onStart: (() => void) | null;
  onStop: ((result: RecognitionResult) => void) | null;
  onError: ((result: { retcode?: number; msg?: string }) => void) | null;
}

interface WechatSI {
  getRecordRecognitionManager(): RecognitionManager;
}

/** The plugin where it is declared (WeChat builds only); null anywhere else. Never required. */
export function loadWechatSI(): WechatSI | null {
  if (process.env.TARO_ENV !== 'weapp') return null;
  try {
    const plugin = Taro.requirePlugin('WechatSI') as WechatSI | undefined;
    return plugin && typeof plugin.getRecordRecognitionManager === 'function' ? plugin : null;
  } catch {
    return null;
  }
}

/** WechatSI recognises at most 60 s. */
const SI_MAX_MS = 60_000;
let siBackend: RecorderBackend | null = null;
/** After one failure (often a weak signal: recognition is online) the plain recorder takes over. */
let siBroken = false;

function wechatSIBackend(plugin: WechatSI): RecorderBackend {
  if (siBackend) return siBackend;
  const router = new SessionRouter();
  const manager = plugin.getRecordRecognitionManager();
  manager.onStart = () => {
    if (router.shouldStopOnStart()) manager.stop();
  };
  manager.onStop = (result) => {
    if (!result?.tempFilePath) {
      siBroken = true;
      router.failed(RECORD_FAILED_MESSAGE);
      return;
    }
    router.stopped({
      path: result.tempFilePath,
      durationMs: result.duration,
      transcript: (result.result ?? '').trim() || undefined,
    });
  };
  manager.onError = (result) => {
    siBroken = true;
    router.failed(recorderErrorMessage(result?.msg));
  };
  siBackend = {
    transcribes: true,
    start: (session, maxMs) =>
      router.whenIdle(session, () =>
        startWhenAllowed(router, session, () => manager.start({ duration: Math.min(maxMs, SI_MAX_MS), lang: 'zh_CN' })),
      ),
    stop: (session) => {
      if (router.requestStop(session)) manager.stop();
    },
    listen: (listener) => router.listen(listener),
  };
  return siBackend;
}

/**
 * The WeChat recorder: each press picks WechatSI while it works, else the plain recorder; a stop
 * goes to whichever started that session.
 */
export function createWeappRecorder(): RecorderBackend {
  const plugin = loadWechatSI();
  const owners = new Map<number, RecorderBackend>();
  const pick = (): RecorderBackend => (plugin && !siBroken ? wechatSIBackend(plugin) : weappBackend());
  return {
    get transcribes() {
      return Boolean(plugin) && !siBroken;
    },
    start(session, maxMs) {
      const backend = pick();
      owners.set(session, backend);
      backend.start(session, maxMs);
    },
    stop(session) {
      (owners.get(session) ?? pick()).stop(session);
      owners.delete(session);
    },
    listen(listener) {
      const offs = [weappBackend().listen(listener), ...(plugin ? [wechatSIBackend(plugin).listen(listener)] : [])];
      return () => offs.forEach((off) => off());
    },
  };
}

/** For tests: forget the singletons so each test wires fresh mocks. */
export function resetWeappRecorders(): void {
  micGranted = false;
  plainBackend = null;
  siBackend = null;
  siBroken = false;
}
