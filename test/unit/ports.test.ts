import net from 'node:net';

import { assertPortFree } from '../../dev/ports';

test('a port already taken is refused naming the port, its purpose and the variable that moves it', async () => {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const { port } = holder.address() as net.AddressInfo;
  try {
    await expect(assertPortFree(port, '127.0.0.1', 'Temporal Web UI', 'TEMPORAL_UI_PORT')).rejects.toThrow(
      `port ${port} (Temporal Web UI) is already in use on 127.0.0.1; stop what uses it or set TEMPORAL_UI_PORT`,
    );
  } finally {
    holder.close();
  }
});

test('a free port passes', async () => {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  await expect(assertPortFree(port, '127.0.0.1', 'HTTP API', 'PORT')).resolves.toBeUndefined();
});
