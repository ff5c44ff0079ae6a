import nodemailer from 'nodemailer';
import { CognitoError } from 'cognito-local/lib/errors.js';
import { htmlToText, looksLikeHtml } from '../../common/html-text.js';

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  /** Cognito templates may hold HTML; plain text otherwise. */
  body: string;
  headers?: Record<string, string>;
}

/**
 * Sends the emulator's mail over real SMTP. One pooled connection is kept open:
 * a fresh connection per mail costs about 100 ms, a pooled one about 2 ms.
 */
export class SmtpMailer {
  private readonly transport;

  constructor(private readonly server: { host: string; port: number }) {
    this.transport = nodemailer.createTransport({
      host: server.host,
      port: server.port,
      secure: false,
      // Loopback mail catchers offer no certificate worth checking.
      ignoreTLS: true,
      pool: true,
      maxConnections: 4,
      // A dead or stalled mail server must fail the sign-up quickly, not after nodemailer's 2-minute default.
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
    });
  }

  async send(email: OutgoingEmail): Promise<void> {
    const html = looksLikeHtml(email.body);
    try {
      await this.transport.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        text: html ? htmlToText(email.body) : email.body,
        ...(html ? { html: email.body } : {}),
        ...(email.headers ? { headers: email.headers } : {}),
      });
    } catch (error) {
      // Real Cognito answers CodeDeliveryFailureException when it cannot send; the
      // message names our SMTP server so whoever reads the UI or the log knows where to look.
      throw new CognitoError(
        'CodeDeliveryFailureException',
        `Unable to deliver the verification email to ${email.to}: SMTP server ` +
          `${this.server.host}:${this.server.port} failed (${(error as Error).message}). ` +
          'Is the mail catcher running? See LOCAL_COGNITO_SMTP_HOST / LOCAL_COGNITO_SMTP_PORT.',
      );
    }
  }

  close(): void {
    this.transport.close();
  }
}
