/**
 * Where the sound comes from, behind one small interface (recorderSession.ts), one file per platform:
 *  - WeChat (weappRecorder.ts): WechatSI's recognition manager, else RecorderManager mp3 16 kHz mono;
 *  - H5 (h5Recorder.ts): Web Audio, downsampled to a 16 kHz mono 16-bit PCM WAV.
 * Every format is one Tencent ASR 一句话识别 takes, so a voice-only report can be transcribed.
 */
import { createH5Recorder, resetH5Recorder } from './h5Recorder';
import type { RecorderBackend } from './recorderSession';
import { createWeappRecorder, resetWeappRecorders } from './weappRecorder';

export {
  MIC_DENIED_MESSAGE,
  NO_RECORDER_MESSAGE,
  READY_MESSAGE,
  RECORD_FAILED_MESSAGE,
  type RecordedClip,
  type RecorderBackend,
  type RecorderListener,
  SessionRouter,
  recorderErrorMessage,
} from './recorderSession';
export { MP3_OPTIONS, loadWechatSI } from './weappRecorder';

/** The recorder for this platform. */
export function createRecorderBackend(): RecorderBackend {
  return process.env.TARO_ENV === 'h5' ? createH5Recorder() : createWeappRecorder();
}

/** For tests: forget the singletons so each test wires fresh mocks. */
export function resetRecorderBackends(): void {
  resetWeappRecorders();
  resetH5Recorder();
}
