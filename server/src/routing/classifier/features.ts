/**
 * TF-IDF vectors over a fixed vocabulary. Sublinear term frequency (1 + ln tf) keeps a long
 * complaint that repeats "噪音" ten times from drowning its other words, IDF discounts words
 * every report uses ("反映", "请"), and L2 normalisation puts a one-line voice transcript and
 * a 500-character letter on the same scale.
 */

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export interface VocabularyOptions {
  /** Features seen in fewer training documents are dropped: mostly names, typos and noise. */
  minDocumentFrequency: number;
  /** Upper bound on the vocabulary, keeping the most frequent: bounds model size. */
  maxFeatures: number;
}

export class FeatureSpace {
  private readonly indexByFeature: Map<string, number>;

  constructor(
    readonly features: readonly string[],
    readonly idf: Float32Array,
  ) {
    this.indexByFeature = new Map(features.map((feature, index) => [feature, index]));
  }

  get size(): number {
    return this.features.length;
  }

  /** Builds the vocabulary and IDF weights from tokenised training documents. */
  static fit(documents: readonly (readonly string[])[], options: VocabularyOptions): FeatureSpace {
    const documentFrequency = new Map<string, number>();
    for (const tokens of documents) {
      for (const feature of new Set(tokens)) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
    }
    const kept = [...documentFrequency.entries()].filter(([, count]) => count >= options.minDocumentFrequency);
    // Most frequent first, ties by the feature itself, so the vocabulary is deterministic.
    kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const chosen = kept.slice(0, options.maxFeatures);
    const total = documents.length;
    const idf = Float32Array.from(chosen, ([, count]) => Math.log((1 + total) / (1 + count)) + 1);
    return new FeatureSpace(
      chosen.map(([feature]) => feature),
      idf,
    );
  }

  /** The document as a unit-length TF-IDF vector; unknown features are ignored. */
  vectorize(tokens: readonly string[]): SparseVector {
    const counts = new Map<number, number>();
    for (const token of tokens) {
      const index = this.indexByFeature.get(token);
      if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    const indices = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
    const values = new Float32Array(indices.length);
    let squaredNorm = 0;
    for (let position = 0; position < indices.length; position += 1) {
      const index = indices[position];
      const weight = (1 + Math.log(counts.get(index) ?? 1)) * this.idf[index];
      values[position] = weight;
      squaredNorm += weight * weight;
    }
    const norm = Math.sqrt(squaredNorm);
    if (norm > 0) for (let position = 0; position < values.length; position += 1) values[position] /= norm;
    return { indices, values };
  }
}
