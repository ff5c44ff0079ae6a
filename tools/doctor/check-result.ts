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

const MARK: Record<CheckStatus, string> = { ok: '✓', warn: '⚠', fail: '✗' };

/** The checklist as printed: one line per check, the fix under each ⚠ and ✗, then a count. */
export function formatChecklist(results: CheckResult[]): string {
  const lines = results.flatMap((r) => [
    `${MARK[r.status]} ${r.title}${r.detail ? ` (${r.detail})` : ''}`,
    ...(r.fix && r.status !== 'ok' ? [`    → ${r.fix}`] : []),
  ]);
  const count = (status: CheckStatus) => results.filter((r) => r.status === status).length;
  lines.push(`${count('ok')} ✓, ${count('warn')} ⚠, ${count('fail')} ✗`);
  return lines.join('\n');
}

export const hasFailures = (results: CheckResult[]) => results.some((r) => r.status === 'fail');
