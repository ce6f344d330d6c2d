/**
 * The thread that renders documents for a compiled worker. Embedding Chinese fonts takes about a second of CPU per
 * PDF, and a worker's activities share its main thread with the workflow tasks: rendered there, a burst of documents
 * (a worker restarted with a backlog) held workflow tasks past their timeout. Rendering therefore runs on one thread
 * of its own, compiled (`dist/`) or from the TypeScript sources (tests, tsx), which the thread loads through tsx: in
 * tests the API, the worker and the test share one event loop, and a PDF rendered inline held all three.
 */
import { existsSync } from 'node:fs';
import { parentPort, Worker } from 'node:worker_threads';

import type { OfficialDocument } from '../domain/documents/layout';
import { renderDocx } from './docx';
import { renderPdf } from './pdf';
import type { PdfFonts } from './pdf-fonts';

/** Both renderings of a document. */
export interface Renderings {
  readonly docx: Buffer;
  readonly pdf: Buffer;
}

interface Request {
  readonly id: number;
  readonly doc: OfficialDocument;
  readonly fonts: PdfFonts;
}

type Answer = { readonly id: number } & (
  { readonly docx: Uint8Array; readonly pdf: Uint8Array } | { readonly error: string }
);

async function renderBoth(doc: OfficialDocument, fonts: PdfFonts): Promise<Renderings> {
  return { docx: await renderDocx(doc), pdf: await renderPdf(doc, fonts) };
}

let thread: Worker | undefined;
let next = 0;
const waiting = new Map<number, { resolve: (r: Renderings) => void; reject: (e: Error) => void }>();

/** This module as a thread: the compiled file itself, or the source loaded through tsx's require hook. */
function spawnThread(): Worker {
  if (__filename.endsWith('.js') && existsSync(__filename)) return new Worker(__filename);
  const source = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(__filename)});`;
  return new Worker(source, { eval: true });
}

function renderThread(): Worker {
  if (thread) return thread;
  const started = spawnThread();
  started.on('message', (a: Answer) => {
    const w = waiting.get(a.id);
    waiting.delete(a.id);
    if (waiting.size === 0) started.unref();
    if (!w) return;
    if ('error' in a) w.reject(new Error(a.error));
    else w.resolve({ docx: Buffer.from(a.docx), pdf: Buffer.from(a.pdf) });
  });
  // A thread that dies fails what it had; the next document starts a new one (the activity retries).
  started.on('error', (err) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
    thread = undefined;
  });
  thread = started;
  return started;
}

/**
 * Renders `doc` as DOCX and PDF on the render thread. When `signal` aborts (a worker shutting down cancels its
 * activities), the answer is given up at once: the thread's queue may hold many documents, and a stopping worker
 * would otherwise wait for every one of them.
 */
export function render(doc: OfficialDocument, fonts: PdfFonts, signal?: AbortSignal): Promise<Renderings> {
  signal?.throwIfAborted();
  const t = renderThread();
  const id = (next += 1);
  // Held while it has work, let go when idle: an idle render thread never keeps the process alive.
  t.ref();
  return new Promise((resolve, reject) => {
    const giveUp = () => {
      if (!waiting.delete(id)) return;
      if (waiting.size === 0) t.unref();
      reject(signal?.reason instanceof Error ? signal.reason : new Error('rendering cancelled'));
    };
    waiting.set(id, {
      resolve: (r) => {
        signal?.removeEventListener('abort', giveUp);
        resolve(r);
      },
      reject: (e) => {
        signal?.removeEventListener('abort', giveUp);
        reject(e);
      },
    });
    signal?.addEventListener('abort', giveUp, { once: true });
    t.postMessage({ id, doc, fonts } satisfies Request);
  });
}

// Inside the render thread: answer each request with both renderings, or the error.
if (parentPort) {
  const port = parentPort;
  port.on('message', (r: Request) => {
    renderBoth(r.doc, r.fonts).then(
      ({ docx, pdf }) => port.postMessage({ id: r.id, docx, pdf } satisfies Answer),
      (err: unknown) => port.postMessage({ id: r.id, error: String(err) } satisfies Answer),
    );
  });
}
