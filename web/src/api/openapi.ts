/**
 * The API's own description of its requests (`/openapi.json`): each action's form is built from the schema of its
 * request body, titles included, so the forms accept what the API accepts and are labelled as it names the fields.
 */

/** The subset of JSON Schema (2020-12, as zod writes it) the forms read. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly title?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly enum?: readonly string[];
  readonly const?: string | number | boolean;
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly format?: string;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly default?: unknown;
  readonly $ref?: string;
}

/** One operation of the API: where it is sent and what it takes. */
export interface Operation {
  readonly operationId: string;
  readonly method: string;
  /** The path with `{caseNumber}`, `{year}` as the document writes them. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly requestSchema?: JsonSchema;
}

interface Document {
  readonly paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        summary: string;
        description?: string;
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
  readonly components: { readonly schemas: Record<string, JsonSchema> };
}

let loading: Promise<Map<string, Operation>> | undefined;

/** Replaces every `$ref` by the component it names. */
function resolve(schema: JsonSchema, components: Record<string, JsonSchema>, depth = 0): JsonSchema {
  if (depth > 20) return schema;
  if (schema.$ref) {
    const { $ref, ...rest } = schema;
    const target = components[$ref.replace('#/components/schemas/', '')] ?? {};
    return { ...resolve(target, components, depth + 1), ...rest };
  }
  const out: Record<string, unknown> = { ...schema };
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, components, depth + 1)]),
    );
  }
  if (schema.items) out.items = resolve(schema.items, components, depth + 1);
  if (schema.oneOf) out.oneOf = schema.oneOf.map((s) => resolve(s, components, depth + 1));
  if (schema.anyOf) out.anyOf = schema.anyOf.map((s) => resolve(s, components, depth + 1));
  return out as JsonSchema;
}

async function load(): Promise<Map<string, Operation>> {
  const res = await fetch('/openapi.json');
  const doc = (await res.json()) as Document;
  const operations = new Map<string, Operation>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const body = op.requestBody?.content['application/json']?.schema;
      operations.set(op.operationId, {
        operationId: op.operationId,
        method,
        path,
        summary: op.summary,
        description: op.description,
        requestSchema: body ? resolve(body, doc.components.schemas) : undefined,
      });
    }
  }
  return operations;
}

/** Every operation of the API by its operationId, loaded once. */
export function operations(): Promise<Map<string, Operation>> {
  loading ??= load().catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}
