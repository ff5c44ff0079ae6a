import { createServer } from 'node:net';
import { DEFAULT_MAIL_LATENCY_MS, attemptLimitSettings, quotaSettings, type StackSettings } from './stack-settings.js';

/** A TCP port nothing listens on right now, for a private stack or a dead address. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Settings for a whole embedded stack on free loopback ports, its data in `dataDir`. */
export async function stackOnFreePorts(dataDir: string): Promise<StackSettings> {
  const host = '127.0.0.1';
  const mailSmtpPort = await freePort();
  return {
    host,
    network: false,
    cognitoPort: await freePort(),
    mailSmtpPort,
    mailWebPort: await freePort(),
    appPort: await freePort(),
    cognitoSmtpHost: host,
    cognitoSmtpPort: mailSmtpPort,
    dataDir,
    mailLatencyMs: { ...DEFAULT_MAIL_LATENCY_MS },
    quotas: quotaSettings({}),
    attemptLimits: attemptLimitSettings({}),
    triggers: {},
  };
}
