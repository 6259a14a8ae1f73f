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

/** The server's health and this API's own description, for machines and for people: all public. */
export const systemRoutes = {
  health: defineRoute({
    ...common,
    method: 'get',
    path: '/healthz',
    root: true,
    summary: '存活与数据库检查 / Liveness and database check',
    description: 'Who: public. Liveness and database check',
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
  docs: defineRoute({
    ...common,
    method: 'get',
    path: '/docs',
    summary:
      '接口文档（网页）/ This document as a page to read: the routes by tag, who may call each, its parameters, the names of its schemas and its errors',
    responses: [
      {
        status: 200,
        description: 'HTML（无脚本，不加载外部资源）',
        content: { kind: 'binary', mediaTypes: ['text/html'] },
      },
    ],
  }),
};
