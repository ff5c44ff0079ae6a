import type { MailBody } from '../../helpers/mail/verification-code';

/**
 * Branded verification mails as teams with a CustomMessage Lambda trigger send
 * them, each carrying the traps of its kind (numbers that are not the code).
 * Each is a function of the code, so a test can try codes with a leading zero.
 */
export interface BrandedMail {
  /** What the mail is, and what in it looks like a code but is not. */
  name: string;
  mail: (code: string) => MailBody;
}

const digitCells = (code: string) => [...code].map((d) => `<td class="digit" style="border:1px solid #d0d7de;width:40px">${d}</td>`).join('\n          ');

/** Table layout, hidden preheader repeating the code, logo and tracking links with digits, address and year in the footer. */
export const TABLE_LAYOUT: BrandedMail = {
  name: 'table layout with a preheader, a logo, tracking links and an address footer',
  mail: (code) => ({
    html: `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Your Acme code</title>
<style type="text/css">
  body { margin: 0; background: #f7f7f8; color: #202123; }
  .code { font: 700 32px/40px Menlo, monospace; letter-spacing: 6px; color: #10a37f; }
  .btn { background-color: #412991; border-radius: 4px; }
  .toast { position: fixed; z-index: 999999; }
</style></head>
<body>
  <div style="display:none;max-height:0;overflow:hidden;mso-hide:all">Your Acme code is ${code}&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;</div>
  <table role="presentation" width="600" cellpadding="0" cellspacing="0" bgcolor="#ffffff" align="center">
    <tr><td align="center" style="padding:24px"><img src="https://cdn.acme.example/brand/logo-482913.png" width="120" height="32" alt="Acme"></td></tr>
    <tr><td style="padding:0 32px;color:#202123">
      <h1 style="font-size:24px">Confirm your email</h1>
      <p>Thanks for signing up for Acme. Enter this code to finish creating your account:</p>
    </td></tr>
    <tr><td align="center" class="code">${code}</td></tr>
    <tr><td style="padding:0 32px">
      <p>The code expires in 24 hours. Or confirm with one click:</p>
      <a class="btn" href="https://click.acme.example/ls/click?upn=550123&amp;utm_source=cognito&amp;utm_content=771204" style="color:#ffffff">Confirm email</a>
    </td></tr>
    <tr><td style="font-size:12px;color:#6e6e80;padding:32px">
      &copy; 2026 Acme Inc. &middot; 548 Market St, PMB 90375, San Francisco, CA 94104<br>
      <a href="https://acme.example/unsubscribe?u=918273">Unsubscribe</a>
      <img src="https://t.acme.example/open/640512.gif" width="1" height="1" alt="">
    </td></tr>
  </table>
</body></html>`,
  }),
};

/** Light and dark copies of the code block, switched by a media query, plus Outlook's conditional copy. */
export const DARK_MODE_COPY: BrandedMail = {
  name: 'dark-mode duplicate of the code block and an Outlook-only copy',
  mail: (code) => ({
    html: `<html><head>
<meta name="color-scheme" content="light dark">
<style>
  :root { color-scheme: light dark; }
  .dark-only { display: none !important; }
  @media (prefers-color-scheme: dark) {
    .light-only { display: none !important; }
    .dark-only { display: block !important; background: #0d1117 !important; color: #e6edf3 !important; }
  }
</style></head>
<body style="background:#ffffff">
  <!--[if mso]><table width="600"><tr><td style="font-size:28px">${code}</td></tr></table><![endif]-->
  <div class="light-only" style="background:#f6f8fa;color:#1f2328;padding:16px 24px;font-size:28px">${code}</div>
  <div class="dark-only" style="display:none;background:#161b22;color:#e6edf3;padding:16px 24px;font-size:28px">${code}</div>
  <p style="color:#59636e">Enter the code above in the app. It is valid for 10 minutes.</p>
  <p style="font-size:11px;color:#59636e">Sent by Octo Ltd, 88 Colin P Kelly Jr St, San Francisco, CA 94107</p>
</body></html>`,
  }),
};

