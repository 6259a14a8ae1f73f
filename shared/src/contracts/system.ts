import { z } from 'zod';
import { HealthSchema } from '../schemas/common';
import { defineRoute, named, ok } from './route';

const OpenApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

const health = named('Health', HealthSchema);
const common = { tags: ['system'], access: 'public', errors: [] } as const;

/** The server's health and this API's own description: public. */
export const systemRoutes = {
  health: defineRoute({
    ...common,
    method: 'get',
    path: '/healthz',
    root: true,
    summary: '存活与数据库检查 / Liveness and database check',
    responses: [
      ok(health),
      { status: 503, description: '数据库不可用 / Database unreachable', content: { kind: 'json', schema: health } },
    ],
  }),
  openApi: defineRoute({
    ...common,
    method: 'get',
    path: '/openapi.json',
    summary: '本接口文档 / This OpenAPI document',
    responses: [ok(named('OpenApiDocument', OpenApiDocumentSchema))],
  }),
};
