/**
 * The document store: every rendering kept once, content-addressed by its SHA-256, and the record of each issued
 * document kept once per case and document id, so that a document once issued never changes and a retried issue
 * finds the first one. Documents name people and disciplinary decisions, so every file is sealed at rest with the
 * handling body's payload key (AES-256-GCM or SM4-GCM, `codec/ciphers.ts`), its own name authenticated with it; a
 * rendering read back is checked against the hash it is filed under. Files are 0600 in 0700 directories under
 * `<DATA_DIR>/documents`, written exclusively: the first write of a name wins.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { PayloadCipher } from '../codec/ciphers';
import { open, seal } from '../codec/ciphers';
import type { PayloadKeys } from '../codec/keys';
import { sealingKeyId } from '../codec/keys';
import type { HandlingBody } from '../domain/case';
import type { IssuedDocument } from '../domain/documents/request';

/** The two renderings of a document. */
export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** Where issued documents are kept: the activity writes, the API reads. */
export interface DocumentStore {
  /** The document issued as `id` of the case, if it was. */
  issued(caseNumber: string, id: string): Promise<IssuedDocument | undefined>;
  /** Files the record of an issued document; answers the first record when one was filed before. */
  fileIssued(caseNumber: string, body: HandlingBody, document: IssuedDocument): Promise<IssuedDocument>;
  /** Keeps a rendering and answers its SHA-256 (hex). */
  put(bytes: Uint8Array, format: DocumentFormat, body: HandlingBody): Promise<string>;
  /** The rendering filed under `sha256`, or undefined when there is none (or it does not match its hash). */
  read(sha256: string, format: DocumentFormat): Promise<Buffer | undefined>;
}

/** A sealed file: the key and cipher that sealed it, and the sealed bytes. */
interface SealedFile {
  readonly keyId: string;
  readonly cipher: PayloadCipher;
  readonly sealed: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The embedded store: sealed files under `dir`. */
export class FileDocumentStore implements DocumentStore {
  constructor(
    readonly dir: string,
    private readonly keys: PayloadKeys,
    private readonly cipher: PayloadCipher = 'aes-256-gcm',
  ) {}

  private recordName(caseNumber: string, id: string): string {
    // Case numbers are Chinese and may hold characters a file name should not: the name is their digest.
    return sha256Hex(Buffer.from(JSON.stringify([caseNumber, id])));
  }

  private async writeSealed(file: string, plain: Uint8Array, aad: string, body: HandlingBody): Promise<boolean> {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const keyId = sealingKeyId(this.keys, body);
    const key = this.keys.keys.get(keyId) as Buffer;
    const sealed = Buffer.from(seal(this.cipher, plain, key, Buffer.from(aad))).toString('base64');
    const content: SealedFile = { keyId, cipher: this.cipher, sealed };
    try {
      await writeFile(file, JSON.stringify(content), { flag: 'wx', mode: 0o600 });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    }
  }

  private async readSealed(file: string, aad: string): Promise<Buffer | undefined> {
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (text === undefined) return undefined;
    const content = JSON.parse(text) as SealedFile;
    const key = this.keys.keys.get(content.keyId);
    if (!key) throw new Error(`document store: no payload key ${content.keyId} to open ${path.basename(file)}`);
    const plain = open(content.cipher, Buffer.from(content.sealed, 'base64'), key, Buffer.from(aad));
    if (!plain) throw new Error(`document store: ${path.basename(file)} does not open (altered, or moved)`);
    return Buffer.from(plain);
  }

  async issued(caseNumber: string, id: string): Promise<IssuedDocument | undefined> {
    const name = this.recordName(caseNumber, id);
    const plain = await this.readSealed(path.join(this.dir, 'issued', `${name}.json`), `issued/${name}`);
    return plain && (JSON.parse(plain.toString('utf8')) as IssuedDocument);
  }

  async fileIssued(caseNumber: string, body: HandlingBody, document: IssuedDocument): Promise<IssuedDocument> {
    const name = this.recordName(caseNumber, document.id);
    const file = path.join(this.dir, 'issued', `${name}.json`);
    const written = await this.writeSealed(file, Buffer.from(JSON.stringify(document)), `issued/${name}`, body);
    return written ? document : ((await this.issued(caseNumber, document.id)) as IssuedDocument);
  }

  async put(bytes: Uint8Array, format: DocumentFormat, body: HandlingBody): Promise<string> {
    const sha = sha256Hex(bytes);
    await this.writeSealed(path.join(this.dir, 'blobs', `${sha}.${format}`), bytes, `${sha}.${format}`, body);
    return sha;
  }

  async read(sha256: string, format: DocumentFormat): Promise<Buffer | undefined> {
    if (!SHA256_HEX.test(sha256)) return undefined;
    const bytes = await this.readSealed(path.join(this.dir, 'blobs', `${sha256}.${format}`), `${sha256}.${format}`);
    return bytes && sha256Hex(bytes) === sha256 ? bytes : undefined;
  }
}
