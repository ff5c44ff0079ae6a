import type { Context } from 'cognito-local/lib/services/context.js';
import type { CognitoService } from 'cognito-local/lib/services/cognitoService.js';
import type { Messages } from 'cognito-local/lib/services/messages.js';
import type { DeliveryDetails } from 'cognito-local/lib/services/messageDelivery/messageDelivery.js';
import { attributeValue, attributesToRecord, type User } from 'cognito-local/lib/services/userPoolService.js';
import { CognitoError, UnsupportedError } from 'cognito-local/lib/errors.js';
import { COGNITO_DEFAULT_VERIFICATION_EMAIL, messageFor, type RenderedMessage } from '../../common/cognito-texts.js';
import { customMessageEvent, renderCustomMessage, type CustomMessageEvent } from '../../common/custom-message.js';
import { EMULATOR_NOTE_HEADER } from '../../common/emulator-note.js';
import { confirmUserLink } from './confirm-user-link.js';
import type { SmtpMailer } from './smtp-mailer.js';
import type { Quotas } from './quotas.js';
import type { TeamFunction } from './team-function.js';

type Source = Parameters<Messages['deliver']>[1];

/**
 * Replaces cognito-local's MessagesService, which stores a pool's templates
 * but never renders them. Here each mail is rendered from the pool's own
 * template for its kind (or Cognito's default) and mailed, as real Cognito does.
 */
export class VerificationMessages implements Messages {
  /** Mails waiting for their moment, dropped when the emulator stops. */
  private readonly pending = new Set<NodeJS.Timeout>();
  /** Mails being handed to the SMTP server, which the emulator lets finish before it stops (the mail catcher stops after it). */
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly cognito: CognitoService,
    private readonly mailer: SmtpMailer,
    /** Where confirmation links point: the emulator, standing in for the pool's hosted domain. */
    private readonly linkBase: string,
    /** Counts each mail against the daily quota of Cognito's own sender, which may refuse it. */
    private readonly quotas: Pick<Quotas, 'admitMail'>,
    /** 0: send before answering (a failed send fails the call). Otherwise: answer first, send this much later, as Cognito does. */
    private readonly latencyMs = { min: 0, max: 0 },
    /** The team's CustomMessage handler, run for pools whose LambdaConfig names a CustomMessage function. */
    private readonly customMessage?: TeamFunction,
  ) {}

  async close(): Promise<void> {
    this.pending.forEach(clearTimeout);
    this.pending.clear();
    await Promise.all(this.sending);
  }

  async deliver(
    ctx: Context,
    source: Source,
    clientId: string | null,
    userPoolId: string,
    user: User,
    code: string,
    clientMetadata: Record<string, string> | undefined,
    delivery: DeliveryDetails,
  ): Promise<void> {
    if (delivery.DeliveryMedium !== 'EMAIL') {
      throw new UnsupportedError(`${delivery.DeliveryMedium} delivery (${source}) is not part of the embedded stack`);
    }
    // A user a PreSignUp trigger confirmed has nothing to confirm: Cognito mails no code.
    if (source === 'SignUp' && user.UserStatus === 'CONFIRMED') return;
    const pool = (await this.cognito.getUserPool(ctx, userPoolId)).options;
    const values = {
      code,
      // With email as the username, the name a user signs in with is the address, not the sub Cognito stores.
      username: pool.UsernameAttributes?.includes('email') ? (attributeValue('email', user.Attributes) ?? user.Username) : user.Username,
      link: clientId ? confirmUserLink(this.linkBase, { clientId, username: user.Username, code }) : undefined,
    };
    const { message, note } = pool.LambdaConfig?.CustomMessage
      ? await this.triggered(ctx, source, pool, { userPoolId, clientId, user, clientMetadata }, values)
      : { message: messageFor(source, pool, values), note: undefined };
    // Counted when Cognito takes the mail on, before it answers: over the quota, the call itself is refused.
    // After the trigger: a trigger that refuses the call sends nothing.
    this.quotas.admitMail(pool);
    const send = () =>
      this.mailer.send({
        from: pool.EmailConfiguration?.From || COGNITO_DEFAULT_VERIFICATION_EMAIL.from,
        to: delivery.Destination,
        subject: message.subject,
        body: message.body,
        ...(note ? { headers: { [EMULATOR_NOTE_HEADER]: note } } : {}),
      });
    const { min, max } = this.latencyMs;
    if (max > 0) {
      // Cognito answers first and mails later: a failure then is seen only in the log, as on AWS in CloudWatch.
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        const sent = send()
          .catch((error: Error) => ctx.logger.error(`${source}, sent after answering: ${error.message}`))
          .finally(() => this.sending.delete(sent));
        this.sending.add(sent);
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

  /**
   * The mail as the pool's CustomMessage trigger writes it, run before Cognito
   * answers (its failure fails the call, as on AWS). A message Cognito would
   * set aside for the pool's template goes out as the template, with a note
   * in a header saying why, so that the suite can name the trigger.
   */
  private async triggered(
    ctx: Context,
    source: Source,
    pool: Awaited<ReturnType<CognitoService['getUserPool']>>['options'],
    details: { userPoolId: string; clientId: string | null; user: User; clientMetadata: Record<string, string> | undefined },
    values: { code: string; username: string; link?: string },
  ): Promise<{ message: RenderedMessage; note?: string }> {
    const name = pool.LambdaConfig?.CustomMessage as string;
    if (!this.customMessage) {
      // AWS would run the function; the stack has no code for it, and sending the template instead would hide that.
      throw new CognitoError(
        'UnexpectedLambdaException',
        `The pool's CustomMessage trigger is ${name}, but the embedded stack has no handler for it: set LOCAL_CUSTOM_MESSAGE_TRIGGER to the module that exports the handler.`,
      );
    }
    const event = customMessageEvent(source, pool, {
      userPoolId: details.userPoolId,
      userName: details.user.Username,
      clientId: details.clientId,
      userAttributes: { ...attributesToRecord(details.user.Attributes), 'cognito:user_status': details.user.UserStatus ?? 'UNCONFIRMED' },
      clientMetadata: details.clientMetadata,
    });
    const answered = await this.customMessage.invoke<CustomMessageEvent>(event);
    const message = renderCustomMessage(source, pool, answered.response, values);
    if (!message.setAside) return { message };
    const note = `CustomMessage trigger ${this.customMessage.module.name} (${event.triggerSource}): Cognito sends the pool's own template instead, because ${message.setAside}.`;
    ctx.logger.warn(note);
    return { message, note };
  }
}
