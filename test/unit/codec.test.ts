import { createCipheriv, randomBytes } from 'node:crypto';

import type { Payload } from '@temporalio/common';
import { ApplicationFailure, defaultPayloadConverter } from '@temporalio/common';

import { temporal } from '@temporalio/proto';

import { CaseCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA, SEALED_FOR_METADATA } from '../../codec/case-codec';
import { failureConverter } from '../../codec/failure-converter';
import type { PayloadKeys } from '../../codec/keys';

const NAME = '王测试员';
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');
const keysOf = (currentKeyId: string, ...ids: string[]): PayloadKeys => ({
  currentKeyId,
  keys: new Map([currentKeyId, ...ids].map((id) => [id, randomBytes(32)])),
});
const payload = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);

test('an encrypted payload shows neither its value nor its encoding, only the key id', async () => {
  const [sealed] = await new CaseCodec(keysOf('2026-11')).encode([payload({ party: { name: NAME } })]);
  expect(text(sealed.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
  expect(text(sealed.metadata?.[KEY_ID_METADATA])).toBe('2026-11');
  expect(Buffer.from(sealed.data ?? []).includes(Buffer.from(NAME))).toBe(false);
  expect(Buffer.from(sealed.data ?? []).includes(Buffer.from('json/plain'))).toBe(false);
});

test('a payload decodes to exactly what was encoded', async () => {
  const codec = new CaseCodec(keysOf('k1'));
  const original = payload({ party: { name: NAME }, facts: 'x'.repeat(10_000) });
  const [decoded] = await codec.decode(await codec.encode([original]));
  expect(defaultPayloadConverter.fromPayload(decoded)).toEqual(defaultPayloadConverter.fromPayload(original));
});

test('the same value encrypts differently each time (a fresh nonce per payload)', async () => {
  const codec = new CaseCodec(keysOf('k1'));
  const [a, b] = await codec.encode([payload(NAME), payload(NAME)]);
  expect(Buffer.from(a.data ?? []).equals(Buffer.from(b.data ?? []))).toBe(false);
});

test('after a rotation the old key still decrypts what it encrypted, and new payloads use the new key', async () => {
  const before = keysOf('2026-01');
  const [old] = await new CaseCodec(before).encode([payload(NAME)]);
  const after: PayloadKeys = {
    currentKeyId: '2026-12',
    keys: new Map([...before.keys, ['2026-12', randomBytes(32)]]),
  };
  const rotated = new CaseCodec(after);
  expect(defaultPayloadConverter.fromPayload((await rotated.decode([old]))[0])).toBe(NAME);
  expect(text((await rotated.encode([payload(NAME)]))[0].metadata?.[KEY_ID_METADATA])).toBe('2026-12');
});

test('a payload of an unknown key is refused by name, not decoded into garbage', async () => {
  const [sealed] = await new CaseCodec(keysOf('lost')).encode([payload(NAME)]);
  await expect(new CaseCodec(keysOf('k1')).decode([sealed])).rejects.toThrow(/unknown key id "lost"/);
});

const inCase = (workflowId: string) => ({ type: 'workflow' as const, namespace: 'default', workflowId });
const refusedAs = (decoded: Payload) =>
  defaultPayloadConverter.fromPayload<{ unsealedPayloadRefused?: string }>(decoded).unsealedPayloadRefused;

test('a tampered ciphertext is refused as forged (GCM authentication), never decoded', async () => {
  const codec = new CaseCodec(keysOf('k1'));
  const [sealed] = await codec.encode([payload(NAME)]);
  const data = Buffer.from(sealed.data ?? []);
  data[20] ^= 1;
  expect(refusedAs((await codec.decode([{ ...sealed, data }]))[0])).toBe('forged');
});

test('a plaintext payload (a message typed into the CLI or the Web UI) is refused, not passed on', async () => {
  const plain = payload({ actor: { id: 'intruder', role: 'meetingSecretary' } });
  expect(refusedAs((await new CaseCodec(keysOf('k1')).decode([plain]))[0])).toBe('plaintext');
});

test('plaintext passes only inside the explicit migration window, and is refused once it has passed', async () => {
  const plain = payload({ party: { name: NAME } });
  const until = new Date('2027-01-31T16:00:00Z');
  const during = new CaseCodec(keysOf('k1'), { plaintextUntil: until, now: () => until.getTime() - 1 });
  const after = new CaseCodec(keysOf('k1'), { plaintextUntil: until, now: () => until.getTime() });
  expect(await during.decode([plain])).toEqual([plain]);
  expect(refusedAs((await after.decode([plain]))[0])).toBe('plaintext');
});

test('a payload sealed for one case is refused when it is sent to another case', async () => {
  const codec = new CaseCodec(keysOf('k1'));
  const [sealed] = await codec.encode([payload({ approved: true })], inCase('NY-2026-0001'));
  expect(defaultPayloadConverter.fromPayload((await codec.decode([sealed], inCase('NY-2026-0001')))[0])).toEqual({
    approved: true,
  });
  expect(refusedAs((await codec.decode([sealed], inCase('NY-2026-0002')))[0])).toBe('anotherCase');
});

test('relabelling a seal for another case breaks it: the case is authenticated data', async () => {
  const codec = new CaseCodec(keysOf('k1'));
  const [sealed] = await codec.encode([payload({ approved: true })], inCase('NY-2026-0001'));
  const relabelled = {
    ...sealed,
    metadata: { ...sealed.metadata, [SEALED_FOR_METADATA]: Buffer.from('NY-2026-0002') },
  };
  expect(refusedAs((await codec.decode([relabelled], inCase('NY-2026-0002')))[0])).toBe('forged');
});

test('seals of release 0.2.0 (no authenticated data) still open, so its histories replay', async () => {
  const keys = keysOf('k1');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.keys.get('k1') as Buffer, iv);
  const inner = temporal.api.common.v1.Payload.encode(payload(NAME)).finish();
  const body = Buffer.concat([cipher.update(inner), cipher.final()]);
  const v1: Payload = {
    metadata: { encoding: Buffer.from(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: Buffer.from('k1') },
    data: Buffer.concat([iv, body, cipher.getAuthTag()]),
  };
  expect(defaultPayloadConverter.fromPayload((await new CaseCodec(keys).decode([v1], inCase('X-2026-1')))[0])).toBe(
    NAME,
  );
});

test('a failure’s message and stack travel as an encrypted payload, not as plain fields', async () => {
  const codec = new CaseCodec(keysOf('k1'));
  const failure = failureConverter.errorToFailure(
    ApplicationFailure.nonRetryable(`通知 ${NAME} 被拒收`, 'NoticeRefused'),
    defaultPayloadConverter,
  );
  const [encoded] = await codec.encode([failure.encodedAttributes as Payload]);
  expect(failure.message).not.toContain(NAME);
  expect(failure.stackTrace ?? '').not.toContain(NAME);
  expect(Buffer.from(encoded.data ?? []).includes(Buffer.from(NAME))).toBe(false);
  const [decoded] = await codec.decode([encoded]);
  expect(defaultPayloadConverter.fromPayload<{ message: string }>(decoded).message).toBe(`通知 ${NAME} 被拒收`);
});