/** A shop's mail: an order number, a customer number, phone numbers and a loyalty balance. */
export const SHOP_REFERENCES: BrandedMail = {
  name: 'order and customer numbers, phone numbers and a points balance',
  mail: (code) => ({
    html: `<table width="100%" style="font-family:Arial,sans-serif;color:#333333">
  <tr><td><h2>Verify your email to track Order no. 304918</h2></td></tr>
  <tr><td>Customer 771203 &middot; 1,234,567 points &middot; order #2024113</td></tr>
  <tr><td>Your verification code:</td></tr>
  <tr><td style="font-size:30px;font-weight:bold;letter-spacing:8px"><strong>${code}</strong></td></tr>
  <tr><td>Questions? Call +49 30 123456 or (555) 123-4567, hotline 0800 654321, Tel. 445566.</td></tr>
</table>`,
  }),
};

/** A bank's mail: dates in several forms, a time, amounts with and without a currency sign. */
export const DATES_AND_AMOUNTS: BrandedMail = {
  name: 'dates, a time and amounts',
  mail: (code) => ({
    html: `<div style="max-width:560px;margin:0 auto;font-family:Georgia,serif">
  <p>Requested on 27.11.2026 at 12:30 (2026-11-27T12:30:00Z), valid until Nov 27, 2026 or 27/11/2026 11:45.</p>
  <p>Your one-time code is <b style="font-size:26px">${code}</b> &mdash; never share it.</p>
  <p>Pending transfer: &euro;123456.00, limit 250000 EUR, fee $ 100000, balance &pound; 450000, 20261127 reference.</p>
</div>`,
  }),
};

/** One digit per table cell: the code read across cells. */
export const DIGIT_PER_CELL: BrandedMail = {
  name: 'one digit per table cell, no other copy of the code',
  mail: (code) => ({
    html: `<html><body style="background:#eef2ff">
  <table align="center" cellpadding="0" cellspacing="8"><tr><td colspan="6"><h1>Welcome to Nimbus</h1></td></tr>
    <tr><td colspan="6">Enter these digits on the sign-up page:</td></tr>
    <tr>
          ${digitCells(code)}
    </tr>
    <tr><td colspan="6">How did we do? Rate us:</td></tr>
    <tr><td><a href="https://nimbus.example/rate/1">1</a></td><td><a href="https://nimbus.example/rate/2">2</a></td><td><a href="https://nimbus.example/rate/3">3</a></td><td><a href="https://nimbus.example/rate/4">4</a></td><td><a href="https://nimbus.example/rate/5">5</a></td></tr>
    <tr><td colspan="6" style="font-size:11px">Nimbus GmbH, Torstra&szlig;e 49, 10119 Berlin &middot; &copy; 2026</td></tr>
  </table>
</body></html>`,
  }),
};

/** One digit per inline span, and a preheader with the whole code: both readings are one candidate. */
export const DIGIT_PER_SPAN_WITH_PREHEADER: BrandedMail = {
  name: 'one digit per span, and the whole code in a hidden preheader',
  mail: (code) => ({
    html: `<span class="preheader" style="color:transparent;display:none;height:0;max-height:0;opacity:0;overflow:hidden">Your code: ${code}</span>
<div style="text-align:center;font-family:Helvetica">
  <p>Here is your sign-up code</p>
  <div class="otp">${[...code].map((d) => `<span style="display:inline-block;padding:8px;border:1px solid #cccccc">${d}</span>`).join('')}</div>
  <p>Steps: 1 open the app, 2 paste the code.</p>
</div>`,
  }),
};

/** Inline styles only (as after a CSS inliner): six-digit colours everywhere, a support ticket. */
export const INLINED_STYLES: BrandedMail = {
  name: 'inlined styles with six-digit colours and a support ticket number',
  mail: (code) => ({
    html: `<body bgcolor="#202123" style="margin:0;padding:0">
<table width="600" bgcolor="#343541" style="border:1px solid #565869;color:#ececf1">
  <tr><td style="padding:24px;font-family:'Söhne',sans-serif;color:#ececf1">
    <p style="color:#c5c5d2">Ticket #556677 was opened for your account.</p>
    <p>Use <span style="color:#10a37f;font-weight:600;font-size:20px">&nbsp;${code}&nbsp;</span> to confirm this email address.</p>
    <p style="color:#8e8ea0;font-size:12px">If this was not you, ignore this message. Ref: 2026/11/27-113045</p>
  </td></tr>
</table></body>`,
  }),
};

