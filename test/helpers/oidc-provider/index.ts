/**
 * Starts a real OpenID Connect provider (`provider-process.ts`, oidc-provider) on 127.0.0.1 for a test, with the
 * demo users as its accounts, and gives the AUTH_* values an API trusting it takes.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { DEMO_USERS } from '../../../api/auth';
import { projectRoot } from '../../../config/paths';
import type { ProviderAccount, ProviderSettings } from './settings';
import { PROVIDER_SETTINGS_ENV } from './settings';

export type { ProviderAccount, ProviderSettings } from './settings';

/** The password of every demo account of the test provider. */
export const DEMO_PASSWORD = 'ceshi-mima-2026';

/** The demo users (`api/auth/demo-users.ts`) as the provider's accounts, mapped to the claims the API reads. */
export function demoAccounts(password: string = DEMO_PASSWORD): ProviderAccount[] {
  return DEMO_USERS.map((u) => ({
    login: u.sub,
    password,
    claims: {
      sub: u.sub,
      role: u.role,
      ...(u.body ? { body: u.body } : {}),
      ...(u.level ? { level: u.level } : {}),
      ...(u.name ? { name: u.name } : {}),
      ...(u.identifier ? { identifier: u.identifier } : {}),
    },
  }));
}

export interface OidcProvider {
  /** `http://127.0.0.1:<port>`: the `iss` of its tokens and the base of its discovery document. */
  readonly issuer: string;
  /** Its key set, which the API verifies access tokens with. */
  readonly jwksUrl: string;
  /** What was asked of it. */
  readonly settings: ProviderSettings;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

/** Starts the provider process and waits until it answers; `stop()` ends it. */
export async function startOidcProvider(settings: ProviderSettings): Promise<OidcProvider> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'provider-process.ts')],
    {
      cwd: projectRoot,
      env: { ...process.env, [PROVIDER_SETTINGS_ENV]: JSON.stringify(settings) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    // Kept for the error below; oidc-provider also warns here about its development defaults.
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`OIDC provider did not start: ${stderr}`)), START_TIMEOUT_MS);
    child.once('exit', (code) => reject(new Error(`OIDC provider exited (${code}): ${stderr}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { issuer: string }).issuer);
    });
  });
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    settings,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
