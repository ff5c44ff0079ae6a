import type { AddressInfo } from 'node:net';
import { setTimeout as pause } from 'node:timers/promises';
import nodemailer, { type Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';

/** What the proxy does to every mail on its way from the emulator to the catcher. */
export type MailFault =
  | { kind: 'duplicate' }
  | { kind: 'drop' }
  | { kind: 'delay'; ms: number }
  /** Delivers to this address instead of the one Cognito mailed. */
  | { kind: 'redirect'; to: string }
  /** Changes every six-digit code in the mail to another one. */
  | { kind: 'alter' }
  /** Rewords the mail: "Your verification code is" becomes other words, as a template changed elsewhere would. */
  | { kind: 'reword' }
  /** Gives the mail another subject. */
  | { kind: 'resubject'; subject: string }
  /** Delivers to the address Cognito mailed, but with another address in its To: header. */
  | { kind: 'readdress'; to: string };

/**
 * A FAULT INJECTOR for tests of the suite itself: a real SMTP server on
 * loopback, between the Cognito emulator and the mail catcher, that passes
 * each mail on, after doing one thing wrong to it.
 */
export class SmtpProxy {
  private constructor(
    private readonly server: SMTPServer,
    private readonly onward: Transporter,
  ) {}

  static async start(catcher: { host: string; port: number }, fault: MailFault): Promise<SmtpProxy> {
    const onward = nodemailer.createTransport({ host: catcher.host, port: catcher.port, secure: false, ignoreTLS: true });
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) };
          const raw = Buffer.concat(chunks).toString('utf8');
          if (fault.kind === 'delay') {
            // Accepted at once, delivered late: a slow mail path after Cognito, which has long answered.
            callback();
            void forward(onward, fault, envelope, raw).catch(() => undefined);
            return;
          }
          void forward(onward, fault, envelope, raw).then(() => callback(), (error: Error) => callback(error));
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new SmtpProxy(server, onward);
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.onward.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function forward(onward: Transporter, fault: MailFault, envelope: { from: string; to: string[] }, raw: string): Promise<void> {
  const send = (to = envelope.to, message = raw) => onward.sendMail({ envelope: { from: envelope.from, to }, raw: message });
  switch (fault.kind) {
    case 'drop':
      return;
    case 'duplicate':
      await send();
      await send();
      return;
    case 'delay':
      await pause(fault.ms); // the fault under test: mail that takes this long
      await send();
      return;
    case 'redirect':
      await send([fault.to], raw.replace(/^To: .*$/im, `To: ${fault.to}`));
      return;
    case 'alter':
      await send(envelope.to, raw.replace(/\b(\d{6})\b/g, (code) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')));
      return;
    case 'reword':
      await send(envelope.to, raw.replace(/Your verification code is/g, 'Here is your one-time code:'));
      return;
    case 'resubject':
      await send(envelope.to, raw.replace(/^Subject: .*$/im, `Subject: ${fault.subject}`));
      return;
    case 'readdress':
      await send(envelope.to, raw.replace(/^To: .*$/im, `To: ${fault.to}`));
      return;
  }
}
