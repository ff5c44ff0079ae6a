/**
 * A team's CustomMessage Lambda trigger, as it would be deployed: branded HTML
 * for every mail Cognito sends, with a logo, a button, a preheader, a dark-mode
 * copy of the code block, and other numbers around the code (a year, an
 * address, a phone number, a support reference). It imports nothing from the
 * suite: the embedded stack runs it as it is (LOCAL_CUSTOM_MESSAGE_TRIGGER),
 * and the stories find the code in what it writes.
 *
 * Types are written out here so the example needs no package; in a Lambda
 * project, `CustomMessageTriggerHandler` from `@types/aws-lambda` is the same shape.
 */

interface CustomMessageEvent {
  triggerSource: string;
  userPoolId: string;
  userName: string;
  request: {
    userAttributes: Record<string, string>;
    codeParameter: string;
    linkParameter: string | null;
    usernameParameter: string | null;
  };
  response: { emailSubject: string | null; emailMessage: string | null; smsMessage: string | null };
}

const BRAND = { name: 'Acme', site: 'https://acme.example', year: 2026 };

/** Subject, heading and the sentence before the code, for each message Cognito asks for. */
const WORDS: Record<string, { subject: string; heading: string; lead: string }> = {
  CustomMessage_SignUp: { subject: 'Welcome to Acme: confirm your email', heading: 'Confirm your email', lead: 'Enter this code to finish signing up:' },
  CustomMessage_ResendCode: { subject: 'Your new Acme confirmation code', heading: 'Here is a new code', lead: 'Enter this code to finish signing up:' },
  CustomMessage_ForgotPassword: { subject: 'Reset your Acme password', heading: 'Reset your password', lead: 'Enter this code to choose a new password:' },
  CustomMessage_UpdateUserAttribute: { subject: 'Confirm your new Acme email', heading: 'Confirm your new email', lead: 'Enter this code to confirm the address:' },
  CustomMessage_VerifyUserAttribute: { subject: 'Confirm your Acme email', heading: 'Confirm your email', lead: 'Enter this code to confirm the address:' },
  CustomMessage_Authentication: { subject: 'Your Acme sign-in code', heading: 'Sign in to Acme', lead: 'Enter this code to sign in:' },
  CustomMessage_AdminCreateUser: { subject: 'You are invited to Acme', heading: 'Welcome aboard', lead: 'Your temporary password:' },
};

/** The code as the reader sees it, twice: once for light mode, once for dark (mail clients show one of them). */
function codeBlock(code: string): string {
  const block = (theme: string, colours: string) =>
    `<table role="presentation" class="code ${theme}" style="${colours};border-radius:8px;margin:24px 0"><tr>` +
    `<td style="font:700 32px/40px monospace;letter-spacing:6px;padding:16px 24px">${code}</td></tr></table>`;
  return block('light', 'background:#f2f4f8;color:#111827') + block('dark', 'display:none;background:#111827;color:#f9fafb');
}

function page(heading: string, preheader: string, content: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><style>
  .dark { display: none; } @media (prefers-color-scheme: dark) { .light { display: none !important; } .dark { display: table !important; } }
  body { margin: 0; background: #ffffff; color: #111827; font: 16px/24px Helvetica, Arial, sans-serif; } .btn { background: #4f46e5; }
</style></head>
<body>
  <div style="display:none;max-height:0;overflow:hidden">${preheader}</div>
  <table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
    <table role="presentation" width="560" style="max-width:560px">
      <tr><td><img src="${BRAND.site}/static/logo-240x64.png" width="120" height="32" alt="${BRAND.name}"></td></tr>
      <tr><td><h1 style="font-size:24px;margin:24px 0 8px">${heading}</h1></td></tr>
      <tr><td>${content}</td></tr>
      <tr><td style="padding-top:32px;color:#6b7280;font-size:13px;line-height:20px">
        Questions? Call +1 (415) 555-0134 or reply to this mail, support reference AC-204815.<br>
        ${BRAND.name} Inc., 1600 Example Street, Suite 400, San Francisco, CA 94107<br>
        © ${BRAND.year} ${BRAND.name}. <a href="${BRAND.site}/settings/emails?utm_source=cognito&amp;utm_campaign=201911">Email settings</a>
      </td></tr>
    </table>
  </td></tr></table>
</body></html>`;
}

export const handler = async (event: CustomMessageEvent): Promise<CustomMessageEvent> => {
  const words = WORDS[event.triggerSource];
  // A message this trigger has no words for keeps the pool's own template: Cognito sends that when emailMessage stays empty.
  if (!words) return event;
  const { codeParameter, linkParameter, usernameParameter } = event.request;
  const name = event.request.userAttributes.given_name ?? 'there';
  let content: string;
  if (event.triggerSource === 'CustomMessage_AdminCreateUser') {
    content =
      `<p>Hi ${name}, an administrator created an ${BRAND.name} account for you. Sign in as <strong>${usernameParameter}</strong>.</p>` +
      `<p>${words.lead}</p>${codeBlock(codeParameter)}<p>You will choose a password of your own when you first sign in.</p>`;
  } else if (event.triggerSource === 'CustomMessage_SignUp' || event.triggerSource === 'CustomMessage_ResendCode') {
    // A pool that confirms by link turns linkParameter ({##Click Here##}) into the link, with the words between the
    // marks as its text; one that confirms by code uses the code. The same handler serves both.
    const button = (linkParameter ?? '').replace('Click Here', 'Confirm my email');
    content =
      `<p>Hi ${name},</p><p>${words.lead}</p>${codeBlock(codeParameter)}` +
      `<p>Or confirm with one click: <span class="btn" style="padding:12px 20px;border-radius:6px;color:#ffffff">${button}</span></p>`;
  } else {
    content = `<p>Hi ${name},</p><p>${words.lead}</p>${codeBlock(codeParameter)}<p>The code expires soon. If you did not ask for it, ignore this mail.</p>`;
  }
  event.response.emailSubject = words.subject;
  event.response.emailMessage = page(words.heading, `${words.heading}. ${BRAND.name} will never ask for this code by phone.`, content);
  return event;
};
