export type CheckStatus = 'ok' | 'warn' | 'fail';

/** One line of the doctor's checklist. */
export interface CheckResult {
  status: CheckStatus;
  title: string;
  /** What was found, in a few words. */
  detail?: string;
  /** For ⚠ and ✗: what to do, in one sentence. */
  fix?: string;
}

/** A wrong or missing setting: a ✗ line each, as the suite's own start-up check words it. */
export const configurationProblems = (problems: string[]): CheckResult[] =>
  problems.map((problem) => ({ status: 'fail', title: 'Configuration', detail: problem, fix: 'Set it in .env, or as the CI secret of the same name.' }));
