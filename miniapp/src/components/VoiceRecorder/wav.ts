/**
 * 16-bit PCM WAV encoding for the H5 recorder: Tencent ASR 一句话识别 takes 16 kHz mono PCM WAV (and
 * no WebM), the server's sniffer knows it by its RIFF…WAVE header, and every tool can play it
 * (≈ 1.9 MB a minute). Pure: samples in, bytes out.
 */
export const WAV_SAMPLE_RATE = 16_000;
export const WAV_HEADER_BYTES = 44;
export const WAV_CONTENT_TYPE = 'audio/wav';

function writeAscii(view: DataView, offset: number, text: string): void {
  for (let index = 0; index < text.length; index += 1) view.setUint8(offset + index, text.charCodeAt(index));
}

/** A float sample (−1…1, clamped) as a signed 16-bit integer: −1 → −32768, 1 → 32767. */
export function toInt16(sample: number): number {
  const clamped = Number.isNaN(sample) ? 0 : Math.max(-1, Math.min(1, sample));
  return clamped < 0 ? Math.round(clamped * 0x8000) : Math.round(clamped * 0x7fff);
}

/** Mono float samples (−1…1) → a WAV file's bytes: the 44-byte RIFF header, then little-endian 16-bit PCM. */
export function encodeWav(samples: Float32Array, sampleRate: number = WAV_SAMPLE_RATE): ArrayBuffer {
  const bytesPerSample = 2;
  const dataSize = samples.length * bytesPerSample;
  const buffer = new ArrayBuffer(WAV_HEADER_BYTES + dataSize);
  const view = new DataView(buffer);
  writeAscii(view, 0, 'RIFF');
  view.setUint32(4, 36 + dataSize, true);
  writeAscii(view, 8, 'WAVE');
  writeAscii(view, 12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * bytesPerSample, true); // byte rate
  view.setUint16(32, bytesPerSample, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  writeAscii(view, 36, 'data');
  view.setUint32(40, dataSize, true);
  let offset = WAV_HEADER_BYTES;
  for (const sample of samples) {
    view.setInt16(offset, toInt16(sample), true);
    offset += bytesPerSample;
  }
  return buffer;
}

/** Seconds of sound in a WAV this module wrote. */
export const wavDurationMs = (byteLength: number, sampleRate: number = WAV_SAMPLE_RATE): number =>
  Math.round(((byteLength - WAV_HEADER_BYTES) / 2 / sampleRate) * 1000);
