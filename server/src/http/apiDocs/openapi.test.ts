import Router from '@koa/router';
import { API_CONTRACTS, REGION_LEVELS, SERVICE_CODES } from '@minqing/shared';
import { createApp } from '../../app';
import { STATS_ROLES } from '../../policies/stats';
import { type TestApp, createTestApp } from '../../test/testApp';
import { documented, openApiDocument, type OpenApiDocument } from './openApiDocument';

const STAFF_ACTIONS = [
  'assign',
  'sign',
  'reply',
  'resolve',
  'return',
  'transfer',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'escalate',
  'reject',
  'merge',
  'resolve_on_spot',
  'rate_on_behalf',
];

/** Every "METHOD /path" the Koa app answers, read from the routers it really mounts. */
function registeredRoutes(app: TestApp): string[] {
  const routes = new Set<string>();
  for (const middleware of createApp(app.deps).middleware) {
    if (!('router' in middleware) || !(middleware.router instanceof Router)) continue;
    for (const layer of middleware.router.stack) {
      if (typeof layer.path !== 'string') throw new Error('A route with a RegExp path cannot be documented');
      const path = layer.path.replace(/:(\w+)/g, '{$1}');
      for (const method of layer.methods) if (method !== 'HEAD') routes.add(`${method} ${path}`);
    }
  }
  return [...routes].sort();
}

function documentedRoutes(document: OpenApiDocument): string[] {
  return Object.entries(document.paths)
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows a local $ref (`#/components/…`) through the document. */
function resolve(document: Json, value: unknown): Json {
  if (!isObject(value)) throw new Error('not a schema');
  if (typeof value.$ref !== 'string') return value;
  const target = value.$ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), document);
  return resolve(document, target);
}

function operationOf(document: Json, method: string, path: string): Json {
  const operation = (document.paths as Record<string, Record<string, Json> | undefined>)[path]?.[method];
  if (!operation) throw new Error(`${method} ${path} is not documented`);
  return operation;
}

function requestSchemaOf(document: Json, operation: Json, mediaType: string): Json {
  const content = (operation.requestBody as { content: Record<string, { schema: unknown }> }).content;
  return resolve(document, content[mediaType].schema);
}

function allRefs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allRefs);
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' ? [child] : allRefs(child),
  );
}

