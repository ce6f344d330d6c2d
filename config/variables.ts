/**
 * Every environment variable of the configuration, taken from the schemas themselves, so docs/OPERATIONS.md lists
 * exactly what `loadConfig` reads: `npm run docs:config` writes the table and test/unit/config-docs.test.ts fails
 * when the page and the schemas drift apart.
 */
import { z } from 'zod';

import { authSchema } from './auth';
import { httpSchema } from './http';
import { commonSchema } from './index';
import { projectRoot } from './paths';
import { payloadKeysSchema } from './payload-keys';
import { registerSchema } from './register';
import { temporalSchema } from './temporal';
import { workerSchema } from './worker';

/** One variable as the operations page lists it. */
export interface ConfigVariable {
  readonly name: string;
  /** Which part of the system reads it. */
  readonly usedBy: string;
  readonly description: string;
  /** The default as text, with the repository's path spelled `<仓库>`; empty when there is none. */
  readonly defaultValue: string;
}

const SCHEMAS: readonly (readonly [string, z.ZodObject])[] = [
  ['全部', commonSchema],
  ['Temporal', temporalSchema],
  ['worker', workerSchema],
  ['API', httpSchema],
  ['API 认证', authSchema],
  ['载荷加密', payloadKeysSchema],
  ['台账', registerSchema],
];

function shown(value: unknown): string {
  if (value === undefined || value === '') return '';
  return `\`${String(value).replace(projectRoot, '<仓库>')}\``;
}

/** Every variable of every schema, in the order of the schemas. */
export function configVariables(): ConfigVariable[] {
  return SCHEMAS.flatMap(([usedBy, schema]) => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
      properties: Record<string, { description?: string; default?: unknown }>;
    };
    return Object.entries(json.properties).map(([name, p]) => ({
      name,
      usedBy,
      description: p.description ?? '',
      defaultValue: shown(p.default),
    }));
  });
}

/** The first and last lines around the generated table in docs/OPERATIONS.md. */
export const TABLE_MARKERS = ['<!-- config-variables:start -->', '<!-- config-variables:end -->'] as const;

/** The table as markdown rows (prettier aligns them when it formats the page). */
export function variablesTable(): string {
  const rows = configVariables().map((v) => `| \`${v.name}\` | ${v.usedBy} | ${v.description} | ${v.defaultValue} |`);
  return ['| 变量 | 用于 | 说明 | 默认 |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
