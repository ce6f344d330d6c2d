import { loadAuthConfig } from '../../api/auth';
import { loadHttpConfig } from '../../api/http/hardening';
import { loadAll, loadConfig, loadKeysFromEnv } from '../../config/env';

test('the defaults start the embedded dev server with the API on 127.0.0.1:3000', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', TEMPORAL_DEV_PORT: 7233, TEMPORAL_UI_PORT: 8233 });
  expect(config.TEMPORAL_ADDRESS).toBeUndefined();
});

test('a bad environment is refused in one error that lists every bad variable', () => {
  const bad = { PORT: 'eighty', TEMPORAL_ADDRESS: 'no port here', TEMPORAL_UI_PORT: '70000' };
  expect(() => loadConfig(bad)).toThrow(/^bad configuration in the environment:\n/);
  const message = (() => {
    try {
      loadConfig(bad);
      return '';
    } catch (err) {
      return (err as Error).message;
    }
  })();
  for (const name of Object.keys(bad)) expect(message).toMatch(new RegExp(`^  ${name}: `, 'm'));
});

test('a TLS certificate without its key is refused', () => {
  expect(() => loadConfig({ TEMPORAL_TLS_CERT: '/tmp/cert.pem' })).toThrow(/TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY/);
});

test('an unreadable TLS file is named', () => {
  expect(() => loadConfig({ TEMPORAL_TLS_CA: '/nonexistent/ca.pem' })).toThrow(/TEMPORAL_TLS_CA: cannot read/);
});

test('the production notice webhook and archive service are named when their URLs are bad', () => {
  expect(() => loadConfig({ NOTICE_WEBHOOK_URL: 'not a url', ARCHIVE_URL: 'ftp://archive' })).toThrow(
    /^ {2}NOTICE_WEBHOOK_URL: [^\n]+\n {2}ARCHIVE_URL: /m,
  );
});

test('the reminder goes out 1 working day before a deadline unless configured', () => {
  expect(loadConfig({}).REMINDER_WORKING_DAYS).toBe(1);
  expect(loadConfig({ REMINDER_WORKING_DAYS: '2' }).REMINDER_WORKING_DAYS).toBe(2);
  expect(() => loadConfig({ REMINDER_WORKING_DAYS: '0' })).toThrow(/REMINDER_WORKING_DAYS/);
});

test('start-up lists the problems of every setting in one error: Temporal, HTTP, auth and payload keys together', () => {
  const env = {
    PORT: 'eighty',
    RATE_LIMIT_MAX: '0',
    TEMPORAL_CALL_TIMEOUT_MS: '5',
    AUTH_MODE: 'jwt',
    PAYLOAD_KEY_ID: 'k1',
    PAYLOAD_KEY: 'short',
  };
  let message = '';
  try {
    loadAll({
      config: () => loadConfig(env),
      http: () => loadHttpConfig(env),
      auth: () => loadAuthConfig(env),
      keys: () => loadKeysFromEnv(env),
    });
  } catch (err) {
    message = (err as Error).message;
  }
  expect(message.split('\n')[0]).toBe('bad configuration in the environment:');
  for (const name of ['PORT', 'RATE_LIMIT_MAX', 'TEMPORAL_CALL_TIMEOUT_MS', 'AUTH_ISSUER', 'PAYLOAD_KEY']) {
    expect(message).toMatch(new RegExp(`^  ${name}: `, 'm'));
  }
});

test('the codec server’s roles never include applicants, and the Web UI origins must be URLs', () => {
  expect(loadConfig({}).CODEC_ROLES).not.toContain('applicant');
  expect(() => loadConfig({ CODEC_ROLES: 'caseOfficer,applicant' })).toThrow(/CODEC_ROLES/);
  expect(() => loadConfig({ CODEC_CORS_ORIGINS: 'not a url' })).toThrow(/CODEC_CORS_ORIGINS/);
  expect(loadConfig({ CODEC_CORS_ORIGINS: 'http://ui.example:8080, https://ui.example' }).CODEC_CORS_ORIGINS).toEqual([
    'http://ui.example:8080',
    'https://ui.example',
  ]);
});
