import { randomBytes } from 'node:crypto';

import type { Payload } from '@temporalio/common';
import { ApplicationFailure, defaultPayloadConverter } from '@temporalio/common';

import { AesGcmCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA } from '../../codec/aes-gcm';
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
  const [sealed] = await new AesGcmCodec(keysOf('2026-11')).encode([payload({ party: { name: NAME } })]);
  expect(text(sealed.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
  expect(text(sealed.metadata?.[KEY_ID_METADATA])).toBe('2026-11');
  expect(Buffer.from(sealed.data ?? []).includes(Buffer.from(NAME))).toBe(false);
  expect(Buffer.from(sealed.data ?? []).includes(Buffer.from('json/plain'))).toBe(false);
});

test('a payload decodes to exactly what was encoded', async () => {
  const codec = new AesGcmCodec(keysOf('k1'));
  const original = payload({ party: { name: NAME }, facts: 'x'.repeat(10_000) });
  const [decoded] = await codec.decode(await codec.encode([original]));
  expect(defaultPayloadConverter.fromPayload(decoded)).toEqual(defaultPayloadConverter.fromPayload(original));
});

test('the same value encrypts differently each time (a fresh nonce per payload)', async () => {
  const codec = new AesGcmCodec(keysOf('k1'));
  const [a, b] = await codec.encode([payload(NAME), payload(NAME)]);
  expect(Buffer.from(a.data ?? []).equals(Buffer.from(b.data ?? []))).toBe(false);
});

test('after a rotation the old key still decrypts what it encrypted, and new payloads use the new key', async () => {
  const before = keysOf('2026-01');
  const [old] = await new AesGcmCodec(before).encode([payload(NAME)]);
  const after: PayloadKeys = {
    currentKeyId: '2026-12',
    keys: new Map([...before.keys, ['2026-12', randomBytes(32)]]),
  };
  const rotated = new AesGcmCodec(after);
  expect(defaultPayloadConverter.fromPayload((await rotated.decode([old]))[0])).toBe(NAME);
  expect(text((await rotated.encode([payload(NAME)]))[0].metadata?.[KEY_ID_METADATA])).toBe('2026-12');
});

test('a payload of an unknown key is refused by name, not decoded into garbage', async () => {
  const [sealed] = await new AesGcmCodec(keysOf('lost')).encode([payload(NAME)]);
  await expect(new AesGcmCodec(keysOf('k1')).decode([sealed])).rejects.toThrow(/unknown key id "lost"/);
});

test('a tampered ciphertext is refused (GCM authentication)', async () => {
  const codec = new AesGcmCodec(keysOf('k1'));
  const [sealed] = await codec.encode([payload(NAME)]);
  const data = Buffer.from(sealed.data ?? []);
  data[20] ^= 1;
  await expect(codec.decode([{ ...sealed, data }])).rejects.toThrow();
});

test('payloads written before encryption was switched on pass through, so old histories stay readable', async () => {
  const plain = payload({ party: { name: NAME } });
  expect(await new AesGcmCodec(keysOf('k1')).decode([plain])).toEqual([plain]);
});

test('a failure’s message and stack travel as an encrypted payload, not as plain fields', async () => {
  const codec = new AesGcmCodec(keysOf('k1'));
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
