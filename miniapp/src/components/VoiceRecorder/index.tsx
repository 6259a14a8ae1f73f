/**
 * 按住说话，松开结束: press to record, release to finish (the page's own button sends), slide up to cancel (WeChat's own gesture), with a
 * live timer, replay, re-record and — where WechatSI is available — an editable transcript.
 * The recording logic is the pure machine in recorderMachine.ts; the sound comes from recorderBackend.ts.
 */
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, Textarea, View, type CommonEvent } from '@tarojs/components';
import { LIMITS } from '@minqing/shared';
import { createRecorderBackend, MIC_DENIED_MESSAGE, type RecorderBackend } from './recorderBackend';
import {
  DEFAULT_LIMITS,
  HOLD_TO_TALK,
  formatSeconds,
  initialRecorderState,
  recorderPrompt,
  transition,
  type RecorderEffect,
  type RecorderEvent,
  type RecorderLimits,
  type RecorderState,
} from './recorderMachine';
import { useAudioPlayer } from './useAudioPlayer';

import './index.scss';

/** A finished clip as the report form keeps it. */
export interface VoiceClip {
  localPath: string;
  durationSeconds: number;
  transcript?: string;
}

export interface VoiceRecorderProps {
  value: VoiceClip | null;
  onChange(value: VoiceClip | null): void;
  maxSeconds?: number;
  /** A message about the voice from the form or the server. */
  error?: string;
  disabled?: boolean;
  /** The page's button that sends the report: releasing only finishes the recording, and the words say so. */
  sendLabel?: string;
  /** Injected in tests; the platform's recorder otherwise. */
  backend?: RecorderBackend;
}

interface TouchLike {
  touches?: ArrayLike<{ clientY?: number; pageY?: number }>;
  changedTouches?: ArrayLike<{ clientY?: number; pageY?: number }>;
  clientY?: number;
}

function pointerY(event: TouchLike): number {
  const touch = event.touches?.[0] ?? event.changedTouches?.[0];
  return touch?.clientY ?? touch?.pageY ?? event.clientY ?? 0;
}

function vibrate(): void {
  try {
    const result = Taro.vibrateShort({ type: 'medium' }) as unknown as Promise<unknown> | undefined;
    result?.catch?.(() => undefined);
  } catch {
    // Some phones cannot vibrate; recording goes on.
  }
}

export const secondsOf = (durationMs: number): number => Math.max(1, Math.round(durationMs / 1000));

