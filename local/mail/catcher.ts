import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { MailDev } from 'maildev';
import type { RunningService } from '../running-service.js';
import { admitOrigins, type Admission } from '../origin-gate.js';

export interface MailCatcherOptions {
  host: string;
  smtpPort: number;
  webPort: number;
  dataDir: string;
  /** For the benchmark: a file that gets one JSON line per mail, with when the catcher had it. */
  acceptLog?: string;
  /** The pages whose browser calls its API and push events answer, beside its own web UI, and by which names; see admitOrigins. */
  admission: Admission;
}

/**
 * MailDev 3: a real SMTP server that keeps every message, with a REST API under
 * /api, socket.io push events, and a web UI where a person can read the mail.
 */
export async function startMailCatcher(options: MailCatcherOptions): Promise<RunningService> {
  const maildev = new MailDev({
    smtp: options.smtpPort,
    ip: options.host,
    web: options.webPort,
    webIp: options.host,
    mailDirectory: path.join(options.dataDir, 'mail'),
    silent: true,
  });
  const { smtp, api } = await maildev.start();
  // MailDev 3's API and socket.io allow any origin, with credentials, and its options cannot say otherwise.
  if (api) admitOrigins(api.server.server, options.admission, 'The mail catcher (MailDev)');
  if (options.acceptLog) {
    const log = options.acceptLog;
    smtp.on('new', (email: { id: string }) => appendFileSync(log, `${JSON.stringify({ id: email.id, acceptedAt: Date.now() })}\n`));
  }
  return {
    name: 'Mail catcher (MailDev)',
    url: `http://${options.host}:${options.webPort}`,
    close: () => maildev.stop(),
  };
}
