import {
  type Access,
  API_CONTRACTS,
  API_TAGS,
  type ApiResponse,
  AttachmentSchema,
  ErrorBodySchema,
  type ErrorStatus,
  type HttpMethod,
  LocationSchema,
  type NamedSchema,
  RegionNodeSchema,
  type RequestBody,
  type RouteContract,
  type StaffPolicy,
  type StaffRole,
  TimelineEventSchema,
  named,
} from '@minqing/shared';
import { z } from 'zod';
import { rolesAdmittedBy } from '../../policies/abilities';

/**
 * The OpenAPI 3.1 document, generated from the route contracts (shared/src/contracts): one operation
 * per contract; each named schema is published once under components/schemas and referenced by name.
 */

/** A route as OpenAPI lists it: the contract with its whole path, `{id}` for `:id`. */
export type ApiRoute = RouteContract;

/** `/things/:id` → `/api/v1/things/{id}` (a root route keeps its whole path). */
export const documented = (contract: RouteContract): ApiRoute => ({
  ...contract,
  path: `${contract.root ? '' : '/api/v1'}${contract.path.replace(/:(\w+)/g, '{$1}')}`,
});

/**
 * Published under their own names and referenced from the schemas that contain them; RegionNode
 * must be here because it is recursive. (ErrorBody is added below.)
 */
const BUILDING_BLOCKS: readonly NamedSchema[] = [
  named('RegionNode', RegionNodeSchema),
  named('Attachment', AttachmentSchema),
  named('TimelineEvent', TimelineEventSchema),
  named('Location', LocationSchema),
];

type JsonSchema = z.core.JSONSchema.JSONSchema;
type SecurityRequirement = Record<string, string[]>;

interface Reference {
  $ref: string;
}
interface ResponseObject {
  description: string;
  content?: Record<string, { schema: JsonSchema }>;
}
interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}
interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: SecurityRequirement[];
  /** A staff route's policy (shared/src/domain/abilities.ts) and the roles it admits (server/src/policies/abilities.ts). */
  'x-policy'?: StaffPolicy;
  'x-staff-roles'?: StaffRole[];
  parameters?: Parameter[];
  requestBody?: { required: true; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, ResponseObject | Reference>;
}
/** A type, not an interface: it must fit the contract's open document shape. */
export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<HttpMethod, Operation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, ResponseObject>;
    securitySchemes: Record<string, { type: 'http'; scheme: 'bearer'; description: string }>;
  };
};

const ERROR_BODY = named('ErrorBody', ErrorBodySchema);

const ERROR_RESPONSES: Record<ErrorStatus, { name: string; description: string }> = {
  400: {
    name: 'BadRequest',
    description: '输入有误，field 指明字段 / Invalid input; `field` names the offending field',
  },
  401: {
    name: 'Unauthorized',
    description: '未登录、令牌无效或已过期 / Missing, invalid or expired token, or wrong credentials',
  },
  403: { name: 'Forbidden', description: '无权进行此操作 / Not allowed for this account' },
  404: { name: 'NotFound', description: '没有找到 / Not found' },
  409: {
    name: 'Conflict',
    description: '与当前状态冲突 / Conflicts with the current state (conflict, invalid_transition)',
  },
  413: { name: 'PayloadTooLarge', description: '文件太大 / The file is too large' },
  415: { name: 'UnsupportedMediaType', description: '不支持的文件类型 / Not a supported photo or voice format' },
  423: { name: 'Locked', description: '账号已锁定 / Account locked after repeated failures' },
  429: {
    name: 'TooManyRequests',
    description: '请求过于频繁，Retry-After 秒后再试 / Rate limited (rate_limited); retry after `Retry-After` seconds',
  },
  502: {
    name: 'BadGateway',
    description: '外部服务不可用（微信、腾讯地图）/ An outside service (WeChat, Tencent LBS) did not answer',
  },
  503: { name: 'ServiceUnavailable', description: '功能未配置 (not_configured) / Not configured on this server' },
};