export default function VoiceRecorder({
  value,
  onChange,
  maxSeconds = LIMITS.voiceSecondsDefault,
  error,
  disabled,
  sendLabel = '提交',
  backend,
}: VoiceRecorderProps) {
  const recorder = useMemo(() => backend ?? createRecorderBackend(), [backend]);
  const limits: RecorderLimits = useMemo(() => ({ ...DEFAULT_LIMITS, maxMs: maxSeconds * 1000 }), [maxSeconds]);
  const [state, setState] = useState<RecorderState>(initialRecorderState);
  const stateRef = useRef(state);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const startY = useRef(0);
  const lastTouchAt = useRef(0);
  const player = useAudioPlayer();

  const run = (effect: RecorderEffect) => {
    if (effect.type === 'start') recorder.start(effect.session, limits.maxMs);
    else if (effect.type === 'stop') recorder.stop(effect.session);
    else vibrate();
  };

  const dispatch = (event: RecorderEvent) => {
    const previous = stateRef.current;
    const { state: next, effects } = transition(previous, event, limits);
    if (next === previous && effects.length === 0) return;
    stateRef.current = next;
    setState(next);
    effects.forEach(run);
    if (next.phase === 'recorded' && previous.phase !== 'recorded' && next.recording) {
      const { path, durationMs, transcript } = next.recording;
      onChangeRef.current({
        localPath: path,
        durationSeconds: secondsOf(durationMs),
        ...(transcript ? { transcript } : {}),
      });
    }
  };
  const dispatchRef = useRef(dispatch);
  dispatchRef.current = dispatch;

  useEffect(
    () =>
      recorder.listen({
        stopped: (session, clip) => dispatchRef.current({ type: 'stopped', session, ...clip }),
        failed: (session, message) => dispatchRef.current({ type: 'failed', session, message }),
      }),
    [recorder],
  );

  // The live timer, and the automatic stop at the limit.
  const recording = state.phase === 'recording';
  useEffect(() => {
    if (!recording) return undefined;
    const timer = setInterval(() => dispatchRef.current({ type: 'tick', at: Date.now() }), 200);
    return () => clearInterval(timer);
  }, [recording]);

  // Leaving the page while recording stops the microphone.
  useEffect(() => () => dispatchRef.current({ type: 'reset' }), []);

  // A clip removed from outside (a new report) puts the button back.
  useEffect(() => {
    if (!value && stateRef.current.phase === 'recorded') dispatchRef.current({ type: 'reset' });
  }, [value]);

  const press = (y: number) => {
    if (disabled) return;
    player.stop();
    startY.current = y;
    dispatch({ type: 'press', at: Date.now() });
  };

  const touchHandlers = {
    onTouchStart: (event: CommonEvent) => {
      lastTouchAt.current = Date.now();
      press(pointerY(event as unknown as TouchLike));
    },
    onTouchMove: (event: CommonEvent) =>
      dispatch({ type: 'move', dy: pointerY(event as unknown as TouchLike) - startY.current }),
    onTouchEnd: () => {
      lastTouchAt.current = Date.now();
      dispatch({ type: 'release', at: Date.now() });
    },
    onTouchCancel: () => dispatch({ type: 'touchCancel' }),
  };
  // A mouse in the H5 build (ignored right after a touch: phones send both).
  const fromMouse = () => Date.now() - lastTouchAt.current > 800;
  const mouseHandlers: Record<string, unknown> =
    process.env.TARO_ENV === 'h5'
      ? {
          onMouseDown: (event: TouchLike) => fromMouse() && press(pointerY(event)),
          onMouseMove: (event: TouchLike) =>
            fromMouse() && dispatch({ type: 'move', dy: pointerY(event) - startY.current }),
          onMouseUp: () => fromMouse() && dispatch({ type: 'release', at: Date.now() }),
          onMouseLeave: () =>
            fromMouse() && stateRef.current.phase === 'recording' && dispatch({ type: 'release', at: Date.now() }),
        }
      : {};

  const reRecord = async () => {
    const answer = await Taro.showModal({
      title: '重新录音',
      content: '重新录音会删掉刚才这段，确定吗？',
      confirmText: '重新录',
      cancelText: '保留',
    }).catch(() => ({ confirm: false }));
    if (!answer.confirm) return;
    player.stop();
    dispatch({ type: 'reset' });
    onChange(null);
  };

  if (value) {
    const isPlaying = player.playing === value.localPath;
    return (
      <View className="voice-recorder voice-recorder--done">
        <View className="voice-recorder__clip">
          <Button
            className="voice-recorder__play"
            onClick={() => player.toggle(value.localPath)}
            aria-label={isPlaying ? '停止播放' : '播放录音'}
          >
            {isPlaying ? '■ 停止' : '▶ 播放'} {formatSeconds(value.durationSeconds * 1000)}
          </Button>
          <Button className="voice-recorder__again" onClick={() => void reRecord()} disabled={disabled || undefined}>
            重新录
          </Button>
        </View>
        <Text className="voice-recorder__unsent">录好了，还没有发出：点「{sendLabel}」才会发给工作人员</Text>
        {recorder.transcribes || value.transcript !== undefined ? (
          <View className="voice-recorder__transcript">
            <Text className="voice-recorder__label">识别出的文字（可以修改）</Text>
            <Textarea
              className="voice-recorder__transcript-input"
              value={value.transcript ?? ''}
              maxlength={LIMITS.transcriptMax}
              placeholder="没有识别出文字，直接提交语音也可以"
              autoHeight
              onInput={(event) => onChange({ ...value, transcript: event.detail.value })}
            />
          </View>
        ) : null}
        {error ? <Text className="voice-recorder__error">{error}</Text> : null}
      </View>
    );
  }

  const prompt = recorderPrompt(state, limits);
  const busy = state.phase === 'recording' || state.phase === 'stopping';
  const progress: CSSProperties = { width: `${Math.min(100, (state.elapsedMs / limits.maxMs) * 100)}%` };
  const shownError = state.phase === 'error' ? state.error : error;
  return (
    <View
      className={`voice-recorder voice-recorder--${state.phase}${state.willCancel ? ' voice-recorder--cancel' : ''}`}
    >
      {busy ? (
        <View className="voice-recorder__meter" aria-live="polite">
          <Text className="voice-recorder__timer">{formatSeconds(state.elapsedMs)}</Text>
          <View className="voice-recorder__bar">
            <View className="voice-recorder__bar-fill" style={progress} />
          </View>
        </View>
      ) : null}
      <Text className={`voice-recorder__hint${state.willCancel ? ' voice-recorder__hint--cancel' : ''}`}>
        {state.phase === 'error'
          ? ''
          : state.phase === 'idle'
            ? `${prompt.hint}，录好后点「${sendLabel}」发出`
            : prompt.hint}
      </Text>
      <View
        className={`voice-recorder__button${disabled ? ' voice-recorder__button--disabled' : ''}`}
        role="button"
        aria-label={HOLD_TO_TALK}
        catchMove
        {...touchHandlers}
        {...mouseHandlers}
      >
        <Text className="voice-recorder__mic">🎤</Text>
        <Text className="voice-recorder__button-text">{prompt.button}</Text>
      </View>
      {shownError ? <Text className="voice-recorder__error">{shownError}</Text> : null}
      {shownError === MIC_DENIED_MESSAGE && process.env.TARO_ENV === 'weapp' ? (
        <Button className="voice-recorder__settings" onClick={() => void Taro.openSetting()}>
          去设置
        </Button>
      ) : null}
    </View>
  );
}

export type { RecorderBackend } from './recorderBackend';
