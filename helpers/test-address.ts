/**
 * Whether an address belongs to one of the test inboxes' domains: the part
 * after the last "@" must equal one of them exactly, so `x@evil.io`,
 * `x@inbox.test.evil.io` or an empty value never pass.
 */
export function isTestAddress(email: string, domains: readonly string[]): boolean {
  const at = email.lastIndexOf('@');
  if (at <= 0) return false;
  const domain = email.slice(at + 1).toLowerCase();
  return domains.some((allowed) => allowed.toLowerCase() === domain);
}
