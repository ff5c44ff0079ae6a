/** A text cut to `n` characters, with an ellipsis when cut: for quoting a mail or a record in an error. */
export const clip = (s: string, n = 160): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/** A literal text as a regular expression matches it (the slash too, so it may be shown between slashes). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
