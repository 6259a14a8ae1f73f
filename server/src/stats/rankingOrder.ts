import type { StatFigures } from '@minqing/shared';

/**
 * How the public ranking orders departments (and townships, counties): by a composite score
 * of the promises a department keeps, most weight on what citizens say.
 *
 *   score = 100 × Σ wᵢ·rateᵢ / Σ wᵢ   over the rates that exist (not null)
 *   满意率 0.4 · 按时办结率 0.3 · 响应率 0.2 · 办结率 0.1
 *
 * A rate with no denominator (nothing resolved or rated yet) is left out and the others carry
 * its weight, rather than counting as 0 % (unfair) or 100 % (flattering). Response and resolved
 * rates exist whenever something was received, so a score exists exactly then; an entry with
 * returns but nothing received has no score and is listed last. Ties: more received first
 * (a full record outweighs a lucky small one), then name, then id.
 */
export const SCORE_WEIGHTS: readonly (readonly [
  'satisfactionRate' | 'onTimeRate' | 'responseRate' | 'resolvedRate',
  number,
])[] = [
  ['satisfactionRate', 0.4],
  ['onTimeRate', 0.3],
  ['responseRate', 0.2],
  ['resolvedRate', 0.1],
];

export function compositeScore(figures: StatFigures): number | null {
  let weighted = 0;
  let weights = 0;
  for (const [name, weight] of SCORE_WEIGHTS) {
    const rate = figures[name];
    if (rate === null) continue;
    weighted += weight * rate;
    weights += weight;
  }
  // One decimal: a difference smaller than that should not decide a public rank.
  return weights === 0 ? null : Math.round((1000 * weighted) / weights) / 10;
}

export type Ranked<T> = T & { rank: number; score: number | null };

/** Orders and numbers entries; `idOf` breaks the last ties so the order never depends on the database. */
export function rankEntries<T extends StatFigures & { name: string }>(
  entries: readonly T[],
  idOf: (entry: T) => string,
): Ranked<T>[] {
  const scored = entries.map((entry) => ({ ...entry, score: compositeScore(entry) }));
  scored.sort(
    (left, right) =>
      (right.score ?? -1) - (left.score ?? -1) ||
      right.received - left.received ||
      left.name.localeCompare(right.name, 'zh-CN') ||
      (idOf(left) < idOf(right) ? -1 : idOf(left) > idOf(right) ? 1 : 0),
  );
  return scored.map((entry, index) => ({ ...entry, rank: index + 1 }));
}

/** RANKING_MIN_RECEIVED unless set: fewer reports than this in the period and an entry is not ranked. */
export const DEFAULT_RANKING_MIN_RECEIVED = 5;

/**
 * 样本不足: with one or two reports a single late answer swings every rate between 0 % and
 * 100 %, so a department could top or bottom the table by chance. Entries that received fewer
 * than `minReceived` reports are listed apart, most received first, without a rank or a score;
 * the others are ranked among themselves.
 */
export function rankWithMinimum<T extends StatFigures & { name: string }>(
  entries: readonly T[],
  idOf: (entry: T) => string,
  minReceived: number,
) {
  const insufficient = entries
    .filter((entry) => entry.received < minReceived)
    .sort(
      (left, right) =>
        right.received - left.received ||
        right.returns - left.returns ||
        left.name.localeCompare(right.name, 'zh-CN') ||
        (idOf(left) < idOf(right) ? -1 : 1),
    );
  return {
    ranked: rankEntries(
      entries.filter((entry) => entry.received >= minReceived),
      idOf,
    ),
    insufficient,
  };
}
