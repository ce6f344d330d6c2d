/**
 * Where the register (`register/`, the read model of every case) keeps its database: a PostgreSQL server when
 * REGISTER_DATABASE_URL is set, else an embedded PGlite under DATA_DIR/register (`loadRegisterConfig`).
 */
import path from 'node:path';

import { z } from 'zod';

import { failConfig, issueLines } from './errors';

/** The register's variable; the description is what docs/OPERATIONS.md lists. */
export const registerSchema = z.object({
  REGISTER_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'a postgres:// or postgresql:// connection string')
    .optional()
    .describe(
      '台账数据库（PostgreSQL）连接串，如 postgres://用户@主机:5432/register；未设置时 npm start 使用 DATA_DIR/register 下的内嵌 PGlite，NODE_ENV=production 时必填',
    ),
  REGISTER_DATABASE_PASSWORD: z.string().min(1).optional().describe('台账数据库的密码（不写进连接串，故可含任意字符）'),
});

/** Where the register lives: the server, or an embedded PGlite in a directory. */
export type RegisterConfig =
  { readonly kind: 'postgres'; readonly url: string } | { readonly kind: 'pglite'; readonly dir: string };

/**
 * Reads the register's location for `command`. With REGISTER_DATABASE_URL, the server. Without it: `main all`
 * opens an embedded PGlite under DATA_DIR/register, shared by its worker and API (one process); outside production
 * a worker run alone keeps its own there too (the reliability and benchmark runs start workers alone), and an API
 * run alone has none: its lists come from Temporal's visibility, as before the register. In production every
 * command needs the server, or the API would read a register the workers do not write.
 *
 * @throws ConfigError naming REGISTER_DATABASE_URL when it is bad, or missing in production.
 */
export function loadRegisterConfig(
  env: NodeJS.ProcessEnv,
  context: { readonly dataDir: string; readonly command: 'all' | 'worker' | 'api'; readonly production: boolean },
): RegisterConfig | undefined {
  const parsed = registerSchema.safeParse(env);
  if (!parsed.success) failConfig(issueLines(parsed.error));
  const { REGISTER_DATABASE_URL: url, REGISTER_DATABASE_PASSWORD: password } = parsed.data;
  if (url) return { kind: 'postgres', url, ...(password ? { password } : {}) };
  if (context.production) {
    return failConfig([
      'REGISTER_DATABASE_URL: required when NODE_ENV=production: the workers write the register the API reads',
    ]);
  }
  if (context.command === 'api') return undefined;
  return { kind: 'pglite', dir: path.join(context.dataDir, 'register') };
}
