/**
 * Gives every property of a request schema its Chinese title (`domain/field-labels.ts`) where the schema has none,
 * so the OpenAPI document names each field as officers read it and forms built from the document are labelled by it.
 */
import { FIELD_TITLES } from '../../domain/field-labels';

type Json = Record<string, unknown>;

/** A copy of `schema` in which each property without a `title` has its field's title. */
export function withFieldTitles(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withFieldTitles);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema as Json)) {
    if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(
        Object.entries(value as Json).map(([name, property]) => {
          const titled = withFieldTitles(property) as Json;
          const title = Object.hasOwn(FIELD_TITLES, name) ? FIELD_TITLES[name] : undefined;
          return [name, title && titled.title === undefined ? { title, ...titled } : titled];
        }),
      );
    } else {
      out[key] = withFieldTitles(value);
    }
  }
  return out;
}
