import type { Context } from 'cognito-local/lib/services/context.js';
import type { CognitoService } from 'cognito-local/lib/services/cognitoService.js';
import type { Triggers } from 'cognito-local/lib/services/triggers/triggers.js';
import { CognitoError } from 'cognito-local/lib/errors.js';
import { attributesToRecord } from 'cognito-local/lib/services/userPoolService.js';
import type { TeamFunction } from './team-function.js';

type PreSignUpParams = Parameters<Triggers['preSignUp']>[1];
type PreSignUpResponse = Awaited<ReturnType<Triggers['preSignUp']>>;

/** The event Cognito gives a PreSignUp trigger. */
interface PreSignUpEvent {
  version: '1';
  triggerSource: PreSignUpParams['source'];
  region: string;
  userPoolId: string;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
  request: { userAttributes: Record<string, string>; validationData: Record<string, string> | null; clientMetadata?: Record<string, string> };
  response: { autoConfirmUser: boolean; autoVerifyEmail: boolean; autoVerifyPhone: boolean };
}

/**
 * The Lambda triggers cognito-local itself calls, backed by the team's own
 * handlers: PreSignUp only. CustomMessage is run by our VerificationMessages,
 * which renders every mail. Whether a trigger runs is the pool's to say, by its
 * LambdaConfig, as on AWS; cognito-local asks once for the whole emulator.
 * No other trigger runs (saying so keeps cognito-local from loading AWS SDK v2).
 */
export class TeamTriggers implements Pick<Triggers, 'enabled' | 'preSignUp'> {
  constructor(
    private readonly cognito: CognitoService,
    private readonly preSignUpHandler?: TeamFunction,
  ) {}

  enabled(trigger: string): boolean {
    // Asked of every sign-up: the pool decides below, and one that names a function the stack lacks is refused there.
    return trigger === 'PreSignUp';
  }

  readonly preSignUp = async (ctx: Context, params: PreSignUpParams): Promise<PreSignUpResponse> => {
    const pool = (await this.cognito.getUserPool(ctx, params.userPoolId)).options;
    const named = pool.LambdaConfig?.PreSignUp;
    if (!named) return { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false };
    if (!this.preSignUpHandler) {
      throw new CognitoError(
        'UnexpectedLambdaException',
        `The pool's PreSignUp trigger is ${named}, but the embedded stack has no handler for it: set LOCAL_PRE_SIGN_UP_TRIGGER to the module that exports the handler.`,
      );
    }
    const event: PreSignUpEvent = {
      version: '1',
      triggerSource: params.source,
      region: params.userPoolId.split('_')[0] ?? '',
      userPoolId: params.userPoolId,
      userName: params.username,
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: params.clientId },
      request: {
        userAttributes: attributesToRecord(params.userAttributes),
        validationData: params.validationData ?? null,
        ...(params.clientMetadata ? { clientMetadata: params.clientMetadata } : {}),
      },
      response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    };
    // autoVerifyEmail without autoConfirmUser: AWS does not say what follows; cognito-local marks the address verified and mails the code.
    const { response } = await this.preSignUpHandler.invoke(event);
    return { autoConfirmUser: !!response?.autoConfirmUser, autoVerifyEmail: !!response?.autoVerifyEmail, autoVerifyPhone: !!response?.autoVerifyPhone };
  };
}
