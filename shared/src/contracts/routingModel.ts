import { ClassifierModelInfoSchema } from '../schemas/routing';
import { defineRoute, named, ok } from './route';

/** 分派模型: the routing classifier in use and its nightly retraining from dispatchers' corrections. */
export const routingModelRoutes = {
  info: defineRoute({
    method: 'get',
    path: '/staff/routing/model',
    summary:
      '分派模型 / The classifier in use (version, accuracy on the fixed validation split, per-category changes), the routing threshold and the retraining history',
    description:
      'Who: dispatcher, county, sysadmin. The classifier in use: `{version, trainedAt, source: shipped|retrained|none, accuracy, examples, changes: [{categoryCode, categoryName, n, before, after}], threshold, corrections, nextRetrainAt, history: [{version, trainedAt, accuracy, previousAccuracy, examples, corrections, validationSize, kept, changes, note}]}` (history newest first, 30 at most)',
    tags: ['routing'],
    access: 'staff',
    policy: 'routing_model',
    responses: [ok(named('ClassifierModelInfo', ClassifierModelInfoSchema))],
    errors: [401, 403],
  }),
};
