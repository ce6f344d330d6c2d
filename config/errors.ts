/**
 * One error for the whole environment: every loader of `config/` reports its problems as lines naming the variable,
 * and `loadConfig` gathers them, so an operator fixes every bad variable in one go instead of one per restart.
 */
import type { z } from 'zod';

/** Thrown with every problem of the environment, one per line, each naming its variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The first line of every configuration error; the problems follow, one per line. */
export const CONFIG_ERROR_HEADING = 'bad configuration in the environment:';

/** Throws the one configuration error for `lines`, each naming a variable and its problem. */
export function failConfig(lines: readonly string[]): never {
  throw new ConfigError(`${CONFIG_ERROR_HEADING}\n${lines.map((l) => `  ${l}`).join('\n')}`);
}

/** The lines of a zod error, `VARIABLE: problem`, since every schema of `config/` is keyed by variable name. */
export function issueLines(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/** The problem lines of an error a loader threw: a ConfigError's own lines, or the message of any other error. */
function problemLines(err: unknown): string[] {
  const message = err instanceof Error ? err.message : String(err);
  return message.startsWith(CONFIG_ERROR_HEADING)
    ? message.slice(CONFIG_ERROR_HEADING.length + 1).split('\n')
    : [`  ${message}`];
}

/**
 * Runs every loader and returns their results, or throws one ConfigError listing the problems of all of them. A
 * loader that is `undefined` is skipped (a part the command does not need).
 */
export function collect<T extends Record<string, unknown>>(loaders: { readonly [K in keyof T]: () => T[K] }): T {
  const results: Partial<T> = {};
  const lines: string[] = [];
  for (const name of Object.keys(loaders) as (keyof T)[]) {
    try {
      results[name] = loaders[name]();
    } catch (err) {
      lines.push(...problemLines(err));
    }
  }
  if (lines.length) throw new ConfigError(`${CONFIG_ERROR_HEADING}\n${lines.join('\n')}`);
  return results as T;
}
