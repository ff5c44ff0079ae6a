import { lstatSync, mkdirSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

/** The user the folder is for: the uid where there is one, the login name elsewhere. */
function ownerName(): string {
  return String(process.getuid?.() ?? userInfo().username.replace(/[^\w.-]/g, '_'));
}

/**
 * The suite's private folder for this user under the temporary folder
 * (TMPDIR), outside the repository and so never committed:
 * cognito-signup-e2e-<uid>. The run's inbox ledger and the history of
 * Cognito's limit refusals live there.
 */
export const suiteFolder = (under = tmpdir()): string => path.join(under, `cognito-signup-e2e-${ownerName()}`);

/**
 * Makes the folder, private, or finds it so: a folder (not a link), this
 * user's, that no one else may read or write. Returns what is wrong
 * otherwise, for the caller to say what another user could do with it.
 */
export function privateFolderProblem(folder: string): string | undefined {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const found = lstatSync(folder);
  const uid = process.getuid?.();
  return !found.isDirectory()
    ? 'is not a folder (a symbolic link, or a file)'
    : uid !== undefined && found.uid !== uid
      ? `belongs to user ${found.uid}, not to this user (${uid})`
      : process.platform !== 'win32' && (found.mode & 0o077) !== 0
        ? `may be read or written by other users (mode ${(found.mode & 0o777).toString(8)}, not 700)`
        : undefined;
}
