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
