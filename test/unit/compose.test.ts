/**
 * docker-compose.yml against the published Compose schema and against the rules a schema cannot state: secrets only
 * from `.env`, every variable listed in `.env.example`, workers that scale, a healthcheck on everything that stays
 * up, named volumes, and the Web UI wired to the API's codec server. The schema is the one inside compose-go (the
 * library Docker Compose runs), taken from the Go module that `tools/compose-check/go.mod` pins and `go.sum`
 * verifies. `npm run test:cluster` goes further and runs the topology natively (docs/CLUSTER.md).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';

import { projectRoot } from '../../config/paths';
import { CASE_SEARCH_ATTRIBUTES } from '../../domain/search-attributes';

interface Service {
  image?: string;
  build?: unknown;
  command?: string[] | string;
  container_name?: string;
  depends_on?: string[] | Record<string, { condition?: string }>;
  environment?: Record<string, string | number | boolean> | string[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  ports?: unknown[];
  restart?: string;
  volumes?: (string | { type?: string; source?: string; target: string })[];
  deploy?: { replicas?: number | string };
}

interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const composeText = readFileSync(path.join(projectRoot, 'docker-compose.yml'), 'utf8');
const raw = parse(composeText) as ComposeFile;
const envExample = parseEnvFile(readFileSync(path.join(projectRoot, '.env.example'), 'utf8'));

/** `KEY=value` lines of an env file; comments and blank lines skipped. */
function parseEnvFile(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) entries.set(match[1], match[2].trim());
  }
  return entries;
}

/** One `${...}` reference as Compose reads it: `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`. */
interface Reference {
  readonly name: string;
  readonly operator?: ':-' | '-' | ':?' | '?' | ':+' | '+';
  readonly argument?: string;
}

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:-|-|:\?|\?|:\+|\+)([^}]*))?\}/g;

function references(text: string): Reference[] {
  // `$$` is Compose's escape for a literal `$` (shell variables in commands), never a reference.
  return [...text.replace(/\$\$/g, '').matchAll(REFERENCE)].map((m) => ({
    name: m[1],
    operator: m[2] as Reference['operator'],
    argument: m[3],
  }));
}

/** Substitutes references the way Compose does, from `values`; a required variable left empty throws. */
function interpolate(text: string, values: Map<string, string>): string {
  return text
    .split('$$')
    .map((part) =>
      part.replace(REFERENCE, (_all, name: string, operator: string | undefined, argument = '') => {
        const value = values.get(name);
        const empty = value === undefined || value === '';
        if (operator === ':-') return empty ? argument : (value ?? '');
        if (operator === '-') return value === undefined ? argument : value;
        if (operator === ':?' && empty) throw new Error(`${name}: ${argument}`);
        return value ?? '';
      }),
    )
    .join('$');
}

function deepInterpolate(node: unknown, values: Map<string, string>): unknown {
  if (typeof node === 'string') return interpolate(node, values);
  if (Array.isArray(node)) return node.map((item) => deepInterpolate(item, values));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, deepInterpolate(v, values)]));
  }
  return node;
}

function environmentOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => [entry.split('=')[0], entry.slice(entry.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
}

/** Services that run once and exit (`restart: 'no'` and a successful-completion dependency of others). */
const oneShot = (service: Service): boolean => service.restart === 'no';

/** Secrets by name: passwords, tokens and keys (a key's id is not one). */
const SECRET_NAME = /(PASSWORD|PASSWD|_PWD$|SECRET|TOKEN$|API_KEY|PRIVATE_KEY|^PAYLOAD_KEY$|_KEY$)/;
/** Named like a secret but a switch about one. */
const NOT_SECRET = new Set(['TEMPORAL_CODEC_PASS_ACCESS_TOKEN']);
const isSecret = (key: string): boolean => SECRET_NAME.test(key) && !NOT_SECRET.has(key);

/** The values a real deployment would give: `.env.example` with every empty secret filled in. */
function filledEnv(): Map<string, string> {
  return new Map([...envExample].map(([k, v]) => [k, v === '' ? `filled-${k.toLowerCase()}` : v]));
}

/** The Compose schema inside the pinned compose-go module, fetched by Go's module proxy and checked by go.sum. */
function composeSchema(): object {
  const out = execFileSync('go', ['mod', 'download', '-json', 'github.com/compose-spec/compose-go/v2'], {
    cwd: path.join(projectRoot, 'tools', 'compose-check'),
    env: { ...process.env, GOFLAGS: '-mod=readonly' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const { Dir } = JSON.parse(out) as { Dir: string };
  return JSON.parse(readFileSync(path.join(Dir, 'schema', 'compose-spec.json'), 'utf8')) as object;
}

test('the file, with .env.example and its secrets filled in, is valid against the Compose schema', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(composeSchema());
  const resolved = deepInterpolate(raw, filledEnv());
  const valid = validate(resolved);
  expect(valid ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
});

test('the schema is really applied: a misspelt key and a bad depends_on condition are refused', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(composeSchema());
  const bad = structuredClone(deepInterpolate(raw, filledEnv())) as ComposeFile & {
    services: Record<string, Service & { healthchek?: unknown }>;
  };
  bad.services.api.healthchek = bad.services.api.healthcheck;
  bad.services.worker.depends_on = { 'temporal-setup': { condition: 'service_finished' } };
  expect(validate(bad)).toBe(false);
  expect(validate.errors?.map((e) => e.instancePath)).toEqual(
    expect.arrayContaining(['/services/api', '/services/worker/depends_on/temporal-setup/condition']),
  );
});

test('every depends_on names a service of the file', () => {
  const names = new Set(Object.keys(raw.services));
  const missing = Object.entries(raw.services).flatMap(([name, service]) => {
    const deps = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
    return deps.filter((dep) => !names.has(dep)).map((dep) => `${name} -> ${dep}`);
  });
  expect(missing).toEqual([]);
});

test('every variable the file uses is listed in .env.example, and defaults agree with it', () => {
  const used = references(composeText);
  expect(used.length).toBeGreaterThan(0);
  expect([...new Set(used.map((r) => r.name).filter((name) => !envExample.has(name)))]).toEqual([]);
  const disagreeing = used
    .filter((r) => r.operator === ':-' && envExample.get(r.name) !== r.argument)
    .map((r) => `${r.name}: file says ${r.argument}, .env.example says ${envExample.get(r.name)}`);
  expect(disagreeing).toEqual([]);
});

test('no secret is written in the file: each comes from a required variable left empty in .env.example', () => {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(raw.services)) {
    for (const [key, value] of Object.entries(environmentOf(service))) {
      if (!isSecret(key)) continue;
      const refs = references(value);
      const [ref] = refs;
      if (refs.length !== 1 || value.trim() !== value.match(REFERENCE)?.[0]) {
        problems.push(`${name}.${key} is not exactly one \${VAR} reference: ${value}`);
      } else if (ref.operator !== ':?') {
        problems.push(`${name}.${key} must be required (\${${ref.name}:?…}), so Compose refuses to start without it`);
      } else if (envExample.get(ref.name) !== '') {
        problems.push(`.env.example must leave ${ref.name} empty, not publish a value`);
      }
    }
  }
  expect(problems).toEqual([]);
  // Any variable named like a secret, wherever it is used, is left empty in .env.example.
  const published = [...envExample].filter(([k, v]) => isSecret(k) && v !== '').map(([k]) => k);
  expect(published).toEqual([]);
});

test('the same rule catches a password written in the file', () => {
  const service: Service = { environment: { POSTGRES_PASSWORD: 'hunter2', PAYLOAD_KEY: '${PAYLOAD_KEY:-abc}' } };
  const flagged = Object.entries(environmentOf(service)).filter(([key, value]) => {
    const refs = references(value);
    return isSecret(key) && !(refs.length === 1 && refs[0].operator === ':?');
  });
  expect(flagged.map(([key]) => key)).toEqual(['POSTGRES_PASSWORD', 'PAYLOAD_KEY']);
});

test('workers scale: two replicas or more, no container_name and no published port', () => {
  const worker = raw.services.worker;
  const resolved = deepInterpolate(worker, filledEnv()) as Service;
  expect(Number(resolved.deploy?.replicas)).toBeGreaterThanOrEqual(2);
  expect(worker.container_name).toBeUndefined();
  expect(worker.ports ?? []).toEqual([]);
  // A fixed name on any service would stop `docker compose up --scale` for it too.
  expect(Object.entries(raw.services).filter(([, s]) => s.container_name)).toEqual([]);
});

test('every service that stays up restarts by itself and has a healthcheck', () => {
  const longRunning = Object.entries(raw.services).filter(([, s]) => !oneShot(s));
  expect(longRunning.map(([name]) => name).sort()).toEqual(['api', 'postgresql', 'temporal', 'temporal-ui', 'worker']);
  for (const [name, service] of longRunning) {
    expect({ name, healthcheck: Boolean(service.healthcheck?.test && !service.healthcheck.disable) }).toEqual({
      name,
      healthcheck: true,
    });
    expect({ name, restart: service.restart }).toEqual({ name, restart: 'unless-stopped' });
  }
  // One-shot jobs are awaited by completion, never by health.
  for (const [name, service] of Object.entries(raw.services).filter(([, s]) => oneShot(s))) {
    expect({ name, healthcheck: service.healthcheck }).toEqual({ name, healthcheck: undefined });
  }
});

test('volumes are named and declared; the image prepares their mount points for its unprivileged user', () => {
  const declared = new Set(Object.keys(raw.volumes ?? {}));
  const mounts = Object.entries(raw.services).flatMap(([name, service]) =>
    (service.volumes ?? []).map((v) => {
      const [source, target] = typeof v === 'string' ? v.split(':') : [v.source, v.target];
      return { name, source, target, built: Boolean(service.build) };
    }),
  );
  expect(mounts.length).toBeGreaterThan(0);
  for (const mount of mounts) {
    // A bare target is an anonymous volume (lost on `down`), a path is a bind mount tied to one host.
    expect({ ...mount, declared: declared.has(mount.source ?? '') }).toEqual({ ...mount, declared: true });
  }
  const dockerfile = readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8');
  const chowned = /RUN mkdir -p ([^&]+) && chown node:node/.exec(dockerfile)?.[1].trim().split(/\s+/) ?? [];
  const builtTargets = [...new Set(mounts.filter((m) => m.built).map((m) => m.target))];
  expect(chowned).toEqual(expect.arrayContaining(builtTargets));
});

test('the Web UI reads case data through the API codec server, passing the operator’s token', () => {
  const env = environmentOf(deepInterpolate(raw.services['temporal-ui'], filledEnv()) as Service);
  expect(env.TEMPORAL_CODEC_ENDPOINT).toBe(`${envExample.get('API_PUBLIC_URL')}/codec`);
  expect(env.TEMPORAL_CODEC_PASS_ACCESS_TOKEN).toBe('true');
  const api = environmentOf(raw.services.api);
  expect(references(api.CODEC_CORS_ORIGINS ?? '')[0]?.name).toBe('TEMPORAL_UI_PUBLIC_URL');
});

test('workers and the API share one payload key from .env; workers serve SDK metrics on 9464', () => {
  for (const name of ['worker', 'api']) {
    const env = environmentOf(raw.services[name]);
    expect({ name, id: references(env.PAYLOAD_KEY_ID)[0]?.name, key: references(env.PAYLOAD_KEY)[0]?.name }).toEqual({
      name,
      id: 'PAYLOAD_KEY_ID',
      key: 'PAYLOAD_KEY',
    });
  }
  const worker = environmentOf(raw.services.worker);
  expect(worker.METRICS_PORT).toBe('9464');
  expect(worker.METRICS_HOST).toBe('0.0.0.0');
  expect(JSON.stringify(raw.services.worker.healthcheck?.test)).toContain(':9464/metrics');
  expect(JSON.stringify(raw.services.api.healthcheck?.test)).toMatch(/:3000\/(healthz|readyz)/);
});

test('the setup job registers exactly the search attributes the workflow sets, with their types', () => {
  const script = [raw.services['temporal-setup'].command ?? []].flat().join('\n');
  const registered = [...script.matchAll(/\b([A-Z][A-Za-z]+)=(Keyword|Datetime|Bool|Int|Double|Text|KeywordList)\b/g)]
    .map((m) => `${m[1]}=${m[2]}`)
    .sort();
  const typeName: Record<string, string> = { KEYWORD: 'Keyword', DATETIME: 'Datetime', BOOL: 'Bool' };
  const expected = CASE_SEARCH_ATTRIBUTES.map((k) => `${k.name}=${typeName[k.type]}`).sort();
  expect(registered).toEqual(expected);
});

test('the Web UI is published only behind OpenID Connect sign-in, with write actions off by default', () => {
  const env = environmentOf(deepInterpolate(raw.services['temporal-ui'], filledEnv()) as Service);
  expect(env.TEMPORAL_AUTH_ENABLED).toBe('true');
  expect(env.TEMPORAL_AUTH_PROVIDER_URL).toMatch(/^https:\/\//);
  expect(env.TEMPORAL_AUTH_CALLBACK_URL).toBe(`${envExample.get('TEMPORAL_UI_PUBLIC_URL')}/auth/sso/callback`);
  expect(env.TEMPORAL_DISABLE_WRITE_ACTIONS).toBe('true');
  const unset = new Map([...filledEnv()].filter(([k]) => k !== 'TEMPORAL_UI_DISABLE_WRITE_ACTIONS'));
  expect(
    environmentOf(deepInterpolate(raw.services['temporal-ui'], unset) as Service).TEMPORAL_DISABLE_WRITE_ACTIONS,
  ).toBe('true');
});

test('the Temporal frontend and its database are reachable only on the internal network, with no published port', () => {
  const networks = (raw as unknown as { networks: Record<string, { internal?: boolean } | null> }).networks;
  expect(networks.internal?.internal).toBe(true);
  const on = (name: string) => (raw.services[name] as { networks?: string[] }).networks ?? [];
  for (const name of ['temporal', 'postgresql', 'temporal-schema', 'temporal-setup']) {
    expect({ name, networks: on(name), ports: raw.services[name].ports }).toEqual({
      name,
      networks: ['internal'],
      ports: undefined,
    });
  }
  // Only the two services people use are published, and both also reach the frontend internally.
  const published = Object.entries(raw.services)
    .filter(([, s]) => s.ports?.length)
    .map(([n]) => n)
    .sort();
  expect(published).toEqual(['api', 'temporal-ui']);
});
