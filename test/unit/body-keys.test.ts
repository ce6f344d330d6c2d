/**
 * Keys per handling body: each body's cases are sealed with that body's key, chosen by the case's body as the codec
 * has learnt or looked it up; payloads of earlier releases, sealed with one shared key, keep opening; each body's
 * key rotates on its own; production refuses to start without a key for every body.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Payload } from '@temporalio/common';
import { defaultPayloadConverter } from '@temporalio/common';

import { CaseBodies } from '../../codec/case-bodies';
import { CaseCodec, KEY_ID_METADATA } from '../../codec/case-codec';
import type { PayloadKeys } from '../../codec/keys';
import { bodyOfKey } from '../../codec/keys';
import { developmentKeyFile, loadPayloadKeys } from '../../config/payload-keys';

const key = () => randomBytes(32).toString('base64');
const text = (b: Uint8Array | null | undefined) => Buffer.from(b ?? []).toString('utf8');
const inCase = (workflowId: string) => ({ type: 'workflow', namespace: 'default', workflowId }) as const;
const payload = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);
const keyIdOf = (p: Payload) => text(p.metadata?.[KEY_ID_METADATA]);

const keysFor = (ids: { discipline?: string; older?: string[] } = {}): PayloadKeys => {
  const discipline = ids.discipline ?? 'discipline-2026a';
  const all = ['shared-2026', 'party-2026a', discipline, 'organization-2026a', ...(ids.older ?? [])];
  return {
    currentKeyId: 'shared-2026',
    bodyKeyIds: {
      partyCommittee: 'party-2026a',
      disciplineCommission: discipline,
      organizationDepartment: 'organization-2026a',
    },
    keys: new Map(all.map((id) => [id, randomBytes(32)])),
  };
};

test('a key id names its body by its prefix; any other id is a shared key', () => {
  expect(bodyOfKey('discipline-2026a')).toBe('disciplineCommission');
  expect(bodyOfKey('party-2026a')).toBe('partyCommittee');
  expect(bodyOfKey('organization-2026a')).toBe('organizationDepartment');
  expect(bodyOfKey('test-1')).toBeUndefined();
  expect(bodyOfKey('disciplinary')).toBeUndefined();
});

test('a case of the discipline commission is sealed with the commission’s key, one of no known body with the shared key', async () => {
  const bodies = new CaseBodies();
  bodies.learn('JW-2026-0001', 'disciplineCommission');
  const codec = new CaseCodec(keysFor(), { bodies });
  expect(keyIdOf((await codec.encode([payload(1)], inCase('JW-2026-0001')))[0])).toBe('discipline-2026a');
  expect(keyIdOf((await codec.encode([payload(1)], inCase('XX-2026-0001')))[0])).toBe('shared-2026');
  expect(keyIdOf((await codec.encode([payload(1)]))[0])).toBe('shared-2026');
});

test('a process that opens a case’s payload learns its body and seals the case’s next payloads with that body’s key', async () => {
  const keys = keysFor();
  const api = new CaseCodec(keys, { bodies: new CaseBodies() });
  const learnt = new CaseBodies();
  learnt.learn('ZZ-2026-0007', 'organizationDepartment');
  const [start] = await new CaseCodec(keys, { bodies: learnt }).encode([payload('start')], inCase('ZZ-2026-0007'));
  await api.decode([start], inCase('ZZ-2026-0007'));
  expect(keyIdOf((await api.encode([payload('next')], inCase('ZZ-2026-0007')))[0])).toBe('organization-2026a');
});

test('a case the process has not met is looked up once on the server, then kept', async () => {
  const lookups: string[] = [];
  const codec = new CaseCodec(keysFor(), {
    bodies: new CaseBodies(),
    lookup: async (caseNumber) => {
      lookups.push(caseNumber);
      return 'partyCommittee';
    },
  });
  for (let i = 0; i < 3; i++) {
    expect(keyIdOf((await codec.encode([payload(i)], inCase('DW-2026-0003')))[0])).toBe('party-2026a');
  }
  expect(lookups).toEqual(['DW-2026-0003']);
});

test('payloads of releases 0.2.0 and 0.3.0, sealed with the single shared key, still open', async () => {
  const before: PayloadKeys = { currentKeyId: '2026-01', keys: new Map([['2026-01', randomBytes(32)]]) };
  const [old] = await new CaseCodec(before).encode([payload('旧案')], inCase('OLD-2026-0001'));
  const after = keysFor();
  const upgraded: PayloadKeys = { ...after, keys: new Map([...after.keys, ...before.keys]) };
  const [opened] = await new CaseCodec(upgraded, { bodies: new CaseBodies() }).decode([old], inCase('OLD-2026-0001'));
  expect(defaultPayloadConverter.fromPayload(opened)).toBe('旧案');
});

test('rotating one body’s key: new payloads take the new key, payloads of the old one still open', async () => {
  const bodies = new CaseBodies();
  bodies.learn('JW-2026-0002', 'disciplineCommission');
  const before = keysFor();
  const [old] = await new CaseCodec(before, { bodies }).encode([payload('before')], inCase('JW-2026-0002'));
  const rotated: PayloadKeys = {
    ...before,
    bodyKeyIds: { ...before.bodyKeyIds!, disciplineCommission: 'discipline-2026b' },
    keys: new Map([...before.keys, ['discipline-2026b', randomBytes(32)]]),
  };
  const codec = new CaseCodec(rotated, { bodies });
  expect(defaultPayloadConverter.fromPayload((await codec.decode([old], inCase('JW-2026-0002')))[0])).toBe('before');
  expect(keyIdOf((await codec.encode([payload('after')], inCase('JW-2026-0002')))[0])).toBe('discipline-2026b');
  expect(keyIdOf((await codec.encode([payload('party')], inCase('DW-2026-0001')))[0])).toBe('shared-2026');
});

describe('configuring the bodies’ keys', () => {
  const dir = () => mkdtempSync(path.join(tmpdir(), 'body-keys-'));
  const bodyKeys = (...ids: string[]) => ids.map((id) => `${id}:${key()}`).join(',');

  test('PAYLOAD_BODY_KEYS names each body’s current key; previous keys of any body keep decrypting', () => {
    const keys = loadPayloadKeys({
      DATA_DIR: dir(),
      PAYLOAD_KEY_ID: 'shared-1',
      PAYLOAD_KEY: key(),
      PAYLOAD_BODY_KEYS: bodyKeys('party-2026b', 'discipline-2026b', 'organization-2026b'),
      PAYLOAD_PREVIOUS_KEYS: bodyKeys('discipline-2026a'),
    });
    expect(keys.bodyKeyIds).toEqual({
      partyCommittee: 'party-2026b',
      disciplineCommission: 'discipline-2026b',
      organizationDepartment: 'organization-2026b',
    });
    expect(keys.keys.has('discipline-2026a')).toBe(true);
  });

  test('a body key id that names no body, a body given twice or left out is refused by name', () => {
    const env = (b: string) => ({ DATA_DIR: dir(), PAYLOAD_KEY_ID: 's', PAYLOAD_KEY: key(), PAYLOAD_BODY_KEYS: b });
    expect(() => loadPayloadKeys(env(bodyKeys('party-a', 'jw-a', 'organization-a')))).toThrow(
      /"jw-a" names no handling body/,
    );
    expect(() => loadPayloadKeys(env(bodyKeys('party-a', 'party-b', 'organization-a')))).toThrow(
      /two current keys for partyCommittee/,
    );
    expect(() => loadPayloadKeys(env(bodyKeys('party-a', 'organization-a')))).toThrow(/missing disciplineCommission/);
  });

  test('production refuses to start without a current key for every body', () => {
    expect(() =>
      loadPayloadKeys({ DATA_DIR: dir(), NODE_ENV: 'production', PAYLOAD_KEY_ID: 's', PAYLOAD_KEY: key() }),
    ).toThrow(/a current key for every handling body is required in production/);
    const keys = loadPayloadKeys({
      DATA_DIR: dir(),
      NODE_ENV: 'production',
      PAYLOAD_KEY_ID: 's',
      PAYLOAD_KEY: key(),
      PAYLOAD_BODY_KEYS: bodyKeys('party-1', 'discipline-1', 'organization-1'),
    });
    expect(keys.bodyKeyIds?.disciplineCommission).toBe('discipline-1');
  });

  test('npm start’s generated key file holds a shared key and one key per body', () => {
    const dataDir = dir();
    const keys = loadPayloadKeys({ DATA_DIR: dataDir, allowGenerated: true });
    expect(keys.bodyKeyIds).toEqual({
      partyCommittee: 'party-dev-1',
      disciplineCommission: 'discipline-dev-1',
      organizationDepartment: 'organization-dev-1',
    });
    expect(Object.keys(JSON.parse(readFileSync(developmentKeyFile(dataDir), 'utf8')).keys)).toHaveLength(4);
  });
});
