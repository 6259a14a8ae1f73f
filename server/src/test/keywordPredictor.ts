import type { Prediction } from '../routing/classifier';
import type { CategoryPredictor } from '../routing/reportRouter';

/**
 * A transparent stand-in for the trained classifier in routing tests: the outcome of each
 * text is obvious from the test itself. The real model is tested in routing/classifier.
 */
export function keywordPredictor(
  rules: { keyword: string; categoryCode: string; confidence: number }[],
): CategoryPredictor {
  return {
    version: 'keywords-for-tests',
    predict(input): Prediction {
      const text = [input.title, input.text, input.transcript].filter(Boolean).join(' ');
      const ranked = rules
        .map((rule) => ({
          categoryCode: rule.categoryCode,
          confidence: text.includes(rule.keyword) ? rule.confidence : (1 - rule.confidence) / 10,
        }))
        .sort((a, b) => b.confidence - a.confidence);
      return { categoryCode: ranked[0].categoryCode, confidence: ranked[0].confidence, candidates: ranked.slice(0, 3) };
    },
  };
}
