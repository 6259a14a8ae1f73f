/**
 * Hold-to-talk as a pure state machine (no Taro, no timers): the component feeds it touch and
 * recorder events and carries out the effects it asks for.
 *
 *   idle ──press──▶ recording ──release──▶ stopping ──stopped──▶ recorded
 *                      │  slide up + release ──▶ cancelled
 *                      │  release too soon   ──▶ error (说话时间太短)
 *                      │  max duration       ──▶ stopping (the recording is kept)
 *                      └─ recorder error     ──▶ error
 *
 * Every press starts a new `session`; recorder events carry the session they belong to, so a
 * late answer from a cancelled recording never lands in the next one.
 */

export type RecorderPhase = 'idle' | 'recording' | 'stopping' | 'recorded' | 'cancelled' | 'error';

export interface Recording {
  /** Local path of the clip (temp file in WeChat, blob URL in H5). */
  path: string;
  durationMs: number;
  /** Speech-to-text result where the phone offers it (WechatSI). */
  transcript?: string;
}

export interface RecorderState {
  phase: RecorderPhase;
  session: number;
  startedAt: number;
  elapsedMs: number;
  /** The finger has slid far enough up that releasing cancels. */
  willCancel: boolean;
  recording: Recording | null;
  error: string | null;
}

export type RecorderEvent =
  | { type: 'press'; at: number }
  /** dy: vertical distance from where the finger went down (negative = up), in px. */
  | { type: 'move'; dy: number }
  | { type: 'release'; at: number }
  /** The system took the touch away (incoming call, scroll): treated as a cancel. */
  | { type: 'touchCancel' }
  | { type: 'tick'; at: number }
  | { type: 'stopped'; session: number; path: string; durationMs: number; transcript?: string }
  | { type: 'failed'; session: number; message: string }
  | { type: 'reset' };

export type RecorderEffect =
  | { type: 'start'; session: number }
  | { type: 'stop'; session: number }
  | { type: 'vibrate' };

export interface RecorderLimits {
  minMs: number;
  maxMs: number;
  /** How far (px) the finger must slide up to cancel. */
  cancelDistance: number;
}

export const TOO_SHORT_MESSAGE = '说话时间太短，请按住按钮多说几句';
export const DEFAULT_LIMITS: RecorderLimits = { minMs: 1000, maxMs: 60_000, cancelDistance: 50 };

export const initialRecorderState: RecorderState = {
  phase: 'idle',
  session: 0,
  startedAt: 0,
  elapsedMs: 0,
  willCancel: false,
  recording: null,
  error: null,
};

export interface Transition {
  state: RecorderState;
  effects: RecorderEffect[];
}

const stay = (state: RecorderState): Transition => ({ state, effects: [] });

export function transition(
  state: RecorderState,
  event: RecorderEvent,
  limits: RecorderLimits = DEFAULT_LIMITS,
): Transition {
  switch (event.type) {
    case 'press': {
      if (state.phase === 'recording' || state.phase === 'stopping' || state.phase === 'recorded') return stay(state);
      const session = state.session + 1;
      return {
        state: { ...initialRecorderState, phase: 'recording', session, startedAt: event.at },
        effects: [{ type: 'start', session }, { type: 'vibrate' }],
      };
    }
    case 'move': {
      if (state.phase !== 'recording') return stay(state);
      const willCancel = event.dy <= -limits.cancelDistance;
      return willCancel === state.willCancel ? stay(state) : stay({ ...state, willCancel });
    }
    case 'release': {
      if (state.phase !== 'recording') return stay(state);
      const elapsedMs = Math.max(state.elapsedMs, event.at - state.startedAt);
      const stop: RecorderEffect = { type: 'stop', session: state.session };
      if (state.willCancel)
        return { state: { ...state, phase: 'cancelled', elapsedMs, willCancel: false }, effects: [stop] };
      if (elapsedMs < limits.minMs)
        return { state: { ...state, phase: 'error', elapsedMs, error: TOO_SHORT_MESSAGE }, effects: [stop] };
      return { state: { ...state, phase: 'stopping', elapsedMs }, effects: [stop] };
    }
    case 'touchCancel': {
      if (state.phase !== 'recording') return stay(state);
      return {
        state: { ...state, phase: 'cancelled', willCancel: false },
        effects: [{ type: 'stop', session: state.session }],
      };
    }
    case 'tick': {
      if (state.phase !== 'recording') return stay(state);
      const elapsedMs = Math.min(limits.maxMs, Math.max(0, event.at - state.startedAt));
      if (elapsedMs >= limits.maxMs) {
        // Time is up: keep what was said, as WeChat does.
        return {
          state: { ...state, phase: 'stopping', elapsedMs, willCancel: false },
          effects: [{ type: 'stop', session: state.session }],
        };
      }
      return elapsedMs === state.elapsedMs ? stay(state) : stay({ ...state, elapsedMs });
    }
    case 'stopped': {
      if (event.session !== state.session) return stay(state);
      if (state.phase !== 'stopping' && state.phase !== 'recording') return stay(state);
      const durationMs = Math.min(limits.maxMs, event.durationMs > 0 ? event.durationMs : state.elapsedMs);
      // The recorder stopped on its own (its own limit, an interruption) before the finger lifted.
      if (state.phase === 'recording' && durationMs < limits.minMs) {
        return stay({ ...state, phase: 'error', error: TOO_SHORT_MESSAGE, willCancel: false });
      }
      const recording: Recording = {
        path: event.path,
        durationMs,
        ...(event.transcript ? { transcript: event.transcript } : {}),
      };
      return stay({ ...state, phase: 'recorded', elapsedMs: durationMs, willCancel: false, recording });
    }
    case 'failed': {
      if (event.session !== state.session) return stay(state);
      if (state.phase !== 'recording' && state.phase !== 'stopping') return stay(state);
      // The recorder has stopped by itself when it reports an error: nothing to stop.
      return stay({ ...state, phase: 'error', willCancel: false, error: event.message });
    }
    case 'reset': {
      if (state.phase === 'recording') {
        return {
          state: { ...initialRecorderState, session: state.session },
          effects: [{ type: 'stop', session: state.session }],
        };
      }
      return stay({ ...initialRecorderState, session: state.session });
    }
    default:
      return stay(state);
  }
}

/** "0:07" */
export function formatSeconds(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** Releasing finishes the recording; sending is the page's own button, so the words never promise more. */
export const HOLD_TO_TALK = '按住说话，松开结束';

/** What the big button and the line above it say in each phase. */
export function recorderPrompt(
  state: RecorderState,
  limits: RecorderLimits = DEFAULT_LIMITS,
): { button: string; hint: string } {
  if (state.phase === 'recording') {
    if (state.willCancel) return { button: '松开手指，取消录音', hint: '松开手指，取消录音' };
    const leftSeconds = Math.ceil((limits.maxMs - state.elapsedMs) / 1000);
    const hint = leftSeconds <= 10 ? `还可以说 ${leftSeconds} 秒` : '松开结束，上滑取消';
    return { button: '松开 结束', hint };
  }
  if (state.phase === 'stopping') return { button: '正在保存…', hint: '正在保存录音…' };
  if (state.phase === 'cancelled') return { button: HOLD_TO_TALK, hint: '已取消，可以重新按住说话' };
  if (state.phase === 'error') return { button: HOLD_TO_TALK, hint: state.error ?? '' };
  return { button: HOLD_TO_TALK, hint: `最长 ${Math.round(limits.maxMs / 1000)} 秒` };
}
