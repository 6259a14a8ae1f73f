import type { z } from 'zod';
import type { StaffPolicy } from '../domain/abilities';

/**
 * One route, declared once: the server registers it, the OpenAPI document describes it and the
 * clients call it from this declaration. Paths are Koa-style and relative to /api/v1.
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** Which bearer tokens a route accepts. */
export type Access = 'public' | 'citizen' | 'staff' | 'citizenOrStaff';
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 423 | 429 | 502 | 503;

export interface NamedSchema<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly schema: S;
}
export const named = <S extends z.ZodType>(name: string, schema: S): NamedSchema<S> => ({ name, schema });

export type RequestBody = { kind: 'json'; schema: NamedSchema } | { kind: 'multipart'; schema: NamedSchema };
export type ResponseContent =
  | { kind: 'json'; schema: NamedSchema }
  | { kind: 'binary'; mediaTypes: readonly string[] }
  | { kind: 'none' };

export interface ApiResponse {
  status: 200 | 201 | 202 | 204 | 503;
  description: string;
  content: ResponseContent;
}

export interface HeaderParameter {
  name: string;
  description: string;
  required: boolean;
  schema: z.ZodType;
}

interface RouteShape {
  method: HttpMethod;
  /** Koa form, relative to /api/v1: `/things/:id`. */
  path: string;
  /** Set for the few routes outside /api/v1 (GET /healthz, Open311): `path` is then the whole path. */
  root?: true;
  /** 中文 / English. */
  summary: string;
  /** What a reader needs beyond the summary (limits, side effects, what each answer means); `code` in backticks. */
  description?: string;
  tags: readonly string[];
  query?: z.ZodObject;
  headers?: readonly HeaderParameter[];
  body?: RequestBody;
  /** The first JSON answer is what a client call resolves to. */
  responses: readonly ApiResponse[];
  /** Answered as the shared ErrorBody, or as `errorBody` where the route names one. */
  errors: readonly ErrorStatus[];
  /** The shape of this route's `errors` when a specification fixes its own (Open311's `[{code, description}]`). */
  errorBody?: NamedSchema;
}

/**
 * Who may call a route. A route staff may call names the policy that guards it: the server grants
 * it to the roles the policy names (server/src/policies/abilities.ts) and refuses the others with 403.
 */
export type RouteAccess =
  | { access: 'staff' | 'citizenOrStaff'; policy: StaffPolicy }
  | { access: 'public' | 'citizen'; policy?: undefined };

export type RouteContract = RouteShape & RouteAccess;

/** Keeps the literal types of a declaration, so clients and handlers infer params, query, body and answer. */
export const defineRoute = <const C extends RouteContract>(contract: C): C => contract;

export const ok = <S extends z.ZodType>(schema: NamedSchema<S>, description = '成功 / OK') =>
  ({ status: 200, description, content: { kind: 'json', schema } }) as const;
export const created = <S extends z.ZodType>(schema: NamedSchema<S>, description = '已创建 / Created') =>
  ({ status: 201, description, content: { kind: 'json', schema } }) as const;
export const noContent = {
  status: 204,
  description: '完成，无内容 / Done, no content',
  content: { kind: 'none' },
} as const;
export const jsonBody = <S extends z.ZodType>(name: string, schema: S) =>
  ({ kind: 'json', schema: named(name, schema) }) as const;

/** `week` of `:week.xlsx`: a parameter's name is its word characters, as Koa reads it. */
type ParamName<S extends string> = S extends `${infer Name}.${string}` ? Name : S;
type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? ParamName<Name> | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? ParamName<Name>
    : never;

/** `{id: string}` for `/things/:id`; nothing for a path without parameters. */
export type ParamsOf<C extends RouteContract> = [PathParamNames<C['path']>] extends [never]
  ? Record<string, never>
  : Record<PathParamNames<C['path']>, string>;
/** On the wire every query value is text, so a client may pass numbers and booleans where the schema parses text. */
type WireQuery<T> = {
  [K in keyof T]: unknown extends T[K]
    ? string | number | boolean | undefined
    : T[K] extends string | undefined
      ? T[K] | number | boolean
      : T[K];
};
export type QueryInput<C extends RouteContract> = C['query'] extends z.ZodObject
  ? WireQuery<z.input<C['query']>>
  : never;
export type QueryOutput<C extends RouteContract> = C['query'] extends z.ZodObject ? z.output<C['query']> : undefined;
export type BodyInput<C extends RouteContract> = C['body'] extends { schema: NamedSchema<infer S> }
  ? z.input<S>
  : never;
export type BodyOutput<C extends RouteContract> = C['body'] extends { schema: NamedSchema<infer S> }
  ? z.output<S>
  : undefined;

type JsonAnswer<R> = R extends { content: { kind: 'json'; schema: NamedSchema<infer S> } } ? z.output<S> : never;
/** What the route answers: the first JSON answer's shape, or null for 204 and file downloads. */
export type ResultOf<C extends RouteContract> = [JsonAnswer<C['responses'][number]>] extends [never]
  ? null
  : JsonAnswer<C['responses'][number]>;

/** The arguments of a client call: only the parts the route has. */
export type CallInput<C extends RouteContract> = ([PathParamNames<C['path']>] extends [never]
  ? { params?: undefined }
  : { params: ParamsOf<C> }) &
  ([QueryInput<C>] extends [never] ? { query?: undefined } : { query: QueryInput<C> }) &
  ([BodyInput<C>] extends [never] ? { body?: undefined } : { body: BodyInput<C> });

/** `/things/:id` with `{id: 'a b'}` → `/things/a%20b`. */
export function pathWith(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}

type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

/** `?a=1&b=x` from an object; undefined, null and blank values are left out. */
export function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [name, raw] of Object.entries(query) as [string, QueryValue][]) {
    const values = Array.isArray(raw) ? raw : [raw];
    for (const value of values) {
      if (value === undefined || value === null || value === '') continue;
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The relative URL a call goes to, e.g. `/things?page=1&pageSize=20`. */
export function urlOf<C extends RouteContract>(contract: C, input: CallInput<C>): string {
  return (
    pathWith(contract.path, input.params as Record<string, string> | undefined) +
    queryString(input.query as Record<string, unknown> | undefined)
  );
}
