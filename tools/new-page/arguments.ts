import { existsSync } from 'node:fs';

/** What the scaffold is asked for: the page's name (its file's), and where the page is. */
export interface NewPageArguments {
  name: string;
  url: string;
  /** pages/ui/<name>.ts, relative to the repository. */
  file: string;
}

export const USAGE = [
  'Usage: npm run new-page -- NAME URL',
  '  NAME  the page\'s name, and its file\'s: pages/ui/NAME.ts, selected with SIGNUP_PAGE=NAME (lower case letters, digits and dashes)',
  '  URL   your sign-up page, pointed at the embedded stack (docs/adopting.md, "Your page against the embedded stack")',
  'Example: npm run new-page -- acme http://localhost:3000/signup',
].join('\n');

/** Why the arguments cannot be used, said with what to type instead. */
export class ArgumentsError extends Error {
  override name = 'ArgumentsError';
}

/** Where the page descriptions are, relative to the repository (pages/ui/index.ts finds them by file name). */
export const descriptionPath = (name: string) => `pages/ui/${name}.ts`;

/** The arguments, checked: a name a file of pages/ui/ can have and that no file has yet, and an http(s) URL. */
export function parseArguments(args: string[], exists: (file: string) => boolean = existsSync): NewPageArguments {
  const [name, url, ...rest] = args;
  if (!name || !url) throw new ArgumentsError(`${name ? 'The URL is' : 'NAME and URL are'} missing.\n${USAGE}`);
  if (rest.length) throw new ArgumentsError(`Too many arguments: ${rest.map((a) => JSON.stringify(a)).join(' ')}.\n${USAGE}`);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    throw new ArgumentsError(`NAME ${JSON.stringify(name)} cannot name a page: use lower case letters, digits and dashes, starting with a letter or digit (e.g. acme-signup).`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ArgumentsError(`URL ${JSON.stringify(url)} is not a URL: give your sign-up page's whole address, e.g. http://localhost:3000/signup.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ArgumentsError(`URL ${JSON.stringify(url)} is ${parsed.protocol.replace(/:$/, '')}, not http or https: give the address your browser opens the sign-up page at.`);
  }
  const file = descriptionPath(name);
  if (exists(file)) {
    throw new ArgumentsError(`${file} exists already: it is left as it is. Choose another NAME, or delete or rename that file first.`);
  }
  return { name, url, file };
}
