/**
 * What every platform's recorder shares: the interface the component talks to, the messages a
 * villager reads when recording fails, and the router that gives a singleton recorder's events to
 * the press (session) that started it.
 */
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
