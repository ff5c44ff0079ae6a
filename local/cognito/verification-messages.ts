import type { Context } from 'cognito-local/lib/services/context.js';
import type { CognitoService } from 'cognito-local/lib/services/cognitoService.js';
import type { Messages } from 'cognito-local/lib/services/messages.js';
import type { DeliveryDetails } from 'cognito-local/lib/services/messageDelivery/messageDelivery.js';
import type { User } from 'cognito-local/lib/services/userPoolService.js';
import { UnsupportedError } from 'cognito-local/lib/errors.js';
import {
  CODE_PLACEHOLDER,
  COGNITO_DEFAULT_VERIFICATION_EMAIL,
  verificationTemplate,
} from '../../common/cognito-texts.js';
import type { SmtpMailer } from './smtp-mailer.js';

type Source = Parameters<Messages['deliver']>[1];

/**
 * Replaces cognito-local's MessagesService, which stores a pool's
 * VerificationMessageTemplate but never renders it. Here the pool's template (or
 * Cognito's default) is filled in and mailed, as real Cognito does.
 */
export class VerificationMessages implements Messages {
  /** Mails waiting for their moment, dropped when the emulator stops. */
  private readonly pending = new Set<NodeJS.Timeout>();

  constructor(
    private readonly cognito: CognitoService,
    private readonly mailer: SmtpMailer,
    /** 0: send before answering (a failed send fails the call). Otherwise: answer first, send this much later, as Cognito does. */
    private readonly latencyMs = { min: 0, max: 0 },
  ) {}

  close(): void {
    this.pending.forEach(clearTimeout);
    this.pending.clear();
  }

  async deliver(
    ctx: Context,
    source: Source,
    _clientId: string | null,
    userPoolId: string,
    _user: User,
    code: string,
    _clientMetadata: Record<string, string> | undefined,
    delivery: DeliveryDetails,
  ): Promise<void> {
    if (delivery.DeliveryMedium !== 'EMAIL') {
      throw new UnsupportedError(`${delivery.DeliveryMedium} delivery (${source}) is not part of the embedded stack`);
    }
    const pool = (await this.cognito.getUserPool(ctx, userPoolId)).options;
    const template = verificationTemplate(pool);
    const send = () =>
      this.mailer.send({
        from: pool.EmailConfiguration?.From || COGNITO_DEFAULT_VERIFICATION_EMAIL.from,
        to: delivery.Destination,
        subject: template.subject,
        body: template.message.replaceAll(CODE_PLACEHOLDER, code),
      });
    const { min, max } = this.latencyMs;
    if (max > 0) {
      // Cognito answers first and mails later: a failure then is seen only in the log, as on AWS in CloudWatch.
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        send().catch((error: Error) => ctx.logger.error(`${source}, sent after answering: ${error.message}`));
      }, min + Math.random() * (max - min));
      this.pending.add(timer);
      return;
    }
    try {
      await send();
    } catch (error) {
      // The caller answers 400 and moves on; the stack's own log must show it too.
      ctx.logger.error(`${source}: ${(error as Error).message}`);
      throw error;
    }
  }
}
