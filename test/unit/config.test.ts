import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { loadConfig } from '../../config';
import { loadHttpConfig } from '../../config/http';
import { connectionOptions, loadTemporalConfig } from '../../config/temporal';
import { loadWorkerConfig } from '../../config/worker';

function dir(): string {
  return mkdtempSync(path.join(tmpdir(), 'config-'));
}

function message(load: () => unknown): string {
  try {
    load();
    return '';
  } catch (err) {
    return (err as Error).message;
  }
}

/** A worker's environment that passes, beside what a test changes. */
function workerEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { DATA_DIR: dir(), PAYLOAD_KEY_ID: 'k1', PAYLOAD_KEY: randomBytes(32).toString('base64'), ...extra };
}

test('the defaults start the embedded dev server with the API on 127.0.0.1:3000', () => {
  const temporal = loadTemporalConfig({});
  expect(temporal).toMatchObject({ namespace: 'default', taskQueue: 'tolerance-cases', devPort: 7233, uiPort: 8233 });
  expect(temporal.address).toBeUndefined();
  expect(connectionOptions(temporal)).toEqual({ address: '127.0.0.1:7233' });
  expect(loadHttpConfig({})).toMatchObject({ PORT: 3000, HOST: '127.0.0.1' });
  const all = loadConfig('all', { DATA_DIR: dir() });
  expect(all).toMatchObject({
    embedded: true,
    auth: { mode: 'development' },
    payload: { keys: { currentKeyId: 'dev-1' } },
  });
});

test('the configuration is frozen, and each command gets only its parts', () => {
  const config = loadConfig('worker', workerEnv({ TEMPORAL_ADDRESS: 'temporal:7233' }));
  expect(Object.isFrozen(config) && Object.isFrozen(config.temporal) && Object.isFrozen(config.worker)).toBe(true);
  expect(config).not.toHaveProperty('http');
  expect(config).not.toHaveProperty('auth');
  expect(config.temporal.address).toBe('temporal:7233');
});

test('a bad environment is refused in one error that lists every bad variable', () => {
  const bad = { PORT: 'eighty', TEMPORAL_ADDRESS: 'no port here', TEMPORAL_UI_PORT: '70000' };
  const text = message(() => loadConfig('all', { ...bad, DATA_DIR: dir() }));
  expect(text).toMatch(/^bad configuration in the environment:\n/);
  for (const name of Object.keys(bad)) expect(text).toMatch(new RegExp(`^  ${name}: `, 'm'));
});

test('a TLS certificate without its key is refused, under the old names too', () => {
  expect(message(() => loadTemporalConfig({ TEMPORAL_TLS_CERT: '/tmp/cert.pem' }))).toMatch(
    /TEMPORAL_TLS_CLIENT_CERT_PATH \(TEMPORAL_TLS_CERT\) and TEMPORAL_TLS_CLIENT_KEY_PATH \(TEMPORAL_TLS_KEY\) go together/,
  );
});

test('an unreadable TLS file is named by the variable that gave it', () => {
  expect(message(() => loadTemporalConfig({ TEMPORAL_TLS_CA: '/nonexistent/ca.pem' }))).toMatch(
    /^ {2}TEMPORAL_TLS_CA: cannot read \/nonexistent\/ca\.pem/m,
  );
  expect(message(() => loadTemporalConfig({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: '/nonexistent/ca.pem' }))).toMatch(
    /^ {2}TEMPORAL_TLS_SERVER_CA_CERT_PATH: cannot read/m,
  );
  expect(
    message(() => loadTemporalConfig({ TEMPORAL_TLS_CA: '/a.pem', TEMPORAL_TLS_SERVER_CA_CERT_PATH: '/b.pem' })),
  ).toMatch(/^ {2}TEMPORAL_TLS_CA: 与 TEMPORAL_TLS_SERVER_CA_CERT_PATH 重复/m);
});

