import type { Server } from 'node:http';

/** One piece of the embedded stack, started and ready. */
export interface RunningService {
  name: string;
  url: string;
  close(): Promise<void>;
}

/** Stops accepting connections and drops idle keep-alive ones, so shutdown is prompt. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
