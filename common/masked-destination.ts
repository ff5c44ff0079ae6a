/**
 * An email address as Cognito names it in CodeDeliveryDetails and in a
 * challenge's CODE_DELIVERY_DESTINATION: the first character of the local part
 * and of the domain, each followed by `***` (`c***@g***`, as Cognito's answers
 * read in public reports; older ones kept the top-level domain, `c***@g***.com`).
 */
export function maskedEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return `${address.slice(0, 1)}***`;
  return `${address.slice(0, 1)}***@${address.slice(at + 1, at + 2)}***`;
}

type Delivery = { DeliveryMedium?: string; Destination?: string };

const masked = <D extends Delivery>(delivery: D): D =>
  delivery.DeliveryMedium === 'EMAIL' && delivery.Destination ? { ...delivery, Destination: maskedEmail(delivery.Destination) } : delivery;

/**
 * An API answer with every email destination masked, as Cognito answers:
 * CodeDeliveryDetails, CodeDeliveryDetailsList, and a challenge's
 * CODE_DELIVERY_DESTINATION. A new object: whatever mails the code keeps the
 * full address.
 */
export function withMaskedDestinations<T>(answer: T): T {
  if (!answer || typeof answer !== 'object') return answer;
  const a = answer as {
    CodeDeliveryDetails?: Delivery;
    CodeDeliveryDetailsList?: Delivery[];
    ChallengeParameters?: Record<string, string>;
  };
  const challenge = a.ChallengeParameters;
  return {
    ...answer,
    ...(a.CodeDeliveryDetails ? { CodeDeliveryDetails: masked(a.CodeDeliveryDetails) } : {}),
    ...(a.CodeDeliveryDetailsList ? { CodeDeliveryDetailsList: a.CodeDeliveryDetailsList.map(masked) } : {}),
    ...(challenge?.CODE_DELIVERY_DESTINATION && challenge.CODE_DELIVERY_DELIVERY_MEDIUM === 'EMAIL'
      ? { ChallengeParameters: { ...challenge, CODE_DELIVERY_DESTINATION: maskedEmail(challenge.CODE_DELIVERY_DESTINATION) } }
      : {}),
  };
}