/** A multipart mail whose text part lists the links' URLs: only that part is read. */
export const TEXT_PART_WITH_LINKS: BrandedMail = {
  name: 'text part with URLs full of digits next to a rich HTML part',
  mail: (code) => ({
    text: `Hi there,

Your Lumen verification code: **${code}**

Confirm in one click: https://lumen.example/confirm?uid=662817&utm_campaign=signup_102938
Manage email settings <https://lumen.example/prefs/771204>

Lumen Inc., 1 Infinite Loop, Cupertino, CA 95014 | (c) 2026
`,
    html: `<p style="color:#445566">This part is ignored when a text part is present: 111111.</p>`,
  }),
};

/** Two different codes: a retried trigger pasted the old one in. Neither may be picked. */
export const TWO_CODES: BrandedMail = {
  name: 'two different codes (the new one and a stale one)',
  mail: (code) => ({
    html: `<div style="font-family:Verdana">
  <p>Your new Acme code is <strong>${code}</strong>.</p>
  <p style="color:#999999">Earlier code 905112 no longer works.</p>
</div>`,
  }),
};

/** A code shown as two groups of three ("482 913"): no number of six digits stands alone. */
export const CODE_IN_TWO_GROUPS: BrandedMail = {
  name: 'code shown in two groups of three digits',
  mail: (code) => ({
    html: `<table><tr><td style="font-family:monospace;font-size:28px">
  Your Parcelly code <span>${code.slice(0, 3)}</span> <span>${code.slice(3)}</span>
</td></tr><tr><td style="font-size:11px">Parcelly Ltd &middot; Unit 4, 22 Leonard St, London EC2A 4LT &middot; 020 7946 0958</td></tr></table>`,
  }),
};

/** An Indian company's footer: its postcode (PIN) has six digits, as the code does. */
export const SIX_DIGIT_POSTCODE: BrandedMail = {
  name: 'address footer with a six-digit postcode',
  mail: (code) => ({
    html: `<table style="font-family:Arial"><tr><td>
  <p>Your Chai Pay verification code is ${code}. It is valid for 10 minutes.</p>
  <p style="font-size:11px;color:#777777">Chai Pay Pvt. Ltd., 5th Floor, Prestige Tower, MG Road, Bengaluru, Karnataka 560001, India</p>
</td></tr></table>`,
  }),
};

/** An eight-digit sign-in code (passwordless EMAIL_OTP) among six-digit numbers. */
export const SIGN_IN_CODE: BrandedMail = {
  name: 'eight-digit sign-in code among six-digit numbers',
  mail: (code) => ({
    html: `<div style="color:#1a1a1a;background:#fafafa">
  <p>Sign in to Quill with this code:</p>
  <p style="font-size:32px;letter-spacing:4px">${code}</p>
  <p>Device 482913 &middot; session 100200 &middot; Reference 20261127 &middot; expires in 3 minutes.</p>
</div>`,
  }),
};

/** A preheader (hidden text) with a different number of six digits: hidden text is read, so it is a second candidate. */
export const PREHEADER_WITH_OTHER_NUMBER: BrandedMail = {
  name: 'hidden preheader with a different six-digit number',
  mail: (code) => ({
    html: `<div style="display:none;font-size:1px;color:#ffffff;line-height:1px;max-height:0;opacity:0;overflow:hidden">Your 700100 bonus points are waiting &#8204;&nbsp;&#8204;&nbsp;</div>
<table><tr><td><p>Your Orbit code is <b>${code}</b></p></td></tr></table>`,
  }),
};

/** Mails the fallback reads with no setting: six-digit codes among numbers that are not. */
export const READ_WITHOUT_SETTING: BrandedMail[] = [
  TABLE_LAYOUT,
  DARK_MODE_COPY,
  SHOP_REFERENCES,
  DATES_AND_AMOUNTS,
  DIGIT_PER_CELL,
  DIGIT_PER_SPAN_WITH_PREHEADER,
  INLINED_STYLES,
  TEXT_PART_WITH_LINKS,
];
