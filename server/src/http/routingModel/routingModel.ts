import Router from '@koa/router';
import { type ClassifierModelInfo, type ClassifierVersion, routingModelRoutes as routes } from '@minqing/shared';
import { ClassifierModelRow, RoutingExample } from '../../db/entities';
import { currentStaff } from '../../middleware/auth';
import { CategoryClassifier, routingThreshold } from '../../routing/classifier';
import { nextRetrainAt, retrainScheduleOf } from '../../routing/retraining';
import { type ApiRouter, implement } from '../implement';

const HISTORY_SIZE = 30;

/** GET /staff/routing/model: the classifier in use, its threshold and the retraining history. */
export function routingModelRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.info, async (ctx) => {
    currentStaff(ctx);
    const { dataSource, classifier, config } = ctx.deps;
    const reference = await ctx.deps.reference.snapshot();
    const nameOf = (code: string) => reference.categories.get(code)?.name ?? code;
    const rows = await dataSource
      .getRepository(ClassifierModelRow)
      .find({ order: { trainedAt: 'DESC', id: 'DESC' }, take: HISTORY_SIZE });
    const history: ClassifierVersion[] = rows.map((row) => ({
      version: row.version,
      trainedAt: row.trainedAt.toISOString(),
      accuracy: row.accuracy,
      previousAccuracy: row.previousAccuracy,
      examples: row.examples,
      corrections: row.corrections,
      validationSize: row.validationSize,
      kept: row.kept,
      changes: row.changes.map((change) => ({ ...change, categoryName: nameOf(change.categoryCode) })),
      note: row.note,
    }));
    const predictor = classifier.predictor;
    const file = predictor instanceof CategoryClassifier ? predictor.toJSON() : null;
    const retrained = predictor
      ? history.find((entry) => entry.kept && entry.version === predictor.version)
      : undefined;
    const schedule = retrainScheduleOf(config.routing);
    const body: ClassifierModelInfo = {
      version: predictor?.version ?? null,
      trainedAt: retrained?.trainedAt ?? file?.trainedAt ?? null,
      source: retrained ? 'retrained' : predictor ? 'shipped' : 'none',
      accuracy: retrained?.accuracy ?? null,
      examples:
        retrained?.examples ??
        (file ? Object.values(file.examplesPerLabel).reduce((sum, count) => sum + count, 0) : null),
      changes: retrained?.changes ?? [],
      threshold: routingThreshold(config.routing),
      corrections: await dataSource.getRepository(RoutingExample).count(),
      nextRetrainAt: nextRetrainAt(ctx.deps.clock(), schedule, rows[0]?.trainedAt ?? null)?.toISOString() ?? null,
      history,
    };
    return body;
  });

  return router;
}
