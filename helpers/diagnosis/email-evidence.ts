import type { Browser, TestInfo } from '@playwright/test';
import type { VerificationEmail } from '../mail/types.js';

const escapeHtml = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string);

/**
 * Attaches a received email to the report: its headers and text, its HTML,
 * and, when `browser` is given (a failed test), a PNG of it rendered there
 * (scripts off, network blocked), so a person sees what the user saw.
 */
export async function attachEmail(testInfo: TestInfo, email: VerificationEmail, index: number, browser?: Browser): Promise<void> {
  const name = `email ${index}: ${email.subject}`;
  const headers = [
    `Subject: ${email.subject}`,
    `From: ${email.from}`,
    `To: ${email.to.join(', ')}`,
    `Received: ${email.receivedAt.toISOString()}`,
    `Code: ${email.code || '(none found)'}`,
    ...(email.emulatorNote ? [`Emulator note: ${email.emulatorNote}`] : []),
  ].join('\n');
  await testInfo.attach(`${name} (text)`, { body: `${headers}\n\n${email.text || '(no text part)'}`, contentType: 'text/plain' });
  if (email.html) await testInfo.attach(`${name} (html)`, { body: email.html, contentType: 'text/html' });
  if (!browser) return;

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 800, height: 240 } });
  try {
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    const header = `<div style="font:13px sans-serif;border-bottom:1px solid #ccc;padding:8px;margin-bottom:8px">${escapeHtml(headers).replace(/\n/g, '<br>')}</div>`;
    const body = email.html || `<pre style="font:14px sans-serif;white-space:pre-wrap">${escapeHtml(email.text)}</pre>`;
    await page.setContent(header + body, { waitUntil: 'domcontentloaded' });
    await testInfo.attach(`${name} (as shown)`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  } finally {
    await context.close();
  }
}
