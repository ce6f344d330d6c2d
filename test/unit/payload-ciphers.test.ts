/**
 * The 国密 option: SM4 and SM3 as Node's OpenSSL implements them match the standards' own examples, and a
 * deployment choosing PAYLOAD_CIPHER=sm4-gcm seals payloads that open, refuse tampering, and coexist with AES ones.
 */
import { execFileSync } from 'node:child_process';
import { createCipheriv, createHash } from 'node:crypto';
import path from 'node:path';

import { cipherAvailable } from '../../codec/ciphers';
import { loadPayloadConfig } from '../../config/payload-keys';
import { ConfigError } from '../../config/errors';
import { projectRoot } from '../../config/paths';
import type { Sm4GcmResults } from '../helpers/sm4-gcm-checks';
import { sm4GcmResults } from '../helpers/sm4-gcm-checks';
import { payloadKeyEnv } from '../helpers/payload-keys';

test('SM4 enciphers GB/T 32907-2016 Appendix A’s example block to its ciphertext', () => {
  const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
  const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
  const out = Buffer.concat([cipher.update(key), cipher.final()]);
  expect(out.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
});

test('SM3 hashes GB/T 32905-2016’s example "abc" to its digest', () => {
  expect(createHash('sm3').update('abc').digest('hex')).toBe(
    '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
  );
});

/**
 * The results of the SM4-GCM checks: here when this Node has sm4-gcm, else from the project's own Node 24
 * (`npx jest` runs the system's Node, which may be 20; `npm test` runs Node 24 first in PATH).
 */
function sm4Results(): Promise<Sm4GcmResults> {
  if (cipherAvailable('sm4-gcm')) return sm4GcmResults();
  const node = path.join(projectRoot, 'node_modules', '.bin', 'node');
  const script = path.join(projectRoot, 'test', 'helpers', 'sm4-gcm-checks.ts');
  const out = execFileSync(node, ['--import', 'tsx', script], { cwd: projectRoot, encoding: 'utf8' });
  return Promise.resolve(JSON.parse(out) as Sm4GcmResults);
}

describe('a payload sealed with SM4-GCM', () => {
  let results: Sm4GcmResults;
  beforeAll(async () => {
    results = await sm4Results();
  }, 60_000);

  test('names its cipher in its metadata and opens to what was sealed', () => {
    expect(results.cipherNamed).toBe('sm4-gcm');
    expect(results.roundTrip).toEqual({ party: { name: '国密测试员' } });
  });

  test('is refused as forged when one bit of it is changed', () => {
    expect(results.tamperedRefusal).toEqual({ unsealedPayloadRefused: 'forged' });
  });

  test('a deployment that switches cipher still opens what the other cipher sealed', () => {
    expect(results.aesReadBySm4Deployment).toEqual({ party: { name: '国密测试员' } });
    expect(results.sm4ReadByAesDeployment).toEqual({ party: { name: '国密测试员' } });
  });
});

test('AES-256-GCM stays the default cipher, and an unknown cipher is a configuration error', () => {
  const config = (env: Record<string, string>) =>
    loadPayloadConfig({ ...payloadKeyEnv(), ...env }, { dataDir: '/nonexistent', allowGenerated: false });
  expect(config({}).cipher).toBe('aes-256-gcm');
  expect(() => config({ PAYLOAD_CIPHER: 'des' })).toThrow(ConfigError);
  if (cipherAvailable('sm4-gcm')) expect(config({ PAYLOAD_CIPHER: 'sm4-gcm' }).cipher).toBe('sm4-gcm');
  else expect(() => config({ PAYLOAD_CIPHER: 'sm4-gcm' })).toThrow(/sm4-gcm needs Node 24/);
});
