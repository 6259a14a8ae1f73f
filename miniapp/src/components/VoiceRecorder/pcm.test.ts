import { concatSamples, downsample, samplesFor } from './pcm';

describe('downsample', () => {
  it('48 kHz → 16 kHz averages each group of three samples', () => {
    const input = new Float32Array([0.3, 0.6, 0.9, -0.3, -0.6, -0.9, 1, 1, 1]);
    expect(Array.from(downsample(input, 48_000, 16_000))).toEqual([
      expect.closeTo(0.6, 6),
      expect.closeTo(-0.6, 6),
      expect.closeTo(1, 6),
    ]);
  });

  it('drops an incomplete last group rather than inventing a sample', () => {
    expect(downsample(new Float32Array([0.3, 0.3, 0.3, 0.9, 0.9]), 48_000, 16_000)).toHaveLength(1);
  });

  it('44.1 kHz → 16 kHz weighs the input sample split between two outputs by its share', () => {
    // r = 2.75625: output 0 takes samples 0, 1 and 0.75625 of sample 2.
    const input = new Float32Array([1, 1, 0, 0, 0, 0]);
    const [first, second] = Array.from(downsample(input, 44_100, 16_000));
    expect(first).toBeCloseTo(2 / 2.75625, 6);
    expect(second).toBe(0);
    expect(downsample(new Float32Array(44_100), 44_100, 16_000)).toHaveLength(16_000);
  });

  it('a one-second 48 kHz tone becomes exactly 16 000 samples, its level kept', () => {
    const tone = Float32Array.from({ length: 48_000 }, (_unused, index) =>
      Math.sin((2 * Math.PI * 440 * index) / 48_000),
    );
    const out = downsample(tone, 48_000, 16_000);
    expect(out).toHaveLength(16_000);
    const peak = out.reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
    expect(peak).toBeGreaterThan(0.9);
    expect(peak).toBeLessThanOrEqual(1);
  });

  it('the same rate copies; a higher target rate is refused', () => {
    const input = new Float32Array([0.5, -0.5]);
    const copy = downsample(input, 16_000, 16_000);
    expect(Array.from(copy)).toEqual([0.5, -0.5]);
    expect(copy).not.toBe(input);
    expect(() => downsample(input, 8_000, 16_000)).toThrow(RangeError);
    expect(() => downsample(input, 0, 16_000)).toThrow(RangeError);
  });
});

describe('concatSamples and samplesFor', () => {
  it('joins blocks in order', () => {
    const joined = concatSamples([new Float32Array([1, 2]), new Float32Array([]), new Float32Array([3])]);
    expect(Array.from(joined)).toEqual([1, 2, 3]);
  });

  it('60 s at 48 kHz is 2 880 000 samples; at 16 kHz 960 000', () => {
    expect(samplesFor(60_000, 48_000)).toBe(2_880_000);
    expect(samplesFor(60_000, 16_000)).toBe(960_000);
  });
});
