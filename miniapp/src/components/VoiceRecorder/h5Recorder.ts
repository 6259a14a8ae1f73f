/**
 * The H5 recorder: Tencent ASR 一句话识别 takes no WebM, so the browser's own MediaRecorder is not
 * used. The microphone (getUserMedia) feeds an AudioContext; an AudioWorklet (a ScriptProcessor
 * where there is none) hands the raw samples over; at the end they are downsampled to 16 kHz
 * (pcm.ts) and written as a mono 16-bit PCM WAV (wav.ts). At most LIMITS.voiceSecondsDefault (60 s).
 */
import { LIMITS } from '@minqing/shared';
import { concatSamples, downsample, samplesFor } from './pcm';
import {
  NO_RECORDER_MESSAGE,
  RECORD_FAILED_MESSAGE,
  type RecorderBackend,
  SessionRouter,
  recorderErrorMessage,
} from './recorderSession';
import { WAV_CONTENT_TYPE, WAV_SAMPLE_RATE, encodeWav } from './wav';

/** The server and ASR take at most this much. */
export const H5_MAX_MS = LIMITS.voiceSecondsDefault * 1000;

const TAP_NAME = 'minqing-pcm-tap';
/** Batches of 4096 samples (≈ 85 ms at 48 kHz) cross from the audio thread, then whatever is left on stop. */
const TAP_SOURCE = `
class PcmTap extends AudioWorkletProcessor {
  constructor() {
    super();
    this.on = true;
    this.block = new Float32Array(4096);
    this.filled = 0;
    this.port.onmessage = () => {
      if (this.filled > 0) this.port.postMessage(this.block.slice(0, this.filled));
      this.on = false;
      this.port.postMessage('done');
    };
  }
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!this.on) return false;
    if (channel) {
      for (let index = 0; index < channel.length; index += 1) {
        this.block[this.filled++] = channel[index];
        if (this.filled === this.block.length) {
          this.port.postMessage(this.block.slice(0));
          this.filled = 0;
        }
      }
    }
    return true;
  }
}
registerProcessor('${TAP_NAME}', PcmTap);
`;

type AudioContextClass = typeof AudioContext;

function audioContextClass(): AudioContextClass | null {
  if (typeof window === 'undefined') return null;
  const scope = window as unknown as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass };
  return scope.AudioContext ?? scope.webkitAudioContext ?? null;
}

/** Whether this browser can record at all. */
export function h5CanRecord(): boolean {
  return (
    typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia) && Boolean(audioContextClass())
  );
}

/** Raw samples from a microphone stream until `finish` (which resolves once every sample has arrived). */
interface Tap {
  finish(): Promise<void>;
  close(): void;
}

async function workletTap(
  context: AudioContext,
  source: AudioNode,
  onBlock: (block: Float32Array) => void,
): Promise<Tap> {
  const url = URL.createObjectURL(new Blob([TAP_SOURCE], { type: 'text/javascript' }));
  try {
    await context.audioWorklet.addModule(url);
  } finally {
    URL.revokeObjectURL(url);
  }
  const node = new AudioWorkletNode(context, TAP_NAME, { numberOfInputs: 1, numberOfOutputs: 1, channelCount: 1 });
  let done: () => void = () => undefined;
  const drained = new Promise<void>((resolve) => {
    done = resolve;
  });
  node.port.onmessage = (event: MessageEvent<Float32Array | 'done'>) => {
    if (event.data === 'done') done();
    else onBlock(event.data);
  };
  source.connect(node);
  // Connected to the output (silent: the tap writes nothing) so that the browser keeps it running.
  node.connect(context.destination);
  return {
    finish: () => {
      node.port.postMessage('stop');
      return Promise.race([drained, new Promise<void>((resolve) => setTimeout(resolve, 500))]);
    },
    close: () => {
      node.port.onmessage = null;
      source.disconnect();
      node.disconnect();
    },
  };
}

function scriptProcessorTap(context: AudioContext, source: AudioNode, onBlock: (block: Float32Array) => void): Tap {
  const node = context.createScriptProcessor(4096, 1, 1);
  node.onaudioprocess = (event) => onBlock(new Float32Array(event.inputBuffer.getChannelData(0)));
  source.connect(node);
  node.connect(context.destination);
  return {
    finish: () => Promise.resolve(),
    close: () => {
      node.onaudioprocess = null;
      source.disconnect();
      node.disconnect();
    },
  };
}