const SECURITY: Record<Access, SecurityRequirement[]> = {
  public: [],
  citizen: [{ citizenBearer: [] }],
  staff: [{ staffBearer: [] }],
  citizenOrStaff: [{ citizenBearer: [] }, { staffBearer: [] }],
};

const schemaUri = (name: string) => `#/components/schemas/${name}`;
const schemaRef = (name: string): JsonSchema => ({ $ref: schemaUri(name) });

/** Drops the keys that make sense for a standalone JSON Schema document but not inside OpenAPI. */
function embeddable(converted: JsonSchema): JsonSchema {
  const { $schema: _dialect, $id: _id, ...schema } = converted;
  return schema;
}

/** One schema on its own (parameters, files); these must not need components. */
function standalone(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const converted = embeddable(z.toJSONSchema(schema, { io, unrepresentable: 'any' }));
  if (converted.$defs) throw new Error('A parameter schema needs definitions; publish it as a named component instead');
  return converted;
}

/** Answers may gain fields (PRODUCT.md §11: "more fields may be added"), so clients must not reject unknown ones. */
function openForNewFields({ jsonSchema }: { jsonSchema: JsonSchema }): void {
  if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
}

/**
 * Converts named schemas to components that reference each other by name. A recursive schema
 * (z.lazy) works when it has a name of its own; without one zod would put it under `__shared`.
 */
function components(entries: readonly NamedSchema[], io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  const byName = new Map<string, z.ZodType>();
  for (const { name, schema } of entries) {
    const known = byName.get(name);
    if (known === schema) continue;
    if (known) throw new Error(`Two different schemas are both named ${name}`);
    const other = registry.get(schema)?.id;
    if (other) throw new Error(`The schema named ${name} is already published as ${other}`);
    registry.add(schema, { id: name });
    byName.set(name, schema);
  }
  const { schemas } = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    uri: schemaUri,
    override: io === 'output' ? openForNewFields : undefined,
  });
  if ('__shared' in schemas) throw new Error('A recursive schema has no name: add it to BUILDING_BLOCKS');
  return Object.fromEntries(Object.entries(schemas).map(([name, converted]) => [name, embeddable(converted)]));
}

function allComponents(routes: readonly ApiRoute[]): Record<string, JsonSchema> {
  const requests = routes.flatMap((route) => (route.body ? [route.body.schema] : []));
  const answers = routes.flatMap((route) =>
    route.responses.flatMap((response) => (response.content.kind === 'json' ? [response.content.schema] : [])),
  );
  const inputs = components(requests, 'input');
  const errorBodies = routes.flatMap((route) => (route.errorBody ? [route.errorBody] : []));
  const outputs = components([ERROR_BODY, ...BUILDING_BLOCKS, ...answers, ...errorBodies], 'output');
  const clash = Object.keys(inputs).find((name) => name in outputs);
  if (clash) throw new Error(`${clash} names both a request and a response schema`);
  return { ...inputs, ...outputs };
}

function parameters(route: ApiRoute): Parameter[] {
  const path = [...route.path.matchAll(/\{(\w+)\}/g)].map(
    ([, name]): Parameter => ({ name, in: 'path', required: true, schema: standalone(z.string(), 'input') }),
  );
  const headers = (route.headers ?? []).map(
    (header): Parameter => ({
      name: header.name,
      in: 'header',
      required: header.required,
      description: header.description,
      schema: standalone(header.schema, 'input'),
    }),
  );
  return [...path, ...headers, ...(route.query ? queryParameters(route.query) : [])];
}

