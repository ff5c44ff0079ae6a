import { LimitHistory, type LimitRefusal } from '../../helpers/diagnosis/attempt-limit.js';
import type { CheckResult } from './check-result.js';

const TITLE = "Cognito's attempt limit";

/**
 * Against AWS: whether Cognito refused this pool's test addresses for its
 * attempt limit within the hour, from the refusals the suite's runs kept
 * (AWS keeps none the suite can read without CloudTrail). A ⚠, not a ✗: the
 * fixtures give each run new addresses, which the refused ones do not hold back.
 */
export function limitHistoryCheck(userPoolId: string, history = LimitHistory.forUser(), now = Date.now()): CheckResult {
  const refused = history.recent(userPoolId, now);
  if (!refused.length) return { status: 'ok', title: `${TITLE}: no refusal of this pool's test addresses within the hour`, detail: `the suite's own history, ${history.file}` };
  const seen = (r: LimitRefusal) => `${r.operation} for ${r.address} at ${r.at}`;
  const addresses = [...new Set(refused.map((r) => r.address))];
  return {
    status: 'warn',
    title: `${TITLE}: Cognito refused ${refused.length} request${refused.length === 1 ? '' : 's'} of this pool's test addresses within the hour (LimitExceededException)`,
    detail: refused.map(seen).join('; '),
    fix:
      'AWS counts these requests per user per hour (5 resends, 15 confirmations, 5 password resets …, wrong or right). ' +
      `Let each run use the new address its fixtures give; leave ${addresses.join(', ')} until an hour after ${refused.at(-1)?.at}; and don't re-run one address in a loop.`,
  };
}
