/**
 * The SM4-GCM seal's checks, runnable in jest or on their own: `npx jest` may run on a Node whose OpenSSL lacks
 * sm4-gcm (Node 20), and then test/unit/payload-ciphers.test.ts runs this file under the project's Node 24
 * (`node_modules/.bin/node --import tsx`), which prints the results as JSON.
 */
import { randomBytes } from 'node:crypto';

import type { Payload } from '@temporalio/common';
import { defaultPayloadConverter } from '@temporalio/common';

import { CaseCodec, CIPHER_METADATA } from '../../codec/case-codec';
import type { PayloadKeys } from '../../codec/keys';

const KEYS: PayloadKeys = { currentKeyId: 'k1', keys: new Map([['k1', randomBytes(32)]]) };
const context = { type: 'workflow', namespace: 'default', workflowId: 'SM-2026-0001' } as const;
const value = { party: { name: '国密测试员' } };
const text = (b: Uint8Array | null | undefined) => Buffer.from(b ?? []).toString('utf8');

/** What the SM4-GCM seal does, as plain facts the test compares. */
export interface Sm4GcmResults {
  readonly cipherNamed: string;
  readonly roundTrip: unknown;
  readonly tamperedRefusal: unknown;
  readonly aesReadBySm4Deployment: unknown;
  readonly sm4ReadByAesDeployment: unknown;
}

/** Seals and opens with SM4-GCM, flips a bit, and switches cipher both ways. */
export async function sm4GcmResults(): Promise<Sm4GcmResults> {
  const sm4 = new CaseCodec(KEYS, { cipher: 'sm4-gcm' });
  const aes = new CaseCodec(KEYS);
  const [sealed] = await sm4.encode([defaultPayloadConverter.toPayload(value)], context);
  const fromPayload = async (codec: CaseCodec, p: Payload) =>
    defaultPayloadConverter.fromPayload((await codec.decode([p], context))[0]);
  const tampered: Payload = { ...sealed, data: Buffer.from(sealed.data ?? []) };
  (tampered.data as Buffer)[20] ^= 1;
  const [aesSealed] = await aes.encode([defaultPayloadConverter.toPayload(value)], context);
  return {
    cipherNamed: text(sealed.metadata?.[CIPHER_METADATA]),
    roundTrip: await fromPayload(sm4, sealed),
    tamperedRefusal: await fromPayload(sm4, tampered),
    aesReadBySm4Deployment: await fromPayload(sm4, aesSealed),
    sm4ReadByAesDeployment: await fromPayload(aes, sealed),
  };
}

if (require.main === module) {
  sm4GcmResults().then(
    (r) => process.stdout.write(JSON.stringify(r)),
    (err: unknown) => {
      process.stderr.write(String(err));
      process.exit(1);
    },
  );
}
