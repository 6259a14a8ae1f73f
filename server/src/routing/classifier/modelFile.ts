import type { TokenizerOptions } from './tokenizer';

/**
 * The JSON file a trained classifier is saved as. Large arrays are base64 so that a 2 MB
 * model is not a 10 MB list of decimals; weights are 16-bit integers times one scale, which
 * loses nothing that changes a prediction and halves the file again.
 */
export const FILE_FORMAT = 'minqing-classifier';
export const FILE_FORMAT_VERSION = 1;

export interface ClassifierFile {
  format: typeof FILE_FORMAT;
  formatVersion: typeof FILE_FORMAT_VERSION;
  /** `<training time ISO>#<hash of the parameters>`, stored with each routed report. */
  version: string;
  trainedAt: string;
  labels: string[];
  /** How many training examples each label had: shown by train, useful when a label is weak. */
  examplesPerLabel: Record<string, number>;
  tokenizer: TokenizerOptions;
  features: string[];
  /** Float32 little-endian, one per feature. */
  idf: string;
  /** Int16 little-endian, feature-major (feature · labels + label); true weight = value · weightScale. */
  weights: string;
  weightScale: number;
  bias: number[];
  /** Softmax temperature: > 1 spreads probability, making the confidence less extreme. */
  temperature: number;
}

export class ClassifierFormatError extends Error {
  override readonly name = 'ClassifierFormatError';
}

/** Rejects anything that is not a classifier file this code can read, saying why. */
export function checkClassifierFile(value: unknown): ClassifierFile {
  if (typeof value !== 'object' || value === null) throw new ClassifierFormatError('classifier file: not a JSON object');
  const file = value as Partial<ClassifierFile>;
  if (file.format !== FILE_FORMAT) {
    throw new ClassifierFormatError(`classifier file: format is ${JSON.stringify(file.format)}, expected "${FILE_FORMAT}"`);
  }
  if (file.formatVersion !== FILE_FORMAT_VERSION) {
    throw new ClassifierFormatError(
      `classifier file: formatVersion ${JSON.stringify(file.formatVersion)} is not supported (this code reads version ${FILE_FORMAT_VERSION}); retrain with routing:train`,
    );
  }
  const complete =
    typeof file.version === 'string' &&
    Array.isArray(file.labels) &&
    Array.isArray(file.features) &&
    typeof file.idf === 'string' &&
    typeof file.weights === 'string' &&
    typeof file.weightScale === 'number' &&
    Array.isArray(file.bias) &&
    file.bias.length === file.labels.length &&
    typeof file.temperature === 'number' &&
    typeof file.tokenizer === 'object' &&
    file.tokenizer !== null;
  if (!complete) throw new ClassifierFormatError('classifier file: a required field is missing or malformed');
  return file as ClassifierFile;
}

export function encodeFloat32(values: Float32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

export function decodeFloat32(encoded: string, expectedLength: number): Float32Array {
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length !== expectedLength * 4) throw new ClassifierFormatError('classifier file: idf has the wrong length');
  const values = new Float32Array(expectedLength);
  for (let index = 0; index < expectedLength; index += 1) values[index] = bytes.readFloatLE(index * 4);
  return values;
}

export interface QuantizedWeights {
  values: Int16Array;
  scale: number;
}

/** One scale for the whole matrix: the largest weight maps to ±32767. */
export function quantizeWeights(weights: Float32Array): QuantizedWeights {
  let largest = 0;
  for (const weight of weights) largest = Math.max(largest, Math.abs(weight));
  const scale = largest > 0 ? largest / 32767 : 1;
  const values = new Int16Array(weights.length);
  for (let index = 0; index < weights.length; index += 1) values[index] = Math.round(weights[index] / scale);
  return { values, scale };
}

export function dequantizeWeights({ values, scale }: QuantizedWeights): Float32Array {
  return Float32Array.from(values, (value) => value * scale);
}

export function encodeInt16(values: Int16Array): string {
  const bytes = Buffer.alloc(values.length * 2);
  for (let index = 0; index < values.length; index += 1) bytes.writeInt16LE(values[index], index * 2);
  return bytes.toString('base64');
}

export function decodeInt16(encoded: string, expectedLength: number): Int16Array {
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length !== expectedLength * 2) throw new ClassifierFormatError('classifier file: weights have the wrong length');
  const values = new Int16Array(expectedLength);
  for (let index = 0; index < expectedLength; index += 1) values[index] = bytes.readInt16LE(index * 2);
  return values;
}
