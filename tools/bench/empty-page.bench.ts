// The yardstick for what the fixtures cost: a test that asks only for
// Playwright's own `page`, and does nothing with it. Its duration is
// Playwright's browser context and page, opened and closed; a story's duration
// minus its body, minus this, is what the suite's own fixtures cost.
import { expect, test } from '@playwright/test';
import { record } from './record';

for (let i = 1; i <= Number(process.env.BENCH_FLOWS ?? 1); i++) {
  test(`an empty test with a page #${i}`, async ({ page }) => {
    expect(page.url()).toBe('about:blank');
    await record({ flowMs: 0 });
  });
}
