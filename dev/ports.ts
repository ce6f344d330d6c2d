import net from 'node:net';

/** Thrown when a port the system needs is taken; the message names the port and what needed it. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

/** Resolves when `port` on `host` can be bound; otherwise rejects with a line naming the port and its purpose. */
export function assertPortFree(port: number, host: string, purpose: string, envVar: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new PortInUseError(
              `port ${port} (${purpose}) is already in use on ${host}; stop what uses it or set ${envVar}`,
            )
          : err,
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
