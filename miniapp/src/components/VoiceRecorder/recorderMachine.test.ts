import {
  DEFAULT_LIMITS,
  TOO_SHORT_MESSAGE,
  formatSeconds,
  initialRecorderState,
  recorderPrompt,
  transition,
  type RecorderEvent,
  type RecorderState,
  type Transition,
} from './recorderMachine';

/** Runs events in order; returns the final state and every effect asked for. */
function run(events: RecorderEvent[], state: RecorderState = initialRecorderState): Transition {
  return events.reduce<Transition>(
    (acc, event) => {
      const next = transition(acc.state, event);
      return { state: next.state, effects: [...acc.effects, ...next.effects] };
    },
    { state, effects: [] },
  );
}

describe('hold-to-talk state machine', () => {
  it('press starts recording and vibrates; release stops; the clip arrives as recorded', () => {
    const pressed = transition(initialRecorderState, { type: 'press', at: 1000 });
    expect(pressed.state.phase).toBe('recording');
    expect(pressed.effects).toEqual([{ type: 'start', session: 1 }, { type: 'vibrate' }]);
    expect(recorderPrompt(pressed.state).hint).toBe('松开结束，上滑取消');

    const { state, effects } = run(
      [
        { type: 'tick', at: 4000 },
        { type: 'release', at: 4200 },
        { type: 'stopped', session: 1, path: 'tmp/a.mp3', durationMs: 3150 },
      ],
      pressed.state,
    );
    expect(effects).toEqual([{ type: 'stop', session: 1 }]);
    expect(state.phase).toBe('recorded');
    expect(state.recording).toEqual({ path: 'tmp/a.mp3', durationMs: 3150 });
  });

  it('counts the seconds while recording', () => {
    const { state } = run([
      { type: 'press', at: 0 },
      { type: 'tick', at: 7400 },
    ]);
    expect(state.elapsedMs).toBe(7400);
    expect(formatSeconds(state.elapsedMs)).toBe('0:07');
    expect(formatSeconds(65_000)).toBe('1:05');
  });

  it('sliding up far enough and releasing cancels, and the late clip is thrown away', () => {
    const slid = run([
      { type: 'press', at: 0 },
      { type: 'tick', at: 2000 },
      { type: 'move', dy: -20 },
    ]);
    expect(slid.state.willCancel).toBe(false);

    const cancelling = transition(slid.state, { type: 'move', dy: -DEFAULT_LIMITS.cancelDistance - 10 });
    expect(cancelling.state.willCancel).toBe(true);
    expect(recorderPrompt(cancelling.state)).toEqual({ button: '松开手指，取消录音', hint: '松开手指，取消录音' });

    const { state, effects } = run(
      [
        { type: 'release', at: 2500 },
        { type: 'stopped', session: 1, path: 'tmp/cancelled.mp3', durationMs: 2500 },
      ],
      cancelling.state,
    );
    expect(effects).toEqual([{ type: 'stop', session: 1 }]);
    expect(state.phase).toBe('cancelled');
    expect(state.recording).toBeNull();
  });

  it('sliding back down before releasing keeps the recording', () => {
    const { state } = run([
      { type: 'press', at: 0 },
      { type: 'move', dy: -80 },
      { type: 'move', dy: -10 },
      { type: 'release', at: 3000 },
      { type: 'stopped', session: 1, path: 'tmp/kept.mp3', durationMs: 3000 },
    ]);
    expect(state.phase).toBe('recorded');
  });

  it('a recording shorter than a second is refused with a message, and its clip ignored', () => {
    const { state, effects } = run([
      { type: 'press', at: 0 },
      { type: 'release', at: 400 },
      { type: 'stopped', session: 1, path: 'tmp/short.mp3', durationMs: 400 },
    ]);
    expect(effects.filter((effect) => effect.type === 'stop')).toHaveLength(1);
    expect(state.phase).toBe('error');
    expect(state.error).toBe(TOO_SHORT_MESSAGE);
    expect(recorderPrompt(state).button).toBe('按住说话，松开结束');
  });

  it('stops by itself at the maximum duration and keeps what was said', () => {
    const limits = { ...DEFAULT_LIMITS, maxMs: 60_000 };
    let { state } = transition(initialRecorderState, { type: 'press', at: 0 }, limits);
    const nearEnd = transition(state, { type: 'tick', at: 52_000 }, limits).state;
    expect(recorderPrompt(nearEnd, limits).hint).toBe('还可以说 8 秒');

    const atLimit = transition(nearEnd, { type: 'tick', at: 60_100 }, limits);
    expect(atLimit.state.phase).toBe('stopping');
    expect(atLimit.state.elapsedMs).toBe(60_000);
    expect(atLimit.effects).toEqual([{ type: 'stop', session: 1 }]);

    // Releasing the finger afterwards changes nothing.
    state = transition(atLimit.state, { type: 'release', at: 61_000 }, limits).state;
    expect(state.phase).toBe('stopping');
    state = transition(state, { type: 'stopped', session: 1, path: 'tmp/long.mp3', durationMs: 60_000 }, limits).state;
    expect(state.phase).toBe('recorded');
    expect(state.recording?.durationMs).toBe(60_000);
  });

  it('takes a clip the recorder ended on its own (its own time limit) while the finger is still down', () => {
    const { state } = run([
      { type: 'press', at: 0 },
      { type: 'tick', at: 30_000 },
      { type: 'stopped', session: 1, path: 'tmp/auto.mp3', durationMs: 30_000 },
    ]);
    expect(state.phase).toBe('recorded');
  });

  it('a recorder error ends the recording with its message; press again to retry', () => {
    const failed = run([
      { type: 'press', at: 0 },
      { type: 'failed', session: 1, message: '请允许使用麦克风后再试' },
    ]);
    expect(failed.state.phase).toBe('error');
    expect(failed.state.error).toBe('请允许使用麦克风后再试');

    const again = transition(failed.state, { type: 'press', at: 5000 });
    expect(again.state.phase).toBe('recording');
    expect(again.state.error).toBeNull();
    expect(again.effects[0]).toEqual({ type: 'start', session: 2 });
  });

  it('ignores answers that belong to an earlier press', () => {
    const { state } = run([
      { type: 'press', at: 0 },
      { type: 'move', dy: -100 },
      { type: 'release', at: 2000 },
      { type: 'press', at: 2100 },
      { type: 'stopped', session: 1, path: 'tmp/old.mp3', durationMs: 2000 },
      { type: 'failed', session: 1, message: 'old' },
    ]);
    expect(state.phase).toBe('recording');
    expect(state.session).toBe(2);
  });

  it('a touch taken away by the system cancels', () => {
    const { state, effects } = run([{ type: 'press', at: 0 }, { type: 'touchCancel' }]);
    expect(state.phase).toBe('cancelled');
    expect(effects).toContainEqual({ type: 'stop', session: 1 });
  });

  it('a second press while recording or after a clip does nothing; reset allows a new one', () => {
    const recording = transition(initialRecorderState, { type: 'press', at: 0 }).state;
    expect(transition(recording, { type: 'press', at: 10 }).effects).toEqual([]);

    const recorded = run(
      [
        { type: 'release', at: 2000 },
        { type: 'stopped', session: 1, path: 'tmp/a.mp3', durationMs: 2000 },
      ],
      recording,
    ).state;
    expect(transition(recorded, { type: 'press', at: 3000 }).effects).toEqual([]);
    const reset = transition(recorded, { type: 'reset' }).state;
    expect(reset.phase).toBe('idle');
    expect(transition(reset, { type: 'press', at: 4000 }).effects[0]).toEqual({ type: 'start', session: 2 });
  });

  it('reset while recording stops the microphone', () => {
    const recording = transition(initialRecorderState, { type: 'press', at: 0 }).state;
    expect(transition(recording, { type: 'reset' }).effects).toEqual([{ type: 'stop', session: 1 }]);
  });
});
