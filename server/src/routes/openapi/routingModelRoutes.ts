import type { z } from 'zod';
import { ClassifierModelInfoSchema } from '@minqing/shared';
import type { ApiResponse, ApiRoute, NamedSchema } from './apiDocument';

// Local builders: apiDocument.ts imports this table, so this module cannot import values from it.
const named = (name: string, schema: z.ZodType): NamedSchema => ({ name, schema });
const ok = (schema: NamedSchema): ApiResponse => ({
  status: 200,
  description: 'OK',
  content: { kind: 'json', schema },
});

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
