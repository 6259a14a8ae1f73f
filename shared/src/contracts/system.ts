import { z } from 'zod';
import { defineRoute, named, ok } from './route';

const OpenApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

/** This API's own description. (GET /healthz lives outside /api/v1 and is described by the server.) */
export const systemRoutes = {
  openApi: defineRoute({
    method: 'get',
    path: '/openapi.json',
    summary: '本接口文档 / This OpenAPI document',
    tags: ['system'],
    access: 'public',
    responses: [ok(named('OpenApiDocument', OpenApiDocumentSchema))],
    errors: [],
  }),
};