interface Capture {
  session: number;
  stream: MediaStream;
  context: AudioContext;
  tap: Tap | null;
  blocks: Float32Array[];
  collected: number;
  limit: number;
  timer: ReturnType<typeof setTimeout>;
  finishing: boolean;
}

function createRecorder(): RecorderBackend {
  const router = new SessionRouter();
  let current: Capture | null = null;

  const release = (capture: Capture) => {
    clearTimeout(capture.timer);
    capture.tap?.close();
    capture.stream.getTracks().forEach((track) => track.stop());
    void capture.context.close().catch(() => undefined);
  };

  const fail = (capture: Capture, message: string) => {
    if (current === capture) current = null;
    release(capture);
    if (capture.session === router.active) router.failed(message);
  };

  /** Stops the capture and hands the 16 kHz WAV to the component (the limit also ends here). */
  const finish = (capture: Capture) => {
    if (capture.finishing) return;
    capture.finishing = true;
    const rate = capture.context.sampleRate;
    void (capture.tap?.finish() ?? Promise.resolve())
      .then(() => {
        if (current === capture) current = null;
        release(capture);
        const samples = concatSamples(capture.blocks).subarray(0, capture.limit);
        const pcm = downsample(samples, rate, WAV_SAMPLE_RATE);
        const blob = new Blob([encodeWav(pcm, WAV_SAMPLE_RATE)], { type: WAV_CONTENT_TYPE });
        router.stopped({
          path: URL.createObjectURL(blob),
          durationMs: Math.round((pcm.length / WAV_SAMPLE_RATE) * 1000),
        });
      })
      .catch(() => fail(capture, RECORD_FAILED_MESSAGE));
  };

  const record = async (session: number, stream: MediaStream, maxMs: number) => {
    const Context = audioContextClass() as AudioContextClass;
    const context = new Context();
    const capture: Capture = {
      session,
      stream,
      context,
      tap: null,
      blocks: [],
      collected: 0,
      limit: samplesFor(maxMs, context.sampleRate),
      timer: setTimeout(() => finish(capture), maxMs + 250),
      finishing: false,
    };
    current = capture;
    const onBlock = (block: Float32Array) => {
      if (capture.collected >= capture.limit) return;
      capture.blocks.push(block);
      capture.collected += block.length;
      if (capture.collected >= capture.limit) finish(capture);
    };
    try {
      if (context.state === 'suspended') await context.resume();
      const source = context.createMediaStreamSource(stream);
      capture.tap =
        context.audioWorklet && typeof AudioWorkletNode !== 'undefined'
          ? await workletTap(context, source, onBlock).catch(() => scriptProcessorTap(context, source, onBlock))
          : scriptProcessorTap(context, source, onBlock);
      // Released while the tap was being set up.
      if (current !== capture) release(capture);
    } catch {
      fail(capture, RECORD_FAILED_MESSAGE);
    }
  };

  const begin = (session: number, maxMs: number) => {
    if (!h5CanRecord()) {
      router.failed(NO_RECORDER_MESSAGE);
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } })
      .then((stream) => {
        // Released while the browser asked for the microphone: no recording this time.
        if (!router.mayStart(session)) {
          stream.getTracks().forEach((track) => track.stop());
          return;
        }
        void record(session, stream, maxMs);
      })
      .catch((error: { name?: string }) => {
        if (session === router.active) router.failed(recorderErrorMessage(error?.name));
      });
  };

  return {
    transcribes: false,
    start: (session, maxMs) => router.whenIdle(session, () => begin(session, Math.min(maxMs, H5_MAX_MS))),
    stop: (session) => {
      if (!router.requestStop(session) || current?.session !== session) return;
      finish(current);
    },
    listen: (listener) => router.listen(listener),
  };
}

let instance: RecorderBackend | null = null;

/** One recorder for the page's lifetime (the router keeps presses apart). */
export function createH5Recorder(): RecorderBackend {
  if (!instance) instance = createRecorder();
  return instance;
}

/** For tests. */
export function resetH5Recorder(): void {
  instance = null;
}
