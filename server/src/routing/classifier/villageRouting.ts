import { createDataSource } from '../../db/dataSource';
import { Category, Department, Region } from '../../db/entities';
import { ReferenceData, type ReferenceSnapshot } from '../../db/referenceData';
import { demoCategories } from '../../db/seed/categories';
import { demoDepartments } from '../../db/seed/departments';
import { insertMissing } from '../../db/seed/insertMissing';
import { DEMO_REGIONS, demoRegions } from '../../db/seed/regions';
import { type CategoryPredictor, decideRoute } from '../reportRouter';
import type { ConfidenceOutcome } from './calibration';

/**
 * Village concerns routed as the API routes a report without a category (decideRoute, the
 * function reportSubmitter calls): the demo county's regions, departments and categories in
 * an in-memory database, a villager of 城关镇's first village, the classifier and a threshold.
 * A concern counts as right when the department chosen is of the concern's kind.
 */

export interface VillageConcern {
  text: string;
  kind: string;
}

export interface VillageRoute {
  kind: string;
  /** The kind of the department routing would choose if the threshold let it; null: no department. */
  departmentKind: string | null;
  departmentName: string | null;
  confidence: number;
}

export interface VillageRouteShares {
  n: number;
  right: number;
  wrong: number;
  triage: number;
  threshold: number;
}

/** The demo county's reference data, as the server holds it after `seedDemo`. */
export async function demoReference(): Promise<ReferenceSnapshot> {
  const dataSource = createDataSource('sqlite::memory:');
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'all' });
    await dataSource.transaction(async (manager) => {
      await insertMissing(manager, Region, 'code', demoRegions());
      await insertMissing(manager, Department, 'id', demoDepartments());
      await insertMissing(manager, Category, 'code', demoCategories());
    });
    return await new ReferenceData(dataSource, 0).snapshot();
  } finally {
    await dataSource.destroy();
  }
}

/** Where each concern would go at threshold 0: what the threshold then holds back is read off `confidence`. */
export function routeVillageConcerns(
  reference: ReferenceSnapshot,
  predictor: CategoryPredictor,
  concerns: readonly VillageConcern[],
  villageCode: string = DEMO_REGIONS.chengguanVillage,
): VillageRoute[] {
  return concerns.map((concern) => {
    const decision = decideRoute({
      reference,
      predictor,
      threshold: 0,
      chosenCategory: null,
      villageCode,
      input: { text: concern.text },
    });
    return {
      kind: concern.kind,
      departmentKind: decision.department?.kind ?? null,
      departmentName: decision.department?.name ?? null,
      confidence: decision.prediction?.confidence ?? 0,
    };
  });
}

/** Shares sent straight to a department of the right kind, to a wrong one, and left to triage. */
export function villageRouteShares(routes: readonly VillageRoute[], threshold: number): VillageRouteShares {
  let right = 0;
  let wrong = 0;
  for (const route of routes) {
    if (route.departmentKind === null || route.confidence < threshold) continue;
    if (route.departmentKind === route.kind) right += 1;
    else wrong += 1;
  }
  const n = routes.length;
  const share = (count: number) => (n ? count / n : 0);
  return { n, right: share(right), wrong: share(wrong), triage: share(n - right - wrong), threshold };
}

/** Confidence against "the department would be of the right kind", for the village calibration error. */
export function villageConfidenceOutcomes(routes: readonly VillageRoute[]): ConfidenceOutcome[] {
  return routes.map((route) => ({ confidence: route.confidence, correct: route.departmentKind === route.kind }));
}
