// The one test of Playwright's floor (floor.config.ts): open the page a story
// opens first, and see it answer.
import { expect, test } from '@playwright/test';

test('a page opens', async ({ page }) => {
  const url = process.env.BENCH_FLOOR_URL;
  expect(url, 'the bench names the page to open').toBeTruthy();
  await page.goto(url!);
  await expect(page.locator('body')).toBeVisible();
});
