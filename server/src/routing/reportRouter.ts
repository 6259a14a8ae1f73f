import type { Category, Department } from '../db/entities';
import type { ReferenceSnapshot } from '../db/referenceData';
import type { RoutingSuggestion } from '@minqing/shared';
import type { ClassifierInput, Prediction } from './classifier';
import { routeByCategory } from './defaultRouter';

/** What the router needs of a classifier: tests and the server pass the real one, or none. */
export interface CategoryPredictor {
  readonly version: string;
  predict(input: ClassifierInput): Prediction;
}

export type RouteReason = 'citizen_category' | 'classified' | 'low_confidence' | 'no_rule' | 'no_classifier';

export interface RouteDecision {
  category: Category | null;
  department: Department | null;
  reason: RouteReason;
  prediction: Prediction | null;
  suggestions: RoutingSuggestion[];
}

function suggestionsOf(reference: ReferenceSnapshot, prediction: Prediction, villageCode: string): RoutingSuggestion[] {
  return prediction.candidates.map((candidate) => {
    const category = reference.categories.get(candidate.categoryCode);
    const department = category ? routeByCategory(reference, category, villageCode) : null;
    return {
      categoryCode: candidate.categoryCode,
      confidence: candidate.confidence,
      departmentId: department?.id ?? null,
    };
  });
}

/**
 * Where a new report goes. A category the citizen chose is trusted; otherwise the classifier's
 * best guess is used only when it is confident — a wrong department must return the report and
 * the villager waits longer than triage would take — and when a rule or department places it.
 * Everything else waits for the township dispatcher with the top-three suggestions.
 */
export function decideRoute(props: {
  reference: ReferenceSnapshot;
  predictor: CategoryPredictor | null;
  threshold: number;
  chosenCategory: Category | null;
  villageCode: string;
  input: ClassifierInput;
}): RouteDecision {
  const { reference, predictor, threshold, chosenCategory, villageCode, input } = props;
  if (chosenCategory) {
    const department = routeByCategory(reference, chosenCategory, villageCode);
    return {
      category: chosenCategory,
      department,
      reason: department ? 'citizen_category' : 'no_rule',
      prediction: null,
      suggestions: [],
    };
  }
  if (!predictor || !(input.text || input.transcript || input.title)) {
    return { category: null, department: null, reason: 'no_classifier', prediction: null, suggestions: [] };
  }
  const prediction = predictor.predict(input);
  const suggestions = suggestionsOf(reference, prediction, villageCode);
  const predicted = reference.categories.get(prediction.categoryCode) ?? null;
  if (!predicted || predicted.disabled || prediction.confidence < threshold) {
    return { category: null, department: null, reason: 'low_confidence', prediction, suggestions };
  }
  const department = routeByCategory(reference, predicted, villageCode);
  if (!department) return { category: null, department: null, reason: 'no_rule', prediction, suggestions };
  return { category: predicted, department, reason: 'classified', prediction, suggestions };
}
