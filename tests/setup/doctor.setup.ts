// The doctor's checks as the setup project every browser project depends on:
// a broken configuration or service fails here, once and fast, with the
// checklist, instead of in every test after its own timeout.
import { formatChecklist } from '../../tools/doctor/check-result';
import { runDoctor } from '../../tools/doctor/run-doctor';
import { expect, test as setup } from '@playwright/test';

setup('doctor: the configuration, services, pool and permissions are fit for the tests', async ({}, testInfo) => {
  // --repeat-each multiplies the mails the run causes, which the doctor weighs against SES's daily quota. The page
  // check's pass is kept while the page and its words are unchanged: a browser opened for nothing is most of its time.
  const results = await runDoctor(process.env, { repeatEach: testInfo.project.repeatEach, keepPageCheck: true });
  const checklist = formatChecklist(results);
  await setup.info().attach('doctor checklist', { body: checklist, contentType: 'text/plain' });
  expect(results.filter((result) => result.status === 'fail'), `The doctor found problems, so no test ran:\n${checklist}`).toEqual([]);
});
