import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface GracefulCloseOptions {
  /** After this long, connections still open are cut. */
  readonly timeoutMs: number;
}

/** Idle keep-alive connections are swept this often while requests drain; cheap, and short enough not to delay. */
const SWEEP_MS = 50;

/**
 * Stops accepting connections, lets requests in flight finish, closes keep-alive connections as soon as they are
 * idle, and cuts whatever is left after `timeoutMs`. Resolves once the server is closed; `forced` tells whether
 * connections had to be cut.
 */
export function gracefulClose(server: Server, options: GracefulCloseOptions): Promise<{ forced: boolean }> {
  return new Promise((resolve, reject) => {
    let forced = false;
    // Answers given while draining tell clients not to reuse the connection; prepended so the header is set
    // before the app can answer.
    const onRequest = (_req: IncomingMessage, res: ServerResponse) => res.setHeader('Connection', 'close');
    server.prependListener('request', onRequest);
    const sweep = setInterval(() => server.closeIdleConnections(), SWEEP_MS);
    const deadline = setTimeout(() => {
      forced = true;
      server.closeAllConnections();
    }, options.timeoutMs);
    server.close((err) => {
      clearInterval(sweep);
      clearTimeout(deadline);
      server.off('request', onRequest);
      if (err && (err as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') reject(err);
      else resolve({ forced });
    });
    server.closeIdleConnections();
  });
}
