import { encodeWav, toInt16, wavDurationMs } from './wav';

const ascii = (view: DataView, from: number, to: number) =>
  Array.from({ length: to - from }, (_unused, index) => String.fromCharCode(view.getUint8(from + index))).join('');

describe('encodeWav', () => {
  it('writes exactly the bytes of a 16 kHz mono 16-bit PCM WAV', () => {
    const bytes = Array.from(new Uint8Array(encodeWav(new Float32Array([0, 1, -1, 0.5]))));
    const expected = [
      [0x52, 0x49, 0x46, 0x46], // RIFF
      [44, 0, 0, 0], // 36 + 8 data bytes
      [0x57, 0x41, 0x56, 0x45], // WAVE
      [0x66, 0x6d, 0x74, 0x20], // "fmt "
      [16, 0, 0, 0], // fmt chunk size
      [1, 0], // PCM
      [1, 0], // mono
      [0x80, 0x3e, 0, 0], // 16000 Hz
      [0x00, 0x7d, 0, 0], // 32000 bytes a second
      [2, 0], // block align
      [16, 0], // bits per sample
      [0x64, 0x61, 0x74, 0x61], // data
      [8, 0, 0, 0], // data size
      [0x00, 0x00], // 0
      [0xff, 0x7f], // 32767
      [0x00, 0x80], // -32768
      [0x00, 0x40], // 16384 (0.5 × 32767 rounded)
    ].flat();
    expect(bytes).toEqual(expected);
  });

  it('reads back as RIFF … WAVE with the header fields ASR checks', () => {
    const view = new DataView(encodeWav(new Float32Array(16_000)));
    expect(ascii(view, 0, 4)).toBe('RIFF');
    expect(ascii(view, 8, 12)).toBe('WAVE');
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(24, true)).toBe(16000);
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(40, true)).toBe(32_000);
    expect(view.byteLength).toBe(44 + 32_000);
    expect(wavDurationMs(view.byteLength)).toBe(1000);
  });

  it('clamps what lies outside −1…1 and writes silence for NaN', () => {
    expect([toInt16(2), toInt16(-3), toInt16(Number.NaN), toInt16(-0.5)]).toEqual([32767, -32768, 0, -16384]);
  });

  it('writes another sample rate into both rate fields', () => {
    const view = new DataView(encodeWav(new Float32Array(2), 8_000));
    expect(view.getUint32(24, true)).toBe(8000);
    expect(view.getUint32(28, true)).toBe(16000);
  });
});
