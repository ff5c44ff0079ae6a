import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy that holds every chunk from client to server for `delayMs`
 * (server to client passes at once): a slow SMTP server, as seen from the
 * Cognito emulator. A fault for tests; the delay is the fault itself.
 */
export async function startSlowTcpProxy(upstream: { host: string; port: number }, delayMs: number) {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const server = connect(upstream.port, upstream.host);
    sockets.add(client).add(server);
    server.pipe(client);
    client.on('data', (chunk) => setTimeout(() => server.write(chunk), delayMs));
    client.on('end', () => setTimeout(() => server.end(), delayMs));
    const drop = () => {
      client.destroy();
      server.destroy();
    };
    client.on('error', drop);
    server.on('error', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}
