import { encodeWav } from './wav';

const ascii = (view: DataView, from: number, to: number) =>
  Array.from({ length: to - from }, (_unused, index) => String.fromCharCode(view.getUint8(from + index))).join('');

describe('encodeWav', () => {
  it('writes a 16 kHz mono 16-bit PCM WAV the server recognises (RIFF … WAVE)', () => {
    const view = new DataView(encodeWav(new Float32Array([0, 1, -1, 0.5])));
    expect(ascii(view, 0, 4)).toBe('RIFF');
    expect(ascii(view, 8, 12)).toBe('WAVE');
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(24, true)).toBe(16000);
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(40, true)).toBe(8);
    expect([view.getInt16(44, true), view.getInt16(46, true), view.getInt16(48, true)]).toEqual([0, 32767, -32768]);
    expect(view.byteLength).toBe(44 + 8);
  });
});
