import { expect, test } from '@playwright/test';
import { maskedEmail, withMaskedDestinations } from '../../common/masked-destination';
import { deliveredTo } from '../../helpers/diagnosis/delivery';

test('an address as Cognito names it: the first character of each part', () => {
  expect(maskedEmail('cse2e-signing-up-1@inbox.cognito-e2e.test')).toBe('c***@i***');
  expect(maskedEmail('a@b.c')).toBe('a***@b***');
});

test('every email destination of an answer is masked, in a new object; SMS and everything else left as they are', () => {
  const details = { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'jane@example.com' };
  const answer = { UserConfirmed: false, CodeDeliveryDetails: details };
  expect(withMaskedDestinations(answer)).toEqual({ UserConfirmed: false, CodeDeliveryDetails: { ...details, Destination: 'j***@e***' } });
  expect(details.Destination).toBe('jane@example.com');
  expect(withMaskedDestinations({ CodeDeliveryDetailsList: [details, { DeliveryMedium: 'SMS', Destination: '+*******1234' }] })).toEqual({
    CodeDeliveryDetailsList: [{ ...details, Destination: 'j***@e***' }, { DeliveryMedium: 'SMS', Destination: '+*******1234' }],
  });
  expect(withMaskedDestinations({ ChallengeName: 'EMAIL_OTP', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'jane@example.com' } })).toEqual({
    ChallengeName: 'EMAIL_OTP',
    ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'j***@e***' },
  });
  expect(withMaskedDestinations({ User: { Username: 'x' } })).toEqual({ User: { Username: 'x' } });
});

test("the suite's destination check reads the masked form and the whole one alike", () => {
  const inbox = 'cse2e-x@inbox.cognito-e2e.test';
  expect(deliveredTo({ DeliveryMedium: 'EMAIL', Destination: maskedEmail(inbox) }, inbox)).toBe(true);
  expect(deliveredTo({ DeliveryMedium: 'EMAIL', Destination: 'c***@i***.test' }, inbox)).toBe(true);
  expect(deliveredTo({ DeliveryMedium: 'EMAIL', Destination: maskedEmail('someone@elsewhere.test') }, inbox)).toBe(false);
});
