/**
 * The OpenAPI 3.1 description of the API, generated from the same zod schemas that check requests, so the
 * document cannot drift from what the handlers accept. OpenAPI 3.1 schemas are JSON Schema 2020-12, which is
 * zod 4's native `z.toJSONSchema` target; request bodies are described as accepted (before defaults), responses
 * as produced.
 */
import { z } from 'zod';

import { ROLES, STAGES } from '../../domain/case';
import { HTTP_PROBLEM_TEXTS } from '../../domain/texts';
import { withFieldTitles } from './field-titles';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One operation as a route declares it. */
export interface RouteDoc {
  readonly method: HttpMethod;
  /** Express syntax (`/cases/:caseNumber`); turned into `/cases/{caseNumber}`. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  /** Defaults to method and path in camel case, e.g. `postCasesCaseNumberAcceptance`. */
  readonly operationId?: string;
  /** Schemas of path parameters by name; a parameter without one is a plain string. */
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly requestSchema?: z.ZodType;
  /** Component name of the request schema; `<OperationId>Request` by default. */
  readonly requestName?: string;
  /** The body of every 2xx answer except 204. */
  readonly responseSchema?: z.ZodType;
  /**
   * A 2xx body that is a file of this media type (an XLSX workbook), or of one of these (a document's DOCX or PDF),
   * rather than JSON; then no responseSchema.
   */
  readonly responseMediaType?: string | readonly string[];
  readonly responseName?: string;
  /** Status code to description; 4xx/5xx answers are problem+json. */
  readonly responses: Readonly<Record<number, string>>;
  readonly security: 'bearer' | 'none';
}

export interface OpenApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
  readonly servers?: readonly { readonly url: string; readonly description?: string }[];
}

type Json = Record<string, unknown>;

/** The generated document; loosely typed, as it is only ever served as JSON. */
export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: Json;
  readonly servers?: readonly Json[];
  readonly paths: Record<string, Record<string, Json>>;
  readonly components: { readonly schemas: Record<string, Json>; readonly securitySchemes: Record<string, Json> };
  readonly security: readonly Json[];
  readonly tags: readonly Json[];
}

/** RFC 9457 problem details as `api/http/errors.ts` renders them, with this API's extension members. */
export const problemDetailsSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z
    .array(z.object({ field: z.string(), message: z.string() }))
    .optional()
    .describe('one entry per invalid field'),
  stage: z.enum(STAGES).optional().describe('the stage the case is in, when an action does not fit it'),
  allowedActions: z
    .array(z.object({ action: z.string(), roles: z.array(z.enum(ROLES)) }))
    .optional()
    .describe('what may be done in the current stage, and by whom'),
});

const PROBLEM_REF = { $ref: '#/components/schemas/ProblemDetails' };
const SCHEMA_URI = (id: string): string => `#/components/schemas/${id}`;
const IDEMPOTENCY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description: 'a retry with the same key and body returns the first answer instead of acting twice',
  schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,200}$' },
};

