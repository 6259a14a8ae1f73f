import { named, ok } from '@minqing/shared';
import { ClassifierModelInfoSchema } from '@minqing/shared';
import type { ApiRoute } from './apiDocument';

/** 分派模型: the routing classifier in use and its nightly retraining from dispatchers' corrections. */
export const routingModelRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/staff/routing/model',
    summary:
      '分派模型 / The classifier in use (version, accuracy on the fixed validation split, per-category changes), the routing threshold and the retraining history',
    tags: ['routing'],
    access: 'staff',
    responses: [ok(named('ClassifierModelInfo', ClassifierModelInfoSchema))],
    errors: [401, 403],
  },
];