describe('GET /api/v1/openapi.json', () => {
  let app: TestApp;
  let document: Json;

  beforeAll(async () => {
    app = await createTestApp();
    const response = await app.http.get('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    document = response.body;
  });
  afterAll(() => app.close());

  it('answers an OpenAPI 3.1 document without sign-in', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it('documents every route the app registers, and no other', () => {
    const registered = registeredRoutes(app);
    expect(registered).toContain('GET /api/v1/openapi.json');
    expect(registered).toContain('POST /api/v1/staff/reports/{id}/actions');
    expect(documentedRoutes(openApiDocument())).toEqual(registered);
  });

  it('has a contract for every route the app registers, and registers every contract', () => {
    const declared = API_CONTRACTS.map(documented).map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(new Set(declared).size).toBe(declared.length);
    expect([...declared].sort()).toEqual(registeredRoutes(app));
  });

  it('resolves every $ref inside the document', () => {
    for (const ref of new Set(allRefs(document))) {
      expect(ref.startsWith('#/components/')).toBe(true);
      expect(() => resolve(document, { $ref: ref })).not.toThrow();
      expect(resolve(document, { $ref: ref })).toBeDefined();
    }
  });

  it('describes the report submission body with its required fields and the service codes', () => {
    const post = operationOf(document, 'post', '/api/v1/reports');
    const body = requestSchemaOf(document, post, 'application/json');
    expect(body.required).toEqual(expect.arrayContaining(['serviceCode', 'villageCode']));
    const properties = body.properties as Record<string, Json>;
    expect(properties.serviceCode.enum).toEqual([...SERVICE_CODES]);
    expect(post.security).toEqual([{ citizenBearer: [] }]);
    const parameters = post.parameters as Json[];
    expect(parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
    );
    expect(Object.keys(post.responses as Json)).toEqual(expect.arrayContaining(['201', '400', '401', '409']));
  });

  it("describes Open311's errors in the specification's own shape, and other routes' as ErrorBody", () => {
    const submit = operationOf(document, 'post', '/open311/v2/requests.json');
    const responses = submit.responses as Record<string, Json>;
    for (const status of ['400', '401', '403']) {
      const content = responses[status].content as Record<string, { schema: unknown }>;
      const schema = resolve(document, content['application/json'].schema);
      expect(schema.type).toBe('array');
      expect((resolve(document, schema.items).required as string[]).sort()).toEqual(['code', 'description']);
    }
    const ours = operationOf(document, 'post', '/api/v1/reports').responses as Record<string, Json>;
    expect(resolve(document, ours['400']).content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } },
    });
  });

  it('lists every staff action in the actions body', () => {
    const post = operationOf(document, 'post', '/api/v1/staff/reports/{id}/actions');
    const body = requestSchemaOf(document, post, 'application/json');
    const actions = (body.oneOf as Json[]).map((variant) => (variant.properties as Record<string, Json>).action.const);
    expect(actions.sort()).toEqual([...STAFF_ACTIONS].sort());
    expect(post.security).toEqual([{ staffBearer: [] }]);
    expect(post.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true, schema: { type: 'string' } }),
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
    ]);
  });

  it('turns query schemas into query parameters, on their input side', () => {
    const get = operationOf(document, 'get', '/api/v1/staff/reports');
    const parameters = get.parameters as Json[];
    // status is "submitted,dispatched" on the wire and only becomes an array after parsing.
    expect(parameters).toContainEqual(
      expect.objectContaining({ name: 'status', in: 'query', required: false, schema: { type: 'string' } }),
    );
    expect(parameters).toContainEqual(expect.objectContaining({ name: 'page', in: 'query', required: false }));
    expect(parameters.every((parameter) => parameter.in === 'query')).toBe(true);
  });

  it('publishes the recursive region tree as a component that refers to itself', () => {
    const regionNode = resolve(document, { $ref: '#/components/schemas/RegionNode' });
    const properties = regionNode.properties as Record<string, Json>;
    expect(properties.level.enum).toEqual([...REGION_LEVELS]);
    expect(properties.children.items).toEqual({ $ref: '#/components/schemas/RegionNode' });
    // Answers may gain fields; requests stay as strict as the server's parsing.
    expect(regionNode.additionalProperties).toBeUndefined();
    expect(resolve(document, { $ref: '#/components/schemas/UpdateProfileRequest' }).additionalProperties).toBe(false);
  });

  it('documents the upload as multipart with a binary file', () => {
    const post = operationOf(document, 'post', '/api/v1/uploads');
    const form = requestSchemaOf(document, post, 'multipart/form-data');
    expect(form.required).toEqual(['file']);
    expect((form.properties as Record<string, Json>).file).toMatchObject({ type: 'string', format: 'binary' });
    expect(post.security).toEqual([{ citizenBearer: [] }, { staffBearer: [] }]);
  });

  it('answers errors with the shared error body', () => {
    const notFound = resolve(document, { $ref: '#/components/responses/NotFound' });
    const schema = resolve(
      document,
      (notFound.content as Record<string, { schema: unknown }>)['application/json'].schema,
    );
    expect((schema.properties as Record<string, Json>).error).toBeDefined();
    expect(operationOf(document, 'get', '/healthz').security).toEqual([]);
  });

  it("names a staff route's policy and the roles it admits", () => {
    const overview = operationOf(document, 'get', '/api/v1/staff/stats/overview');
    expect(overview['x-policy']).toBe('stats');
    expect(overview['x-staff-roles']).toEqual([...STATS_ROLES]);
    expect(operationOf(document, 'get', '/api/v1/me')).not.toHaveProperty('x-policy');
  });

  it('says every operation may answer 429 when its request limit is reached', () => {
    const paths = document.paths as Record<string, Record<string, { responses: Record<string, Json> }>>;
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations))
        expect([method, path, operation.responses['429']]).toEqual([
          method,
          path,
          { $ref: '#/components/responses/TooManyRequests' },
        ]);
    }
  });
});
