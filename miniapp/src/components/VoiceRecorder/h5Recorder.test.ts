import { H5_MAX_MS, createH5Recorder, resetH5Recorder } from './h5Recorder';
import { NO_RECORDER_MESSAGE, type RecordedClip } from './recorderSession';

/** A 48 kHz AudioContext without AudioWorklet: the recorder falls back to a ScriptProcessor the test feeds. */
class FakeAudioContext {
  static last: FakeAudioContext | null = null;
  sampleRate = 48_000;
  state = 'running';
  destination = {};
  processor: { onaudioprocess: ((event: unknown) => void) | null; connect: jest.Mock; disconnect: jest.Mock } | null =
    null;
  closed = false;
  constructor() {
    FakeAudioContext.last = this;
  }
  createMediaStreamSource() {
    return { connect: jest.fn(), disconnect: jest.fn() };
  }
  createScriptProcessor(size: number, inputs: number, outputs: number) {
    expect([size, inputs, outputs]).toEqual([4096, 1, 1]);
    this.processor = { onaudioprocess: null, connect: jest.fn(), disconnect: jest.fn() };
    return this.processor;
  }
  feed(samples: Float32Array) {
    this.processor?.onaudioprocess?.({ inputBuffer: { getChannelData: () => samples } });
  }
  close() {
    this.closed = true;
    return Promise.resolve();
  }
  resume() {
    return Promise.resolve();
  }
}

const track = { stop: jest.fn() };
const blobs = new Map<string, Blob>();

function readBytes(blob: Blob): Promise<DataView> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new DataView(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });
}

function listen() {
  const events: { stopped: RecordedClip[]; failed: string[] } = { stopped: [], failed: [] };
  const recorder = createH5Recorder();
  recorder.listen({
    stopped: (_session, clip) => events.stopped.push(clip),
    failed: (_session, message) => events.failed.push(message),
  });
  return { recorder, events };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  resetH5Recorder();
  blobs.clear();
  track.stop.mockClear();
  FakeAudioContext.last = null;
  Object.assign(window, { AudioContext: FakeAudioContext });
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: { getUserMedia: jest.fn(() => Promise.resolve({ getTracks: () => [track] })) },
  });
  let next = 0;
  URL.createObjectURL = jest.fn((blob: Blob) => {
    next += 1;
    blobs.set(`blob:${next}`, blob);
    return `blob:${next}`;
  });
});

describe('the H5 recorder', () => {
  it('records the microphone at 48 kHz and hands over a 16 kHz mono 16-bit WAV', async () => {
    const { recorder, events } = listen();
    recorder.start(1, 60_000);
    await flush();
    await flush();
    const context = FakeAudioContext.last as FakeAudioContext;
    expect(navigator.mediaDevices.getUserMedia).toHaveBeenCalledWith({
      audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true },
    });
    // 1.5 s of a constant level, in blocks of 4096 samples plus the rest.
    const total = 72_000;
    for (let fed = 0; fed < total; fed += 4096) context.feed(new Float32Array(Math.min(4096, total - fed)).fill(0.25));
    recorder.stop(1);
    await flush();

    expect(events.failed).toEqual([]);
    expect(events.stopped).toHaveLength(1);
    const clip = events.stopped[0];
    expect(clip.durationMs).toBe(1500);
    const blob = blobs.get(clip.path) as Blob;
    expect(blob.type).toBe('audio/wav');
    const view = await readBytes(blob);
    expect(view.getUint32(24, true)).toBe(16_000);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(40, true)).toBe(24_000 * 2);
    expect(view.getInt16(44, true)).toBe(Math.round(0.25 * 32767));
    // The microphone and the audio engine are let go.
    expect(track.stop).toHaveBeenCalled();
    expect(context.closed).toBe(true);
  });

  it('keeps no more than 60 s and stops by itself at the limit', async () => {
    expect(H5_MAX_MS).toBe(60_000);
    const { recorder, events } = listen();
    recorder.start(1, 90_000);
    await flush();
    await flush();
    const context = FakeAudioContext.last as FakeAudioContext;
    const block = new Float32Array(48_000).fill(0.1);
    for (let second = 0; second < 61; second += 1) context.feed(block);
    await flush();
    expect(events.stopped).toHaveLength(1);
    expect(events.stopped[0].durationMs).toBe(60_000);
    const view = await readBytes(blobs.get(events.stopped[0].path) as Blob);
    expect(view.getUint32(40, true)).toBe(60 * 16_000 * 2);
  });

  it('says so where the browser cannot record', async () => {
    Object.assign(window, { AudioContext: undefined });
    const { recorder, events } = listen();
    recorder.start(1, 60_000);
    await flush();
    expect(events.failed).toEqual([NO_RECORDER_MESSAGE]);
  });

  it('a refused microphone asks for permission in words', async () => {
    (navigator.mediaDevices.getUserMedia as jest.Mock).mockImplementation(() =>
      Promise.reject({ name: 'NotAllowedError' }),
    );
    const { recorder, events } = listen();
    recorder.start(1, 60_000);
    await flush();
    expect(events.failed).toEqual(['请允许使用麦克风后再试']);
  });
});
