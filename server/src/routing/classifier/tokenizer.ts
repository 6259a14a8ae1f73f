import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/**
 * Turns a report into the string features the model weighs: jieba words and character
 * 1–3-grams (word bigrams optional). Words carry meaning ("低保", "电线杆"); character n-grams
 * survive what the dictionary lacks — dialect ("屋头"), typos and voice transcripts without
 * punctuation — so the two together are robust for both county and village language.
 */

let segmenter: Jieba | null = null;

/** Loading the 5 MB dictionary takes ~0.2 s, so it happens once, on first use. */
function jieba(): Jieba {
  segmenter ??= Jieba.withDict(dict);
  return segmenter;
}

/**
 * Canonical form: full-width to half-width (NFKC), lower case, every digit run as "0" (ids,
 * dates and phone numbers say nothing about the department), whitespace runs as one space.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[0-9]+(?:\.[0-9]+)?/g, '0')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A character that can be part of a word: letters (Han included) and digits. */
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SEGMENT_SPLIT = /[^\p{L}\p{N}]+/u;

/**
 * Dictionary words of the normalised text, without punctuation or spaces. HMM guessing is
 * off: it invents words from unseen character pairs ("人管"), which the character n-grams
 * already cover, and keeps the word list a pure function of the dictionary.
 */
export function segmentWords(normalized: string): string[] {
  if (!normalized) return [];
  return jieba()
    .cut(normalized, false)
    .filter((word) => WORD_CHAR.test(word));
}

/** Character n-grams inside each run of letters and digits (punctuation breaks them). */
export function characterNgrams(normalized: string, sizes: readonly number[]): string[] {
  const grams: string[] = [];
  for (const run of normalized.split(SEGMENT_SPLIT)) {
    const chars = Array.from(run);
    for (const size of sizes) {
      for (let start = 0; start + size <= chars.length; start += 1)
        grams.push(chars.slice(start, start + size).join(''));
    }
  }
  return grams;
}

export interface TokenizerOptions {
  /** Character n-gram lengths. */
  charNgrams: readonly number[];
  /** Also pair neighbouring words ("电线 杆子"): phrases the words alone do not pin down. */
  wordBigrams: boolean;
}

/**
 * Measured by cross-validation on train.jsonl: single characters add ~2 points (short village
 * words like 电, 水, 猪); word bigrams add nothing once character trigrams are there, and cost
 * vocabulary room that single features use better. On one grouped 5-fold split (routing:eval
 * --cv's first) these options gave 0.881; word bigrams or character 1–4-grams, each with 80,000
 * features, 0.883 — one message in 445, within the noise — so the smaller model stays.
 */
export const DEFAULT_TOKENIZER_OPTIONS: TokenizerOptions = { charNgrams: [1, 2, 3], wordBigrams: false };

/**
 * All features of a text, with a prefix per family so that the word "停电" and the character
 * bigram "停电" are weighed separately. Repeats are kept: term frequency counts.
 */
export function tokenize(text: string, options: TokenizerOptions = DEFAULT_TOKENIZER_OPTIONS): string[] {
  const normalized = normalizeText(text);
  const words = segmentWords(normalized);
  const features = words.map((word) => `w:${word}`);
  if (options.wordBigrams) {
    for (let index = 1; index < words.length; index += 1) features.push(`b:${words[index - 1]}_${words[index]}`);
  }
  for (const gram of characterNgrams(normalized, options.charNgrams)) features.push(`c:${gram}`);
  return features;
}
