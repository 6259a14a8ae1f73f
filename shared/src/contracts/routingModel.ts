import { ClassifierModelInfoSchema } from '../schemas/routing';
import { defineRoute, named, ok } from './route';

/** 分派模型: the routing classifier in use and its nightly retraining from dispatchers' corrections. */
export const routingModelRoutes = {
  info: defineRoute({
    method: 'get',
    path: '/staff/routing/model',
    summary:
      '分派模型 / The classifier in use (version, accuracy on the fixed validation split, per-category changes), the routing threshold and the retraining history',
    tags: ['routing'],
    access: 'staff',
    policy: 'routing_model',
    responses: [ok(named('ClassifierModelInfo', ClassifierModelInfoSchema))],
    errors: [401, 403],
  }),
};
