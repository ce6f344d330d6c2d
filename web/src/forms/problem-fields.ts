/**
 * Where the API's field errors go: `report.assessments.0.finding` is the form's name path
 * `['report', 'assessments', 0, 'finding']`; errors on a field the form does not show are listed above it.
 */
import type { FieldError } from '../api/http';

/** A problem's field as the form's name path. */
export function namePathOf(field: string): (string | number)[] {
  return field.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

/**
 * The errors split into those shown beside a field (by its joined path) and the rest. An error on a group (a row of a
 * list, `holidays.0`) goes beside the group's first field shown.
 */
export function placeErrors(
  errors: readonly FieldError[],
  shown: ReadonlySet<string>,
): { onFields: FieldError[]; elsewhere: FieldError[] } {
  const onFields: FieldError[] = [];
  const elsewhere: FieldError[] = [];
  for (const e of errors) {
    const at = shown.has(e.field) ? e.field : [...shown].find((f) => f.startsWith(`${e.field}.`));
    if (at) onFields.push({ field: at, message: e.message });
    else elsewhere.push(e);
  }
  return { onFields, elsewhere };
}

/**
 * The request body from the form's values: empty texts, empty lines of a list and unset choices are left out, so
 * the API, not the page, says what is missing.
 */
export function cleanBody(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(cleanBody).filter((v) => v !== undefined && v !== '');
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, cleanBody(v)] as const)
      .filter(([, v]) => v !== undefined && v !== '' && v !== null);
    return Object.fromEntries(entries);
  }
  return value;
}
