/** A real HTTP server on an ephemeral 127.0.0.1 port for an Express app, for tests that speak HTTP with fetch. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Express } from 'express';

export interface Listening {
  readonly server: Server;
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 port 0; `close()` also cuts keep-alive connections that fetch leaves open. */
export async function listen(app: Express): Promise<Listening> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
