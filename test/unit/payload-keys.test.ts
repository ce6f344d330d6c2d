import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { developmentKeyFile, loadPayloadKeys } from '../../config/payload-keys';

const key = () => randomBytes(32).toString('base64');
const dir = () => mkdtempSync(path.join(tmpdir(), 'keys-'));

test('the current key and older keys come from PAYLOAD_KEY_ID, PAYLOAD_KEY and PAYLOAD_PREVIOUS_KEYS', () => {
  const keys = loadPayloadKeys({
    DATA_DIR: dir(),
    PAYLOAD_KEY_ID: '2026-11',
    PAYLOAD_KEY: key(),
    PAYLOAD_PREVIOUS_KEYS: `2025-01:${key()}, 2024-01:${key()}`,
  });
  expect(keys.currentKeyId).toBe('2026-11');
  expect([...keys.keys.keys()]).toEqual(['2026-11', '2025-01', '2024-01']);
});

test('a key that is not 32 bytes of base64 is refused, naming the variable', () => {
  expect(() => loadPayloadKeys({ DATA_DIR: dir(), PAYLOAD_KEY_ID: 'k1', PAYLOAD_KEY: 'c2hvcnQ=' })).toThrow(
    /^PAYLOAD_KEY: must be 32 random bytes/,
  );
  expect(() => loadPayloadKeys({ DATA_DIR: dir(), PAYLOAD_KEY: key() })).toThrow(/^PAYLOAD_KEY_ID:/);
});

test('a key file names its current key among its keys', () => {
  const file = path.join(dir(), 'keys.json');
  writeFileSync(file, JSON.stringify({ currentKeyId: 'b', keys: { a: key(), b: key() } }));
  expect(loadPayloadKeys({ DATA_DIR: dir(), PAYLOAD_KEY_FILE: file }).currentKeyId).toBe('b');
  writeFileSync(file, JSON.stringify({ currentKeyId: 'c', keys: { a: key() } }));
  expect(() => loadPayloadKeys({ DATA_DIR: dir(), PAYLOAD_KEY_FILE: file })).toThrow(/currentKeyId "c" is not among/);
});

test('production refuses to start without a configured key', () => {
  expect(() => loadPayloadKeys({ DATA_DIR: dir(), NODE_ENV: 'production' })).toThrow(/required in production/);
});

test('npm start with its embedded Temporal gets a key generated once, readable by its owner only', () => {
  const dataDir = dir();
  const first = loadPayloadKeys({ DATA_DIR: dataDir, allowGenerated: true });
  const again = loadPayloadKeys({ DATA_DIR: dataDir, allowGenerated: true });
  expect(again.keys.get(again.currentKeyId)).toEqual(first.keys.get(first.currentKeyId));
  expect(statSync(developmentKeyFile(dataDir)).mode & 0o777).toBe(0o600);
  expect(JSON.parse(readFileSync(developmentKeyFile(dataDir), 'utf8')).currentKeyId).toBe('dev-1');
});
