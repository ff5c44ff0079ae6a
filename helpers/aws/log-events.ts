import type { FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { createLogsClient, isAccessDenied, logsSdk, type AwsEndpoint } from './clients.js';

/** A log group's events, or why they could not be read: the group is gone, the identity may not read it, or something else. */
export type LogEventsRead = { events: FilteredLogEvent[] } | { problem: 'missing' | 'refused' | 'failed'; message: string };

/**
 * A CloudWatch Logs group's events in a window, at most `limit`, optionally
 * only those with a quoted term. `group` is a name or an ARN (a trailing `:*`,
 * as log delivery configurations write it, is dropped: AWS refuses it here).
 */
export async function readLogEvents(
  where: AwsEndpoint,
  group: string,
  window: { startTime: number; endTime: number },
  options: { term?: string; limit?: number } = {},
): Promise<LogEventsRead> {
  const { FilterLogEventsCommand } = await logsSdk();
  const logs = await createLogsClient(where);
  try {
    const { events } = await logs.send(
      new FilterLogEventsCommand({
        logGroupIdentifier: group.replace(/:\*$/, ''),
        ...window,
        ...(options.term ? { filterPattern: JSON.stringify(options.term) } : {}),
        limit: options.limit ?? 50,
      }),
    );
    return { events: events ?? [] };
  } catch (error) {
    const e = error as Error;
    if (e.name === 'ResourceNotFoundException') return { problem: 'missing', message: e.message };
    return { problem: isAccessDenied(e) ? 'refused' : 'failed', message: `${e.name}: ${e.message.split('\n')[0]}` };
  } finally {
    logs.destroy();
  }
}