describe('a temporal.toml profile, as the Temporal CLI and SDKs read it', () => {
  const folder = dir();
  const ca = path.join(folder, 'ca.pem');
  writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nnot checked here\n-----END CERTIFICATE-----\n');
  const file = path.join(folder, 'temporal.toml');
  writeFileSync(
    file,
    [
      '[profile.default]',
      'address = "localhost:7233"',
      '',
      '[profile.prod]',
      'address = "temporal.internal.example:7233"',
      'namespace = "tolerance"',
      'api_key = "key-from-the-profile"',
      '[profile.prod.tls]',
      `server_ca_cert_path = "${ca}"`,
      'server_name = "temporal.example"',
      '',
      '[profile.badaddress]',
      'address = "no-port"',
    ].join('\n'),
  );

  const typo = path.join(folder, 'typo.toml');
  writeFileSync(typo, '[profile.default]\nadress = "x:1"\n');

  test('the profile named by TEMPORAL_PROFILE is read from TEMPORAL_CONFIG_FILE', () => {
    const temporal = loadTemporalConfig({ TEMPORAL_CONFIG_FILE: file, TEMPORAL_PROFILE: 'prod' });
    expect(temporal).toMatchObject({ address: 'temporal.internal.example:7233', namespace: 'tolerance' });
    expect(temporal.connection.apiKey).toBe('key-from-the-profile');
    expect(temporal.connection.tls).toMatchObject({ serverNameOverride: 'temporal.example' });
    expect(
      Buffer.from(
        (temporal.connection.tls as { serverRootCACertificate: Uint8Array }).serverRootCACertificate,
      ).toString(),
    ).toMatch(/not checked here/);
    expect(loadTemporalConfig({ TEMPORAL_CONFIG_FILE: file }).address).toBe('localhost:7233');
  });

  test('the standard variables override the profile', () => {
    const temporal = loadTemporalConfig({
      TEMPORAL_CONFIG_FILE: file,
      TEMPORAL_PROFILE: 'prod',
      TEMPORAL_NAMESPACE: 'other',
      TEMPORAL_ADDRESS: 'elsewhere.example:7233',
      TEMPORAL_GRPC_META_X_TENANT: 'city',
      TEMPORAL_TASK_QUEUE: 'queue-b',
    });
    expect(temporal).toMatchObject({ address: 'elsewhere.example:7233', namespace: 'other', taskQueue: 'queue-b' });
    expect(temporal.connection.metadata).toEqual({ 'x-tenant': 'city' });
    expect(connectionOptions(temporal).address).toBe('elsewhere.example:7233');
  });

  test('an address from a profile means a Temporal of its own: no embedded server, no demo tokens', () => {
    const env = workerEnv({ TEMPORAL_CONFIG_FILE: file, TEMPORAL_PROFILE: 'prod', AUTH_MODE: 'development' });
    expect(message(() => loadConfig('all', env))).toMatch(
      /^ {2}AUTH_MODE: development is refused against a Temporal server of its own \(temporal\.internal\.example:7233/m,
    );
  });

  test('bad values are refused with the variable or the file that holds them', () => {
    expect(message(() => loadTemporalConfig({ TEMPORAL_CONFIG_FILE: file, TEMPORAL_PROFILE: 'staging' }))).toMatch(
      /^ {2}TEMPORAL_PROFILE: 配置文件 .*temporal\.toml 中没有 profile "staging"/m,
    );
    expect(message(() => loadTemporalConfig({ TEMPORAL_CONFIG_FILE: typo }))).toMatch(
      /^ {2}TEMPORAL_CONFIG_FILE: .*typo\.toml 无法使用：.*unrecognized in profile\.default: adress/m,
    );
    expect(message(() => loadTemporalConfig({ TEMPORAL_CONFIG_FILE: file, TEMPORAL_PROFILE: 'badaddress' }))).toMatch(
      /^ {2}temporal\.toml address: "no-port" 不是 host:port/m,
    );
    expect(message(() => loadTemporalConfig({ TEMPORAL_CONFIG_FILE: path.join(folder, 'none.toml') }))).toMatch(
      /^ {2}TEMPORAL_CONFIG_FILE: 找不到文件 /m,
    );
    expect(message(() => loadTemporalConfig({ TEMPORAL_TLS: 'yes' }))).toMatch(/^ {2}TEMPORAL_TLS: /m);
  });
});

test('the production notice webhook and archive service are named when their URLs are bad', () => {
  expect(
    message(() =>
      loadWorkerConfig({ NOTICE_WEBHOOK_URL: 'not a url', ARCHIVE_URL: 'ftp://archive' }, { production: false }),
    ),
  ).toMatch(/^ {2}NOTICE_WEBHOOK_URL: [^\n]+\n {2}ARCHIVE_URL: /m);
});

test('the reminder goes out 1 working day before a deadline unless configured', () => {
  expect(loadWorkerConfig({}, { production: false }).REMINDER_WORKING_DAYS).toBe(1);
  expect(loadWorkerConfig({ REMINDER_WORKING_DAYS: '2' }, { production: false }).REMINDER_WORKING_DAYS).toBe(2);
  expect(message(() => loadWorkerConfig({ REMINDER_WORKING_DAYS: '0' }, { production: false }))).toMatch(
    /REMINDER_WORKING_DAYS/,
  );
});

test('start-up lists the problems of every setting in one error: Temporal, HTTP, auth and payload keys together', () => {
  const env = {
    PORT: 'eighty',
    RATE_LIMIT_MAX: '0',
    TEMPORAL_CALL_TIMEOUT_MS: '5',
    TEMPORAL_DEV_PORT: '0',
    AUTH_MODE: 'jwt',
    PAYLOAD_KEY_ID: 'k1',
    PAYLOAD_KEY: 'short',
  };
  const text = message(() => loadConfig('api', env));
  expect(text.split('\n')[0]).toBe('bad configuration in the environment:');
  for (const name of [
    'PORT',
    'RATE_LIMIT_MAX',
    'TEMPORAL_CALL_TIMEOUT_MS',
    'TEMPORAL_DEV_PORT',
    'AUTH_ISSUER',
    'PAYLOAD_KEY',
  ]) {
    expect(text).toMatch(new RegExp(`^  ${name}: `, 'm'));
  }
});

test('the codec server’s roles never include applicants, and the Web UI origins must be URLs', () => {
  expect(loadHttpConfig({}).CODEC_ROLES).not.toContain('applicant');
  expect(message(() => loadHttpConfig({ CODEC_ROLES: 'caseOfficer,applicant' }))).toMatch(/CODEC_ROLES/);
  expect(message(() => loadHttpConfig({ CODEC_CORS_ORIGINS: 'not a url' }))).toMatch(/CODEC_CORS_ORIGINS/);
  expect(
    loadHttpConfig({ CODEC_CORS_ORIGINS: 'http://ui.example:8080, https://ui.example' }).CODEC_CORS_ORIGINS,
  ).toEqual(['http://ui.example:8080', 'https://ui.example']);
});
