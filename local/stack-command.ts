/**
 * The command line of `npm run stack`:
 *
 *   npm run stack                          # everything; the pools' settings on stdout as .env lines
 *   npm run stack -- mail cognito          # only some services (the others run elsewhere)
 *   npm run -s stack -- --json             # the settings as one line of JSON instead
 *   npm run stack -- --write-env ../app/.env.e2e.local   # and written to your app's own file
 *
 * Not --env-file: Node 20 reads that flag even after the script's name, as its own.
 */

export const SERVICES = ['mail', 'cognito', 'app'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface StackCommand {
  services: ServiceName[];
  /** Print the pools' settings as one JSON object on one line, not as .env lines. */
  json: boolean;
  /** Also write them, as .env lines, to this file of your app's. */
  envFile?: string;
}

export class StackCommandError extends Error {
  override name = 'StackCommandError';
}

const USAGE = 'npm run stack -- [mail] [cognito] [app] [--json] [--write-env PATH]';

export function parseStackCommand(args: readonly string[]): StackCommand {
  const services: ServiceName[] = [];
  let json = false;
  let envFile: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--write-env' || arg.startsWith('--write-env=')) {
      envFile = arg === '--write-env' ? args[++i] : arg.slice('--write-env='.length);
      if (!envFile || envFile.startsWith('--')) throw new StackCommandError(`--write-env needs the path of the file to write, e.g. --write-env ../my-app/.env.e2e.local. Usage: ${USAGE}.`);
    } else if (SERVICES.includes(arg as ServiceName)) services.push(arg as ServiceName);
    else if (arg.startsWith('-')) throw new StackCommandError(`Unknown option ${arg}. Usage: ${USAGE}.`);
    else throw new StackCommandError(`Unknown service ${arg}: choose from ${SERVICES.join(', ')} (or none for all). Usage: ${USAGE}.`);
  }
  const chosen = services.length ? services : [...SERVICES];
  if ((json || envFile) && !chosen.includes('cognito')) {
    throw new StackCommandError(`${json ? '--json' : '--write-env'} gives the pools' settings, and the pools are the cognito service's: add cognito to ${chosen.join(' ')}.`);
  }
  return { services: chosen, json, ...(envFile ? { envFile } : {}) };
}