/** Express `:name` segments become OpenAPI `{name}`. */
export function toOpenApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function pathParamNames(expressPath: string): string[] {
  return [...expressPath.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
}

function operationIdOf(route: RouteDoc): string {
  if (route.operationId) return route.operationId;
  const words = route.path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return route.method + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

/** The `id` given with `.meta({ id })`, zod's own way of naming a schema. */
function metaId(schema: z.ZodType | undefined): string | undefined {
  const id = schema && z.globalRegistry.get(schema)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** Drops the keys that make a schema a standalone document; inside components they would be wrong. */
function embedded(schema: Json): Json {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

function inlineSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  return embedded(z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json);
}

function parameters(route: RouteDoc): Json[] {
  const params: Json[] = pathParamNames(route.path).map((name) => {
    const schema = route.params?.shape[name] as z.ZodType | undefined;
    return { name, in: 'path', required: true, schema: schema ? inlineSchema(schema, 'input') : { type: 'string' } };
  });
  for (const [name, schema] of Object.entries((route.query?.shape ?? {}) as Record<string, z.ZodType>)) {
    params.push({
      name,
      in: 'query',
      required: !schema.safeParse(undefined).success,
      schema: inlineSchema(schema, 'input'),
    });
  }
  if (route.method === 'post') params.push(IDEMPOTENCY_PARAMETER);
  return params;
}

/** Answers every route can give because of the middleware in front of it, unless the route describes them. */
function commonResponses(route: RouteDoc): Record<number, string> {
  const responses: Record<number, string> = {
    429: 'too many requests; retry after the number of seconds in Retry-After',
  };
  if (route.security === 'bearer') responses[401] = 'missing, invalid or expired bearer token';
  if (route.query) responses[400] = 'an invalid or unknown query parameter';
  if (route.method === 'post') {
    responses[400] = 'invalid request body or missing Idempotency-Key';
    responses[409] = 'a request with this Idempotency-Key is in progress';
    responses[429] =
      'too many requests, too many stored answers of this caller, or (POST /cases) the applicant’s daily quota; retry after Retry-After';
    // The JSON body middleware answers these for any POST, before the route.
    responses[413] = 'the body is larger than the API accepts';
    responses[415] = 'the body is not application/json';
    responses[422] = HTTP_PROBLEM_TEXTS.idempotencyReused;
  }
  return responses;
}

const RESPONSE_HEADERS: Readonly<Record<number, Json>> = {
  401: { 'WWW-Authenticate': { description: 'the Bearer challenge', schema: { type: 'string' } } },
  429: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } },
  503: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } },
};

/** Collects route descriptions and builds the document from them. */
export class OpenApiRegistry {
  private readonly routes = new Map<string, RouteDoc>();

  /** Adds or replaces (same method and path) one operation; safe to call each time an app is built. */
  registerRoute(route: RouteDoc): void {
    this.routes.set(`${route.method} ${toOpenApiPath(route.path)}`, route);
  }

  /** Builds the OpenAPI 3.1 document of every registered route. */
  buildOpenApiDocument(info: OpenApiInfo): OpenApiDocument {
    const names = { input: new Map<z.ZodType, string>(), output: new Map<z.ZodType, string>() };
    const nameOf = (io: 'input' | 'output', schema: z.ZodType, fallback: string): string => {
      const existing = names[io].get(schema);
      if (existing) return existing;
      names[io].set(schema, fallback);
      return fallback;
    };
    names.output.set(problemDetailsSchema, 'ProblemDetails');
    // Chosen names first, so a schema keeps its name whichever route happens to use it first.
    for (const route of this.routes.values()) {
      for (const [io, schema, name] of [
        ['input', route.requestSchema, route.requestName ?? metaId(route.requestSchema)],
        ['output', route.responseSchema, route.responseName ?? metaId(route.responseSchema)],
      ] as const) {
        if (schema && name && !names[io].has(schema)) names[io].set(schema, name);
      }
    }

    const paths: Record<string, Record<string, Json>> = {};
    const tags = new Set<string>();
    for (const route of [...this.routes.values()].sort((a, b) => a.path.localeCompare(b.path))) {
      const operationId = operationIdOf(route);
      const pascal = operationId[0].toUpperCase() + operationId.slice(1);
      const responses: Json = {};
      for (const [code, description] of Object.entries({ ...commonResponses(route), ...route.responses })) {
        const status = Number(code);
        const content =
          status >= 400
            ? { 'application/problem+json': { schema: PROBLEM_REF } }
            : route.responseMediaType && status !== 204
              ? Object.fromEntries(
                  [route.responseMediaType]
                    .flat()
                    .map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]),
                )
              : route.responseSchema && status !== 204
                ? {
                    'application/json': {
                      schema: {
                        $ref: SCHEMA_URI(
                          nameOf('output', route.responseSchema, route.responseName ?? `${pascal}Response`),
                        ),
                      },
                    },
                  }
                : undefined;
        responses[code] = {
          description,
          ...(RESPONSE_HEADERS[status] ? { headers: RESPONSE_HEADERS[status] } : {}),
          ...(content ? { content } : {}),
        };
      }
      for (const tag of route.tags ?? []) tags.add(tag);
      const requestName =
        route.requestSchema && nameOf('input', route.requestSchema, route.requestName ?? `${pascal}Request`);
      (paths[toOpenApiPath(route.path)] ??= {})[route.method] = {
        operationId,
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        ...(route.tags ? { tags: [...route.tags] } : {}),
        parameters: parameters(route),
        ...(requestName
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: { $ref: SCHEMA_URI(requestName) } } },
              },
            }
          : {}),
        responses,
        security: route.security === 'bearer' ? [{ bearerAuth: [] }] : [],
      };
    }

    return {
      openapi: '3.1.0',
      info: {
        title: info.title,
        version: info.version,
        ...(info.description ? { description: info.description } : {}),
      },
      ...(info.servers ? { servers: info.servers.map((s) => ({ ...s })) } : {}),
      paths,
      components: {
        schemas: componentSchemas(names),
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'claims: sub, role, body (the handling body; none for applicants)',
          },
        },
      },
      security: [{ bearerAuth: [] }],
      tags: [...tags].sort().map((name) => ({ name })),
    };
  }
}

