/**
 * Where the sound comes from, behind one small interface:
 *  - WeChat with the WechatSI plugin: its recognition manager records and transcribes;
 *  - WeChat without it (or when it failed once, e.g. on a weak signal): Taro's RecorderManager, mp3 16 kHz mono;
 *  - H5: the browser's MediaRecorder: WebM/Ogg (Opus, ≈ 100 KB a minute) sent as recorded; anything
 *    else (Safari's MP4, whose brand the server may not know) converted to a 16 kHz mono WAV.
 * Both WeChat recorders are process-wide singletons: events are routed to the session that started.
 */
import Taro from '@tarojs/taro';
import { LIMITS } from '@minqing/shared';
import { blobToWav } from './wav';

export interface RecordedClip {
  path: string;
  durationMs: number;
  transcript?: string;
}

export interface RecorderListener {
  stopped(session: number, clip: RecordedClip): void;
  failed(session: number, message: string): void;
}

export interface RecorderBackend {
  /** Whether a clip can come with a transcript (the page then shows it for editing). */
  readonly transcribes: boolean;
  start(session: number, maxMs: number): void;
  stop(session: number): void;
  /** The mounted recorder component listens; returns the unsubscribe. */
  listen(listener: RecorderListener): () => void;
}

export const MIC_DENIED_MESSAGE = '请允许使用麦克风后再试';
export const RECORD_FAILED_MESSAGE = '没有录上，请再按住说一次';
export const NO_RECORDER_MESSAGE = '这里不能录音，请写几句话或拍照片';

/** What the mp3 recorder is asked for (TECH-NOTES: 16 kHz mono mp3 ≈ 360 KB a minute at 48 kbps). */
export const MP3_OPTIONS = { format: 'mp3', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000 } as const;

export function recorderErrorMessage(errMsg: unknown): string {
  const text = typeof errMsg === 'string' ? errMsg : '';
  if (/auth|denied|permission|NotAllowed/i.test(text)) return MIC_DENIED_MESSAGE;
  return RECORD_FAILED_MESSAGE;
}

/**
 * Routes one singleton recorder's events to the session that started it. A press that is released
 * before its recording really began (a permission dialog, a slow microphone) is never started; a new
 * press waits until the previous recording has answered its stop (at most 1 s).
 */
export class SessionRouter {
  private listener: RecorderListener | null = null;
  active = 0;
  private recording = false;
  private pendingStop = false;
  private readonly released = new Set<number>();
  private waiters: (() => void)[] = [];

  listen(listener: RecorderListener): () => void {
    this.listener = listener;
    return () => {
      if (this.listener === listener) this.listener = null;
    };
  }

  whenIdle(session: number, begin: () => void): void {
    const go = () => {
      this.active = session;
      this.recording = false;
      begin();
    };
    if (!this.pendingStop) {
      go();
      return;
    }
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      go();
    };
    const timer = setTimeout(() => {
      this.pendingStop = false;
      run();
    }, 1000);
    this.waiters.push(run);
  }

  /** Called right before the recorder is told to start; false when the finger has already lifted. */
  mayStart(session: number): boolean {
    if (session !== this.active || this.released.has(session)) {
      this.released.delete(session);
      // The page may be waiting for this recording: tell it there is none.
      if (session === this.active) this.listener?.failed(session, READY_MESSAGE);
      return false;
    }
    this.recording = true;
    return true;
  }

  /** Whether the recorder must be told to stop now (otherwise it will not start at all). */
  requestStop(session: number): boolean {
    if (session !== this.active) return false;
    this.released.add(session);
    if (!this.recording) return false;
    this.pendingStop = true;
    return true;
  }

  /** The recorder says it started: stop it at once if the finger lifted meanwhile. */
  shouldStopOnStart(): boolean {
    return this.released.has(this.active);
  }

  private settle(): number {
    const session = this.active;
    this.recording = false;
    this.pendingStop = false;
    this.released.delete(session);
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((run) => run());
    return session;
  }

  stopped(clip: RecordedClip): void {
    const session = this.settle();
    this.listener?.stopped(session, clip);
  }

  failed(message: string): void {
    const session = this.settle();
    this.listener?.failed(session, message);
  }
}

/** A recording that could not start because the phone was still asking for the microphone. */
export const READY_MESSAGE = '现在可以录音了，请按住按钮说话';

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

// ── H5: MediaRecorder ──────────────────────────────────────────────────────────

/** What browsers record that the server takes as it is (otherwise the clip is converted to WAV). */
export const ACCEPTED_AS_IS = /^audio\/(webm|ogg|mpeg|wav)/;

function h5Backend(): RecorderBackend {
  const router = new SessionRouter();
  let current: { session: number; recorder: MediaRecorder; timer: ReturnType<typeof setTimeout> } | null = null;

  const release = (stream: MediaStream) => stream.getTracks().forEach((track) => track.stop());

  const record = (session: number, stream: MediaStream, maxMs: number) => {
    const chunks: Blob[] = [];
    const recorder = new MediaRecorder(stream);
    const startedAt = Date.now();
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    recorder.onstop = () => {
      release(stream);
      const durationMs = Date.now() - startedAt;
      const raw = new Blob(chunks, { type: recorder.mimeType || 'audio/webm' });
      // A clip that cannot be converted is still sent as recorded: the server judges it by its bytes.
      const ready = ACCEPTED_AS_IS.test(raw.type) ? Promise.resolve(raw) : blobToWav(raw).catch(() => raw);
      ready
        .then((blob) => router.stopped({ path: URL.createObjectURL(blob), durationMs }))
        .catch(() => router.failed(RECORD_FAILED_MESSAGE));
    };
    recorder.onerror = () => {
      release(stream);
      router.failed(RECORD_FAILED_MESSAGE);
    };
    const timer = setTimeout(() => {
      if (recorder.state === 'recording') recorder.stop();
    }, maxMs);
    current = { session, recorder, timer };
    recorder.start();
  };

  const begin = (session: number, maxMs: number) => {
    const devices = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined;
    if (!devices?.getUserMedia || typeof MediaRecorder === 'undefined') {
      router.failed(NO_RECORDER_MESSAGE);
      return;
    }
    devices
      .getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } })
      .then((stream) => {
        // Released while the browser asked for the microphone: no recording this time.
        if (!router.mayStart(session)) return release(stream);
        record(session, stream, maxMs);
      })
      .catch((error: { name?: string }) => {
        if (session === router.active) router.failed(recorderErrorMessage(error?.name));
      });
  };

  return {
    transcribes: false,
    start: (session, maxMs) => router.whenIdle(session, () => begin(session, maxMs)),
    stop: (session) => {
      if (!router.requestStop(session) || current?.session !== session) return;
      clearTimeout(current.timer);
      if (current.recorder.state === 'recording') current.recorder.stop();
      current = null;
    },
    listen: (listener) => router.listen(listener),
  };
}

let h5Instance: RecorderBackend | null = null;

/**
 * The recorder for this platform. In WeChat each press picks WechatSI while it works, else the
 * plain recorder; a stop goes to whichever started that session.
 */
export function createRecorderBackend(): RecorderBackend {
  if (process.env.TARO_ENV === 'h5') {
    if (!h5Instance) h5Instance = h5Backend();
    return h5Instance;
  }
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
export function resetRecorderBackends(): void {
  micGranted = false;
  plainBackend = null;
  siBackend = null;
  h5Instance = null;
  siBroken = false;
}

export const DEFAULT_MAX_MS = LIMITS.voiceSecondsDefault * 1000;
