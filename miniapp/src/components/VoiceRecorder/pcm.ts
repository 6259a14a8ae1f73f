/**
 * Pure sample arithmetic for the H5 recorder: the browser records at its own rate (44.1 or 48 kHz),
 * Tencent ASR 一句话识别 wants 16 kHz mono. No browser API here, so it is tested with known samples.
 */

/** Several recorded blocks as one array, in order. */
export function concatSamples(blocks: readonly Float32Array[]): Float32Array {
  const length = blocks.reduce((sum, block) => sum + block.length, 0);
  const out = new Float32Array(length);
  let offset = 0;
  for (const block of blocks) {
    out.set(block, offset);
    offset += block.length;
  }
  return out;
}

/**
 * Lowers the sample rate by averaging the input samples that fall within each output sample's span
 * (a box filter: it removes most of what lies above the new Nyquist frequency, enough for speech).
 * Output sample i covers input positions [i·r, (i+1)·r) with r = fromRate / toRate; a partial input
 * sample at either edge counts for its share. The same rate returns a copy; raising it is refused.
 */
export function downsample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (!(fromRate > 0 && toRate > 0)) throw new RangeError('sample rates must be positive');
  if (toRate > fromRate) throw new RangeError(`cannot raise the sample rate from ${fromRate} to ${toRate}`);
  if (toRate === fromRate) return input.slice();
  const ratio = fromRate / toRate;
  const length = Math.floor(input.length / ratio);
  const out = new Float32Array(length);
  for (let index = 0; index < length; index += 1) {
    const start = index * ratio;
    const end = start + ratio;
    let sum = 0;
    let weight = 0;
    for (let position = Math.floor(start); position < end && position < input.length; position += 1) {
      const share = Math.min(end, position + 1) - Math.max(start, position);
      if (share <= 0) continue;
      sum += input[position] * share;
      weight += share;
    }
    out[index] = weight > 0 ? sum / weight : 0;
  }
  return out;
}

/** How many whole samples `ms` milliseconds hold at `rate` — the recorder keeps no more than the limit. */
export const samplesFor = (ms: number, rate: number): number => Math.floor((ms / 1000) * rate);