const SHARED = '__shared';
const SHARED_REF = new RegExp(`^#/components/schemas/${SHARED}#/\\$defs/(.+)$`);

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Rewrites every `$ref` string in `node`. */
function mapRefs(node: unknown, map: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((n) => mapRefs(n, map));
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? map(v) : mapRefs(v, map)]),
    );
  }
  return node;
}

/**
 * Converts the named schemas in two passes (accepted and produced shapes) into one components map. Schemas zod
 * extracts on its own (recursive ones, or nested ones named with `.meta({ id })`) arrive under `__shared` with
 * references OpenAPI cannot follow, so they become components of their own.
 */
function componentSchemas(names: Record<'input' | 'output', Map<z.ZodType, string>>): Record<string, Json> {
  const schemas: Record<string, Json> = {};
  for (const io of ['input', 'output'] as const) {
    const registry = z.registry<{ id: string }>();
    for (const [schema, id] of names[io]) registry.add(schema, { id });
    const converted = z.toJSONSchema(registry, {
      target: 'draft-2020-12',
      io,
      uri: SCHEMA_URI,
      unrepresentable: 'any',
    });
    const { [SHARED]: shared, ...named } = converted.schemas;
    const sharedDefs = (shared?.$defs ?? {}) as Record<string, Json>;
    const fix = (schema: Json, rename: ReadonlyMap<string, string>): Json =>
      mapRefs(schema, (ref) => {
        const m = SHARED_REF.exec(ref);
        return m ? SCHEMA_URI(rename.get(m[1]) ?? m[1]) : ref;
      }) as Json;
    // A shared schema keeps its name unless that name is taken by a different schema (the other pass's shape).
    const asIs = new Map(Object.keys(sharedDefs).map((n) => [n, n]));
    const rename = new Map<string, string>();
    for (const [name, schema] of Object.entries(sharedDefs)) {
      const taken = schemas[name] ?? (named[name] as Json | undefined);
      const same = taken && sameJson(taken, fix(schema, asIs));
      rename.set(name, !taken || same ? name : `${name}${io === 'input' ? 'Input' : 'Output'}`);
    }
    const entries: [string, Json][] = [
      ...Object.entries(named).map(([id, schema]): [string, Json] => [id, embedded(schema as Json)]),
      ...Object.entries(sharedDefs).map(([id, schema]): [string, Json] => [rename.get(id) ?? id, schema]),
    ];
    for (const [id, raw] of entries) {
      // Fields carry their Chinese titles, from which the workbench labels its forms; in both passes, so that a
      // schema shared by a request and an answer stays one component.
      const schema = withFieldTitles(fix(raw, rename)) as Json;
      if (schemas[id] && !sameJson(schemas[id], schema)) {
        throw new Error(`OpenAPI component ${id} names two different schemas; give them different names`);
      }
      schemas[id] = schema;
    }
  }
  return schemas;
}

/** The registry the API's routes describe themselves in. */
export const openApiRegistry = new OpenApiRegistry();

/** Adds an operation to the API's registry; see {@link OpenApiRegistry.registerRoute}. */
export function registerRoute(route: RouteDoc): void {
  openApiRegistry.registerRoute(route);
}

/** Builds the API's document; see {@link OpenApiRegistry.buildOpenApiDocument}. */
export function buildOpenApiDocument(info: OpenApiInfo): OpenApiDocument {
  return openApiRegistry.buildOpenApiDocument(info);
}
