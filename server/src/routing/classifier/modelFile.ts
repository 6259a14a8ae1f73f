import type { TokenizerOptions } from './tokenizer';

/**
 * The JSON file a trained classifier is saved as. Large arrays are base64 so that the model
 * is not a list of decimals several times its size; weights are 8-bit integers times a scale
 * per feature (the feature's largest weight maps to ±127), which keeps the file small enough
 * to commit (~3.5 MB for 60,000 features × 29 categories) and changes no measured accuracy.
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
  /** How many times a report title's features count. */
  titleRepeat: number;
  features: string[];
  /** Float32 little-endian, one per feature. */
  idf: string;
  /** Int8, feature-major (feature · labels + label); true weight = value · featureScales[feature]. */
  weights: string;
  /** Float32 little-endian, one per feature. */
  featureScales: string;
  bias: number[];
  /** Softmax temperature: > 1 spreads probability, making the confidence less extreme. */
  temperature: number;
}

export class ClassifierFormatError extends Error {
  override readonly name = 'ClassifierFormatError';
}

/** Rejects anything that is not a classifier file this code can read, saying why. */
export function checkClassifierFile(value: unknown): ClassifierFile {
  if (typeof value !== 'object' || value === null)
    throw new ClassifierFormatError('classifier file: not a JSON object');
  const file = value as Partial<ClassifierFile>;
  if (file.format !== FILE_FORMAT) {
    throw new ClassifierFormatError(
      `classifier file: format is ${JSON.stringify(file.format)}, expected "${FILE_FORMAT}"`,
    );
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
    typeof file.featureScales === 'string' &&
    Array.isArray(file.bias) &&
    file.bias.length === file.labels.length &&
    typeof file.temperature === 'number' &&
    typeof file.titleRepeat === 'number' &&
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
  /** Feature-major, `classes` values per feature. */
  values: Int8Array;
  /** One scale per feature. */
  scales: Float32Array;
}

/** Per feature, the largest absolute weight maps to ±127: rare features keep their precision too. */
export function quantizeWeights(weights: Float32Array, classes: number): QuantizedWeights {
  const features = weights.length / classes;
  const values = new Int8Array(weights.length);
  const scales = new Float32Array(features);
  for (let feature = 0; feature < features; feature += 1) {
    const row = feature * classes;
    let largest = 0;
    for (let k = 0; k < classes; k += 1) largest = Math.max(largest, Math.abs(weights[row + k]));
    const scale = largest > 0 ? largest / 127 : 1;
    scales[feature] = scale;
    for (let k = 0; k < classes; k += 1) values[row + k] = Math.round(weights[row + k] / scale);
  }
  return { values, scales };
}

export function dequantizeWeights({ values, scales }: QuantizedWeights): Float32Array {
  const classes = values.length / Math.max(scales.length, 1);
  return Float32Array.from(values, (value, index) => value * scales[Math.floor(index / classes)]);
}

export function encodeInt8(values: Int8Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

export function decodeInt8(encoded: string, expectedLength: number): Int8Array {
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length !== expectedLength)
    throw new ClassifierFormatError('classifier file: weights have the wrong length');
  return new Int8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