/** Each property of the (input side of the) query object becomes one `in: query` parameter. */
function queryParameters(query: z.ZodObject): Parameter[] {
  const converted = standalone(query, 'input');
  const required = new Set(converted.required ?? []);
  return Object.entries(converted.properties ?? {}).map(([name, property]): Parameter => {
    if (typeof property === 'boolean') throw new Error(`Query parameter ${name} has no schema`);
    const { description, ...schema } = property;
    return { name, in: 'query', required: required.has(name), ...(description ? { description } : {}), schema };
  });
}

function requestBody(body: RequestBody): Operation['requestBody'] {
  const mediaType = body.kind === 'json' ? 'application/json' : 'multipart/form-data';
  return { required: true, content: { [mediaType]: { schema: schemaRef(body.schema.name) } } };
}

function response({ description, content }: ApiResponse): ResponseObject {
  if (content.kind === 'none') return { description };
  if (content.kind === 'json')
    return { description, content: { 'application/json': { schema: schemaRef(content.schema.name) } } };
  return {
    description,
    content: Object.fromEntries(
      content.mediaTypes.map((type) => [type, { schema: standalone(z.file().mime(type), 'output') }]),
    ),
  };
}

/** postThingsById for POST /api/v1/things/{id}. */
function operationId(route: ApiRoute): string {
  const words = route.path
    .replace(/^\/api\/v1\//, '/')
    .replace(/\{(\w+)\}/g, 'by-$1')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return route.method + words.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
}

function errorResponse(route: ApiRoute, status: ErrorStatus): ResponseObject | { $ref: string } {
  if (!route.errorBody) return { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
  const { description } = ERROR_RESPONSES[status];
  return { description, content: { 'application/json': { schema: schemaRef(route.errorBody.name) } } };
}

function operation(route: ApiRoute): Operation {
  const responses: Operation['responses'] = {};
  for (const answer of route.responses) responses[answer.status] = response(answer);
  for (const status of route.errors) responses[status] = errorResponse(route, status);
  // Every call counts against the per-client or per-account request limit (middleware/rateLimit),
  // which answers before any route, so always as the shared ErrorBody.
  responses[429] ??= { $ref: `#/components/responses/${ERROR_RESPONSES[429].name}` };
  const parameterList = parameters(route);
  return {
    operationId: operationId(route),
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [...route.tags],
    security: SECURITY[route.access],
    ...(route.policy ? { 'x-policy': route.policy, 'x-staff-roles': [...rolesAdmittedBy(route.policy)] } : {}),
    ...(parameterList.length ? { parameters: parameterList } : {}),
    ...(route.body ? { requestBody: requestBody(route.body) } : {}),
    responses,
  };
}

function errorResponses(): Record<string, ResponseObject> {
  return Object.fromEntries(
    Object.values(ERROR_RESPONSES).map(({ name, description }) => [
      name,
      { description, content: { 'application/json': { schema: schemaRef(ERROR_BODY.name) } } },
    ]),
  );
}

export function buildOpenApiDocument(routes: readonly ApiRoute[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    if (item[route.method]) throw new Error(`${route.method.toUpperCase()} ${route.path} is listed twice`);
    item[route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '321 民情在线 API',
      version: '1',
      description:
        '群众通过微信小程序反映民情，工作人员分派办理。/ Citizen reports from WeChat to the department that must act. Errors answer `{error: {code, message, field?}}`.',
    },
    tags: API_TAGS.map((tag) => ({ ...tag })),
    paths,
    components: {
      schemas: allComponents(routes),
      responses: errorResponses(),
      securitySchemes: {
        citizenBearer: {
          type: 'http',
          scheme: 'bearer',
          description: '群众令牌 / Citizen token from /api/v1/auth/wechat-login',
        },
        staffBearer: {
          type: 'http',
          scheme: 'bearer',
          description: '工作人员令牌 / Staff token from /api/v1/staff/auth/login',
        },
      },
    },
  };
}

let cached: OpenApiDocument | undefined;

/** Built on first use and kept: the routes and schemas do not change while the server runs. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument(API_CONTRACTS.map(documented));
  return cached;
}
